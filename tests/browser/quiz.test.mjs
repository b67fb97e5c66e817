// Quizzes in a real browser, on the shipped site: marking every question type right and wrong,
// the score, answers kept across reloads, questions that changed since, shuffling, keyboard use,
// storage that is switched off, reading without JavaScript, accessibility and small screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, serve, launch, axeViolations, repo, tempDir } from './lib.mjs';
import { quizKey, question, verdict, fill, answer, quizzes } from './quiz-answers.mjs';

const STORE = 'trellis.progress.v1';
let out, server, browser, site;

before(async () => {
  out = build();
  server = await serve(out);
  browser = await launch();
  const page = await browser.newPage();
  site = await quizzes(page, server.url);
  await page.close();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that fails the test on any script error. */
async function open(path, options = {}) {
  const page = await browser.newPage(options);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  if (path) await page.goto(server.url + path);
  return page;
}
async function done(page) {
  const errors = page.errors;
  await page.close();
  assert.deepEqual(errors, [], 'no script errors');
}

/** The first quiz with a question of `type`, and that question's id. */
function find(type) {
  for (const quiz of site) {
    const q = quiz.questions.find((x) => x.type === type);
    if (q) return { path: quiz.href, id: q.id };
  }
  throw new Error(`no ${type} question in the shipped quizzes`);
}
/** A quiz that has every one of `types`. */
function quizWith(...types) {
  const quiz = site.find((z) => types.every((t) => z.questions.some((q) => q.type === t)));
  assert.ok(quiz, `a quiz with ${types.join(', ')} questions`);
  return quiz;
}
const feedbackOf = (page, id) => question(page, id).locator('.q-feedback');
const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORE);
const text = (html) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

for (const type of ['single', 'multiple', 'true-false', 'short', 'numeric', 'ordering', 'matching']) {
  test(`${type}: a wrong answer says "Not quite" with its feedback; after "Try again" the right one says "Correct"`, async () => {
    const { path, id } = find(type);
    const page = await open(path);
    const key = await quizKey(page);
    const k = key.questions.find((q) => q.id === id);
    const q = question(page, id);
    await assert.doesNotReject(q.locator('.q-actions').waitFor({ state: 'visible' }), 'the script shows the buttons');

    await answer(page, k, false);
    const wrong = await feedbackOf(page, id).innerText();
    assert.ok(wrong.startsWith(verdict(k, false)), `verdict first: ${wrong}`);
    const chosen = await q.locator('input:checked').evaluateAll((xs) => xs.map((x) => Number(x.value)));
    if (type === 'single' || type === 'multiple') {
      const fb = k.feedback[chosen[0]];
      if (fb) assert.ok(wrong.includes(text(fb)), `the chosen option's feedback: ${wrong}`);
      assert.equal(await q.locator('.q-option.is-wrong').count(), 1);
      assert.match(await q.locator('.q-option.is-wrong').innerText(), /✗/, 'a visible mark besides colour');
      assert.equal(await q.locator('.q-option.is-wrong .visually-hidden').textContent(), ' (your choice, incorrect)');
    }
    if (type === 'true-false') {
      const fb = k.feedback[chosen[0] === 1 ? 0 : 1];
      if (fb) assert.ok(wrong.includes(text(fb)), `the feedback for that answer: ${wrong}`);
    }
    if (type === 'short' && k.feedback[0]) assert.ok(wrong.includes(text(k.feedback[0])));
    if (type === 'ordering' || type === 'matching') {
      assert.match(wrong, /0 of \d+ (items are in the right position|matches are right)/);
      assert.equal(await q.locator('li.is-wrong').count(), k.correct.length);
    }
    if (await q.locator('details.q-answer .q-explanation').count()) {
      const words = (await q.locator('details.q-answer .q-explanation').textContent()).trim().split(/\s+/).slice(0, 6).join(' ');
      assert.ok(wrong.replace(/\s+/g, ' ').includes(words), 'the explanation follows a wrong answer too');
    }
    assert.equal(await feedbackOf(page, id).getAttribute('aria-live'), 'polite');
    assert.ok(await q.locator('.q-retry').isVisible(), 'Try again shows');
    for (const input of await q.locator('input, select').all()) assert.ok(await input.isDisabled(), 'inputs are locked');

    await q.locator('.q-retry').click();
    assert.equal(await feedbackOf(page, id).innerText(), '', 'Try again clears the feedback');
    assert.equal(await q.locator('.is-wrong, .is-right').count(), 0, 'and the marks');
    assert.equal(await q.locator('input:checked').count(), 0, 'and the answer');
    assert.ok(await q.locator('input, select').first().isEnabled());

    await answer(page, k, true);
    const right = await feedbackOf(page, id).innerText();
    assert.ok(right.startsWith('✓ Correct.'), right);
    const explanation = await q.locator('details.q-answer .q-explanation').count();
    if (explanation) {
      const words = (await q.locator('details.q-answer .q-explanation').textContent()).trim().split(/\s+/).slice(0, 6).join(' ');
      assert.ok(right.replace(/\s+/g, ' ').includes(words), 'the explanation follows a right answer');
    }
    if (type === 'single') assert.equal(await q.locator('.q-option.is-right .visually-hidden').textContent(), ' (correct answer)');
    const record = (await stored(page)).quizzes[key.quiz][id];
    assert.equal(record.correct, true);
    assert.equal(record.attempts, 2, 'both attempts are counted');
    assert.equal(record.version, await q.getAttribute('data-version'));
    await done(page);
  });
}

test('multiple: some right options give "Partly right." and name what was missed', async () => {
  const { path, id } = find('multiple');
  const page = await open(path);
  const k = (await quizKey(page)).questions.find((q) => q.id === id);
  const q = question(page, id);
  const wrongOption = (await q.locator('.q-options input').evaluateAll((xs) => xs.map((x) => Number(x.value)))).find((i) => !k.correct.includes(i));
  await q.locator(`input[value="${k.correct[0]}"]`).check();
  await q.locator(`input[value="${wrongOption}"]`).check();
  await q.locator('.q-check').click();
  const fb = await feedbackOf(page, id).innerText();
  assert.ok(fb.startsWith('Partly right.'), fb);
  if (k.feedback[wrongOption]) assert.ok(fb.includes(text(k.feedback[wrongOption])));
  if (k.correct.length > 1) assert.match(fb, /You missed \d correct options?\./);
  assert.equal(await q.locator('.q-option.is-right').count(), 1);
  assert.equal(await q.locator('.q-option.is-wrong').count(), 1);
  await done(page);
});

test('numeric and short: "Please enter a number." for text; case, spaces and a decimal comma are fine', async () => {
  const num = find('numeric');
  const page = await open(num.path);
  const key = await quizKey(page);
  const k = key.questions.find((q) => q.id === num.id);
  const field = question(page, k.id).locator('.q-field input');
  await field.fill('seven');
  await question(page, k.id).locator('.q-check').click();
  assert.equal(await feedbackOf(page, k.id).innerText(), 'Please enter a number.');
  assert.ok(await field.isEnabled(), 'not marked: the reader can fix it');
  assert.equal((await stored(page))?.quizzes?.[key.quiz]?.[k.id]?.correct ?? null, null, 'not stored as wrong');
  await field.fill(`${k.value + (k.tolerance ?? 0)}`.replace('.', ','));
  await field.press('Enter'); // Enter in the field checks it
  assert.ok((await feedbackOf(page, k.id).innerText()).startsWith('✓ Correct.'), 'within the tolerance, by Enter');
  await done(page);
});

test('ordering and matching: incomplete answers get a message and are not marked', async () => {
  const quiz = quizWith('ordering', 'matching');
  const page = await open(quiz.href);
  const key = await quizKey(page);
  for (const type of ['ordering', 'matching']) {
    const k = key.questions.find((q) => q.type === type);
    const q = question(page, k.id);
    await q.locator(`select[name="q-${k.id}-0"]`).selectOption('1');
    if (type === 'ordering') await q.locator(`select[name="q-${k.id}-1"]`).selectOption('1');
    await q.locator('.q-check').click();
    const message = await feedbackOf(page, k.id).innerText();
    assert.match(message, type === 'ordering' ? /^Give each item a different position, from 1 to \d+\.$/ : /^Choose a match for every item\.$/);
    assert.ok(await q.locator('select').first().isEnabled());
    assert.equal(await q.locator('.is-right, .is-wrong').count(), 0);
  }
  await done(page);
});

test('confidence: "Save rating" keeps the rating and says what it means', async () => {
  const { path, id } = find('confidence');
  const page = await open(path);
  const key = await quizKey(page);
  const k = key.questions.find((q) => q.id === id);
  await answer(page, k, true, 4);
  assert.equal(await feedbackOf(page, id).innerText(), 'Rating saved: 4 — Very confident.');
  const record = (await stored(page)).quizzes[key.quiz][id];
  assert.equal(record.rating, 4);
  assert.equal(record.correct, null, 'a rating is never right or wrong');
  assert.equal(await question(page, id).locator('.q-retry').innerText(), 'Change rating');
  await done(page);
});

test('the score counts right answers, unanswered questions and saved ratings', async () => {
  const quiz = quizWith('single', 'confidence');
  const page = await open(quiz.href);
  const key = await quizKey(page);
  const scored = key.questions.filter((q) => q.type !== 'confidence');
  const rated = key.questions.filter((q) => q.type === 'confidence');
  assert.equal(await page.locator('.quiz-status').innerText(), '', 'nothing to say before any answer');
  await answer(page, scored[0], true);
  await answer(page, scored[1], false);
  await answer(page, scored[2], true);
  await answer(page, rated[0], true, 3);
  const left = scored.length - 3;
  assert.equal(await page.locator('.quiz-status').innerText(),
    `Score: 2 of ${scored.length} questions correct (${left} not answered yet). Confidence ratings: 1 of ${rated.length} saved.`);
  await done(page);
});

test('opening the answer before answering means the question is not counted correct', async () => {
  const { path, id } = find('single');
  const page = await open(path);
  const key = await quizKey(page);
  const k = key.questions.find((q) => q.id === id);
  await question(page, id).locator('details.q-answer summary').click();
  await page.waitForFunction(([s, quiz, qid]) => JSON.parse(localStorage.getItem(s) || '{}')?.quizzes?.[quiz]?.[qid]?.revealed, [STORE, key.quiz, id]);
  await answer(page, k, true);
  const fb = await feedbackOf(page, id).innerText();
  assert.ok(fb.startsWith('✓ Correct.'));
  assert.match(fb, /does not count towards your score/);
  assert.match(await page.locator('.quiz-status').innerText(), /^Score: 0 of \d+ questions correct/);
  await done(page);
});

test('answers are kept across a reload: restored, checked, with their feedback and score', async () => {
  const quiz = quizWith('single', 'multiple', 'short', 'ordering', 'matching');
  const page = await open(quiz.href);
  const key = await quizKey(page);
  const picked = ['single', 'multiple', 'short', 'ordering', 'matching'].map((t) => key.questions.find((q) => q.type === t));
  for (const [i, k] of picked.entries()) await answer(page, k, i % 2 === 0);
  const before = {};
  for (const k of picked) before[k.id] = await feedbackOf(page, k.id).innerText();
  const status = await page.locator('.quiz-status').innerText();
  // A draft, not checked yet, is kept too.
  const draft = key.questions.find((q) => q.type === 'true-false' || q.type === 'numeric');
  if (draft) await fill(page, draft, true);
  await page.locator('#quiz-title').click(); // commit a text field's value
  await page.reload();
  for (const k of picked) {
    assert.equal(await feedbackOf(page, k.id).innerText(), before[k.id], `${k.id} feedback restored`);
    assert.ok(await question(page, k.id).locator('.q-retry').isVisible(), `${k.id} shows as checked`);
  }
  const short = picked[2];
  assert.equal(await question(page, short.id).locator('.q-field input').inputValue(), `  ${short.accept[0].toUpperCase().replace(/ /g, '   ')} `);
  const ordering = picked[3]; // answered wrong: every item one place on
  const n = ordering.correct.length;
  for (let i = 0; i < n; i++) {
    const at = ordering.correct.indexOf(i);
    assert.equal(await question(page, ordering.id).locator(`select[name="q-${ordering.id}-${i}"]`).inputValue(), String(((at + 1) % n) + 1));
  }
  if (draft) {
    assert.equal(await feedbackOf(page, draft.id).innerText(), '', 'a draft is not marked');
    const value = draft.type === 'numeric' ? await question(page, draft.id).locator('.q-field input').inputValue()
      : await question(page, draft.id).locator('input:checked').getAttribute('value');
    assert.equal(value, draft.type === 'numeric' ? String(draft.value).replace('.', ',') : String(draft.correct[0]));
  }
  assert.equal(await page.locator('.quiz-status').innerText(), status);
  await done(page);
});

test('shuffled options keep their order across a reload while the attempt lasts; "Reset quiz" clears and reshuffles', async () => {
  const quiz = quizWith('single', 'ordering', 'matching');
  const page = await open(quiz.href);
  assert.equal(await page.locator('form.quiz').getAttribute('data-shuffle'), 'true');
  const key = await quizKey(page);
  const targets = ['single', 'multiple', 'ordering', 'matching'].map((t) => key.questions.find((q) => q.type === t)).filter(Boolean);
  const orderOf = (id) => question(page, id).evaluate((s) => {
    if (s.dataset.type === 'ordering') return [...s.querySelectorAll('.q-ordering > li')].map((li) => li.dataset.index).join();
    if (s.dataset.type === 'matching') return [...s.querySelector('select').options].map((o) => o.value).join();
    return [...s.querySelectorAll('.q-options input')].map((i) => i.value).join();
  });
  // Start every one (the order is saved with the answer), then reload a few times.
  for (const k of targets) await fill(page, k, false);
  const first = {};
  for (const k of targets) first[k.id] = await orderOf(k.id);
  for (let i = 0; i < 3; i++) {
    await page.reload();
    for (const k of targets) assert.equal(await orderOf(k.id), first[k.id], `${k.id} keeps its order`);
  }
  const record = (await stored(page)).quizzes[key.quiz][targets[0].id];
  assert.equal(record.order.join(), first[targets[0].id]);
  const ordering = targets.find((k) => k.type === 'ordering');
  assert.notEqual(first[ordering.id], ordering.correct.join(), 'ordering items never start in the right order');

  // Reset: confirmed with the browser's own dialog, clears answers and shuffles afresh.
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.accept(); });
  const orders = new Set(Object.values(first).map(String));
  let reshuffled = false;
  for (let i = 0; i < 5 && !reshuffled; i++) {
    if (i) page.once('dialog', (d) => d.accept());
    await page.locator('.quiz-reset').click();
    const now = await Promise.all(targets.map((k) => orderOf(k.id)));
    reshuffled = now.some((o, j) => o !== first[targets[j].id]);
  }
  assert.match(asked, /reset this quiz/i);
  assert.ok(reshuffled, 'a new order after reset');
  assert.equal((await stored(page)).quizzes[key.quiz], undefined, 'the quiz’s records are gone');
  assert.equal(await page.locator('form.quiz input:checked').count(), 0);
  assert.match(await page.locator('.quiz-status').innerText(), /reset/i);
  // Dismissing the dialog changes nothing.
  await answer(page, targets[0], true);
  page.once('dialog', (d) => d.dismiss());
  await page.locator('.quiz-reset').click();
  assert.ok((await feedbackOf(page, targets[0].id).innerText()).startsWith('✓ Correct.'));
  assert.ok(orders.size > 0);
  await done(page);
});

test('a question edited since the last visit is reset on its own; the others keep their answers', async () => {
  // Two builds on one origin (so they share storage): the shipped site, and a copy where one
  // question's prompt has changed.
  const fixture = tempDir('trellis-quiz-site-');
  cpSync(join(repo, 'content'), join(fixture, 'content'), { recursive: true });
  cpSync(join(repo, 'site.toml'), join(fixture, 'site.toml'));
  symlinkSync(join(repo, 'themes'), join(fixture, 'themes'));
  const quiz = site[0];
  const source = join(fixture, 'content', quiz.id.replace(/\/$/, '') + '.md');
  const original = readFileSync(source, 'utf8');
  const edited = original.replace(/prompt = ("""\n|")/, (m) => m + 'Edited: ');
  assert.notEqual(edited, original);
  writeFileSync(source, edited);
  const parent = tempDir('trellis-quiz-versions-');
  cpSync(out, join(parent, 'before'), { recursive: true });
  cpSync(build(fixture), join(parent, 'after'), { recursive: true });
  const both = await serve(parent);
  try {
    const page = await browser.newPage();
    await page.goto(both.url + 'before/' + quiz.href);
    const key = await quizKey(page);
    const scored = key.questions.filter((q) => q.type !== 'confidence');
    for (const k of scored) await answer(page, k, true);
    const versions = await page.locator('section.question').evaluateAll((s) => s.map((x) => x.dataset.version));
    await page.goto(both.url + 'after/' + quiz.href);
    const now = await page.locator('section.question').evaluateAll((s) => s.map((x) => x.dataset.version));
    const changed = key.questions.filter((_, i) => versions[i] !== now[i]);
    assert.equal(changed.length, 1, 'editing one prompt changes one question’s version');
    const status = await page.locator('.quiz-status').innerText();
    assert.ok(status.startsWith('1 question changed since your last visit and was reset.'), status);
    assert.match(status, new RegExp(`Score: ${scored.length - 1} of ${scored.length} questions correct \\(1 not answered yet\\)`));
    for (const k of scored) {
      const fb = await feedbackOf(page, k.id).innerText();
      if (k.id === changed[0].id) {
        assert.equal(fb, '', 'the changed question starts afresh');
        assert.equal(await question(page, k.id).locator('input:checked').count(), 0);
      } else assert.ok(fb.startsWith('✓ Correct.'), `${k.id} kept`);
    }
    const records = (await stored(page)).quizzes[key.quiz];
    assert.equal(records[changed[0].id], undefined, 'its old record is dropped');
    await page.reload();
    assert.doesNotMatch(await page.locator('.quiz-status').innerText(), /changed/, 'said once');
    await page.close();
  } finally {
    await both.close();
  }
});

test('keyboard only: Tab, arrows, Space and Enter answer a quiz, ordering and matching included', async () => {
  const quiz = quizWith('single', 'ordering', 'matching');
  const page = await open(quiz.href);
  const key = await quizKey(page);
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, name: el.name ?? '', value: el.value ?? '', cls: el.className, checked: !!el.checked,
      qid: el.closest('section.question')?.dataset.qid ?? null, outline: getComputedStyle(el).outlineStyle };
  });
  const tabTo = async (test, what) => {
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (test(f)) return f;
    }
    throw new Error(`Tab never reached ${what}`);
  };
  const checkWithKeyboard = async (k, key = 'Enter') => {
    const f = await tabTo((x) => x.qid === k.id && x.cls.includes('q-check'), `${k.id} Check answer`);
    assert.notEqual(f.outline, 'none', 'focus is visible');
    await page.keyboard.press(key);
    const after = await focused();
    assert.ok(after.qid === k.id && after.cls.includes('q-check'), 'focus stays on the button: feedback is announced, not focused');
    return (await feedbackOf(page, k.id).innerText());
  };
  // Single choice: Tab into the group, arrows move the choice.
  const single = key.questions.find((q) => q.type === 'single');
  await tabTo((f) => f.qid === single.id && f.tag === 'INPUT', 'the first option');
  await page.keyboard.press('Space');
  for (let i = 0; i < 10 && (await focused()).value !== String(single.correct[0]); i++) await page.keyboard.press('ArrowDown');
  const s = await focused();
  assert.ok(s.checked && s.value === String(single.correct[0]));
  assert.ok((await checkWithKeyboard(single)).startsWith('✓ Correct.'));

  // Ordering: each <select> by keyboard (arrow keys on the closed list).
  const ordering = key.questions.find((q) => q.type === 'ordering');
  for (let n = 0; n < ordering.correct.length; n++) {
    const f = await tabTo((x) => x.qid === ordering.id && x.tag === 'SELECT', 'an ordering select');
    assert.equal(f.value, '');
    const item = Number(f.name.split('-').pop());
    const want = String(ordering.correct.indexOf(item) + 1);
    for (let i = 0; i < 12 && (await focused()).value !== want; i++) await page.keyboard.press('ArrowDown');
    assert.equal((await focused()).value, want);
  }
  assert.ok((await checkWithKeyboard(ordering, 'Space')).startsWith('✓ Correct.'));

  // Matching: the same, choosing the answer for each prompt.
  const matching = key.questions.find((q) => q.type === 'matching');
  for (let i = 0; i < matching.correct.length; i++) {
    const f = await tabTo((x) => x.qid === matching.id && x.name === `q-${matching.id}-${i}`, 'a matching select');
    assert.equal(f.value, '');
    const want = String(matching.correct[i]);
    for (let j = 0; j < 12 && (await focused()).value !== want; j++) await page.keyboard.press('ArrowDown');
    assert.equal((await focused()).value, want);
  }
  assert.ok((await checkWithKeyboard(matching)).startsWith('✓ Correct.'));

  // Try again by keyboard puts focus back on the answer.
  await page.keyboard.press('Tab');
  assert.ok((await focused()).cls.includes('q-retry'));
  await page.keyboard.press('Enter');
  const back = await focused();
  assert.equal(back.qid, matching.id);
  assert.equal(back.tag, 'SELECT');
  await done(page);
});

test('with storage switched off, a notice says so once and checking still works', async () => {
  const { path, id } = find('single');
  const page = await open(null);
  await page.addInitScript(() => {
    const refuse = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
    Storage.prototype.setItem = refuse;
    Storage.prototype.getItem = refuse;
    Storage.prototype.removeItem = refuse;
  });
  await page.goto(server.url + path);
  const notice = 'Your browser is not saving answers (private browsing or storage turned off): they are kept only while this page is open.';
  assert.equal(await page.locator('.quiz-status').innerText(), notice);
  const key = await quizKey(page);
  await answer(page, key.questions.find((q) => q.id === id), true);
  assert.ok((await feedbackOf(page, id).innerText()).startsWith('✓ Correct.'));
  const status = await page.locator('.quiz-status').innerText();
  assert.equal(status.split(notice).length, 2, 'the notice is there once');
  assert.match(status, /Score: 1 of \d+ questions correct/);
  await done(page);
});

test('unreadable saved data and a full quota never break the page', async () => {
  const { path, id } = find('single');
  const page = await open(path);
  await page.evaluate((k) => localStorage.setItem(k, '{"v":1,"quizzes":'), STORE);
  await page.reload();
  assert.match(await page.locator('.quiz-status').innerText(), /could not be read/);
  const k = (await quizKey(page)).questions.find((q) => q.id === id);
  await answer(page, k, true);
  assert.equal((await stored(page)).v, 1, 'a fresh start is saved');
  assert.equal(await page.evaluate((s) => localStorage.getItem(s + '.unreadable'), STORE), '{"v":1,"quizzes":', 'the old data is set aside');
  // Quota: writing fails after the page has loaded.
  await page.evaluate(() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; });
  await question(page, k.id).locator('.q-retry').click();
  await answer(page, k, false);
  assert.ok((await feedbackOf(page, id).innerText()).startsWith('✗ Not quite.'));
  assert.match(await page.locator('.quiz-status').innerText(), /Your browser is not saving answers.*Score: 0 of/);
  await done(page);
});

test('from file://, answers are marked and kept', async () => {
  const { path, id } = find('single');
  const page = await open(null);
  await page.goto(pathToFileURL(join(out, path)).href);
  const k = (await quizKey(page)).questions.find((q) => q.id === id);
  await answer(page, k, true);
  await page.reload();
  assert.ok((await feedbackOf(page, id).innerText()).startsWith('✓ Correct.'));
  await done(page);
});

test('without JavaScript, every question, option and answer is readable and the buttons stay hidden', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const quiz of site) {
    await page.goto(server.url + quiz.href);
    const key = JSON.parse(await page.locator('#quiz-key').textContent());
    assert.equal(await page.locator('section.question').count(), quiz.questions.length);
    for (const k of key.questions) {
      const q = question(page, k.id);
      assert.ok(await q.locator('.q-prompt').isVisible());
      if (k.type === 'single' || k.type === 'multiple') assert.equal(await q.locator('.q-option input').count(), k.feedback.length);
      if (k.type !== 'confidence') {
        assert.equal(await q.locator('details.q-answer').count(), 1, `${k.id} has its answer`);
        assert.equal(text(await q.locator('details.q-answer').innerHTML()).includes(text(k.answer)), true);
      }
      assert.equal(await q.locator('.q-actions').isVisible(), false);
    }
    assert.equal(await page.locator('.quiz-actions').isVisible(), false);
  }
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe: a quiz page showing right, wrong and partial feedback has no serious or critical violations (${scheme})`, async () => {
    const quiz = quizWith('single', 'multiple', 'ordering', 'matching');
    const page = await open(quiz.href, { colorScheme: scheme });
    const key = await quizKey(page);
    for (const [i, k] of key.questions.entries()) await answer(page, k, i % 2 === 1);
    const unanswered = key.questions.find((k) => k.type === 'multiple');
    await question(page, unanswered.id).locator('.q-retry').click();
    await question(page, unanswered.id).locator('.q-check').click(); // "Please choose…"
    await question(page, key.questions[0].id).locator('details.q-answer summary').click();
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], violations.join('\n'));
    await done(page);
  });
}

test('at 320px wide, no quiz scrolls sideways, with feedback shown too, and targets are at least 24px', async () => {
  const page = await open(null, { viewport: { width: 320, height: 640 } });
  const width = () => page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  for (const quiz of site) {
    await page.goto(server.url + quiz.href);
    const [w, inner] = await width();
    assert.ok(w <= inner, `${quiz.href} is ${w}px wide in a ${inner}px window`);
  }
  const quiz = quizWith('single', 'ordering', 'matching');
  await page.goto(server.url + quiz.href);
  const key = await quizKey(page);
  for (const [i, k] of key.questions.entries()) await answer(page, k, i % 2 === 0);
  const [w, inner] = await width();
  assert.ok(w <= inner, `with feedback, ${quiz.href} is ${w}px wide in a ${inner}px window`);
  const small = await page.locator('form.quiz').evaluate((form) => [...form.querySelectorAll('button, select, input[type=text], label.q-option, summary')]
    .filter((e) => e.offsetParent)
    .map((e) => [e.className || e.tagName, e.getBoundingClientRect()])
    .filter(([, r]) => r.height < 24 || r.width < 24)
    .map(([n, r]) => `${n} ${Math.round(r.width)}x${Math.round(r.height)}`));
  assert.deepEqual(small, []);
  await done(page);
});
