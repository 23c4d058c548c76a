// The review queue's keyboard (templates/web/review.html; a file, as the Content-Security-Policy
// allows no inline script): a accept, c correct the plate (focuses its field; Enter submits),
// r reject (focuses the reason; Enter submits), n next hit, Escape leaves a field. Keys typed
// into a field are the field's, never a shortcut.
(function () {
  'use strict';
  function byId(id) { return document.getElementById(id); }
  function editing(el) {
    return el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' ||
                  el.isContentEditable);
  }
  function submit(form) {
    if (!form || form.dataset.sent) return;  // one submission per page: no double act
    form.dataset.sent = '1';
    form.requestSubmit();
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || !byId('hit')) return;
    const target = e.target;
    if (e.key === 'Escape' && editing(target)) {
      target.blur();
      return;
    }
    // Enter on the list of reasons submits the rejection (a select does not by itself).
    if (e.key === 'Enter' && target && target.id === 'reason-code') {
      e.preventDefault();
      submit(byId('form-reject'));
      return;
    }
    if (editing(target)) return;
    switch (e.key) {
      case 'a':
        e.preventDefault();
        submit(byId('form-accept'));
        break;
      case 'c': {
        e.preventDefault();
        const plate = byId('plate');
        plate.focus();
        plate.select();
        break;
      }
      case 'r':
        e.preventDefault();
        byId('reason-code').focus();
        break;
      case 'n': {
        e.preventDefault();
        const next = byId('next');
        if (next) window.location.assign(next.href);
        break;
      }
      default:
        break;
    }
  });
  // The reject form needs a reason: a listed one or a text (the server checks it too).
  const reject = byId('form-reject');
  if (reject) {
    reject.addEventListener('submit', function (e) {
      if (!byId('reason-code').value && !byId('reason').value.trim()) {
        e.preventDefault();
        delete reject.dataset.sent;
        byId('reason-code').focus();
      }
    });
  }
})();
