// `trellis serve` in a real browser: an open page reloads itself after an edit, shows the
// build's errors over the page when a file breaks and clears them when it is fixed, and swaps
// stylesheets without a reload when only CSS changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repo, launch, tempDir } from './lib.mjs';

let site, server, url, browser;
// Everything the server printed, so that a failing test can show it (and so that neither of
// its pipes can fill up and stall it).
let said = '';
before(async () => {
  site = tempDir('trellis-serve-');
  cpSync(join(repo, 'tests/fixtures/minimal'), site, { recursive: true });
  mkdirSync(join(site, 'static/css'), { recursive: true });
  writeFileSync(join(site, 'static/css/extra.css'), 'body { outline: 0; }\n');
  server = spawn(join(repo, 'target/debug/trellis'), ['serve', '--port', '0'], { cwd: site });
  server.stderr.on('data', (d) => { said += d; });
  url = await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => {
      said += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(said);
      if (m) resolve(m[0]);
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  browser = await launch();
});

/** A test whose failure message ends with what the server printed meanwhile and the requests
 * its pages started but never finished. Its pages come from `open`. */
function served(name, body) {
  test(name, async () => {
    const from = said.length;
    const pending = new Set();
    const open = async () => {
      const page = await browser.newPage();
      page.on('request', (r) => pending.add(r));
      page.on('requestfinished', (r) => pending.delete(r));
      page.on('requestfailed', (r) => pending.delete(r));
      return page;
    };
    try {
      await body(open);
    } catch (e) {
      const unfinished = [...pending].map((r) => `${r.method()} ${r.url()}`).join('\n') || '(none)';
      const more = `\n--- trellis serve printed:\n${said.slice(from) || '(nothing)'}\n--- requests not finished:\n${unfinished}`;
      // The reporter prints the stack, which holds the message as it was when thrown.
      e.message += more;
      e.stack = `${e.stack}${more}`;
      throw e;
    }
  });
}

after(async () => {
  await browser?.close();
  server?.kill();
});

function edit(file, from, to) {
  const path = join(site, file);
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes(from), `${from} in ${file}`);
  writeFileSync(path, text.replace(from, to));
}

served('an open page reloads itself after an edit', async (open) => {
  const page = await open();
  await page.goto(url + 'notes/first/');
  await page.evaluate(() => { window.beforeEdit = true; });
  await page.waitForTimeout(300); // the event stream is open
  edit('content/notes/first.md', 'Opening paragraph.', 'Opening paragraph, live.');
  await page.waitForFunction(() => document.body.textContent.includes('Opening paragraph, live.'), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.beforeEdit), undefined, 'the page was reloaded');
  await page.close();
});

served('a broken file shows its errors over the page, and fixing it clears them', async (open) => {
  const page = await open();
  await page.goto(url + 'notes/second/');
  await page.waitForTimeout(300);
  edit('content/notes/second.md', 'weight = 2', 'wieght = 2');
  const overlay = page.locator('#trellis-errors');
  await overlay.waitFor({ timeout: 5000 });
  assert.equal(await overlay.getAttribute('role'), 'alertdialog');
  const text = await overlay.innerText();
  assert.match(text, /unknown field `wieght`/);
  assert.match(text, /content\/notes\/second\.md:3:1/);
  // A page opened now sees the errors too.
  const other = await open();
  await other.goto(url);
  await other.locator('#trellis-errors').waitFor({ timeout: 5000 });
  await other.close();
  edit('content/notes/second.md', 'wieght = 2', 'weight = 2');
  await page.waitForFunction(() => !document.querySelector('#trellis-errors'), null, { timeout: 5000 });
  await page.close();
});

served('a CSS-only change swaps the stylesheets without reloading', async (open) => {
  const page = await open();
  await page.goto(url);
  await page.evaluate(() => { window.stillHere = true; });
  await page.waitForTimeout(300);
  writeFileSync(join(site, 'static/css/extra.css'), 'body { outline: 1px solid red; }\n');
  await page.waitForFunction(() => [...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href.includes('trellis=')), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.stillHere), true, 'no reload');
  await page.close();
});
