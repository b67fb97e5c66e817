// The browser stemmer (themes/default/static/js/stemmer.js) must stem every word exactly as the
// index builder's rust-stemmers does, or a query word misses its index term. Checked against
// the real crate (examples/stem.rs) on every word of the shipped content plus hard cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import vm from 'node:vm';

const repo = fileURLToPath(new URL('../..', import.meta.url));

// Exception lists, Porter2 suffix classes, y handling, short words, R1 prefixes, and a few
// words with digits and with letters beyond ASCII and beyond the BMP.
const tricky = `
  a i by be is as us ski sky skis skies sies dying lying tying dies lies ties tied cries cried
  news howe atlas cosmos bias andes gently early only singly idly ugly gentle earlier
  inning innings outing outings canning herring herrings earring earrings proceed proceeds
  exceed exceeded succeed succeeding proceeding caregiver caregivers caregiving coaching
  coached coaches multimorbidity self management selfmanagement
  generous generously generate general generic generation communism communication community
  commune arsenic arsenal arsenals
  caresses ponies cats caress gaps gas this kiwis bus census species series crisis
  feed agreed agreedly speed exceedingly bleed plastered motoring sing sings hoped hoping
  hopping tanned falling hissing fizzed failing filing conflated troubled sized luxuriated
  emotionally happily badly hopefully really fully rarely
  relational conditional rational valenci hesitanci digitizer conformabli radicalli
  differentli vileli analogousli vietnamization predication operator feudalism decisiveness
  hopefulness callousness formaliti sensitiviti sensibiliti fruitfulli carelessli analogi
  geologi ecologi biologically triplicate formative formalize electriciti electrical
  hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible
  irritant replacement adjustment dependent adoption confession homologous communism
  activate angulariti effective bowdlerize agreement element cement
  happy sky cry crying cried say says saying played player yield youth yelling
  toy toys enjoy enjoyed buy buying boy boys obey obeyed yyyy ayyy sayyid layer layered
  day days dry drying dryly shyly slyly employ employer employment
  rate cease ease bed bled shed bleed hop hope hoping ill bill still roll controll controlled
  fall falls tall ball dull
  national nationality nationalize nationalization organization organizational organize
  organizer realization realizable rationalization sensational sensationalism
  mindfulness meaningfulness usefulness playfulness helpfulness thoughtfulness
  abilities responsibility responsibilities accountability availability vulnerability
  quizzes buzzes fizzes classes glasses passes guesses messes
  'twas dog's dogs' dogs'' 's ''s cat's'
  abc xyz eed ied ies ing ed edly ingly
  1990s covid19 h2o b12 3d x86 year2000s
  café naïve résumé résumés straße übermäßig über
  𝒜𝒷𝒸 𝒜ies 𝒜𝒷ies 𝒜ing 𝒜𝒷ed a𝒜e
`.trim().split(/\s+/);

function wordsUnder(dir, into) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) wordsUnder(path, into);
    else for (const w of readFileSync(path, 'utf8').toLowerCase().split(/[^\p{L}]+/u)) if (w) into.add(w);
  }
  return into;
}

/** Loads stemmer.js as the browser does: a plain script that sets `window.trellisStem`. */
function browserStemmer() {
  const source = readFileSync(join(repo, 'themes/default/static/js/stemmer.js'), 'utf8');
  const context = { window: {} };
  vm.runInNewContext(source, context, { filename: 'stemmer.js' });
  return context.window.trellisStem;
}

/** The stems of `words` from rust-stemmers, through examples/stem.rs. */
function rustStems(words) {
  const r = spawnSync('cargo', ['run', '-q', '--example', 'stem'], {
    cwd: repo, input: words.join('\n'), encoding: 'utf8', timeout: 15 * 60_000, maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`cargo run --example stem failed:\n${r.stderr}`);
  return new Map(r.stdout.trimEnd().split('\n').map((line) => line.split('\t')));
}

test('stemmer.js works as a plain browser script', () => {
  const stem = browserStemmer();
  assert.equal(typeof stem, 'function');
  assert.equal(stem('generously'), 'generous');
  assert.equal(stem('skies'), 'sky');
});

test('stemmer.js stems every content word and hard case exactly as rust-stemmers', { timeout: 20 * 60_000 }, () => {
  const content = fileURLToPath(new URL('../../content', import.meta.url));
  const words = [...wordsUnder(content, new Set(tricky))];
  assert.ok(tricky.length >= 150 && words.length > 1000, `only ${words.length} words`);
  const rust = rustStems(words);
  const stem = browserStemmer();
  const mismatches = words
    .map((word) => ({ word, rust: rust.get(word), js: stem(word) }))
    .filter((m) => m.rust !== m.js);
  assert.deepEqual(mismatches, [], `${mismatches.length} of ${words.length} words differ`);
});
