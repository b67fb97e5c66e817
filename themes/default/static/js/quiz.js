// Trellis quizzes. Plain JS, no dependencies. Marks answers in the browser against the answer key
// the build embeds (#quiz-key), shuffles options, and keeps answers through js/progress.js (which
// loads first and owns the storage format). Without it every question still shows, with its
// answer and explanation in a disclosure.
(function () {
  'use strict';
  var form = document.querySelector('form.quiz[data-quiz]');
  var keyEl = document.getElementById('quiz-key');
  var store = window.trellisProgress;
  if (!form || !keyEl || !store) return;
  var key;
  try { key = JSON.parse(keyEl.textContent); } catch (e) { return; }

  var quizId = form.dataset.quiz;
  var shuffle = form.dataset.shuffle === 'true';
  var statusEl = form.querySelector('.quiz-status');
  var keys = {};
  key.questions.forEach(function (k) { keys[k.id] = k; });

  // --- Helpers ---

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'html') e.innerHTML = attrs[k]; // only ever the build's own HTML
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c !== null) e.append(c); });
    return e;
  }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }
  function permutation(order, n) {
    if (!Array.isArray(order) || order.length !== n) return false;
    var seen = {};
    return order.every(function (x) { return typeof x === 'number' && x >= 0 && x < n && !seen[x] && (seen[x] = true); });
  }
  // A random order of 0..n-1 that is not the author's order when another exists, so the layout
  // never gives an ordering or matching answer away.
  function randomOrder(n) {
    var order = [];
    for (var i = 0; i < n; i++) order.push(i);
    for (var tries = 0; tries < 10; tries++) {
      for (var j = n - 1; j > 0; j--) {
        var k = Math.floor(Math.random() * (j + 1));
        var t = order[j]; order[j] = order[k]; order[k] = t;
      }
      if (n < 2 || order.some(function (x, idx) { return x !== idx; })) break;
    }
    return order;
  }
  function normalise(s) { return String(s).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase().replace(/[\u2018\u2019]/g, "'"); }
  function parseNumber(s) {
    var t = String(s).trim().replace(/\s+/g, '').replace(/\u2212/g, '-');
    if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return null;
    return Number(t.replace(',', '.'));
  }

  // --- One question ---

  function Question(section) {
    this.el = section;
    this.id = section.dataset.qid;
    this.type = section.dataset.type;
    this.version = section.dataset.version;
    this.key = keys[this.id];
    this.check = section.querySelector('.q-check');
    this.retry = section.querySelector('.q-retry');
    this.feedback = section.querySelector('.q-feedback');
    this.answer = section.querySelector('details.q-answer');
    this.checked = false;
    this.order = null;
    if (this.type === 'confidence' && this.retry) this.retry.textContent = 'Change rating';
  }

  Question.prototype.inputs = function () {
    return Array.prototype.slice.call(this.el.querySelectorAll('input, select'));
  };
  Question.prototype.options = function () { // single, multiple, true-false, confidence
    return Array.prototype.slice.call(this.el.querySelectorAll('.q-options label.q-option'));
  };
  Question.prototype.items = function () { // ordering, matching: the <li>s, by their item index
    var lis = Array.prototype.slice.call(this.el.querySelectorAll('.q-ordering > li, .q-matching > li'));
    return lis.sort(function (a, b) { return a.dataset.index - b.dataset.index; });
  };

  // What the reader has entered, in the storage format (see progress.js).
  Question.prototype.read = function () {
    var checked = this.options().map(function (l) { return l.querySelector('input'); }).filter(function (i) { return i.checked; });
    switch (this.type) {
      case 'single': return checked.length ? Number(checked[0].value) : null;
      case 'confidence': return checked.length ? Number(checked[0].value) : null;
      case 'multiple': return checked.map(function (i) { return Number(i.value); });
      case 'true-false': return checked.length ? checked[0].value === '1' : null;
      case 'short': case 'numeric': return this.el.querySelector('.q-field input').value;
      default: return this.items().map(function (li) {
        var v = li.querySelector('select').value;
        return v === '' ? null : Number(v);
      });
    }
  };

  Question.prototype.write = function (response) {
    var type = this.type;
    this.options().forEach(function (l) {
      var input = l.querySelector('input');
      var v = input.value;
      input.checked = response !== null && (type === 'multiple' ? Array.isArray(response) && response.indexOf(Number(v)) >= 0
        : type === 'true-false' ? (v === '1') === response : Number(v) === response);
    });
    if (type === 'short' || type === 'numeric') this.el.querySelector('.q-field input').value = typeof response === 'string' ? response : '';
    if (type === 'ordering' || type === 'matching') {
      this.items().forEach(function (li, i) {
        var v = Array.isArray(response) ? response[i] : null;
        li.querySelector('select').value = v === null || v === undefined ? '' : String(v);
      });
    }
  };

  // Reorders the DOM: option labels (single, multiple), ordering items, matching answers.
  Question.prototype.shuffleable = function () {
    if (this.type === 'single' || this.type === 'multiple') return this.options().length;
    if (this.type === 'ordering') return this.items().length;
    if (this.type === 'matching') return this.el.querySelectorAll('.q-matching select')[0].options.length - 1;
    return 0;
  };
  Question.prototype.arrange = function (order) {
    this.order = order;
    var section = this.el;
    if (this.type === 'single' || this.type === 'multiple') {
      var box = section.querySelector('.q-options');
      var labels = {};
      this.options().forEach(function (l) { labels[l.querySelector('input').value] = l; });
      order.forEach(function (i) { box.append(labels[i]); });
    } else if (this.type === 'ordering') {
      var list = section.querySelector('.q-ordering');
      var lis = this.items();
      order.forEach(function (i) { list.append(lis[i]); });
    } else if (this.type === 'matching') {
      section.querySelectorAll('.q-matching select').forEach(function (select) {
        var opts = {};
        Array.prototype.forEach.call(select.options, function (o) { if (o.value !== '') opts[o.value] = o; });
        order.forEach(function (i) { select.append(opts[i]); });
      });
    }
  };

  Question.prototype.setLocked = function (locked) {
    this.checked = locked;
    this.inputs().forEach(function (i) { i.disabled = locked; });
    if (this.check) {
      if (locked) this.check.setAttribute('aria-disabled', 'true');
      else this.check.removeAttribute('aria-disabled');
    }
    if (this.retry) this.retry.hidden = !locked;
  };

  Question.prototype.clearMarks = function () {
    this.el.querySelectorAll('.is-right, .is-wrong').forEach(function (e) { e.classList.remove('is-right', 'is-wrong'); });
    this.el.querySelectorAll('.q-mark').forEach(function (e) { e.remove(); });
    this.feedback.className = 'q-feedback';
    this.feedback.replaceChildren();
  };

  // Colour plus a visible symbol plus words for screen readers: never colour alone.
  function markNode(node, right, words, into) {
    node.classList.add(right ? 'is-right' : 'is-wrong');
    (into || node).append(el('span', { class: 'q-mark' }, [
      el('span', { 'aria-hidden': 'true', text: right ? '✓' : '✗' }),
      el('span', { class: 'visually-hidden', text: ' (' + words + ')' })
    ]));
  }

  var VERDICTS = { right: ['✓', 'Correct.'], wrong: ['✗', 'Not quite.'], partly: ['', 'Partly right.'] };

  // Marks `response` against the key. Returns { message } when the answer is incomplete, else
  // { correct, verdict, parts: [nodes and HTML strings for the feedback], marks: function }.
  Question.prototype.mark = function (response) {
    var k = this.key, q = this, fb = k.feedback || [];
    var optionLabel = function (i) {
      return q.options().filter(function (l) { return l.querySelector('input').value === String(i); })[0];
    };
    switch (this.type) {
      case 'single': {
        if (response === null) return { message: 'Please choose an answer.' };
        var right = k.correct.indexOf(response) >= 0;
        return {
          correct: right, verdict: right ? 'right' : 'wrong', parts: fb[response] ? [fb[response]] : [],
          marks: function () { markNode(optionLabel(response), right, right ? 'correct answer' : 'your choice, incorrect'); }
        };
      }
      case 'multiple': {
        if (!response.length) return { message: 'Please choose at least one answer.' };
        var wrong = response.filter(function (i) { return k.correct.indexOf(i) < 0; });
        var hits = response.length - wrong.length;
        var missed = k.correct.length - hits;
        var all = !wrong.length && !missed;
        var notes = wrong.map(function (i) {
          return fb[i] || 'One of your choices, “' + optionLabel(i).querySelector('span').textContent.trim() + '”, is not one of the answers.';
        });
        if (missed) notes.push('You missed ' + plural(missed, 'correct option', 'correct options') + '.');
        return {
          correct: all, verdict: all ? 'right' : hits ? 'partly' : 'wrong',
          parts: notes.length ? [el('ul', {}, notes.map(function (n) { return el('li', { html: n }); }))] : [],
          marks: function () {
            response.forEach(function (i) {
              var ok = k.correct.indexOf(i) >= 0;
              markNode(optionLabel(i), ok, ok ? 'correct answer' : 'your choice, incorrect');
            });
          }
        };
      }
      case 'true-false': {
        if (response === null) return { message: 'Please choose true or false.' };
        var ok = (k.correct[0] === 1) === response;
        var text = fb[response ? 0 : 1];
        return {
          correct: ok, verdict: ok ? 'right' : 'wrong', parts: text ? [text] : [],
          marks: function () { markNode(optionLabel(response ? 1 : 0), ok, ok ? 'correct answer' : 'your choice, incorrect'); }
        };
      }
      case 'short': {
        if (!normalise(response)) return { message: 'Please type an answer.' };
        var given = normalise(response);
        var match = k.accept.some(function (a) { return normalise(a) === given; });
        return { correct: match, verdict: match ? 'right' : 'wrong', parts: !match && fb[0] ? [fb[0]] : [], marks: function () {} };
      }
      case 'numeric': {
        var x = parseNumber(response);
        if (x === null) return { message: 'Please enter a number.' };
        var near = Math.abs(x - k.value) <= (k.tolerance || 0) + 1e-9;
        return { correct: near, verdict: near ? 'right' : 'wrong', parts: [], marks: function () {} };
      }
      case 'ordering': case 'matching': {
        var n = response.length;
        if (this.type === 'ordering') {
          var used = {};
          var complete = response.every(function (p) { return p !== null && !used[p] && (used[p] = true); });
          if (!complete) return { message: 'Give each item a different position, from 1 to ' + n + '.' };
        } else if (response.some(function (x) { return x === null; })) {
          return { message: 'Choose a match for every item.' };
        }
        var good = response.map(function (x, i) {
          return q.type === 'ordering' ? x === k.correct.indexOf(i) + 1 : x === k.correct[i];
        });
        var count = good.filter(Boolean).length;
        var every = count === n;
        var what = this.type === 'ordering' ? ['item is in the right position', 'items are in the right position']
          : ['match is right', 'matches are right'];
        return {
          correct: every, verdict: every ? 'right' : count ? 'partly' : 'wrong',
          parts: every ? [] : [count + ' of ' + n + ' ' + (count === 1 ? what[0] : what[1]) + '.'],
          marks: function () {
            q.items().forEach(function (li, i) {
              var words = q.type === 'ordering' ? (good[i] ? 'right position' : 'wrong position') : (good[i] ? 'correct match' : 'incorrect match');
              markNode(li, good[i], words, li.querySelector('label'));
            });
          }
        };
      }
      case 'confidence': {
        if (response === null) return { message: 'Please choose a rating from 1 to 5.' };
        var label = optionLabel(response).textContent.trim().replace(/^\d+\s*/, '');
        return { rating: response, parts: ['Rating saved: ' + response + ' — ' + label + '.'], marks: function () {} };
      }
    }
    return { message: 'This question cannot be checked here.' };
  };

  // Shows a marked answer. `quietly` (restoring on load) keeps screen readers from hearing every
  // question's feedback at once.
  Question.prototype.show = function (result, record, quietly) {
    this.clearMarks();
    var box = this.feedback;
    if (quietly) box.setAttribute('aria-live', 'off');
    var nodes = [];
    if (this.type === 'confidence') {
      nodes.push(el('p', { text: result.parts[0] }));
    } else {
      var v = VERDICTS[result.verdict];
      var line = el('p', {}, [el('span', { class: 'q-verdict' }, [v[0] ? el('span', { 'aria-hidden': 'true', text: v[0] + ' ' }) : null, v[1]])]);
      result.parts.forEach(function (p) {
        if (typeof p === 'string') line.append(' ', el('span', { html: p }));
        else nodes.push(p);
      });
      nodes.unshift(line);
      if (result.correct && record.revealed) {
        nodes.push(el('p', { text: 'You opened the answer before answering, so this question does not count towards your score.' }));
      }
      var explanation = this.answer && this.answer.querySelector('.q-explanation');
      // The general explanation follows every checked answer, right or wrong.
      if (explanation) nodes.push(el('div', { class: 'q-explanation', html: explanation.innerHTML }));
      if (!result.correct && this.answer) nodes.push(el('p', { text: 'Try again, or open “Show answer and explanation” below.' }));
      box.classList.add(result.verdict === 'right' ? 'is-right' : result.verdict === 'wrong' ? 'is-wrong' : 'is-partly');
    }
    result.marks();
    box.replaceChildren.apply(box, nodes);
    if (quietly) setTimeout(function () { box.setAttribute('aria-live', 'polite'); }, 0);
    this.setLocked(true);
  };

  Question.prototype.say = function (message) {
    this.feedback.className = 'q-feedback';
    this.feedback.replaceChildren(el('p', { text: message }));
  };

  // --- The quiz ---

  var questions = Array.prototype.slice.call(form.querySelectorAll('section.question[data-qid]'))
    .map(function (s) { return new Question(s); })
    .filter(function (q) { return q.key; });
  var notices = []; // said once, when the page loads
  var changedNotice = '';

  function records() { return store.load().quizzes[quizId] || {}; }

  // Changes one question's saved record, creating it the first time.
  function save(q, change) {
    store.update(function (data) {
      var recs = data.quizzes[quizId] || (data.quizzes[quizId] = {});
      var r = recs[q.id] && recs[q.id].version === q.version ? recs[q.id] : {
        version: q.version, type: q.type, objectives: q.key.objectives.slice(), response: null,
        correct: null, rating: null, attempts: 0, revealed: false, order: null
      };
      change(r);
      r.order = q.order;
      r.at = new Date().toISOString();
      recs[q.id] = r;
    });
  }

  function score() {
    var recs = records();
    var scored = questions.filter(function (q) { return q.type !== 'confidence'; });
    var rated = questions.filter(function (q) { return q.type === 'confidence'; });
    var answered = 0, right = 0, ratings = 0;
    scored.forEach(function (q) {
      var r = recs[q.id];
      if (store.isAnswered(r)) answered++;
      if (store.isCorrect(r)) right++;
    });
    rated.forEach(function (q) { if (store.isRated(recs[q.id])) ratings++; });
    var text = '';
    if (scored.length) {
      text = 'Score: ' + right + ' of ' + plural(scored.length, 'question', 'questions') + ' correct' +
        (answered < scored.length ? ' (' + (scored.length - answered) + ' not answered yet)' : '') + '.';
    }
    if (rated.length) text += (text ? ' ' : '') + 'Confidence ratings: ' + ratings + ' of ' + rated.length + ' saved.';
    return { text: text, any: answered + ratings > 0 };
  }

  // Notices (storage, changed questions) are said once and stay first; after that only the score
  // changes. The status is not atomic, so only the part that changed is read out.
  var noticeEl = el('span', { class: 'quiz-notice' });
  var scoreEl = el('span', { class: 'quiz-score' });
  function updateStatus(extra) {
    if (!statusEl) return;
    var problem = store.problem();
    if (problem && notices.indexOf(problem) < 0) notices.unshift(problem);
    // The trailing space separates it from the score; at the end of the line it is not shown.
    var said = notices.length ? notices.join(' ') + ' ' : '';
    if (noticeEl.textContent !== said) noticeEl.textContent = said;
    if (said && !noticeEl.parentNode) statusEl.prepend(noticeEl);
    var s = score();
    scoreEl.textContent = [extra, s.any || extra ? s.text : ''].filter(Boolean).join(' ');
    if (scoreEl.textContent && !scoreEl.parentNode) statusEl.append(scoreEl);
  }

  function checkQuestion(q) {
    if (q.checked) return;
    var response = q.read();
    var result = q.mark(response);
    if (result.message) { q.say(result.message); return; }
    var record;
    save(q, function (r) {
      r.response = response;
      if (q.type === 'confidence') r.rating = result.rating;
      else { r.correct = result.correct; r.attempts += 1; }
      record = r;
    });
    q.show(result, record, false);
    updateStatus();
  }

  function retryQuestion(q) {
    var keep = q.type === 'confidence'; // a rating stays saved until a new one replaces it
    q.clearMarks();
    q.setLocked(false);
    if (!keep) {
      q.write(null);
      save(q, function (r) { r.response = null; r.correct = null; });
      updateStatus();
    }
    // The Try again button has just gone: give focus to the answer, where the reader is going.
    var first = q.inputs().filter(function (i) { return i.checked; })[0] || q.inputs()[0];
    if (first) first.focus();
  }

  function resetQuiz() {
    if (!window.confirm('Reset this quiz? All your answers and ratings for it will be cleared.')) return;
    store.update(function (data) { delete data.quizzes[quizId]; });
    questions.forEach(function (q) {
      q.clearMarks();
      q.setLocked(false);
      q.write(null);
      if (q.answer) q.answer.open = false;
      if (shuffle && q.shuffleable() > 1) q.arrange(randomOrder(q.shuffleable()));
    });
    notices = notices.filter(function (n) { return n !== changedNotice; });
    updateStatus('The quiz has been reset: all answers and ratings are cleared.');
  }

  function questionOf(node) {
    var section = node.closest && node.closest('section.question');
    return questions.filter(function (q) { return q.el === section; })[0];
  }

  // --- Start: restore what was saved ---

  var saved = records();
  var changed = 0;
  questions.forEach(function (q) {
    var r = saved[q.id];
    if (r && (r.version !== q.version || r.type !== q.type)) { changed++; r = null; }
    var n = q.shuffleable();
    if (shuffle && n > 1) q.arrange(r && permutation(r.order, n) ? r.order : randomOrder(n));
    if (!r) return;
    try {
      if (r.response !== null) q.write(r.response);
      if (store.isAnswered(r) || store.isRated(r)) {
        var result = q.mark(r.response);
        if (!result.message) q.show(result, r, true);
      }
    } catch (e) {
      // A saved answer of the wrong shape: leave the question unanswered rather than break the page.
      q.clearMarks();
      q.setLocked(false);
      q.write(null);
    }
  });
  if (changed) {
    store.update(function (data) {
      var recs = data.quizzes[quizId] || {};
      questions.forEach(function (q) {
        if (recs[q.id] && (recs[q.id].version !== q.version || recs[q.id].type !== q.type)) delete recs[q.id];
      });
    });
    changedNotice = changed === 1 ? '1 question changed since your last visit and was reset.'
      : changed + ' questions changed since your last visit and were reset.';
    notices.push(changedNotice);
  }

  form.querySelectorAll('.q-actions, .quiz-actions').forEach(function (a) { a.hidden = false; });
  if (statusEl) {
    statusEl.setAttribute('aria-atomic', 'false');
    statusEl.replaceChildren();
  }
  updateStatus();

  // --- Events ---

  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b) return;
    if (b.classList.contains('quiz-reset')) { resetQuiz(); return; }
    var q = questionOf(b);
    if (!q) return;
    if (b.classList.contains('q-check')) checkQuestion(q);
    else if (b.classList.contains('q-retry')) retryQuestion(q);
  });
  // Enter in a text answer checks it (and never submits the form).
  form.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' || !e.target.matches('.q-field input')) return;
    e.preventDefault();
    var q = questionOf(e.target);
    if (q) checkQuestion(q);
  });
  // Answers in progress are kept too, with the order they were shown in.
  form.addEventListener('change', function (e) {
    var q = questionOf(e.target);
    if (!q || q.checked) return;
    var response = q.read();
    save(q, function (r) { r.response = response; });
  });
  // Opening the answer before getting the question right: it no longer counts as correct.
  form.addEventListener('toggle', function (e) {
    var d = e.target;
    if (!d.matches || !d.matches('details.q-answer') || !d.open) return;
    var q = questionOf(d);
    if (!q || q.type === 'confidence') return;
    var r = records()[q.id];
    if (q.checked && r && r.correct === true) return;
    save(q, function (rec) { rec.revealed = true; });
  }, true);
})();
