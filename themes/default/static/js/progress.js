// Trellis progress. Plain JS, no dependencies. Two parts:
//  1. The store every page shares (window.trellisProgress): the learner's quiz answers, kept in
//     localStorage under "trellis.progress.v1" as
//       { "v": 1, "quizzes": { "<quiz id>": { "<question id>": record } } }
//     where a record is { version, type, objectives, response, correct, rating, attempts,
//     revealed, order, at }. `response` is the answer as entered: an option index (single), a list
//     of them (multiple), true/false (true-false), the typed text (short, numeric), the position
//     chosen for each item (ordering), the answer index chosen for each prompt (matching), the
//     rating (confidence); null entries are unanswered parts. Storage may be missing, full,
//     blocked or hold junk: nothing here ever throws because of it, the data then lives in memory.
//  2. The "My progress" page (when #progress-data is on the page): knowledge and confidence per
//     objective, where to focus next, export (JSON, CSV), import (merge) and print.
(function () {
  'use strict';
  var KEY = 'trellis.progress.v1';
  var TYPES = ['single', 'multiple', 'true-false', 'short', 'numeric', 'ordering', 'matching', 'confidence'];
  var NOT_SAVING = 'Your browser is not saving answers (private browsing or storage turned off): they are kept only while this page is open.';
  var SET_ASIDE = 'Your saved answers could not be read, so they were set aside and you start afresh.';

  // --- The store ---

  var memory = null; // the data, once the browser has refused to store it
  var problem = null; // NOT_SAVING or SET_ASIDE, for the page to say once

  function blank() { return { v: 1, quizzes: {} }; }
  function isObject(x) { return x !== null && typeof x === 'object' && !Array.isArray(x); }
  function isIndex(x) { return typeof x === 'number' && x >= 0 && Math.floor(x) === x; }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  function isResponsePart(x) { return x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean'; }

  // Why a record is not valid, or null.
  function recordError(r) {
    if (!isObject(r)) return 'it is not an object';
    if (typeof r.version !== 'string' || !r.version) return '“version” must be a non-empty string';
    if (TYPES.indexOf(r.type) < 0) return '“type” must be one of ' + TYPES.join(', ');
    if (!Array.isArray(r.objectives) || !r.objectives.every(function (o) { return typeof o === 'string'; })) return '“objectives” must be a list of objective IDs';
    if (!isResponsePart(r.response) && !(Array.isArray(r.response) && r.response.every(isResponsePart))) return '“response” must be null, a number, a string, true/false or a list of them';
    if (r.correct !== true && r.correct !== false && r.correct !== null) return '“correct” must be true, false or null';
    if (r.rating !== null && !(isIndex(r.rating) && r.rating >= 1 && r.rating <= 5)) return '“rating” must be null or a whole number from 1 to 5';
    if (!isIndex(r.attempts)) return '“attempts” must be a whole number';
    if (typeof r.revealed !== 'boolean') return '“revealed” must be true or false';
    if (r.order !== null && !(Array.isArray(r.order) && r.order.every(isIndex))) return '“order” must be null or a list of indices';
    if (typeof r.at !== 'string' || isNaN(Date.parse(r.at))) return '“at” must be a date and time';
    return null;
  }

  // Why `data` is not progress data, or null. With `strict` off (reading this browser's own
  // storage) bad records are dropped instead of failing the whole.
  function dataError(data, strict) {
    if (!isObject(data)) return 'it is not a JSON object';
    if (data.v !== 1) return 'it does not say it is version 1 of the progress format ("v": 1)';
    if (!isObject(data.quizzes)) return '"quizzes" is missing or is not an object';
    for (var quiz in data.quizzes) {
      if (!own(data.quizzes, quiz)) continue;
      var records = data.quizzes[quiz];
      if (!isObject(records)) {
        if (strict) return 'quiz "' + quiz + '" is not an object';
        delete data.quizzes[quiz];
        continue;
      }
      for (var id in records) {
        if (!own(records, id)) continue;
        var why = recordError(records[id]);
        if (why && strict) return 'question "' + id + '" of quiz "' + quiz + '": ' + why;
        if (why) delete records[id];
      }
    }
    return null;
  }

  function setAside(raw) {
    problem = SET_ASIDE;
    try { window.localStorage.setItem(KEY + '.unreadable', raw); } catch (e) { /* nothing more to do */ }
  }

  function fallBack(data) {
    memory = data;
    problem = NOT_SAVING;
    return JSON.parse(JSON.stringify(memory));
  }

  function load() {
    if (memory) return JSON.parse(JSON.stringify(memory));
    var raw;
    try {
      raw = window.localStorage.getItem(KEY);
    } catch (e) {
      return fallBack(blank());
    }
    if (raw === null || raw === undefined) return blank();
    var data;
    try { data = JSON.parse(raw); } catch (e) { data = undefined; }
    if (dataError(data, false)) {
      setAside(raw);
      return blank();
    }
    return { v: 1, quizzes: data.quizzes };
  }

  /** Stores `data`; false when it could only be kept in memory. */
  function save(data) {
    var clean = { v: 1, quizzes: data.quizzes };
    if (memory) { memory = clean; return false; }
    try {
      window.localStorage.setItem(KEY, JSON.stringify(clean));
      return true;
    } catch (e) {
      fallBack(clean);
      return false;
    }
  }

  /** Reads the latest data (another tab may have written), lets `change` edit it, stores it. */
  function update(change) {
    var data = load();
    change(data);
    return save(data);
  }

  /** Merges `incoming` into the stored data, keeping the newer record of each question. */
  function merge(incoming) {
    var counts = { added: 0, updated: 0, kept: 0 };
    update(function (data) {
      Object.keys(incoming.quizzes).forEach(function (quiz) {
        var mine = data.quizzes[quiz] || (data.quizzes[quiz] = {});
        Object.keys(incoming.quizzes[quiz]).forEach(function (id) {
          var theirs = incoming.quizzes[quiz][id];
          if (!mine[id]) { mine[id] = theirs; counts.added++; }
          else if (Date.parse(theirs.at) > Date.parse(mine[id].at)) { mine[id] = theirs; counts.updated++; }
          else counts.kept++;
        });
      });
    });
    return counts;
  }

  // Probe once: some browsers read but refuse to write (private mode, full quota).
  (function () {
    try {
      window.localStorage.setItem(KEY + '.probe', '1');
      window.localStorage.removeItem(KEY + '.probe');
    } catch (e) {
      var data = blank();
      try {
        var raw = window.localStorage.getItem(KEY);
        var parsed = raw ? JSON.parse(raw) : null;
        if (parsed && !dataError(parsed, false)) data = { v: 1, quizzes: parsed.quizzes };
      } catch (e2) { /* start empty */ }
      fallBack(data);
    }
  })();

  var store = window.trellisProgress = {
    key: KEY,
    types: TYPES,
    load: load,
    save: save,
    update: update,
    merge: merge,
    /** Why `data` cannot be imported, or null. */
    check: function (data) { return dataError(data, true); },
    /** What to tell the learner about storage, once, or null. */
    problem: function () { return problem; },
    /** A question that has been checked (marked right or wrong). */
    isAnswered: function (r) { return !!r && r.type !== 'confidence' && (r.correct === true || r.correct === false); },
    /** Answered correctly without looking at the answer first. */
    isCorrect: function (r) { return !!r && r.correct === true && !r.revealed; },
    isRated: function (r) { return !!r && r.type === 'confidence' && isIndex(r.rating) && r.rating >= 1; }
  };

  // --- The "My progress" page ---

  var script = document.currentScript;
  var dataEl = document.getElementById('progress-data');
  if (!dataEl) return;
  var site;
  try { site = JSON.parse(dataEl.textContent); } catch (e) { return; }
  var root = script && script.dataset.root !== undefined ? script.dataset.root
    : (script && script.src ? script.src.replace(/js\/progress\.js(\?.*)?$/, '') : '');
  var tools = document.querySelector('.progress-tools');
  var status = document.querySelector('.progress-status');
  var focus = document.querySelector('.progress-focus');
  var weakest = document.querySelector('.progress-weakest');
  var fileInput = tools && tools.querySelector('input[type=file]');

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c !== null) e.append(c); });
    return e;
  }
  function link(href, text) { return el('a', { href: root + href, text: text }); }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  // Every figure on the page, computed from the current data and the site's questions; records
  // for questions that have changed since (another version) are ignored.
  function figures(data) {
    var byObjective = {}, byCompetency = {}, competencyOf = {};
    var totals = { questions: 0, answered: 0, ratings: 0, rated: 0, quizzes: site.quizzes.length, quizzesStarted: 0 };
    function blank() { return { available: 0, attempted: 0, correct: 0, ratings: [], confidenceQuestions: 0 }; }
    function entry(id) { return byObjective[id] || (byObjective[id] = blank()); }
    site.competencies.forEach(function (c) { c.objectives.forEach(function (o) { competencyOf[o.id] = c.id; }); });
    // One question's answer, counted into one objective's or competency's figures.
    function tally(f, r, confidence) {
      if (confidence) {
        f.confidenceQuestions++;
        if (store.isRated(r)) f.ratings.push(r.rating);
        return;
      }
      f.available++;
      if (store.isAnswered(r)) f.attempted++;
      if (store.isCorrect(r)) f.correct++;
    }
    function result(f) {
      return {
        available: f.available,
        attempted: f.attempted,
        correct: f.correct,
        knowledge: f.attempted ? Math.round(100 * f.correct / f.attempted) : null,
        confidence: f.ratings.length ? f.ratings.reduce(function (a, b) { return a + b; }, 0) / f.ratings.length : null,
        assessed: f.available + f.confidenceQuestions > 0
      };
    }
    site.quizzes.forEach(function (quiz) {
      var records = data.quizzes[quiz.id] || {};
      var started = false;
      quiz.questions.forEach(function (q) {
        var r = records[q.id];
        if (r && (r.version !== q.version || r.type !== q.type)) r = null;
        var confidence = q.type === 'confidence';
        if (confidence) totals.ratings++; else totals.questions++;
        if (store.isAnswered(r)) { totals.answered++; started = true; }
        if (store.isRated(r)) { totals.rated++; started = true; }
        var competencies = {};
        q.objectives.forEach(function (o) {
          tally(entry(o), r, confidence);
          if (competencyOf[o]) competencies[competencyOf[o]] = true;
        });
        // A question on two objectives of one competency counts once for the competency.
        Object.keys(competencies).forEach(function (c) {
          tally(byCompetency[c] || (byCompetency[c] = blank()), r, confidence);
        });
      });
      if (started) totals.quizzesStarted++;
    });
    var objectives = [], competencies = [];
    site.competencies.forEach(function (c) {
      competencies.push(Object.assign(result(byCompetency[c.id] || blank()), { competency: c }));
      c.objectives.forEach(function (o) {
        objectives.push(Object.assign(result(entry(o.id)), { objective: o, competency: c }));
      });
    });
    return { objectives: objectives, competencies: competencies, totals: totals };
  }

  function meter(value, max) {
    // The text beside it says the same, so the bar is hidden from assistive technology.
    return el('meter', { min: '0', max: String(max), value: String(value), 'aria-hidden': 'true' });
  }
  function knowledgeText(f) {
    return f.knowledge === null ? 'Not started' : f.knowledge + '% (' + f.correct + ' of ' + f.attempted + ' correct)';
  }
  function confidenceText(f) { return f.confidence === null ? 'Not rated' : f.confidence.toFixed(1) + ' of 5'; }

  function fillRow(row, f) {
    var k = row.querySelector('.p-knowledge');
    var a = row.querySelector('.p-attempted');
    var c = row.querySelector('.p-confidence');
    if (k) k.replaceChildren.apply(k, f.knowledge === null ? [knowledgeText(f)] : [meter(f.knowledge, 100), ' ', el('span', { text: knowledgeText(f) })]);
    if (a) a.textContent = f.available ? f.attempted + ' of ' + f.available : 'No questions yet';
    if (c) c.replaceChildren.apply(c, f.confidence === null ? [confidenceText(f)] : [meter(f.confidence, 5), ' ', el('span', { text: confidenceText(f) })]);
    row.classList.toggle('is-started', f.knowledge !== null || f.confidence !== null);
  }

  // Lowest knowledge first (not started counts lowest), then lowest confidence; ties keep the
  // curriculum order. Objectives no quiz assesses are left out: there is nothing to start.
  function weakestObjectives(objectives) {
    return objectives
      .map(function (f, i) { return { f: f, i: i }; })
      .filter(function (x) { return x.f.assessed; })
      .sort(function (x, y) {
        var kx = x.f.knowledge === null ? -1 : x.f.knowledge, ky = y.f.knowledge === null ? -1 : y.f.knowledge;
        var cx = x.f.confidence === null ? -1 : x.f.confidence, cy = y.f.confidence === null ? -1 : y.f.confidence;
        return kx - ky || cx - cy || x.i - y.i;
      })
      .slice(0, 3)
      .map(function (x) { return x.f; });
  }

  function fillWeakest(list) {
    weakest.replaceChildren.apply(weakest, list.map(function (f) {
      var o = f.objective;
      var parts = [link(o.href, o.id), ' ' + o.text + ' ',
        el('span', { class: 'progress-figures', text: 'Knowledge: ' + knowledgeText(f) + '. Confidence: ' + confidenceText(f) + '.' })];
      var more = [];
      if (o.quizzes.length) {
        more.push('Take ');
        o.quizzes.forEach(function (q, i) { if (i) more.push(', '); more.push(link(q.href, q.title)); });
        more.push('. ');
      }
      if (o.resources.length) {
        more.push('Read ');
        o.resources.slice(0, 3).forEach(function (r, i) { if (i) more.push('; '); more.push(link(r.href, r.short)); });
        more.push('.');
      }
      return el('li', {}, parts.concat([el('span', { class: 'progress-next' }, more)]));
    }));
    focus.hidden = list.length === 0;
  }

  function summary(t) {
    var s = t.answered || t.rated
      ? 'You have answered ' + t.answered + ' of ' + plural(t.questions, 'question', 'questions') + ' across ' + plural(t.quizzes, 'quiz', 'quizzes') +
        (t.ratings ? ', and saved ' + t.rated + ' of ' + plural(t.ratings, 'confidence rating', 'confidence ratings') : '') + '.'
      : 'You have not answered any of the ' + plural(t.questions, 'question', 'questions') + ' in the ' + plural(t.quizzes, 'quiz', 'quizzes') + ' yet in this browser.';
    return s;
  }

  var note = ''; // the outcome of the last import, said with the summary
  function render() {
    var f = figures(load());
    document.querySelectorAll('tr[data-objective]').forEach(function (row) {
      var match = f.objectives.filter(function (x) { return x.objective.id === row.dataset.objective; })[0];
      if (match) fillRow(row, match);
    });
    document.querySelectorAll('tr[data-competency]').forEach(function (row) {
      var match = f.competencies.filter(function (x) { return x.competency.id === row.dataset.competency; })[0];
      if (match) fillRow(row, match);
    });
    if (weakest && focus) fillWeakest(weakestObjectives(f.objectives));
    if (status) status.textContent = [problem, note, summary(f.totals)].filter(Boolean).join(' ');
    return f;
  }

  // --- Export ---

  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  }
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el('a', { href: url, download: name, hidden: '' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  function responseText(r) {
    if (Array.isArray(r)) return r.map(function (x) { return x === null ? '' : String(x); }).join('[,]');
    return r === null ? '' : String(r);
  }

  // xAPI-like statements, one per answered question or saved rating, for tools that read them.
  function statements(data) {
    var out = [];
    Object.keys(data.quizzes).forEach(function (quiz) {
      Object.keys(data.quizzes[quiz]).forEach(function (id) {
        var r = data.quizzes[quiz][id];
        if (!store.isAnswered(r) && !store.isRated(r)) return;
        var result = { response: responseText(r.response) };
        if (store.isAnswered(r)) result.success = r.correct;
        out.push({
          actor: { name: 'Learner' },
          verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
          object: { id: quiz + '#' + id, definition: { name: { 'en-US': id } } },
          result: result,
          timestamp: r.at
        });
      });
    });
    return out;
  }

  function exportJson() {
    var data = load();
    var out = { v: 1, quizzes: data.quizzes, exported_at: new Date().toISOString(), statements: statements(data) };
    download('trellis-progress-' + today() + '.json', 'application/json', JSON.stringify(out, null, 2) + '\n');
  }

  function csvField(x) {
    var s = x === null || x === undefined ? '' : String(x);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function exportCsv() {
    var rows = [['objective', 'competency', 'knowledge_percent', 'correct', 'attempted', 'available', 'confidence']];
    figures(load()).objectives.forEach(function (f) {
      rows.push([f.objective.id, f.competency.id, f.knowledge, f.correct, f.attempted, f.available,
        f.confidence === null ? null : f.confidence.toFixed(1)]);
    });
    download('trellis-progress-' + today() + '.csv', 'text/csv', rows.map(function (r) { return r.map(csvField).join(','); }).join('\r\n') + '\r\n');
  }

  // --- Import ---

  function importFile(file) {
    var reject = function (why) {
      note = '';
      render();
      status.textContent = 'Could not import “' + file.name + '”: ' + why + '. Your progress has not changed.';
    };
    if (file.size > 5e6) return reject('the file is larger than a progress file can be');
    file.text().then(function (text) {
      var data;
      try { data = JSON.parse(text); } catch (e) { return reject('it is not a JSON file'); }
      var why = store.check(data);
      if (why) return reject('it is not a Trellis progress file (' + why + ')');
      var n = merge(data);
      note = 'Imported “' + file.name + '”: ' + plural(n.added, 'answer', 'answers') + ' added, ' + n.updated + ' updated' +
        (n.kept ? ', ' + n.kept + ' kept because the one here is newer' : '') + '.';
      render();
    }, function () { reject('the file could not be read'); });
  }

  if (tools) {
    tools.hidden = false;
    tools.addEventListener('click', function (e) {
      var b = e.target.closest('button');
      if (!b) return;
      if (b.classList.contains('progress-export-json')) exportJson();
      else if (b.classList.contains('progress-export-csv')) exportCsv();
      else if (b.classList.contains('progress-print')) window.print();
    });
  }
  if (fileInput) {
    fileInput.addEventListener('change', function () {
      if (fileInput.files && fileInput.files[0]) importFile(fileInput.files[0]);
      fileInput.value = '';
    });
  }
  // Another tab answered a question: show it.
  window.addEventListener('storage', function (e) { if (e.key === KEY) render(); });
  render();
})();
