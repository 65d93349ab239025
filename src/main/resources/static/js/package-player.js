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
  });
}());
