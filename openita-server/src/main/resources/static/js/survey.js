/* Optional help on the survey answer pages, which work without it: answers chosen are kept in this tab's session
   storage, so a reload (or a phone that drops the page) brings them back; the thank-you page forgets them. */
(function () {
  'use strict';
  var store;
  try { store = window.sessionStorage; } catch (e) { return; }
  var form = document.querySelector('form[data-keep]');
  if (form) {
    var key = 'openita:' + form.getAttribute('data-keep');
    var kept = {};
    try { kept = JSON.parse(store.getItem(key) || '{}') || {}; } catch (e) { kept = {}; }
    if (!form.querySelector('input[type=radio]:checked')) {
      var radios = form.querySelectorAll('input[type=radio]');
      for (var i = 0; i < radios.length; i++) {
        if (kept[radios[i].name] === radios[i].value) { radios[i].checked = true; }
      }
    }
    form.addEventListener('change', function (e) {
      var t = e.target;
      if (t && t.type === 'radio') {
        kept[t.name] = t.value;
        try { store.setItem(key, JSON.stringify(kept)); } catch (x) { /* storage full or off: nothing kept */ }
      }
    });
  }
  var done = document.querySelector('[data-forget]');
  if (done) {
    try { store.removeItem('openita:' + done.getAttribute('data-forget')); } catch (e) { /* nothing kept */ }
  }
}());
