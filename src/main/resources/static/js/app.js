// Trường Số: the little JavaScript the pages need. The CSP allows only scripts from this site (no inline code), so
// every behaviour lives here and hooks onto data attributes.
(function () {
  'use strict';

  // htmx requests carry the CSRF token of the page, as Spring Security expects it for POSTs.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
    }
  });

  // A session that expired answers an htmx request with the sign-in page: load it as a page, not inside a table.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && /\/login$/.test(new URL(xhr.responseURL).pathname)) {
      event.detail.shouldSwap = false;
      window.location.href = xhr.responseURL;
    }
  });

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  ready(function () {
    // <button data-print>: the browser's print dialog (inline handlers are barred by the content security policy).
    document.querySelectorAll('[data-print]').forEach(function (b) {
      b.addEventListener('click', function () { window.print(); });
    });
    // <button data-confirm="…">: ask before a form that changes something important is sent.
    // <form data-disable-on-submit>: once sent, its buttons wait, so a slow line does not get a double upload.
    document.addEventListener('submit', function (event) {
      var form = event.target;
      var submitter = event.submitter;
      var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
      if (message && !window.confirm(message)) {
        event.preventDefault();
        return;
      }
      if (form.hasAttribute('data-disable-on-submit')) {
        window.setTimeout(function () {
          form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.disabled = true; });
        }, 0);
      }
    });

    // <button data-copy="#id">: copy a one-time secret (temporary password, API token) to the clipboard.
    document.querySelectorAll('[data-copy]').forEach(function (button) {
      button.addEventListener('click', function () {
        var source = document.querySelector(button.getAttribute('data-copy'));
        if (source && navigator.clipboard) {
          navigator.clipboard.writeText(source.textContent.trim()).then(function () {
            button.textContent = button.getAttribute('data-copied') || button.textContent;
          });
        }
      });
    });
  });
})();
