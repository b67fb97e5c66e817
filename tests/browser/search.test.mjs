// Search in a real browser: the header combobox (keyboard, ARIA, live region, filters), the
// shareable search page, the no-JS fallback, lazy loading, accessibility, and the JS budget.
// Every behaviour is checked over HTTP and from file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minify } from 'terser';
import { build, serve, launch, axeViolations, repo } from './lib.mjs';

let out, server, browser;
before(async () => {
  out = build();
  server = await serve(out);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const origins = {
  http: (path) => server.url + path,
  file: (path) => pathToFileURL(join(out, path.split('?')[0])).href + (path.includes('?') ? '?' + path.split('?')[1] : ''),
};

// Types `query` and waits for its own results: on a busy machine the results of a shorter
// prefix can show while the rest is still being typed.
async function typeQuery(page, query) {
  await page.keyboard.press('/');
  await page.keyboard.type(query);
  await page.waitForFunction(
    (q) => (document.getElementById('sr-opt-all')?.textContent || '').includes('“' + q + '”'),
    query,
  );
  await page.locator('#site-search-list [role=option]').first().waitFor();
  await page.waitForFunction(() => /result/.test(document.querySelector('.site-search [role=status]').textContent));
}

for (const [name, url] of Object.entries(origins)) {
  test(`${name}: typing shows results with a count, arrows move, Enter lands on the anchor`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url('modules/index.html'));
    await typeQuery(page, 'caregiver stress');
    const input = page.locator('#site-search-input');
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    assert.match(await page.locator('.site-search [role=status]').textContent(), /^\d+ results, showing 8$/);
    const first = page.locator('#site-search-list [role=option]').first();
    assert.match(await first.textContent(), /Objective/);
    assert.match(await first.locator('mark').first().textContent(), /caregiver/i);
    await page.keyboard.press('ArrowDown');
    assert.equal(await input.getAttribute('aria-activedescendant'), 'sr-opt-0');
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    assert.equal(await input.getAttribute('aria-activedescendant'), 'sr-opt-0');
    await Promise.all([page.waitForURL(/competencies\/sms-4\/index\.html#sms-4-1$/), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('#sms-4-1').count(), 1, 'the anchor exists on the page');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`${name}: the search page shows the full, filterable result list for ?q=`, async () => {
    const page = await browser.newPage();
    await page.goto(url('search/index.html?q=coaching'));
    await page.locator('.search-results .sr').first().waitFor();
    assert.equal(await page.locator('#search-page-input').inputValue(), 'coaching');
    assert.match(await page.locator('.search-status').textContent(), /results? for “coaching”/);
    await page.getByLabel('Resources').check();
    await page.waitForFunction(() => /\(Resource\)/.test(document.querySelector('.search-status').textContent));
    const types = await page.locator('.search-results .sr-type').allTextContents();
    assert.ok(types.length > 0 && types.every((t) => t === 'Resource'), types.join(','));
    assert.match(page.url(), /type=resource/);
    await page.close();
  });
}

test('Escape clears the box and closes the results; / focuses the box from anywhere', async () => {
  const page = await browser.newPage();
  await page.goto(origins.http('index.html'));
  await typeQuery(page, 'goal');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#site-search-input').inputValue(), '');
  assert.equal(await page.locator('#site-search-input').getAttribute('aria-expanded'), 'false');
  assert.ok(await page.locator('.search-popup').isHidden());
  await page.locator('h1').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search-input');
  await page.close();
});

test('type filters in the results narrow them to one kind', async () => {
  const page = await browser.newPage();
  await page.goto(origins.http('index.html'));
  await typeQuery(page, 'community');
  await page.getByRole('button', { name: 'Objectives' }).click();
  await page.waitForFunction(() => document.querySelector('.search-filters [data-type=objective]').getAttribute('aria-pressed') === 'true');
  await page.waitForFunction(() => [...document.querySelectorAll('#site-search-list .sr-type')].every((t) => t.textContent === 'Objective'));
  const types = await page.locator('#site-search-list .sr-type').allTextContents();
  assert.ok(types.length >= 2, `objective results: ${types.length}`);
  await page.close();
});

test('the index loads on first focus, not on page load', async () => {
  const page = await browser.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(origins.http('competencies/index.html'));
  await page.waitForLoadState('networkidle');
  assert.ok(!requested.some((p) => p.includes('/search/')), requested.join('\n'));
  await page.focus('#site-search-input');
  await page.waitForFunction(() => !!window.trellisStem);
  assert.ok(requested.some((p) => p.endsWith('/search/meta.js')));
  assert.ok(!requested.some((p) => p.includes('/search/s/')), 'no shard before a query');
  await page.close();
});

test('without JavaScript the box submits to the search page, which lists everything A to Z', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(origins.http('index.html'));
  await page.fill('#site-search-input', 'caregiver');
  await Promise.all([page.waitForURL(/search\/index\.html\?q=caregiver/), page.press('#site-search-input', 'Enter')]);
  const az = page.locator('.az');
  for (const text of ['SMS-4 · Skill building and problem solving', 'SMS-4.1 · Share strategies with caregivers', 'GP-1', 'Lorig et al. (2014)']) {
    assert.ok((await az.textContent()).includes(text), `A-Z index lacks ${text}`);
  }
  await page.getByRole('link', { name: /^SMS-4\.2 · / }).click();
  assert.match(page.url(), /competencies\/sms-4\/index\.html#sms-4-2$/);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe: no serious or critical violations with the results open (${scheme})`, async () => {
    const page = await browser.newPage({ colorScheme: scheme });
    await page.goto(origins.http('framework/index.html'));
    await typeQuery(page, 'coach');
    await page.keyboard.press('ArrowDown');
    const open = await axeViolations(page);
    await page.goto(origins.http('search/index.html?q=peer%20support'));
    await page.locator('.search-results .sr').first().waitFor();
    const full = await axeViolations(page);
    await page.close();
    assert.deepEqual([...open, ...full], []);
  });
}

test('the search client is under 15 kB minified (search.js + stemmer.js)', async () => {
  let total = 0;
  const sizes = [];
  for (const f of ['search.js', 'stemmer.js']) {
    const src = readFileSync(join(repo, 'themes/default/static/js', f), 'utf8');
    const { code } = await minify(src, { compress: true, mangle: true });
    sizes.push(`${f}: ${code.length} B`);
    total += code.length;
  }
  console.log(`search client minified: ${sizes.join(', ')}, total ${total} B`);
  assert.ok(total <= 15 * 1024, `${total} bytes`);
});
