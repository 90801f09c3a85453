/* The field questionnaire's service worker (scope /field/): keeps the page, its script, style, manifest and icons, so
   the page opens with no network. The page is asked of the network first (it carries a fresh sign-in form token) and
   taken from the cache when the network does not answer, or answers with the sign-in page (the session ended when the
   browser closed: the page works on the device's token); the other files come from the cache and are refreshed behind.
   Requests to the API are not touched: the page sends them itself and keeps what is not sent in IndexedDB. */
'use strict';

var CACHE = 'openita-field-4';
var PAGE = '/field/app';
var FILES = ['/field/app.js', '/field/app.css', '/field/manifest.json', '/field/icon-192.png', '/field/icon-512.png'];
var PAGE_WAIT = 6000;

function keepPage(cache, res) {
  // only the page itself: not a redirect to the sign-in page, not an error
  if (res && res.ok && res.type === 'basic' && !res.redirected) {
    return cache.put(PAGE, res.clone());
  }
  return Promise.resolve();
}

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(FILES).then(function () {
      return fetch(PAGE, {credentials: 'same-origin'}).then(function (res) { return keepPage(cache, res); }, function () { /* later */ });
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf('openita-field-') === 0 && n !== CACHE; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var req = event.request;
  var url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin || url.pathname.indexOf('/field/') !== 0) {
    return;
  }
  if (url.pathname === PAGE) {
    // ?renew: the assessor asks to sign in again for a new device token, so a redirect to the sign-in page is followed
    var renew = url.searchParams.has('renew');
    event.respondWith(caches.open(CACHE).then(function (cache) {
      var fromNetwork = fetch(req).then(function (res) {
        if (!renew && (res.type === 'opaqueredirect' || res.redirected)) {
          // no session (the browser was closed): the kept page works on the device token
          return cache.match(PAGE).then(function (kept) { return kept || res; });
        }
        return keepPage(cache, res).then(function () { return res; });
      });
      var waited = new Promise(function (resolve) { setTimeout(resolve, PAGE_WAIT); });
      return Promise.race([fromNetwork, waited.then(function () { return null; })]).then(function (res) {
        return res || cache.match(PAGE).then(function (kept) { return kept || fromNetwork; });
      }, function () {
        return cache.match(PAGE).then(function (kept) { return kept || Response.error(); });
      });
    }));
    return;
  }
  if (FILES.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(url.pathname).then(function (kept) {
        var fresh = fetch(req).then(function (res) {
          if (res.ok) { cache.put(url.pathname, res.clone()); }
          return res;
        });
        if (kept) {
          fresh.catch(function () { /* offline: the kept copy serves */ });
          return kept;
        }
        return fresh;
      });
    }));
  }
});
