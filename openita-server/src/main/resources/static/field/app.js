/* The assessor's field questionnaire, EIT part 2 (docs/adr/0031-eit-part-2-in-the-field.md). Everything the page needs
   is kept on the device in IndexedDB: the device's API token, the package (the year's questions and the assessor's
   agencies) and every answer recorded, with what became of it. Answers are sent with the device token (no session, no
   cookie) whenever the network is there: at once, on the 'online' event, on a timer that backs off, or on "send now".
   An answer the server refused stays on the device with the server's reason; nothing is dropped. */
(function () {
  'use strict';

  var DB_NAME = 'openita-field';
  var PACKAGE_URL = '/api/v1/field/package';
  var SEND_URL = '/api/v1/field/responses/';
  var RETRY_FIRST = 5000;
  var RETRY_MOST = 5 * 60 * 1000;

  var lang = document.documentElement.lang === 'en' ? 'en' : 'th';
  /* the account this page was made for: a device shared by assessors keeps a token per account, and each answer is
     sent with the token of the assessor who recorded it, so nobody's answer is counted as someone else's */
  var userMeta = document.querySelector('meta[name=openita-user]');
  var user = userMeta ? userMeta.getAttribute('content') || '' : '';
  function tokenKey(who) { return 'token:' + who; }
  var strings = {};
  Array.prototype.forEach.call(document.querySelectorAll('#strings [data-k]'), function (li) {
    strings[li.getAttribute('data-k')] = li.textContent;
  });
  function t(key) {
    var s = strings[key] || key;
    for (var i = 1; i < arguments.length; i++) {
      s = s.split('{' + (i - 1) + '}').join(String(arguments[i]));
    }
    return s;
  }
  function $(id) { return document.getElementById(id); }
  function text(pair) { return pair ? (lang === 'en' && pair.en ? pair.en : pair.th) : ''; }
  function el(tag, attrs, content) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (content !== undefined && content !== null) { e.textContent = content; }
    return e;
  }
  function when(ms) {
    return new Date(ms).toLocaleString(lang === 'en' ? 'en-GB' : 'th-TH', {dateStyle: 'medium', timeStyle: 'short'});
  }

  /* ---- IndexedDB: 'meta' holds the token and the package, 'records' every answer recorded ---- */
  var db = null;
  function openDb() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = function () {
        req.result.createObjectStore('meta');
        req.result.createObjectStore('records', {keyPath: 'id'});
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }
  function request(store, mode, action) {
    return new Promise(function (resolve, reject) {
      var tx = db.transaction(store, mode);
      var req = action(tx.objectStore(store));
      tx.oncomplete = function () { resolve(req.result); };
      tx.onerror = tx.onabort = function () { reject(tx.error); };
    });
  }
  function getMeta(key) { return request('meta', 'readonly', function (s) { return s.get(key); }); }
  function setMeta(key, value) { return request('meta', 'readwrite', function (s) { return s.put(value, key); }); }
  function deleteMeta(key) { return request('meta', 'readwrite', function (s) { return s.delete(key); }); }
  function allRecords() { return request('records', 'readonly', function (s) { return s.getAll(); }); }
  function putRecord(r) { return request('records', 'readwrite', function (s) { return s.put(r); }); }

  /* ---- notices and the network line ---- */
  function notice(key) {
    var n = $('notice');
    n.textContent = '';
    n.hidden = !key;
    if (!key) { return; }
    n.appendChild(el('span', {}, t(key)));
    if (key === 'renew' || key === 'noToken') {
      n.appendChild(document.createTextNode(' '));
      n.appendChild(el('a', {href: '/field/app?renew'}, t('signIn')));
    }
  }
  function showNetwork() {
    var online = navigator.onLine;
    $('net').textContent = t(online ? 'online' : 'offline');
    $('net').setAttribute('data-online', online ? 'true' : 'false');
  }

  /* ---- the device token (POST /field/device with the session and its CSRF token) ---- */
  function csrf() {
    var m = document.querySelector('meta[name=openita-csrf]');
    return m ? {header: m.getAttribute('data-header'), token: m.getAttribute('content')} : null;
  }
  function ensureToken() {
    return getMeta(tokenKey(user)).then(function (token) {
      if (token) { return token; }
      var c = csrf();
      var headers = {'Accept': 'application/json'};
      if (c) { headers[c.header] = c.token; }
      return fetch('/field/device', {method: 'POST', headers: headers, credentials: 'same-origin', redirect: 'manual'})
        .then(function (res) {
          if (!res.ok) { notice(res.status === 403 ? 'noToken' : 'noToken'); return null; }
          return res.json().then(function (body) {
            return setMeta(tokenKey(user), body.token).then(function () { return body.token; });
          });
        }, function () { return null; });
    });
  }
  function forgetToken(who) {
    return deleteMeta(tokenKey(who === undefined ? user : who));
  }

  /* ---- the package: the year's questions and the assessor's agencies ---- */
  var pkg = null;
  function refreshPackage(token, again) {
    return fetch(PACKAGE_URL, {headers: {'Authorization': 'Bearer ' + token, 'Accept': 'application/json'}, credentials: 'omit'})
      .then(function (res) {
        if (res.status === 401) {
          return forgetToken().then(function () {
            return again ? null : ensureToken().then(function (fresh) {
              if (fresh) { return refreshPackage(fresh, true); }
              notice('renew');
              return null;
            });
          });
        }
        if (res.status === 403) { notice('notAssessor'); return null; }
        if (!res.ok) { return null; }
        return res.json().then(function (fresh) {
          return setMeta('package', fresh).then(function () {
            var changed = JSON.stringify(fresh) !== JSON.stringify(pkg);
            pkg = fresh;
            if (changed) { renderPackage(); }
            return fresh;
          });
        });
      }, function () { return null; });
  }

  function renderPackage() {
    $('no-package').hidden = !!pkg;
    $('record').hidden = !pkg;
    if (!pkg) { return; }
    $('year').textContent = t('year', pkg.year) + (pkg.open ? '' : ' · ' + t('yearClosed'));
    var select = $('agency');
    var chosen = select.value;
    while (select.options.length > 1) { select.remove(1); }
    pkg.agencies.forEach(function (a) {
      select.appendChild(el('option', {value: a.code}, a.code + ' ' + (lang === 'en' && a.nameEn ? a.nameEn : a.nameTh)));
    });
    // opened from an agency on the assessor's list (/field/app?agency=CODE): that agency is chosen
    var preset = new URLSearchParams(location.search).get('agency');
    select.value = chosen || (preset && pkg.agencies.some(function (x) { return x.code === preset; }) ? preset : '');
    var box = $('questions');
    if (box.querySelector('input:checked')) { return; } // an answer in progress is not wiped by a fresh package
    box.textContent = '';
    pkg.questionnaire.forEach(function (g) {
      var section = el('section', {'class': 'group'});
      section.appendChild(el('h3', {}, text(g.name)));
      g.items.forEach(function (item) {
        var single = item.fields.length === 1 && !item.fields[0].subItem;
        var outer = el('fieldset', single ? {id: fieldId(item.fields[0].key), 'data-key': item.fields[0].key} : {'class': 'with-subitems'});
        var legend = el('legend');
        legend.appendChild(el('span', {'class': 'num'}, item.number + '.'));
        legend.appendChild(el('span', {}, text(item.text)));
        outer.appendChild(legend);
        if (single) {
          outer.appendChild(options(item.fields[0].key, item.options));
        } else {
          item.fields.forEach(function (f) {
            var inner = el('fieldset', {id: fieldId(f.key), 'data-key': f.key});
            inner.appendChild(el('legend', {}, f.number + ' ' + text(f.subItem)));
            inner.appendChild(options(f.key, item.options));
            outer.appendChild(inner);
          });
        }
        section.appendChild(outer);
      });
      box.appendChild(section);
    });
  }
  function fieldId(key) { return 'q-' + key.replace(/[^A-Za-z0-9_-]/g, '-'); }
  function options(key, opts) {
    var div = el('div', {'class': 'options'});
    opts.forEach(function (o) {
      var label = el('label');
      label.appendChild(el('input', {type: 'radio', name: 'a.' + key, value: o.code}));
      label.appendChild(el('span', {}, text(o.label)));
      div.appendChild(label);
    });
    return div;
  }

  /* ---- recording ---- */
  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }
  function mark(node, problemId, bad) {
    node.classList.toggle('bad', bad);
    node.setAttribute('aria-invalid', bad ? 'true' : 'false');
    if (problemId) { $(problemId).hidden = !bad; }
  }
  function save(e) {
    e.preventDefault();
    var form = $('record');
    var agency = $('agency').value;
    var mode = form.querySelector('input[name=mode]:checked');
    var answers = {};
    var missing = [];
    Array.prototype.forEach.call(form.querySelectorAll('fieldset[data-key]'), function (fs) {
      var key = fs.getAttribute('data-key');
      var c = fs.querySelector('input[type=radio]:checked');
      var old = fs.querySelector('.problem');
      if (old) { old.remove(); }
      if (c) {
        answers[key] = c.value;
        mark(fs, null, false);
      } else {
        missing.push(fs);
        mark(fs, null, true);
        fs.insertBefore(el('p', {'class': 'problem'}, t('questionMissing')), fs.children[1]);
      }
    });
    mark($('agency'), 'err-agency', !agency);
    mark($('mode'), 'err-mode', !mode);
    $('err-answers').hidden = missing.length === 0;
    var first = !agency ? $('agency') : !mode ? $('mode').querySelector('input') : missing.length ? missing[0].querySelector('input') : null;
    if (first) { first.focus(); return; }
    var a = pkg.agencies.filter(function (x) { return x.code === agency; })[0];
    var record = {
      id: crypto.randomUUID(), agency: agency, agencyTh: a ? a.nameTh : agency, agencyEn: a ? a.nameEn : null,
      year: pkg.year, mode: mode.value, answeredOn: today(), answers: answers, by: user,
      status: 'waiting', recordedAt: Date.now(), sentAt: null, reason: null
    };
    putRecord(record).then(function () {
      form.reset();
      Array.prototype.forEach.call(form.querySelectorAll('.bad'), function (n) { mark(n, null, false); });
      $('saved').textContent = t('saved');
      window.scrollTo(0, 0);
      return renderRecords();
    }).then(function () { sendAll(); });
  }

  /* ---- the list of what is waiting, sent and refused ---- */
  function renderRecords() {
    return allRecords().then(function (all) {
      var records = all.filter(function (r) { return (r.by || '') === user; }); // this assessor's own
      records.sort(function (x, y) { return y.recordedAt - x.recordedAt; });
      var list = $('records');
      list.textContent = '';
      var n = {waiting: 0, sent: 0, refused: 0};
      records.forEach(function (r) {
        n[r.status]++;
        var li = el('li', {'class': 'record ' + r.status, 'data-status': r.status, 'data-id': r.id});
        li.appendChild(el('span', {'class': 'badge'}, t(r.status)));
        li.appendChild(el('strong', {}, r.agency + ' ' + (lang === 'en' && r.agencyEn ? r.agencyEn : r.agencyTh)));
        li.appendChild(el('span', {'class': 'meta'}, t('mode' + r.mode) + ' · ' + t('recordedAt', when(r.recordedAt))));
        if (r.status === 'sent') { li.appendChild(el('span', {'class': 'meta'}, t('sentAt', when(r.sentAt)))); }
        if (r.reason) { li.appendChild(el('span', {'class': 'reason'}, text(r.reason))); }
        if (r.status === 'refused' && r.reason && r.reason.code === 'field-collection-closed') {
          // the year may be reopened: the assessor can try this answer again (the server still decides)
          var sendAgain = el('button', {type: 'button', 'class': 'secondary', 'data-testid': 'send-again'}, t('sendAgain'));
          sendAgain.addEventListener('click', function () {
            r.status = 'waiting';
            putRecord(r).then(function () { retryIn = RETRY_FIRST; return sendAll(); });
          });
          li.appendChild(sendAgain);
        }
        list.appendChild(li);
      });
      if (!records.length) { list.appendChild(el('li', {'class': 'empty'}, t('none'))); }
      $('counts').textContent = t('counts', n.waiting, n.sent, n.refused);
      return n;
    });
  }

  /* ---- sending ---- */
  var sending = false;
  var again = false;
  var retryIn = RETRY_FIRST;
  var timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(sendAll, retryIn);
    retryIn = Math.min(RETRY_MOST, retryIn * 2);
  }
  function sendAll() {
    if (sending) { again = true; return Promise.resolve(); }
    sending = true;
    clearTimeout(timer);
    return allRecords().then(function (records) {
      var waiting = records.filter(function (r) { return r.status === 'waiting'; })
        .sort(function (x, y) { return x.recordedAt - y.recordedAt; });
      if (!waiting.length) { return 'done'; }
      // each assessor's answers go with that assessor's own token; one without a token waits for its assessor
      var stopped = {};
      return waiting.reduce(function (chain, r) {
        return chain.then(function (state) {
          var who = r.by || '';
          if (state === 'retry' || stopped[who]) { return state; }
          return getMeta(tokenKey(who)).then(function (token) {
            if (!token) {
              stopped[who] = true;
              if (who === user) { notice('noToken'); }
              return 'go';
            }
            return sendOne(token, r).then(function (outcome) {
              if (outcome === 'stop') { stopped[who] = true; return 'go'; }
              return outcome;
            });
          });
        });
      }, Promise.resolve('go'));
    }).then(function (state) {
      if (state === 'retry') { later(); } else if (state !== 'stop') { retryIn = RETRY_FIRST; }
      return renderRecords();
    }).catch(function () { later(); }).then(function () {
      sending = false;
      if (again) { again = false; sendAll(); }
    });
  }
  function sendOne(token, r) {
    var body = JSON.stringify({agency: r.agency, year: r.year, mode: r.mode, answeredOn: r.answeredOn, answers: r.answers});
    return fetch(SEND_URL + encodeURIComponent(r.id), {
      method: 'PUT', body: body, credentials: 'omit',
      headers: {'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json', 'Accept': 'application/json'}
    }).then(function (res) {
      if (res.status === 200 || res.status === 201) {
        r.status = 'sent'; r.sentAt = Date.now(); r.reason = null;
        return putRecord(r).then(function () { return 'go'; });
      }
      if (res.status === 401) {
        if ((r.by || '') === user) { notice('renew'); }
        return forgetToken(r.by || '').then(function () { return 'stop'; });
      }
      if (res.status === 403) { if ((r.by || '') === user) { notice('notAssessor'); } return 'stop'; }
      if (res.status === 429 || res.status >= 500) { return 'retry'; }
      return res.json().catch(function () { return {}; }).then(function (problem) {
        r.reason = {th: problem.detailTh || ('HTTP ' + res.status), en: problem.detail || ('HTTP ' + res.status), code: problem.code || null};
        // not open yet: the same answer may be taken later, so it keeps waiting (with the reason shown)
        var notYet = problem.code === 'field-collection-not-open';
        if (!notYet) { r.status = 'refused'; }
        return putRecord(r).then(function () { return notYet ? 'retry' : 'go'; });
      });
    }, function () { return 'retry'; });
  }

  /* ---- start ---- */
  function online() {
    showNetwork();
    if (!navigator.onLine) { return Promise.resolve(); }
    return ensureToken().then(function (token) {
      if (!token) { return null; }
      notice(null);
      return refreshPackage(token, false);
    }).then(function () {
      retryIn = RETRY_FIRST;
      return sendAll();
    });
  }

  function start() {
    showNetwork();
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/field/sw.js', {scope: '/field/'}).catch(function () { /* the page still works online */ });
    }
    if (!window.indexedDB) { notice('noStorage'); return; }
    openDb().then(function (opened) {
      db = opened;
      return getMeta('package');
    }).then(function (kept) {
      pkg = kept || null;
      renderPackage();
      $('record').addEventListener('submit', save);
      $('send-now').addEventListener('click', function () { retryIn = RETRY_FIRST; sendAll(); });
      window.addEventListener('online', online);
      window.addEventListener('offline', showNetwork);
      return renderRecords();
    }).then(online).then(function () {
      document.body.setAttribute('data-ready', 'true');
    }, function () {
      if (!db) { notice('noStorage'); }
      document.body.setAttribute('data-ready', 'true');
    });
  }

  start();
}());
