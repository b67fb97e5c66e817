// The "My progress" page in a real browser: a learner answers questions on two quizzes, then the
// page shows knowledge, questions attempted and confidence per objective and where to focus;
// progress exports as JSON and CSV, imports (merging, and refusing bad files) and prints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, serve, launch, axeViolations, tempDir } from './lib.mjs';
import { quizKey, answer } from './quiz-answers.mjs';

const STORE = 'trellis.progress.v1';
const PROGRESS = 'progress/index.html';
let server, browser, learner, site, dir;
/** What the learner did: "quiz#question" -> { right } or { rating }. */
const answered = new Map();

before(async () => {
  server = await serve(build());
  browser = await launch();
  dir = tempDir('trellis-progress-');
  learner = await browser.newContext();
  const page = await learner.newPage();
  await page.goto(server.url + PROGRESS);
  site = JSON.parse(await page.locator('#progress-data').textContent());
  const scoredQuizzes = site.quizzes.filter((q) => q.questions.some((x) => x.type !== 'confidence'));
  const chosen = ['quizzes/sms-1/', 'quizzes/sms-2/'].map((id) => scoredQuizzes.find((q) => q.id === id)).filter(Boolean);
  const two = chosen.length === 2 ? chosen : scoredQuizzes.slice(0, 2);
  // First quiz: every other question right, ratings 4 then 2. Second: two right, one wrong, one 5.
  for (const [n, quiz] of two.entries()) {
    await page.goto(server.url + quiz.href);
    const key = await quizKey(page);
    const scored = key.questions.filter((q) => q.type !== 'confidence');
    const rated = key.questions.filter((q) => q.type === 'confidence');
    const plan = n === 0
      ? [...scored.map((k, i) => [k, i % 2 === 0]), ...rated.map((k, i) => [k, i % 2 === 0 ? 4 : 2])]
      : [[scored[0], true], [scored[1], true], [scored[2], false], ...(rated.length ? [[rated[0], 5]] : [])];
    for (const [k, how] of plan) {
      if (k.type === 'confidence') await answer(page, k, true, how);
      else await answer(page, k, how);
      answered.set(`${key.quiz}#${k.id}`, k.type === 'confidence' ? { rating: how } : { right: how });
    }
  }
  await page.close();
});
after(async () => {
  await learner?.close();
  await browser?.close();
  await server?.close();
});

/** Figures over every question on any of `ids` (each question counted once), as the page shows them. */
function tally(ids, done) {
  let available = 0, attempted = 0, correct = 0, assessed = false;
  const ratings = [];
  for (const quiz of site.quizzes) {
    for (const q of quiz.questions.filter((x) => x.objectives.some((o) => ids.has(o)))) {
      assessed = true;
      const a = done.get(`${quiz.id}#${q.id}`);
      if (q.type === 'confidence') { if (a) ratings.push(a.rating); continue; }
      available++;
      if (a) { attempted++; if (a.right) correct++; }
    }
  }
  const knowledge = attempted ? Math.round((100 * correct) / attempted) : null;
  const confidence = ratings.length ? ratings.reduce((x, y) => x + y) / ratings.length : null;
  return {
    available, attempted, correct, knowledge, confidence, assessed,
    text: [
      knowledge === null ? 'Not started' : `${knowledge}% (${correct} of ${attempted} correct)`,
      available ? `${attempted} of ${available}` : 'No questions yet',
      confidence === null ? 'Not rated' : `${confidence.toFixed(1)} of 5`,
    ],
  };
}

/** The figures the page should show for each objective, worked out from what the learner did. */
function expected(done = answered) {
  return site.competencies.flatMap((c) => c.objectives.map((o) => ({ id: o.id, competency: c.id, ...tally(new Set([o.id]), done) })));
}

/** The figures for each competency: every question on any of its objectives, counted once. */
function expectedCompetencies(done = answered) {
  return site.competencies.map((c) => ({ id: c.id, ...tally(new Set(c.objectives.map((o) => o.id)), done) }));
}

/** The table as the page shows it: objective id -> [knowledge, attempted, confidence]. */
async function table(page) {
  return page.locator('tr[data-objective]').evaluateAll((rows) => Object.fromEntries(rows.map((r) => [
    r.dataset.objective, ['.p-knowledge', '.p-attempted', '.p-confidence'].map((c) => r.querySelector(c).innerText.trim())])));
}
async function progressPage(context = learner, options = {}) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  if (options.init) await page.addInitScript(options.init);
  await page.goto(server.url + PROGRESS);
  return page;
}
async function done(page) {
  const errors = page.errors;
  await page.close();
  assert.deepEqual(errors, [], 'no script errors');
}
async function exportJson(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.progress-export-json').click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, data: JSON.parse(readFileSync(path, 'utf8')) };
}
async function importFile(page, name, contents) {
  const path = join(dir, name);
  if (contents !== undefined) writeFileSync(path, contents);
  await page.locator('.progress-import input[type=file]').setInputFiles(path);
  await page.waitForFunction(() => /Imported|Could not import/.test(document.querySelector('.progress-status').textContent));
  return page.locator('.progress-status').innerText();
}

test('each objective shows knowledge, questions attempted and confidence from the quizzes answered', async () => {
  const page = await progressPage();
  assert.ok(await page.locator('.progress-tools').isVisible());
  const want = expected();
  const shown = await table(page);
  for (const o of want) assert.deepEqual(shown[o.id], o.text, o.id);
  const competencies = await page.locator('tr[data-competency]').evaluateAll((rows) => Object.fromEntries(rows.map((r) => [
    r.dataset.competency, ['.p-knowledge', '.p-attempted', '.p-confidence'].map((c) => r.querySelector(c).innerText.trim())])));
  for (const c of expectedCompetencies()) assert.deepEqual(competencies[c.id], c.text, c.id);
  // The figures are not all alike: the learner's answers make a difference.
  assert.ok(want.some((o) => o.knowledge !== null && o.knowledge < 100) && want.some((o) => o.knowledge === null));
  assert.ok(want.some((o) => o.confidence !== null));
  // Bars agree with the text, and are hidden from screen readers (the text says it).
  const started = want.find((o) => o.knowledge !== null);
  const bar = page.locator(`tr[data-objective="${started.id}"] .p-knowledge meter`);
  assert.equal(await bar.getAttribute('value'), String(started.knowledge));
  assert.equal(await bar.getAttribute('aria-hidden'), 'true');
  assert.equal(await page.locator('tr[data-objective] .p-knowledge meter').count(), want.filter((o) => o.knowledge !== null).length);
  assert.equal(await page.locator('tr[data-objective] .p-confidence meter').count(), want.filter((o) => o.confidence !== null).length);

  const scored = site.quizzes.flatMap((q) => q.questions).filter((q) => q.type !== 'confidence').length;
  const ratings = site.quizzes.flatMap((q) => q.questions).filter((q) => q.type === 'confidence').length;
  const answers = [...answered.values()];
  assert.equal(await page.locator('.progress-status').innerText(),
    `You have answered ${answers.filter((a) => 'right' in a).length} of ${scored} questions across ${site.quizzes.length} quizzes, ` +
    `and saved ${answers.filter((a) => 'rating' in a).length} of ${ratings} confidence ratings.`);
  await done(page);
});

test('"Where to focus next" lists the three weakest objectives with their quizzes and reading', async () => {
  const page = await progressPage();
  assert.ok(await page.locator('.progress-focus').isVisible());
  const rank = (x) => (x === null ? -1 : x);
  const weakest = expected().map((o, i) => ({ ...o, i })).filter((o) => o.assessed)
    .sort((a, b) => rank(a.knowledge) - rank(b.knowledge) || rank(a.confidence) - rank(b.confidence) || a.i - b.i).slice(0, 3);
  const items = page.locator('.progress-weakest > li');
  assert.equal(await items.count(), 3);
  for (const [i, o] of weakest.entries()) {
    const item = items.nth(i);
    assert.equal(await item.locator('a').first().innerText(), o.id);
    assert.match(await item.innerText(), new RegExp(`Knowledge: ${o.text[0].replace(/[()%]/g, '\\$&')}\\. Confidence: ${o.text[2]}\\.`));
    const objective = site.competencies.flatMap((c) => c.objectives).find((x) => x.id === o.id);
    for (const q of objective.quizzes) {
      const href = await item.getByRole('link', { name: q.title }).getAttribute('href');
      assert.equal(href, '../' + q.href, 'site-relative links get the page’s root');
    }
    if (objective.resources.length) assert.equal(await item.getByRole('link', { name: objective.resources[0].short, exact: true }).count(), 1);
  }
  // The links lead somewhere real.
  await items.first().locator('a').first().click();
  assert.match(page.url(), /competencies\/.+\/index\.html#/);
  await done(page);
});

test('records from an older version of a question are ignored', async () => {
  const context = await browser.newContext();
  const quiz = site.quizzes.find((q) => q.questions.some((x) => x.type !== 'confidence'));
  const q = quiz.questions.find((x) => x.type !== 'confidence');
  const record = { version: 'an-old-version', type: q.type, objectives: q.objectives, response: 0, correct: true, rating: null, attempts: 1, revealed: false, order: null, at: new Date().toISOString() };
  const page = await progressPage(context);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORE, JSON.stringify({ v: 1, quizzes: { [quiz.id]: { [q.id]: record } } })]);
  await page.reload();
  const shown = await table(page);
  for (const o of q.objectives) assert.equal(shown[o][0], 'Not started');
  await done(page);
  await context.close();
});

test('export as JSON: the stored answers, the time and xAPI-style statements', async () => {
  const page = await progressPage();
  const { name, data } = await exportJson(page);
  assert.match(name, /^trellis-progress-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(data.v, 1);
  assert.ok(!Number.isNaN(Date.parse(data.exported_at)));
  const records = Object.entries(data.quizzes).flatMap(([quiz, qs]) => Object.entries(qs).map(([id, r]) => [`${quiz}#${id}`, r]));
  assert.deepEqual(records.map(([k]) => k).sort(), [...answered.keys()].sort());
  for (const [k, r] of records) {
    const a = answered.get(k);
    if ('rating' in a) assert.equal(r.rating, a.rating);
    else assert.equal(r.correct, a.right, k);
  }
  assert.equal(data.statements.length, answered.size);
  const [quizId, qid] = [...answered.entries()].find(([, a]) => 'right' in a)[0].split('#');
  const s = data.statements.find((x) => x.object.id === `${quizId}#${qid}`);
  assert.deepEqual(s.actor, { name: 'Learner' });
  assert.deepEqual(s.verb, { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } });
  assert.deepEqual(s.object.definition, { name: { 'en-US': qid } });
  assert.equal(s.result.success, answered.get(`${quizId}#${qid}`).right);
  assert.equal(typeof s.result.response, 'string');
  assert.ok(!Number.isNaN(Date.parse(s.timestamp)));
  await done(page);
});

test('export as CSV: one row per objective with the same figures', async () => {
  const page = await progressPage();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.progress-export-csv').click()]);
  assert.match(download.suggestedFilename(), /^trellis-progress-\d{4}-\d{2}-\d{2}\.csv$/);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n');
  assert.equal(lines[0], 'objective,competency,knowledge_percent,correct,attempted,available,confidence');
  const want = expected();
  assert.equal(lines.length - 1, want.length);
  for (const [i, o] of want.entries()) {
    assert.equal(lines[i + 1], [o.id, o.competency, o.knowledge ?? '', o.correct, o.attempted, o.available, o.confidence === null ? '' : o.confidence.toFixed(1)].join(','));
  }
  await done(page);
});

test('import: a fresh browser that imports the JSON export shows the same figures', async () => {
  const mine = await progressPage();
  const before = await table(mine);
  const weakest = await mine.locator('.progress-weakest').innerText();
  const { path, name } = await exportJson(mine);
  await done(mine);

  const context = await browser.newContext();
  const page = await progressPage(context);
  assert.match(await page.locator('.progress-status').innerText(), /^You have not answered any/);
  const status = await importFile(page, name);
  assert.equal(status.split(/(?<=\.) /)[0], `Imported “${name}”: ${answered.size} answers added, 0 updated.`);
  assert.deepEqual(await table(page), before);
  assert.equal(await page.locator('.progress-weakest').innerText(), weakest);
  // It is stored: the quiz page shows the imported answers.
  const quizId = [...answered.keys()][0].split('#')[0];
  const quiz = site.quizzes.find((q) => q.id === quizId);
  await page.goto(server.url + quiz.href);
  assert.match(await page.locator('.quiz-status').innerText(), /^Score: /);
  assert.ok(path);
  await done(page);
  await context.close();
});

test('import merges: for each question the newer answer wins', async () => {
  const mine = await progressPage();
  const { data } = await exportJson(mine);
  await done(mine);
  const [[quizA, idA], [quizB, idB]] = [...answered.entries()].filter(([, a]) => 'right' in a).slice(0, 2).map(([k]) => k.split('#'));
  // Here: question A answered later than in the file (kept), question B earlier (replaced).
  const here = { v: 1, quizzes: { [quizA]: {}, [quizB]: {} } };
  here.quizzes[quizA][idA] = { ...data.quizzes[quizA][idA], correct: !data.quizzes[quizA][idA].correct, at: '2999-01-01T00:00:00.000Z' };
  here.quizzes[quizB][idB] = { ...data.quizzes[quizB][idB], correct: !data.quizzes[quizB][idB].correct, at: '2000-01-01T00:00:00.000Z' };
  const context = await browser.newContext();
  const page = await progressPage(context);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORE, JSON.stringify(here)]);
  await page.reload();
  const status = await importFile(page, 'merge.json', JSON.stringify(data));
  assert.match(status, new RegExp(`Imported “merge\\.json”: ${answered.size - 2} answers added, 1 updated, 1 kept because the one here is newer\\.`));
  const merged = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORE);
  assert.equal(merged.quizzes[quizA][idA].correct, !data.quizzes[quizA][idA].correct, 'the newer one here is kept');
  assert.equal(merged.quizzes[quizB][idB].correct, data.quizzes[quizB][idB].correct, 'the newer one in the file replaces the older');
  await done(page);
  await context.close();
});

test('import refuses files that are not progress, says why, and changes nothing', async () => {
  const page = await progressPage();
  const before = await table(page);
  const stored = await page.evaluate((key) => localStorage.getItem(key), STORE);
  const record = { version: 'x', type: 'single', objectives: [], response: 0, correct: 'yes', rating: null, attempts: 1, revealed: false, order: null, at: '2024-01-01T00:00:00Z' };
  const bad = {
    'notes.json': ['not json at all', /it is not a JSON file/],
    'other.json': [JSON.stringify({ v: 2, quizzes: {} }), /not a Trellis progress file \(it does not say it is version 1/],
    'list.json': [JSON.stringify([1, 2]), /not a Trellis progress file \(it is not a JSON object\)/],
    'typed.json': [JSON.stringify({ v: 1, quizzes: { 'quizzes/sms-1/': { q: record } } }), /question "q" of quiz "quizzes\/sms-1\/": “correct” must be true, false or null/],
  };
  for (const [name, [contents, why]] of Object.entries(bad)) {
    const status = await importFile(page, name, contents);
    assert.match(status, new RegExp(`^Could not import “${name.replace('.', '\\.')}”: `));
    assert.match(status, why);
    assert.match(status, /Your progress has not changed\.$/);
    assert.deepEqual(await table(page), before, `${name}: the figures are unchanged`);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORE), stored, `${name}: storage is unchanged`);
  }
  await done(page);
});

test('"Print for a preceptor" prints, and the printout leaves out the tools', async () => {
  const page = await progressPage(learner, { init: () => { window.print = () => { window.printed = (window.printed ?? 0) + 1; }; } });
  await page.locator('.progress-print').click();
  assert.equal(await page.evaluate(() => window.printed), 1);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.progress-tools').isVisible(), false);
  assert.ok(await page.locator('.progress-table').isVisible());
  assert.ok(await page.locator('.progress-focus').isVisible());
  const overflow = await page.locator('.table-wrap').evaluate((e) => getComputedStyle(e).overflowX);
  assert.equal(overflow, 'visible', 'no scrollbar on paper');
  await done(page);
});

test('with storage switched off, the page says so and still works; without JavaScript it explains itself', async () => {
  const context = await browser.newContext();
  const page = await progressPage(context, {
    init: () => { Storage.prototype.getItem = Storage.prototype.setItem = () => { throw new DOMException('no', 'SecurityError'); }; },
  });
  assert.match(await page.locator('.progress-status').innerText(), /^Your browser is not saving answers/);
  assert.ok(await page.locator('.progress-tools').isVisible());
  await done(page);
  await context.close();

  const off = await browser.newContext({ javaScriptEnabled: false });
  const p = await off.newPage();
  await p.goto(server.url + PROGRESS);
  assert.ok(await p.locator('.progress-noscript').isVisible());
  assert.equal(await p.locator('.progress-tools').isVisible(), false);
  assert.equal(await p.locator('tr[data-objective]').count(), expected().length);
  await off.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe: the progress page with data has no serious or critical violations (${scheme})`, async () => {
    const page = await progressPage();
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], violations.join('\n'));
    await done(page);
  });
}

test('at 320px wide the progress page does not scroll sideways (the table scrolls in its own region)', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, storageState: await learner.storageState() });
  const page = await progressPage(context);
  const [w, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(w <= inner, `${w}px wide in a ${inner}px window`);
  assert.equal(await page.locator('.table-wrap').getAttribute('tabindex'), '0', 'the scrolling table can be reached by keyboard');
  await done(page);
  await context.close();
});
