/*
 * TruongSo SCORM runtime (SCORM 1.2 window.API and SCORM 2004 window.API_1484_11), served into the package's own
 * frame. The player loads package content in a sandboxed frame with an opaque origin, so the content cannot reach
 * the player page (window.parent.API would throw a cross-origin error) and cannot reach the application's cookies or
 * pages either. The API object therefore lives in the content frame itself; the standard API discovery (which looks
 * at the current window before its parents) finds it there. GetValue is answered from the learner's data, delivered
 * with this script; Commit/Finish/Terminate send what was set to the server with the launch token in the URL (no
 * cookie is ever sent: the request carries no credentials), and the player page is told by postMessage.
 */
(function () {
  'use strict';
  var cfg = window.__truongsoScorm;
  if (!cfg) { return; }
  // With a separate content origin, nested package frames are same-origin: keep one API instance, the topmost one.
  try {
    if (window.parent && window.parent !== window && window.parent.__truongsoScorm &&
        (window.parent.API || window.parent.API_1484_11)) { return; }
  } catch (e) { /* cross-origin parent: this frame gets its own API */ }

  var realParent = window.parent;
  var scorm12 = cfg.standard === 'SCORM_12';
  var values = cfg.values || {};
  var changed = {};
  var state = 0; // 0 not initialized, 1 initialized, 2 terminated
  var lastError = 0;
  var lastDiagnostic = '';

  var VOCAB = {
    status12: ['passed', 'completed', 'failed', 'incomplete', 'browsed'],
    objStatus12: ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'],
    exit12: ['', 'time-out', 'suspend', 'logout'],
    completion: ['completed', 'incomplete', 'not attempted', 'unknown'],
    success: ['passed', 'failed', 'unknown'],
    exit2004: ['', 'time-out', 'suspend', 'logout', 'normal'],
    interactionType12: ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'],
    interactionType: ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'],
    result12: ['correct', 'wrong', 'unanticipated', 'neutral'],
    result: ['correct', 'incorrect', 'unanticipated', 'neutral'],
    nav: ['continue', 'previous', 'choice', 'jump', 'exit', 'exitAll', 'abandon', 'abandonAll', 'suspendAll', '_none_']
  };

  // Type checks: return 0 when valid, 'type' for a type mismatch, 'range' for a value out of range.
  function str(max) { return function (v) { return v.length <= max ? 0 : (scorm12 ? 'type' : 0); }; }
  function vocab(list) { return function (v) { return list.indexOf(v) >= 0 ? 0 : 'type'; }; }
  function decimal(min, max, blankOk) {
    return function (v) {
      if (v === '' && blankOk) { return 0; }
      if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(v)) { return 'type'; }
      var n = parseFloat(v);
      if ((min !== null && n < min) || (max !== null && n > max)) { return scorm12 ? 'type' : 'range'; }
      return 0;
    };
  }
  function timespan12(v) { return /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/.test(v) ? 0 : 'type'; }
  function time12(v) { return /^\d{2}:\d{2}:\d{2}(\.\d{1,2})?$/.test(v) ? 0 : 'type'; }
  function duration(v) {
    return /^P(?=.)(\d+Y)?(\d+M)?(\d+D)?(T(?=.)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/.test(v) ? 0 : 'type';
  }
  function timestamp(v) {
    return /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,2})?)?)?(Z|[+-]\d{2}(:\d{2})?)?)?)?)?$/.test(v) ? 0 : 'type';
  }
  function nav(v) { return VOCAB.nav.indexOf(v) >= 0 || /^\{target=[^}]+\}(choice|jump)$/.test(v) ? 0 : 'type'; }
  function result2004(v) { return VOCAB.result.indexOf(v) >= 0 || decimal(null, null)(v) === 0 ? 0 : 'type'; }
  function result12(v) { return VOCAB.result12.indexOf(v) >= 0 || decimal(null, null)(v) === 0 ? 0 : 'type'; }
  function any() { return 0; }
  function captioning(v) { return ['-1', '0', '1'].indexOf(v) >= 0 ? 0 : 'type'; }

  // Element table: [pattern, access ('ro' | 'rw' | 'wo'), check, children-keyword value]. 'n' and 'm' are array indices.
  var MODEL12 = [
    ['cmi.core._children', 'ro', null, 'student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time'],
    ['cmi.core.student_id', 'ro'], ['cmi.core.student_name', 'ro'],
    ['cmi.core.lesson_location', 'rw', str(255)], ['cmi.core.credit', 'ro'],
    ['cmi.core.lesson_status', 'rw', vocab(VOCAB.status12)], ['cmi.core.entry', 'ro'],
    ['cmi.core.score._children', 'ro', null, 'raw,min,max'],
    ['cmi.core.score.raw', 'rw', decimal(0, 100, true)], ['cmi.core.score.min', 'rw', decimal(0, 100, true)],
    ['cmi.core.score.max', 'rw', decimal(0, 100, true)],
    ['cmi.core.total_time', 'ro'], ['cmi.core.lesson_mode', 'ro'],
    ['cmi.core.exit', 'wo', vocab(VOCAB.exit12)], ['cmi.core.session_time', 'wo', timespan12],
    ['cmi.suspend_data', 'rw', str(4096)], ['cmi.launch_data', 'ro'],
    ['cmi.comments', 'rw', str(4096)], ['cmi.comments_from_lms', 'ro'],
    ['cmi.objectives._children', 'ro', null, 'id,score,status'], ['cmi.objectives._count', 'ro'],
    ['cmi.objectives.n.id', 'rw', str(255)], ['cmi.objectives.n.score._children', 'ro', null, 'raw,min,max'],
    ['cmi.objectives.n.score.raw', 'rw', decimal(0, 100, true)], ['cmi.objectives.n.score.min', 'rw', decimal(0, 100, true)],
    ['cmi.objectives.n.score.max', 'rw', decimal(0, 100, true)], ['cmi.objectives.n.status', 'rw', vocab(VOCAB.objStatus12)],
    ['cmi.student_data._children', 'ro', null, 'mastery_score,max_time_allowed,time_limit_action'],
    ['cmi.student_data.mastery_score', 'ro'], ['cmi.student_data.max_time_allowed', 'ro'], ['cmi.student_data.time_limit_action', 'ro'],
    ['cmi.student_preference._children', 'ro', null, 'audio,language,speed,text'],
    ['cmi.student_preference.audio', 'rw', decimal(-1, 100)], ['cmi.student_preference.language', 'rw', str(255)],
    ['cmi.student_preference.speed', 'rw', decimal(-100, 100)], ['cmi.student_preference.text', 'rw', decimal(-1, 1)],
    ['cmi.interactions._children', 'ro', null, 'id,objectives,time,type,correct_responses,weighting,student_response,result,latency'],
    ['cmi.interactions._count', 'ro'],
    ['cmi.interactions.n.id', 'wo', str(255)], ['cmi.interactions.n.objectives._count', 'ro'],
    ['cmi.interactions.n.objectives.m.id', 'wo', str(255)], ['cmi.interactions.n.time', 'wo', time12],
    ['cmi.interactions.n.type', 'wo', vocab(VOCAB.interactionType12)], ['cmi.interactions.n.correct_responses._count', 'ro'],
    ['cmi.interactions.n.correct_responses.m.pattern', 'wo', str(255)], ['cmi.interactions.n.weighting', 'wo', decimal(null, null)],
    ['cmi.interactions.n.student_response', 'wo', str(255)], ['cmi.interactions.n.result', 'wo', result12],
    ['cmi.interactions.n.latency', 'wo', timespan12]
  ];
  var MODEL2004 = [
    ['cmi._version', 'ro'],
    ['cmi.comments_from_learner._children', 'ro', null, 'comment,location,timestamp'], ['cmi.comments_from_learner._count', 'ro'],
    ['cmi.comments_from_learner.n.comment', 'rw', str(4000)], ['cmi.comments_from_learner.n.location', 'rw', str(250)],
    ['cmi.comments_from_learner.n.timestamp', 'rw', timestamp],
    ['cmi.comments_from_lms._children', 'ro', null, 'comment,location,timestamp'], ['cmi.comments_from_lms._count', 'ro'],
    ['cmi.completion_status', 'rw', vocab(VOCAB.completion)], ['cmi.completion_threshold', 'ro'],
    ['cmi.credit', 'ro'], ['cmi.entry', 'ro'], ['cmi.exit', 'wo', vocab(VOCAB.exit2004)],
    ['cmi.interactions._children', 'ro', null, 'id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description'],
    ['cmi.interactions._count', 'ro'],
    ['cmi.interactions.n.id', 'rw', str(4000)], ['cmi.interactions.n.type', 'rw', vocab(VOCAB.interactionType)],
    ['cmi.interactions.n.objectives._count', 'ro'], ['cmi.interactions.n.objectives.m.id', 'rw', str(4000)],
    ['cmi.interactions.n.timestamp', 'rw', timestamp], ['cmi.interactions.n.correct_responses._count', 'ro'],
    ['cmi.interactions.n.correct_responses.m.pattern', 'rw', any], ['cmi.interactions.n.weighting', 'rw', decimal(null, null)],
    ['cmi.interactions.n.learner_response', 'rw', any], ['cmi.interactions.n.result', 'rw', result2004],
    ['cmi.interactions.n.latency', 'rw', duration], ['cmi.interactions.n.description', 'rw', str(250)],
    ['cmi.launch_data', 'ro'], ['cmi.learner_id', 'ro'], ['cmi.learner_name', 'ro'],
    ['cmi.learner_preference._children', 'ro', null, 'audio_level,language,delivery_speed,audio_captioning'],
    ['cmi.learner_preference.audio_level', 'rw', decimal(0, null)], ['cmi.learner_preference.language', 'rw', str(250)],
    ['cmi.learner_preference.delivery_speed', 'rw', decimal(0, null)], ['cmi.learner_preference.audio_captioning', 'rw', captioning],
    ['cmi.location', 'rw', str(1000)], ['cmi.max_time_allowed', 'ro'], ['cmi.mode', 'ro'],
    ['cmi.objectives._children', 'ro', null, 'id,score,success_status,completion_status,progress_measure,description'],
    ['cmi.objectives._count', 'ro'],
    ['cmi.objectives.n.id', 'rw', str(4000)], ['cmi.objectives.n.score._children', 'ro', null, 'scaled,raw,min,max'],
    ['cmi.objectives.n.score.scaled', 'rw', decimal(-1, 1)], ['cmi.objectives.n.score.raw', 'rw', decimal(null, null)],
    ['cmi.objectives.n.score.min', 'rw', decimal(null, null)], ['cmi.objectives.n.score.max', 'rw', decimal(null, null)],
    ['cmi.objectives.n.success_status', 'rw', vocab(VOCAB.success)],
    ['cmi.objectives.n.completion_status', 'rw', vocab(VOCAB.completion)],
    ['cmi.objectives.n.progress_measure', 'rw', decimal(0, 1)], ['cmi.objectives.n.description', 'rw', str(250)],
    ['cmi.progress_measure', 'rw', decimal(0, 1)], ['cmi.scaled_passing_score', 'ro'],
    ['cmi.score._children', 'ro', null, 'scaled,raw,min,max'],
    ['cmi.score.scaled', 'rw', decimal(-1, 1)], ['cmi.score.raw', 'rw', decimal(null, null)],
    ['cmi.score.min', 'rw', decimal(null, null)], ['cmi.score.max', 'rw', decimal(null, null)],
    ['cmi.session_time', 'wo', duration], ['cmi.success_status', 'rw', vocab(VOCAB.success)],
    ['cmi.suspend_data', 'rw', str(64000)], ['cmi.time_limit_action', 'ro'], ['cmi.total_time', 'ro'],
    ['adl.nav.request', 'rw', nav], ['adl.nav.request_valid.continue', 'ro'], ['adl.nav.request_valid.previous', 'ro']
  ];
  var MODEL = scorm12 ? MODEL12 : MODEL2004;

  var ERR = scorm12 ? {
    general: 101, argument: 201, noChildren: 202, notArray: 203, notInitialized: 301, undefinedElement: 401,
    keyword: 402, readOnly: 403, writeOnly: 404, type: 405, range: 405, valueNotInitialized: 0, index: 201, dependency: 201,
    getFailure: 202, countFailure: 203, commitFailure: 101, alreadyInitialized: 101, terminated: 101,
    termBeforeInit: 301, termAfterTerm: 101, getBeforeInit: 301, getAfterTerm: 101, setBeforeInit: 301, setAfterTerm: 101,
    commitBeforeInit: 301, commitAfterTerm: 101
  } : {
    general: 101, argument: 201, noChildren: 301, notArray: 301, notInitialized: 301, undefinedElement: 401,
    keyword: 404, readOnly: 404, writeOnly: 405, type: 406, range: 407, valueNotInitialized: 403, index: 351, dependency: 408,
    getFailure: 301, countFailure: 301, commitFailure: 391, alreadyInitialized: 103, terminated: 104,
    termBeforeInit: 112, termAfterTerm: 113, getBeforeInit: 122, getAfterTerm: 123, setBeforeInit: 132, setAfterTerm: 133,
    commitBeforeInit: 142, commitAfterTerm: 143
  };
  var MESSAGES = {
    0: 'No error', 101: 'General exception', 102: 'General Initialization Failure', 103: 'Already Initialized',
    104: 'Content Instance Terminated', 111: 'General Termination Failure', 112: 'Termination Before Initialization',
    113: 'Termination After Termination', 122: 'Retrieve Data Before Initialization', 123: 'Retrieve Data After Termination',
    132: 'Store Data Before Initialization', 133: 'Store Data After Termination', 142: 'Commit Before Initialization',
    143: 'Commit After Termination', 201: scorm12 ? 'Invalid argument error' : 'General Argument Error',
    202: 'Element cannot have children', 203: 'Element not an array - cannot have count',
    301: scorm12 ? 'Not initialized' : 'General Get Failure', 351: 'General Set Failure', 391: 'General Commit Failure',
    401: scorm12 ? 'Not implemented error' : 'Undefined Data Model Element', 402: scorm12 ? 'Invalid set value, element is a keyword' : 'Unimplemented Data Model Element',
    403: scorm12 ? 'Element is read only' : 'Data Model Element Value Not Initialized',
    404: scorm12 ? 'Element is write only' : 'Data Model Element Is Read Only', 405: scorm12 ? 'Incorrect Data Type' : 'Data Model Element Is Write Only',
    406: 'Data Model Element Type Mismatch', 407: 'Data Model Element Value Out Of Range', 408: 'Data Model Dependency Not Established'
  };

  function fail(code, diagnostic) { lastError = code; lastDiagnostic = diagnostic || ''; }
  function ok() { lastError = 0; lastDiagnostic = ''; }

  // Resolves "cmi.objectives.2.score.raw" to its definition and array positions.
  function lookup(element) {
    var parts = element.split('.');
    var indices = [];
    var generic = [];
    for (var i = 0; i < parts.length; i++) {
      if (/^\d+$/.test(parts[i])) { indices.push({ at: i, value: parseInt(parts[i], 10) }); generic.push(indices.length === 1 ? 'n' : 'm'); }
      else { generic.push(parts[i]); }
    }
    var name = generic.join('.');
    for (var j = 0; j < MODEL.length; j++) {
      if (MODEL[j][0] === name) {
        return { def: MODEL[j], parts: parts, indices: indices };
      }
    }
    return null;
  }

  function count(prefix) {
    var seen = {};
    var n = 0;
    var re = new RegExp('^' + prefix.replace(/\./g, '\\.') + '\\.(\\d+)\\.');
    for (var key in values) {
      if (Object.prototype.hasOwnProperty.call(values, key)) {
        var m = re.exec(key);
        if (m && !seen[m[1]]) { seen[m[1]] = true; n++; }
      }
    }
    return n;
  }

  // True when the element, or a group of elements under it, is in the data model (array indices as n, m).
  function isKnownPrefix(element) {
    var n = 0;
    var generic = element.replace(/\.\d+(?=\.|$)/g, function () { return n++ === 0 ? '.n' : '.m'; });
    return MODEL.some(function (d) { return d[0] === generic || d[0].indexOf(generic + '.') === 0; });
  }

  function getValue(element) {
    element = String(element === undefined || element === null ? '' : element);
    if (state === 0) { fail(ERR.getBeforeInit); return ''; }
    if (state === 2) { fail(ERR.getAfterTerm); return ''; }
    if (element === '') { fail(scorm12 ? 201 : ERR.getFailure); return ''; }
    var found = lookup(element);
    if (!found) {
      var last = element.substring(element.lastIndexOf('.') + 1);
      if (last === '_children' && isKnownPrefix(element.substring(0, element.lastIndexOf('.')))) { fail(ERR.noChildren); return ''; }
      if (last === '_count' && isKnownPrefix(element.substring(0, element.lastIndexOf('.')))) { fail(ERR.notArray); return ''; }
      fail(ERR.undefinedElement, element); return '';
    }
    var def = found.def;
    if (def[1] === 'wo') { fail(ERR.writeOnly); return ''; }
    if (def[3] !== undefined) { ok(); return def[3]; }
    if (/\._count$/.test(element)) { ok(); return String(count(element.substring(0, element.length - 7))); }
    for (var i = 0; i < found.indices.length; i++) {
      var prefix = found.parts.slice(0, found.indices[i].at).join('.');
      if (found.indices[i].value >= count(prefix)) { fail(ERR.getFailure, 'no such index'); return ''; }
    }
    if (Object.prototype.hasOwnProperty.call(values, element)) { ok(); return values[element]; }
    if (scorm12) { ok(); return ''; }
    fail(ERR.valueNotInitialized); return '';
  }

  function setValue(element, value) {
    element = String(element === undefined || element === null ? '' : element);
    value = String(value === undefined || value === null ? '' : value);
    if (state === 0) { fail(ERR.setBeforeInit); return 'false'; }
    if (state === 2) { fail(ERR.setAfterTerm); return 'false'; }
    if (element === '') { fail(scorm12 ? 201 : 351); return 'false'; }
    var found = lookup(element);
    if (!found) {
      var last = element.substring(element.lastIndexOf('.') + 1);
      if (last === '_children' || last === '_count' || last === '_version') { fail(ERR.keyword); return 'false'; }
      fail(ERR.undefinedElement, element); return 'false';
    }
    var def = found.def;
    if (/\._(children|count|version)$/.test(element) || def[3] !== undefined) { fail(ERR.keyword); return 'false'; }
    if (def[1] === 'ro') { fail(ERR.readOnly); return 'false'; }
    for (var i = 0; i < found.indices.length; i++) {
      var prefix = found.parts.slice(0, found.indices[i].at).join('.');
      var n = count(prefix);
      if (found.indices[i].value > n) { fail(ERR.index, 'index out of order'); return 'false'; }
      if (!scorm12 && found.indices[i].value === n) {
        var idElement = prefix + '.' + found.indices[i].value + '.' + (prefix.match(/correct_responses$/) ? 'pattern' : 'id');
        if (idElement !== element && !/comments_from_learner$/.test(prefix)) { fail(ERR.dependency, 'set ' + idElement + ' first'); return 'false'; }
      }
    }
    var problem = def[2] ? def[2](value) : 0;
    if (problem === 'type') { fail(ERR.type, value); return 'false'; }
    if (problem === 'range') { fail(ERR.range, value); return 'false'; }
    values[element] = value;
    changed[element] = value;
    ok();
    return 'true';
  }

  // Sends what changed since the last commit. Synchronous on purpose: LMSCommit/Commit must answer whether the data
  // was stored. text/plain keeps it a simple request (no preflight); no credentials are sent, only the token URL.
  function send(finished) {
    var body = JSON.stringify({ values: changed, finished: !!finished });
    var stored = false;
    try {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', cfg.commitUrl, false);
      xhr.setRequestHeader('Content-Type', 'text/plain;charset=UTF-8');
      xhr.send(body);
      if (xhr.status !== 200) { return false; }
      stored = true;
    } catch (e) {
      // Browsers refuse synchronous requests while a page is being closed, which is when much content calls
      // LMSFinish: hand the data to the browser to deliver after the page is gone.
      stored = !!(navigator.sendBeacon && navigator.sendBeacon(cfg.commitUrl, new Blob([body], { type: 'text/plain' })));
    }
    if (!stored) { return false; }
    changed = {};
    // On Terminate, the SCO's navigation request (SCORM 2004 adl.nav.request: continue, previous, {target=ID}choice)
    // goes to the player page, which opens the next, previous or chosen SCO.
    var navRequest = finished && !scorm12 ? (values['adl.nav.request'] || '') : '';
    try { realParent.postMessage({ type: 'truongso-scorm', event: finished ? 'finished' : 'committed', attemptId: cfg.attemptId, nav: navRequest }, '*'); } catch (e) { /* no player page */ }
    return true;
  }

  function initialize(arg) {
    if (String(arg === undefined || arg === null ? '' : arg) !== '') { fail(201); return 'false'; }
    if (state === 1) { fail(ERR.alreadyInitialized); return 'false'; }
    if (state === 2) { fail(ERR.terminated); return 'false'; }
    state = 1; ok(); return 'true';
  }

  function commit(arg) {
    if (String(arg === undefined || arg === null ? '' : arg) !== '') { fail(201); return 'false'; }
    if (state === 0) { fail(ERR.commitBeforeInit); return 'false'; }
    if (state === 2) { fail(ERR.commitAfterTerm); return 'false'; }
    if (!send(false)) { fail(ERR.commitFailure, 'the server did not store the data'); return 'false'; }
    ok(); return 'true';
  }

  function terminate(arg) {
    if (String(arg === undefined || arg === null ? '' : arg) !== '') { fail(201); return 'false'; }
    if (state === 0) { fail(ERR.termBeforeInit); return 'false'; }
    if (state === 2) { fail(ERR.termAfterTerm); return 'false'; }
    if (!send(true)) { fail(scorm12 ? 101 : 111, 'the server did not store the data'); return 'false'; }
    state = 2; ok(); return 'true';
  }

  function errorString(code) { var m = MESSAGES[parseInt(code, 10)]; return m === undefined ? '' : m; }
  function diagnostic(code) { return code === undefined || code === null || code === '' || parseInt(code, 10) === lastError ? lastDiagnostic : errorString(code); }

  // A page closed without LMSFinish/Terminate still keeps what it set (best effort; the browser gives no answer).
  window.addEventListener('pagehide', function () {
    if (state === 1 && Object.keys(changed).length > 0 && navigator.sendBeacon) {
      navigator.sendBeacon(cfg.commitUrl, new Blob([JSON.stringify({ values: changed, finished: false })], { type: 'text/plain' }));
      changed = {};
    }
  });

  // Content commonly declares "var API = null;" at the top of its own script (Rustici's examples do), which, with the
  // API in the same window, would overwrite it. An accessor that ignores writes keeps the object in place: a global
  // var declaration does not redefine an existing property, and the content's later "API = findAPI(...)" stores the
  // very same object anyway.
  function install(name, api) {
    Object.defineProperty(window, name, { configurable: true, enumerable: true, get: function () { return api; }, set: function () { } });
  }

  // SCORM 2004's discovery algorithm (ADL's GetAPI) starts at window.parent, not at the window itself. From an
  // opaque-origin frame the real parent (the player page) is another origin, and reading a property of it throws. So
  // when the parent cannot be reached, window.parent (a [Replaceable] attribute) becomes a stand-in that carries the
  // API and forwards postMessage to the real parent; nothing the content could use on the real parent is lost.
  function parentReachable() {
    try { return realParent === window || !!realParent.document; } catch (e) { return false; }
  }
  var standIn = null;
  if (!parentReachable()) {
    standIn = {
      postMessage: function (message, targetOrigin, transfer) { return realParent.postMessage(message, targetOrigin, transfer); },
      opener: null,
      closed: false,
      length: 0
    };
    standIn.parent = standIn;
    standIn.top = standIn;
    try {
      Object.defineProperty(window, 'parent', { configurable: true, enumerable: true, get: function () { return standIn; } });
    } catch (e) { /* the browser keeps parent unforgeable: 2004 content that starts at the parent will not find the API */ }
  }

  if (scorm12) {
    install('API', api12());
  } else {
    install('API_1484_11', api2004());
  }
  if (standIn) {
    standIn.API = window.API;
    standIn.API_1484_11 = window.API_1484_11;
  }

  function api12() {
    return {
      LMSInitialize: initialize,
      LMSFinish: terminate,
      LMSGetValue: getValue,
      LMSSetValue: setValue,
      LMSCommit: commit,
      LMSGetLastError: function () { return String(lastError); },
      LMSGetErrorString: errorString,
      LMSGetDiagnostic: diagnostic
    };
  }

  function api2004() {
    return {
      version: '1.0',
      Initialize: initialize,
      Terminate: terminate,
      GetValue: getValue,
      SetValue: setValue,
      Commit: commit,
      GetLastError: function () { return String(lastError); },
      GetErrorString: errorString,
      GetDiagnostic: diagnostic
    };
  }
}());
