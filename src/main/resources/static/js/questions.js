// Trường Số: formulas in questions. Question text keeps LaTeX between \( \), \[ \] or $$ $$; KaTeX's auto-render
// typesets it in the browser, on load and in every part htmx swaps in (a practice answer's feedback).
(function () {
  'use strict';

  var OPTIONS = {
    delimiters: [
      { left: '$$', right: '$$', display: true },
      { left: '\\[', right: '\\]', display: true },
      { left: '\\(', right: '\\)', display: false }
    ],
    throwOnError: false
  };

  function typeset(root) {
    if (typeof window.renderMathInElement !== 'function' || !root) {
      return;
    }
    var parts = root.matches && root.matches('.ts-math') ? [root] : root.querySelectorAll('.ts-math');
    Array.prototype.forEach.call(parts, function (el) { window.renderMathInElement(el, OPTIONS); });
  }

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  ready(function () {
    typeset(document.body);
    document.body.setAttribute('data-math-ready', 'true');
  });
  document.addEventListener('htmx:afterSwap', function (event) { typeset(event.detail.elt); });
})();
