// The built site works opened straight from disk (file://) and under a sub-path: every link is
// relative, styles load, and following links lands on real pages and anchors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { cpSync } from 'node:fs';
import { build, serve, launch, tempDir } from './lib.mjs';

let out, browser;
before(async () => {
  out = build();
  browser = await launch();
});
after(async () => browser?.close());

test('from file://, the menu, breadcrumbs and a cross-reference lead to the right places', async () => {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(out, 'index.html')).href);
  const bg = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.notEqual(bg, '', 'the stylesheet loads from disk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Competencies' }).click();
  assert.match(page.url(), /competencies\/index\.html$/);
  await page.getByRole('link', { name: /SMS-4/ }).first().click();
  assert.match(page.url(), /competencies\/sms-4\/index\.html$/);
  assert.ok(await page.locator('#sms-4-2').count(), 'objective anchor exists');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').first().click();
  assert.match(page.url(), /\/index\.html$/);
  await page.close();
});

test('under a sub-path over HTTP, pages and styles load', async () => {
  const parent = tempDir('trellis-subpath-');
  cpSync(out, join(parent, 'course', 'sms'), { recursive: true });
  const server = await serve(parent);
  const page = await browser.newPage();
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(r.url()); });
  await page.goto(server.url + 'course/sms/modules/making-the-case/barriers/index.html');
  await page.getByRole('link', { name: /next/i }).first().click();
  await page.waitForLoadState();
  assert.match(page.url(), /course\/sms\/modules\/making-the-case\//);
  await page.close();
  await server.close();
  assert.deepEqual(failed, []);
});
