// Shows what the package's runtime reported (it lives in the sandboxed frame and tells the player by postMessage).
(function () {
  'use strict';
  var frame = document.getElementById('package-frame');
  var status = document.getElementById('player-status');
  if (!frame || !status) { return; }
  window.addEventListener('message', function (event) {
    // Only the package frame may report; its origin is opaque ("null") or the content origin.
    if (event.source !== frame.contentWindow || !event.data || event.data.type !== 'truongso-scorm') { return; }
    status.textContent = event.data.event === 'finished' ? '✔' : '✓';
    status.setAttribute('data-event', event.data.event);
    // Basic SCORM 2004 sequencing between SCOs: flow (continue / previous) and choice, as the SCO requested on Terminate.
    var nav = typeof event.data.nav === 'string' ? event.data.nav : '';
    var target = null;
    if (nav === 'continue') {
      target = document.getElementById('player-next');
      target = target ? target.getAttribute('href') : null;
    } else if (nav === 'previous') {
      target = document.getElementById('player-previous');
      target = target ? target.getAttribute('href') : null;
    } else {
      var choice = /^\{target=([^}]+)\}(choice|jump)$/.exec(nav);
      var base = frame.getAttribute('data-play-base');
      if (choice && base) { target = base + '?item=' + encodeURIComponent(choice[1]); }
    }
    if (target) { window.location.assign(target); }
  });
}());
