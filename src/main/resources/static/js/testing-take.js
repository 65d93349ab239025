// Trường Số: the test-taking page. Every answer is saved the moment it is given (PUT with an increasing sequence
// number); while the connection is down answers wait in localStorage and a banner counts them; they are sent again
// when it returns. The countdown runs on the server's clock (serverNow offset); the server submits when time is up.
(function () {
  'use strict';

  var root, t, schoolId, sessionId;
  var attempt = null;       // {attemptId, token, deadline}
  var offset = 0;           // server time - local time, in ms
  var lastSeq = 0;
  var queue = [];           // [{q, seq, response}]
  var flushing = false;
  var failing = false;      // the last send failed (offline or the server unreachable)
  var closed = false;

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) { e.textContent = text; }
    return e;
  }
  function csrfHeaders() {
    var h = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { h[header.getAttribute('content')] = token.getAttribute('content'); }
    return h;
  }
  function tokenHeaders() {
    return {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Attempt-Token': attempt.token};
  }
  function showError(message) {
    var box = $('take-error');
    box.textContent = message;
    box.classList.toggle('d-none', !message);
  }
  function problemText(body) {
    if (!body) { return ''; }
    var lang = document.documentElement.lang === 'en';
    if (body.errors && body.errors.length) { return body.errors.map(function (e) { return lang ? e.messageEn : e.message; }).join(' '); }
    return (lang ? body.detailEn : body.detail) || body.detail || '';
  }

  // ---------------------------------------------------------------- start / resume

  // With an exam ticket (the /thi page) nobody is signed in: the ticket names the session and the student, and the
  // attempt token it returns is kept for a reload; the ticket itself is never stored.
  function ticketMode() { return root.dataset.entry === 'ticket'; }
  function attemptKey() { return ticketMode() ? 'ts-attempt-ticket' : 'ts-attempt-' + sessionId; }

  function start(code) {
    var request = ticketMode()
      ? fetch('/api/v1/attempts', {method: 'POST', headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
          body: JSON.stringify({ticket: $('ticket').value, accessCode: code || null})})
      : fetch('/api/v1/schools/' + schoolId + '/test-sessions/' + sessionId + '/attempts', {
          method: 'POST', credentials: 'same-origin', headers: csrfHeaders(), body: JSON.stringify({accessCode: code || null})});
    request.then(function (r) {
      return r.json().then(function (body) { return {ok: r.ok, body: body}; });
    }).then(function (res) {
      if (!res.ok) { showError(problemText(res.body)); $('code-form').classList.toggle('d-none', !root.dataset.needsCode || root.dataset.needsCode === 'false'); return; }
      showError('');
      $('code-form').classList.add('d-none');
      attempt = {attemptId: res.body.attemptId, token: res.body.attemptToken, code: code || null};
      if (ticketMode()) { showTitle(res.body.title); attempt.title = res.body.title; }
      localStorage.setItem(attemptKey(), JSON.stringify(attempt));
      render(res.body);
    }).catch(function () { showError(t('unsaved')); });
  }

  function showTitle(title) {
    if (title) { $('take-title').textContent = title; document.title = title; }
  }

  // Ticket mode after a reload: the saved attempt token reads the attempt back; if it no longer can, the form again.
  function resumeWithToken(saved) {
    attempt = saved;
    showTitle(saved.title);
    fetch('/api/v1/attempts/' + saved.attemptId, {headers: tokenHeaders()}).then(function (r) {
      if (!r.ok) { throw new Error('gone'); }
      return r.json();
    }).then(render).catch(function () {
      localStorage.removeItem(attemptKey());
      attempt = null;
      $('code-form').classList.remove('d-none');
    });
  }

  function render(state) {
    offset = Date.parse(state.serverNow) - Date.now();
    attempt.deadline = Date.parse(state.deadline);
    var saved = {};
    (state.answers || []).forEach(function (a) { saved[a.questionId] = a; lastSeq = Math.max(lastSeq, a.seq); });
    queue = JSON.parse(localStorage.getItem('ts-queue-' + attempt.attemptId) || '[]');
    queue.forEach(function (item) { lastSeq = Math.max(lastSeq, item.seq); saved[item.q] = {response: item.response}; });
    var list = $('questions');
    list.textContent = '';
    state.questions.forEach(function (q) { list.appendChild(question(q, saved[q.id] ? saved[q.id].response : null)); });
    $('submit-area').classList.remove('d-none');
    if (state.status === 'SUBMITTED') { finished(state); return; }
    tick();
    flush();
  }

  // ---------------------------------------------------------------- one question

  function question(q, response) {
    var li = el('li', {'class': 'card mb-3', id: 'q-' + q.id, 'data-question': q.id});
    var body = el('div', {'class': 'card-body'});
    li.appendChild(body);
    body.appendChild(el('div', {'class': 'fw-semibold mb-1'}, t('question') + ' ' + q.number + ' (' + q.points + ')'));
    var stem = el('div', {'class': 'mb-2 ts-stem'});
    stem.innerHTML = q.stemHtml; // cleaned by the server against an allowlist
    body.appendChild(stem);
    var name = 'a-' + q.id;
    var change = function () { answer(q, li); };
    if (q.answerKind === 'selected' && q.type === 'ORDERING') {
      var ol = el('ol', {'class': 'list-group list-group-numbered', 'data-ordering': ''});
      var items = q.options.slice();
      if (response && response.selected) {
        items.sort(function (a, b) { return response.selected.indexOf(a.id) - response.selected.indexOf(b.id); });
      }
      items.forEach(function (o) {
        var item = el('li', {'class': 'list-group-item d-flex justify-content-between align-items-center', 'data-id': o.id});
        var text = el('span'); text.innerHTML = o.html; item.appendChild(text);
        var buttons = el('span', {'class': 'btn-group btn-group-sm'});
        [['up', -1], ['down', 1]].forEach(function (d) {
          var b = el('button', {type: 'button', 'class': 'btn btn-outline-secondary', 'aria-label': t(d[0])}, d[1] < 0 ? '↑' : '↓');
          b.addEventListener('click', function () {
            var sibling = d[1] < 0 ? item.previousElementSibling : item.nextElementSibling;
            if (sibling) { ol.insertBefore(d[1] < 0 ? item : sibling, d[1] < 0 ? sibling : item); change(); }
          });
          buttons.appendChild(b);
        });
        item.appendChild(buttons);
        ol.appendChild(item);
      });
      body.appendChild(ol);
    } else if (q.answerKind === 'selected') {
      var multi = q.type === 'MULTIPLE_RESPONSE';
      q.options.forEach(function (o, i) {
        var div = el('div', {'class': 'form-check py-1'});
        var id = name + '-' + i;
        var input = el('input', {'class': 'form-check-input', type: multi ? 'checkbox' : 'radio', name: name, id: id, value: o.id});
        if (response && response.selected && response.selected.indexOf(o.id) >= 0) { input.checked = true; }
        input.addEventListener('change', change);
        var label = el('label', {'class': 'form-check-label', 'for': id});
        if (q.type === 'TRUE_FALSE') { label.textContent = o.id === 'true' ? t('true') : t('false'); } else { label.innerHTML = o.html; }
        div.appendChild(input); div.appendChild(label); body.appendChild(div);
      });
    } else if (q.answerKind === 'values') {
      var values = (response && response.values) || {};
      if (q.statements) {
        q.statements.forEach(function (s) {
          var row = el('div', {'class': 'd-flex justify-content-between align-items-center border-top py-1 gap-2', 'data-key': s.id});
          row.appendChild(el('span', {}, s.id + ')'));
          var html = el('span', {'class': 'flex-grow-1'}); html.innerHTML = s.html; row.appendChild(html);
          ['true', 'false'].forEach(function (v) {
            var id = name + '-' + s.id + '-' + v;
            var wrap = el('span', {'class': 'form-check form-check-inline m-0'});
            var input = el('input', {'class': 'form-check-input', type: 'radio', name: name + '-' + s.id, id: id, value: v});
            if (values[s.id] === v) { input.checked = true; }
            input.addEventListener('change', change);
            wrap.appendChild(input); wrap.appendChild(el('label', {'class': 'form-check-label', 'for': id}, t(v)));
            row.appendChild(wrap);
          });
          body.appendChild(row);
        });
      } else if (q.prompts) {
        q.prompts.forEach(function (p) {
          var row = el('div', {'class': 'mb-2', 'data-key': p.id});
          var label = el('label', {'class': 'form-label mb-0', 'for': name + '-' + p.id}); label.innerHTML = p.html; row.appendChild(label);
          var select = el('select', {'class': 'form-select', id: name + '-' + p.id});
          select.appendChild(el('option', {value: ''}, t('choose')));
          q.answers.forEach(function (a) { var opt = el('option', {value: a}, a); if (values[p.id] === a) { opt.selected = true; } select.appendChild(opt); });
          select.addEventListener('change', change);
          row.appendChild(select); body.appendChild(row);
        });
      } else if (q.gaps) {
        q.gaps.forEach(function (g, i) {
          var row = el('div', {'class': 'mb-2', 'data-key': g.id});
          row.appendChild(el('label', {'class': 'form-label mb-0', 'for': name + '-' + g.id}, '(' + (i + 1) + ')'));
          var input;
          if (g.select) {
            input = el('select', {'class': 'form-select', id: name + '-' + g.id});
            input.appendChild(el('option', {value: ''}, t('choose')));
            g.options.forEach(function (o) { var opt = el('option', {value: o.id}); opt.innerHTML = o.html; if (values[g.id] === o.id) { opt.selected = true; } input.appendChild(opt); });
            input.addEventListener('change', change);
          } else {
            input = el('input', {'class': 'form-control', id: name + '-' + g.id, autocomplete: 'off'});
            input.value = values[g.id] || '';
            input.addEventListener('change', change);
          }
          row.appendChild(input); body.appendChild(row);
        });
      }
    } else if (q.answerKind === 'text') {
      var area = el(q.type === 'ESSAY' ? 'textarea' : 'input', {'class': 'form-control', id: name, rows: '6', autocomplete: 'off'});
      area.value = (response && response.text) || '';
      area.addEventListener('change', change);
      body.appendChild(area);
    }
    return li;
  }

  function read(q, li) {
    if (q.answerKind === 'selected' && q.type === 'ORDERING') {
      return {selected: Array.prototype.map.call(li.querySelectorAll('[data-ordering] [data-id]'), function (e) { return e.getAttribute('data-id'); })};
    }
    if (q.answerKind === 'selected') {
      return {selected: Array.prototype.filter.call(li.querySelectorAll('input'), function (i) { return i.checked; }).map(function (i) { return i.value; })};
    }
    if (q.answerKind === 'values') {
      var values = {};
      Array.prototype.forEach.call(li.querySelectorAll('[data-key]'), function (row) {
        var key = row.getAttribute('data-key');
        var checked = row.querySelector('input[type=radio]:checked');
        var field = row.querySelector('select, input:not([type=radio])');
        var v = checked ? checked.value : (field ? field.value : '');
        if (v !== '') { values[key] = v; }
      });
      return {values: values};
    }
    return {text: li.querySelector('textarea, input').value};
  }

  // ---------------------------------------------------------------- saving

  function answer(q, li) {
    if (closed) { return; }
    lastSeq = Math.max(lastSeq + 1, Date.now());
    queue = queue.filter(function (item) { return item.q !== q.id; });
    queue.push({q: q.id, seq: lastSeq, response: read(q, li)});
    persist();
    flush();
  }

  function persist() {
    localStorage.setItem('ts-queue-' + attempt.attemptId, JSON.stringify(queue));
    var banner = $('offline-banner');
    banner.textContent = queue.length + ' ' + t('unsaved');
    banner.classList.toggle('d-none', queue.length === 0 || (!failing && navigator.onLine));
  }

  function flush() {
    if (flushing || queue.length === 0 || closed) { persist(); return Promise.resolve(); }
    flushing = true;
    var item = queue[0];
    return fetch('/api/v1/attempts/' + attempt.attemptId + '/answers/' + item.q, {
      method: 'PUT', headers: tokenHeaders(), body: JSON.stringify({seq: item.seq, response: item.response})
    }).then(function (r) {
      flushing = false;
      failing = r.status >= 500;
      if (r.ok || r.status === 400 || r.status === 404) {
        // Saved (or refused for good: a later answer will replace it); only this exact item leaves the queue.
        queue = queue.filter(function (x) { return x !== item; });
        persist();
        return flush();
      }
      if (r.status === 409) { closed = true; queue = []; persist(); return refresh(); }
      persist();
      return null;
    }).catch(function () {
      flushing = false;
      failing = true;
      persist();
    });
  }

  // ---------------------------------------------------------------- time, submission, events

  function tick() {
    if (closed) { return; }
    var left = attempt.deadline - (Date.now() + offset);
    var box = $('countdown');
    if (left <= 0) {
      box.textContent = '00:00';
      closed = true;
      showError(t('timeup'));
      disable();
      // The server submits on its own; ask for the result a little later.
      setTimeout(refresh, 6000);
      return;
    }
    var s = Math.floor(left / 1000);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    box.textContent = (h > 0 ? h + ':' : '') + (m < 10 ? '0' : '') + m + ':' + (sec < 10 ? '0' : '') + sec;
    setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
  }

  function disable() {
    Array.prototype.forEach.call($('questions').querySelectorAll('input, select, textarea, button'), function (e) { e.disabled = true; });
    $('submit-attempt').disabled = true;
  }

  function refresh() {
    return fetch('/api/v1/attempts/' + attempt.attemptId, {headers: tokenHeaders()}).then(function (r) { return r.ok ? r.json() : null; })
        .then(function (state) { if (state && state.status === 'SUBMITTED') { finished(state); } });
  }

  function finished(state) {
    closed = true;
    disable();
    localStorage.removeItem('ts-queue-' + attempt.attemptId);
    // A shared computer in the exam room: the next student starts from the ticket form.
    if (ticketMode()) { localStorage.removeItem(attemptKey()); }
    var result = $('result');
    result.textContent = t('submitted') + (state.resultsReleased && state.mark != null ? ' ' + t('mark') + ': ' + state.mark : '');
    result.classList.remove('d-none');
    $('countdown').textContent = '✓';
    if (state.review) {
      review(state);
    } else if (state.resultsReleased && !state.questions && !reviewAsked) {
      // The submission's answer carries the mark only: the review comes with the attempt's state.
      reviewAsked = true;
      refresh();
    }
  }

  // After the results are released: per question the points, the right answer and the feedback (server-cleaned HTML).
  var reviewAsked = false;
  function review(state) {
    var byId = {};
    (state.questions || []).forEach(function (q) { byId[q.id] = q; });
    state.review.forEach(function (r) {
      var li = $('q-' + r.questionId);
      if (!li || li.querySelector('.ts-review')) { return; }
      var q = byId[r.questionId] || {};
      var box = el('div', {'class': 'ts-review alert alert-light border mt-2 mb-0 small'});
      box.appendChild(el('div', {'class': 'fw-semibold'}, t('points') + ': ' + (r.pending ? '…' : r.points) + '/' + r.maxPoints));
      var right = [];
      var c = r.correct || {};
      var html = function (list, id) {
        var found = (list || []).filter(function (o) { return o.id === id; })[0];
        return found ? found.html : id;
      };
      (c.selected || []).forEach(function (id) { right.push(html(q.options, id)); });
      Object.keys(c.values || {}).forEach(function (id) {
        var v = c.values[id];
        var label = html((q.statements || []).concat(q.prompts || []), id);
        right.push(label + ' → ' + (v === 'true' ? t('true') : v === 'false' ? t('false') : html([].concat.apply([], (q.gaps || []).map(function (g) { return g.options || []; })), v)));
      });
      (c.texts || []).forEach(function (text) { right.push(text.replace(/[&<>"]/g, function (ch) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[ch]; })); });
      if (right.length) {
        var answerLine = el('div');
        answerLine.appendChild(el('span', {'class': 'fw-semibold'}, t('right') + ': '));
        var span = el('span'); span.innerHTML = right.join(' · '); answerLine.appendChild(span);
        box.appendChild(answerLine);
      }
      (r.feedbackHtml || []).forEach(function (f) { var d = el('div', {'class': 'ts-feedback'}); d.innerHTML = f; box.appendChild(d); });
      li.querySelector('.card-body').appendChild(box);
    });
  }

  function submit() {
    if (!window.confirm(t('confirm'))) { return; }
    flush().then(function () {
      if (queue.length > 0) { persist(); return; }
      return fetch('/api/v1/attempts/' + attempt.attemptId + '/submission', {method: 'POST', headers: tokenHeaders()})
          .then(function (r) { return r.json(); }).then(finished).catch(function () { persist(); });
    });
  }

  function event(kind) {
    if (!attempt || closed) { return; }
    try {
      fetch('/api/v1/attempts/' + attempt.attemptId + '/events', {method: 'POST', headers: tokenHeaders(), keepalive: true,
        body: JSON.stringify({kind: kind})}).catch(function () {});
    } catch (e) { /* never blocks the student */ }
  }

  function init() {
    root = $('take');
    if (!root) { return; }
    t = function (key) { return root.getAttribute('data-t-' + key) || key; };
    schoolId = root.dataset.school;
    sessionId = root.dataset.session;
    $('code-form').addEventListener('submit', function (e) { e.preventDefault(); start($('access-code').value); });
    $('submit-attempt').addEventListener('click', submit);
    window.addEventListener('online', function () { event('ONLINE'); flush(); });
    window.addEventListener('offline', function () { persist(); });
    document.addEventListener('visibilitychange', function () { event(document.hidden ? 'HIDDEN' : 'VISIBLE'); });
    window.addEventListener('blur', function () { event('BLUR'); });
    setInterval(flush, 5000);
    var saved = JSON.parse(localStorage.getItem(attemptKey()) || 'null');
    if (ticketMode()) {
      if (saved) { resumeWithToken(saved); } else { $('code-form').classList.remove('d-none'); }
    } else if (root.dataset.needsCode === 'true' && !saved) {
      $('code-form').classList.remove('d-none');
    } else {
      start(saved ? saved.code : null);
    }
  }

  if (document.readyState !== 'loading') { init(); } else { document.addEventListener('DOMContentLoaded', init); }
})();
