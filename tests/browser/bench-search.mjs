// Search benchmark (not part of the test suite): for synthetic corpora of the given sizes,
// index build time and size, bytes fetched by one- and two-term queries from a cold cache, and
// the median query time in Chromium.
//
//   node tests/browser/bench-search.mjs 1000 10000
//
// Needs release builds: cargo build --release --example corpus && cargo build --release
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repo, serve, launch, tempDir } from './lib.mjs';

const sizes = process.argv.slice(2).map(Number);
const oneTerm = ['caregivers', 'coaching', 'medication', 'workshop', 'pharmacists'];
const twoTerm = ['caregiver stress', 'problem solving', 'peer leaders', 'medication safety', 'daily living'];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}\n${r.stderr}`);
  return r.stdout;
}

function dirBytes(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    total += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  }
  return total;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (b) => (b / 1024).toFixed(1);

const browser = await launch();
const rows = [];
for (const n of sizes) {
  const work = tempDir(`bench-${n}-`);
  run(join(repo, 'target/release/examples/corpus'), ['--pages', String(n), '--out', join(work, 'site')]);
  const summary = run(join(repo, 'target/release/trellis'), ['--root', join(work, 'site'), 'build', '--output', join(work, 'public')]);
  const indexMs = Number(/built in (\d+) ms/.exec(summary.split('\n')[1])[1]);
  const out = join(work, 'public');
  const indexBytes = statSync(join(out, 'search/meta.js')).size + dirBytes(join(out, 'search/s'));
  const fragmentBytes = dirBytes(join(out, 'search/f'));
  const server = await serve(out);

  // Bytes a query fetches from a cold cache, split into index (meta + shards) and result text.
  async function cold(query) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + 'index.html');
    const sizes = { index: 0, fragments: 0 };
    page.on('response', async (r) => {
      const path = new URL(r.url()).pathname;
      if (!path.includes('/search/')) return;
      const body = await r.body();
      if (path.includes('/search/f/')) sizes.fragments += body.length; else sizes.index += body.length;
    });
    await page.evaluate(async (q) => {
      document.querySelector('#site-search-input').focus();
      await window.trellisSearch.query(q, 10);
    }, query);
    await page.waitForTimeout(50);
    await context.close();
    return sizes;
  }
  const one = [], two = [];
  for (const q of oneTerm) one.push(await cold(q));
  for (const q of twoTerm) two.push(await cold(q));

  // Query time with the index loaded (what a reader feels while typing).
  const page = await browser.newPage();
  await page.goto(server.url + 'index.html');
  const times = await page.evaluate(async (queries) => {
    document.querySelector('#site-search-input').focus();
    for (const q of queries) await window.trellisSearch.query(q, 10); // warm the shards
    const t = [];
    for (let i = 0; i < 5; i++) {
      for (const q of queries) {
        const s = performance.now();
        await window.trellisSearch.query(q, 10);
        t.push(performance.now() - s);
      }
    }
    return t;
  }, [...oneTerm, ...twoTerm]);
  await page.close();
  await server.close();
  rows.push({
    pages: n,
    indexMs,
    indexKb: kb(indexBytes),
    fragmentsKb: kb(fragmentBytes),
    oneIndexKb: kb(Math.max(...one.map((s) => s.index))),
    oneTotalKb: kb(Math.max(...one.map((s) => s.index + s.fragments))),
    twoIndexKb: kb(Math.max(...two.map((s) => s.index))),
    twoTotalKb: kb(Math.max(...two.map((s) => s.index + s.fragments))),
    medianMs: median(times).toFixed(1),
  });
}
await browser.close();

console.log('| pages | index build | index (meta + shards) | result text | 1-term query: index / total fetched (max) | 2-term query: index / total fetched (max) | median query time |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.pages} | ${r.indexMs} ms | ${r.indexKb} kB | ${r.fragmentsKb} kB | ${r.oneIndexKb} kB / ${r.oneTotalKb} kB | ${r.twoIndexKb} kB / ${r.twoTotalKb} kB | ${r.medianMs} ms |`);
}
