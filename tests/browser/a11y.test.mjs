// Accessibility of every page type of the shipped portal (the list of issue 6: home, framework,
// competency, objective anchor, module, resource library, curriculum map, taxonomy term, quiz,
// progress, search, 404, and a few more), in light and dark colour schemes, plus keyboard use,
// small screens and printing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { build, serve, launch, axeViolations } from './lib.mjs';

const pages = {
  home: 'index.html',
  framework: 'framework/index.html',
  'framework group': 'framework/guiding-principles/index.html',
  competency: 'competencies/sms-4/index.html',
  'objective anchor': 'competencies/sms-4/index.html#sms-4-2',
  'competency list': 'competencies/index.html',
  module: 'modules/making-the-case/index.html',
  lesson: 'modules/competencies-in-action/sms-1-goals-and-action-plans/index.html',
  'resource library': 'resources/index.html',
  'resource filter': 'resources/kind/article/index.html',
  'resource list': 'resources/module-2-curricular/index.html',
  'curriculum map': 'curriculum-map/index.html',
  'taxonomy list': 'topics/index.html',
  'taxonomy term': 'topics/goal-setting/index.html',
  quiz: 'quizzes/sms-1/index.html',
  progress: 'progress/index.html',
  search: 'search/index.html',
  'not found': '404.html',
};

let server, browser;
before(async () => {
  server = await serve(build());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const scheme of ['light', 'dark']) {
  for (const [name, path] of Object.entries(pages)) {
    test(`axe: ${name} page has no serious or critical violations (${scheme})`, async () => {
      const page = await browser.newPage({ colorScheme: scheme });
      const res = await page.goto(server.url + path);
      assert.equal(res.status(), 200);
      const fragment = path.split('#')[1];
      if (fragment) assert.equal(await page.locator(`#${fragment}`).count(), 1, `${path}: the anchor exists`);
      const violations = await axeViolations(page);
      await page.close();
      assert.deepEqual(violations, [], `${path} (${scheme}):\n${violations.join('\n')}`);
    });
  }
}

test('keyboard: the first Tab reaches a visible skip link that moves focus to the content', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + pages.competency);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return { href: el.getAttribute('href'), text: el.textContent.trim(), outline: style.outlineStyle, width: rect.width, height: rect.height };
  });
  assert.equal(focused.href, '#main');
  assert.match(focused.text, /skip to/i);
  assert.notEqual(focused.outline, 'none', 'focus must be visible');
  assert.ok(focused.width > 0 && focused.height >= 24, 'skip link shows when focused, with a 24px target');
  await page.keyboard.press('Enter');
  const id = await page.evaluate(() => document.activeElement.id || document.activeElement.closest('[id]')?.id);
  assert.equal(id, 'main');
  await page.close();
});

test('keyboard: every link and control shows a focus indicator', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + pages.lesson);
  const missing = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      return { visible, what: `${el.tagName} ${el.getAttribute('href') ?? ''}` };
    });
    if (info && !info.visible) missing.push(info.what);
  }
  await page.close();
  assert.deepEqual(missing, []);
});

test('small screens: no page scrolls sideways at 320px', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
  const wide = [];
  for (const path of Object.values(pages)) {
    await page.goto(server.url + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 1) wide.push(`${path}: ${overflow}px`);
  }
  await page.close();
  assert.deepEqual(wide, []);
});

test('print: navigation is hidden and the content stays', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + pages.competency);
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => ({
    nav: getComputedStyle(document.querySelector('nav[aria-label="Main"]')).display,
    h1: getComputedStyle(document.querySelector('h1')).display,
  }));
  await page.close();
  assert.equal(shown.nav, 'none');
  assert.notEqual(shown.h1, 'none');
});
