// Trellis search client. Plain JS, no dependencies. The index (built by `trellis build`) is a set
// of scripts under search/ that register themselves with window.trellisSearch, so it loads from
// file:// as well as over HTTP. Nothing is fetched until the search box is first focused.
(function () {
  'use strict';
  var script = document.currentScript;
  var root = (script && script.dataset.root) || '';
  var cache = {}, pending = {};
  var meta = null;
  var LABELS = { competency: 'Competency', objective: 'Objective', module: 'Module', resource: 'Resource', framework: 'Framework', page: 'Page', quiz: 'Quiz' };

  function done(key, value) {
    cache[key] = value;
    (pending[key] || []).forEach(function (p) { p[0](value); });
    delete pending[key];
  }
  window.trellisSearch = {
    meta: function (m) { done('meta', m); },
    shard: function (i, s) { done('s' + i, s); },
    frag: function (i, f) { done('f' + i, f); }
  };

  function load(key, path) {
    if (key in cache) return Promise.resolve(cache[key]);
    return new Promise(function (resolve, reject) {
      if (pending[key]) { pending[key].push([resolve, reject]); return; }
      pending[key] = [[resolve, reject]];
      var s = document.createElement('script');
      s.src = root + path;
      s.onerror = function () {
        var waiting = pending[key] || [];
        delete pending[key];
        waiting.forEach(function (p) { p[1](new Error('could not load ' + path)); });
      };
      if (key === 'stem') s.onload = function () { done('stem', window.trellisStem); };
      document.head.appendChild(s);
    });
  }

  function ready() {
    return Promise.all([load('meta', 'search/meta.js'), load('stem', 'js/stemmer.js')]).then(function (r) {
      meta = r[0];
      return meta;
    });
  }

  // --- The tokenizer: the same steps as src/search/tokenizer.rs. ---
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f'\u2018\u2019]/g, '').toLowerCase();
  }
  function words(f) { return f.split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  function stem(w) { return /\d/.test(w) || Array.from(w).length < 3 ? w : window.trellisStem(w); }

  // "SMS 4.2", "sms4.2", "SMS-4.2" -> "sms-4-2"
  function idTokens(f) {
    var out = [], re = /([a-z]+)[\s-]*(\d+)(?:\s*\.\s*(\d+))?/g, m;
    while ((m = re.exec(f))) out.push(m[1] + '-' + m[2] + (m[3] ? '-' + m[3] : ''));
    return out;
  }

  function parse(query) {
    var f = fold(query);
    var ws = words(f);
    var stop = meta.stop;
    var terms = [];
    ws.forEach(function (w, i) {
      if (stop.indexOf(w) >= 0) return;
      terms.push({ word: w, stem: stem(w), last: i === ws.length - 1 && !/\s$/.test(query) });
    });
    return { folded: f, terms: terms, ids: idTokens(f) };
  }

  function shardOf(term) {
    var a = meta.shards, lo = 0, hi = a.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (a[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  function shard(i) { return load('s' + i, 'search/s/' + i + '.js'); }

  function decode(list) {
    var out = [], doc = 0;
    for (var i = 0; i < list.length; i += 2) { doc += list[i]; out.push([doc, list[i + 1]]); }
    return out;
  }

  // One edit (insert, delete, substitute, swap neighbours) apart?
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // Postings for one query term: the exact stem; for the last word while typing, terms it is a
  // prefix of; for a word of 5+ letters with no exact match, terms one edit away.
  function expand(t) {
    var i = shardOf(t.stem);
    var wanted = [shard(i)];
    if (t.last && i + 1 < meta.shards.length && meta.shards[i + 1].indexOf(t.word) === 0) wanted.push(shard(i + 1));
    return Promise.all(wanted).then(function (shards) {
      var found = {}, exact = false;
      shards.forEach(function (s) {
        Object.keys(s).forEach(function (term) {
          var weight = 0;
          if (term === t.stem) { weight = 1; exact = true; }
          else if (t.last && t.word.length >= 3 && (term.indexOf(t.word) === 0 || (t.word.indexOf(term) === 0 && term.length >= t.word.length - 3))) weight = 0.7;
          if (weight) found[term] = [weight, s[term]];
        });
      });
      var prefixed = Object.keys(found).length > 0;
      if (!exact && !(t.last && prefixed) && t.word.length >= 5) {
        shards.forEach(function (s) {
          Object.keys(s).forEach(function (term) {
            if (!found[term] && (oneEdit(term, t.stem) || oneEdit(term, t.word))) found[term] = [0.5, s[term]];
          });
        });
      }
      var scores = {};
      Object.keys(found).forEach(function (term) {
        decode(found[term][1]).forEach(function (p) {
          var v = p[1] * found[term][0];
          if (!(scores[p[0]] >= v)) scores[p[0]] = v;
        });
      });
      return scores;
    });
  }

  function idPostings(token) {
    return shard(shardOf(token)).then(function (s) {
      var out = {};
      if (s[token]) decode(s[token]).forEach(function (p) { out[p[0]] = 1e6 + p[1]; });
      return out;
    });
  }

  function fragment(doc) {
    var g = Math.floor(doc / meta.group);
    return load('f' + g, 'search/f/' + g + '.js').then(function (items) {
      var it = items[doc % meta.group];
      return it && { doc: doc, t: it.t, u: it.u, k: it.k, c: it.c, x: it.x };
    });
  }

  // Ranked results with their fragments: [{doc, score, t, u, k, c, x}], best first.
  function search(query, limit) {
    return ready().then(function () {
      var q = parse(query);
      if (!q.terms.length && !q.ids.length) return { query: q, total: 0, results: [] };
      return Promise.all(q.terms.map(expand).concat(q.ids.map(idPostings))).then(function (lists) {
        var total = {}, hits = {}, n = q.terms.length;
        lists.forEach(function (scores, li) {
          Object.keys(scores).forEach(function (d) {
            total[d] = (total[d] || 0) + scores[d];
            if (li < n) hits[d] = (hits[d] || 0) + 1;
          });
        });
        var ranked = Object.keys(total).map(function (d) {
          var cover = n ? (hits[d] || 0) / n : 1;
          return { doc: +d, score: total[d] * cover * cover };
        }).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        var top = ranked.slice(0, limit);
        return Promise.all(top.map(function (r) { return fragment(r.doc); })).then(function (frags) {
          var results = frags.map(function (f, i) {
            if (!f) return null;
            f.score = top[i].score;
            // A title that is exactly the query, or starts with it, comes first.
            var t = fold(f.t);
            if (t === q.folded.trim()) f.score *= 4; else if (t.indexOf(q.folded.trim()) === 0) f.score *= 2;
            return f;
          }).filter(Boolean).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
          return { query: q, total: ranked.length, results: results };
        });
      });
    });
  }

  // --- Display ---
  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
  function matcher(q) {
    var parts = [];
    q.terms.forEach(function (t) { parts.push(escapeRe(t.stem)); if (t.word !== t.stem) parts.push(escapeRe(t.word)); });
    parts = parts.filter(function (p) { return p.length >= 2; }).sort(function (a, b) { return b.length - a.length; });
    // Whole words that start with a query word or its stem: "caregiv" marks "caregivers".
    return parts.length ? new RegExp('(?<![\\p{L}\\p{N}])(?:' + parts.join('|') + ')[\\p{L}\\p{N}]*', 'giu') : null;
  }
  // Appends `text` to `el`, with matches wrapped in <mark>.
  function highlight(el, text, re) {
    var last = 0, m;
    if (re) {
      re.lastIndex = 0;
      while ((m = re.exec(text))) {
        if (m.index > last) el.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement('mark');
        mark.textContent = m[0];
        el.appendChild(mark);
        last = m.index + m[0].length;
        if (!m[0].length) re.lastIndex++;
      }
    }
    el.appendChild(document.createTextNode(text.slice(last)));
  }
  function snippet(text, re) {
    var at = 0;
    if (re) { re.lastIndex = 0; var m = re.exec(text); if (m) at = m.index; }
    var start = Math.max(0, at - 60), end = Math.min(text.length, start + 180);
    if (start > 0) start = text.indexOf(' ', start) + 1;
    var s = text.slice(start, end).replace(/\s+/g, ' ').trim();
    return (start > 0 ? '… ' : '') + s + (end < text.length ? ' …' : '');
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  // The inside of one result: type badge, title, context, snippet.
  function fill(node, r, re) {
    node.appendChild(el('span', 'sr-type', LABELS[r.k] || r.k));
    var title = el('span', 'sr-title');
    highlight(title, r.t, re);
    node.appendChild(title);
    if (r.c) { var ctx = el('span', 'sr-context'); highlight(ctx, r.c, re); node.appendChild(ctx); }
    var snip = el('span', 'sr-snippet');
    highlight(snip, snippet(r.x || '', re), re);
    node.appendChild(snip);
  }
  function count(n, shown) {
    if (!n) return 'No results';
    return n + (n === 1 ? ' result' : ' results') + (shown < n ? ', showing ' + shown : '');
  }
  function debounce(fn, ms) {
    var t;
    return function () { var a = arguments; clearTimeout(t); t = setTimeout(function () { fn.apply(null, a); }, ms); };
  }
  function href(u) { return root + u; }

  // --- The header box: an ARIA 1.2 combobox with a listbox popup. ---
  function combobox(form) {
    var input = form.querySelector('input[type=search]');
    var popup = form.querySelector('.search-popup');
    var list = popup.querySelector('[role=listbox]');
    var status = form.querySelector('[role=status]');
    var filters = popup.querySelectorAll('[data-type]');
    var type = '', active = -1, options = [], seq = 0;

    function open(on) {
      popup.hidden = !on;
      input.setAttribute('aria-expanded', on ? 'true' : 'false');
      if (!on) setActive(-1);
    }
    function setActive(i) {
      options.forEach(function (o, k) { o.setAttribute('aria-selected', k === i ? 'true' : 'false'); });
      active = i;
      if (i >= 0) { input.setAttribute('aria-activedescendant', options[i].id); options[i].scrollIntoView({ block: 'nearest' }); }
      else input.removeAttribute('aria-activedescendant');
    }
    // `q` is the query the results are for: the box may hold more by the time they arrive.
    function render(res, q) {
      list.textContent = '';
      options = [];
      var re = matcher(res.query);
      var shown = res.results.filter(function (r) { return !type || r.k === type; }).slice(0, 8);
      shown.forEach(function (r, i) {
        var li = el('li', 'sr');
        li.id = 'sr-opt-' + i;
        li.setAttribute('role', 'option');
        li.dataset.href = href(r.u);
        fill(li, r, re);
        list.appendChild(li);
        options.push(li);
      });
      var all = el('li', 'sr sr-all', 'See all results for “' + q + '”');
      all.id = 'sr-opt-all';
      all.setAttribute('role', 'option');
      all.dataset.href = form.getAttribute('action') + '?q=' + encodeURIComponent(q) + (type ? '&type=' + type : '');
      list.appendChild(all);
      options.push(all);
      setActive(-1);
      open(true);
      var n = type ? shown.length : res.total;
      status.textContent = count(n, shown.length);
    }
    var run = debounce(function () {
      var q = input.value.trim(), mine = ++seq;
      if (!q) { open(false); status.textContent = ''; return; }
      search(q, 40).then(function (res) { if (mine === seq) render(res, q); }, function () {
        status.textContent = 'Search is not available: the index could not be loaded.';
      });
    }, 120);

    input.addEventListener('focus', function () { ready().catch(function () {}); }, { once: true });
    input.addEventListener('input', run);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (popup.hidden) { if (input.value.trim()) run(); return; }
        e.preventDefault();
        var n = options.length;
        setActive(e.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
      } else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault();
        location.href = options[active].dataset.href;
      } else if (e.key === 'Escape') {
        e.preventDefault();
        open(false);
        input.value = '';
        status.textContent = '';
      }
    });
    list.addEventListener('click', function (e) {
      var li = e.target.closest('[role=option]');
      if (li) location.href = li.dataset.href;
    });
    Array.prototype.forEach.call(filters, function (b) {
      b.addEventListener('click', function () {
        type = b.dataset.type;
        Array.prototype.forEach.call(filters, function (x) { x.setAttribute('aria-pressed', x === b ? 'true' : 'false'); });
        run();
        input.focus();
      });
    });
    form.addEventListener('focusout', function (e) {
      if (!form.contains(e.relatedTarget)) open(false);
    });
    document.addEventListener('keydown', function (e) {
      var t = e.target, typing = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); input.focus(); }
    });
  }

  // --- The search page: the full, shareable result list for ?q= ---
  function page(box) {
    var params = new URLSearchParams(location.search);
    var q = params.get('q') || '', type = params.get('type') || '';
    var form = box.querySelector('form');
    var input = form.querySelector('input[name=q]');
    var out = box.querySelector('.search-results');
    var status = box.querySelector('[role=status]');
    var more = box.querySelector('.search-more');
    var radios = form.querySelectorAll('input[name=type]');
    var limit = 50;
    input.value = q;
    Array.prototype.forEach.call(radios, function (r) { r.checked = r.value === type; });
    function show() {
      if (!q.trim()) return;
      status.textContent = 'Searching…';
      search(q, limit).then(function (res) {
        var re = matcher(res.query);
        var list = res.results.filter(function (r) { return !type || r.k === type; });
        out.textContent = '';
        list.forEach(function (r) {
          var li = el('li', 'sr');
          var a = el('a', 'sr-link');
          a.href = href(r.u);
          fill(a, r, re);
          li.appendChild(a);
          out.appendChild(li);
        });
        status.textContent = count(type ? list.length : res.total, list.length) + ' for “' + q + '”' + (type ? ' (' + LABELS[type] + ')' : '');
        more.hidden = res.total <= limit;
      }, function () { status.textContent = 'Search is not available: the index could not be loaded.'; });
    }
    more.addEventListener('click', function () { limit += 50; show(); });
    Array.prototype.forEach.call(radios, function (r) {
      r.addEventListener('change', function () {
        type = r.value;
        var url = new URL(location.href);
        if (type) url.searchParams.set('type', type); else url.searchParams.delete('type');
        history.replaceState(null, '', url);
        show();
      });
    });
    show();
  }

  // A small public API: run a query from other scripts (and the tests).
  window.trellisSearch.query = search;

  function start() {
    var form = document.querySelector('form.site-search');
    if (form) combobox(form);
    var box = document.querySelector('.search-page');
    if (box) page(box);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
