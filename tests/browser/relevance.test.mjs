// Relevance of search over the shipped SMS portal: real queries a student would type (topics,
// IDs, authors, typos, half-remembered phrases), each with the result that must be in the top 3.
// Runs the real client (js/search.js) in Node against the built index: no browser needed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { build } from './lib.mjs';
import { searchIn } from './search-node.mjs';

const cases = [
  // topics
  ['caregiver stress', 'competencies/sms-4/index.html#sms-4-1'],
  ['goal setting', 'framework/clinical-settings/index.html#csms-4'],
  ['action plan', 'competencies/sms-1/index.html'],
  ['community resources', 'competencies/sms-3/index.html'],
  ['health coach', 'modules/competencies-in-action/sms-6-coaching-and-peer-support/index.html'],
  ['peer leadership', 'competencies/sms-6/index.html'],
  ['mental health care plan', ['competencies/sms-5/index.html#sms-5-2',
    'modules/competencies-in-action/sms-5-emotions-and-mental-health/index.html#part-2-a-care-plan-with-a-mental-health-component-sms-5-2']],
  ['emotional responses', 'competencies/sms-5/index.html#sms-5-1'],
  ['treatment burden', 'modules/making-the-case/lessening-treatment-burden/index.html'],
  ['levels of change', 'modules/sms-in-practice/levels-of-change/index.html'],
  ['person-centred care', 'framework/person-centred-care/index.html'],
  ['shared decision making', 'modules/making-the-case/teams-and-shared-decisions/index.html#shared-decision-making'],
  ['problem solving', 'competencies/sms-4/index.html'],
  ['strategic directions', 'framework/strategic-directions/index.html'],
  ['depression', 'resources/index.html#ref-katon-2005-depression-mortality'],
  // stemming: the query's form differs from the text's
  ['coaching', 'competencies/sms-6/index.html'],
  ['caregivers', 'competencies/sms-4/index.html#sms-4-1'],
  // IDs, however they are typed
  ['SMS 4.2', 'competencies/sms-4/index.html#sms-4-2'],
  ['SMS-4.2', 'competencies/sms-4/index.html#sms-4-2'],
  ['sms4.2', 'competencies/sms-4/index.html#sms-4-2'],
  ['SMS 4', 'competencies/sms-4/index.html'],
  ['GP-2', 'framework/guiding-principles/index.html#gp-2'],
  ['csms 4', 'framework/clinical-settings/index.html#csms-4'],
  // authors
  ['Lorig', 'resources/index.html#ref-lorig-2014-action-planning'],
  ['Lorig 2014', 'resources/index.html#ref-lorig-2014-action-planning'],
  ['Bodenheimer 2009', 'resources/index.html#ref-bodenheimer-2009-goal-setting'],
  ['Mills', 'resources/index.html#ref-mills-2017-framework'],
  ['Glasgow', 'resources/index.html#ref-glasgow-2003-practical-interventions'],
  // typos (one edit, words of 5+ letters)
  ['caregivr stress', 'competencies/sms-4/index.html#sms-4-1'],
  ['depresion', 'resources/index.html#ref-katon-2005-depression-mortality'],
  ['levls of change', 'modules/sms-in-practice/levels-of-change/index.html'],
  // half-remembered phrases
  ['blood sugar monitoring', 'competencies/sms-4/index.html#sms-4-3'],
  ['information sources', 'competencies/sms-2/index.html#sms-2-1'],
  ['four principles of person centred care', 'modules/person-centred-care/four-principles/index.html'],
  ['collective vision', 'framework/definitions/index.html#vision'],
  // type-ahead: the last word is still being typed
  ['caregiver str', 'competencies/sms-4/index.html#sms-4-1'],
  ['commun', 'competencies/sms-3/index.html'],
];

let search;
before(() => {
  search = searchIn(build());
});

test(`the relevance table has at least 25 queries (${cases.length})`, () => {
  assert.ok(cases.length >= 25);
});

// Each case names the result that must be in the top 3, or a list of equally right ones.
for (const [query, expected] of cases) {
  const wanted = [].concat(expected);
  test(`"${query}" finds ${wanted.join(' or ')} in the top 3`, async () => {
    const { results } = await search(query, 10);
    const top = results.slice(0, 3).map((r) => r.u);
    assert.ok(wanted.some((w) => top.includes(w)), `top 3 for "${query}":\n  ${results.slice(0, 5).map((r) => `${r.u}  (${r.t})`).join('\n  ')}`);
  });
}

test('an exact ID query puts that item first', async () => {
  for (const q of ['SMS-4.2', 'sms 4.2', 'SMS4.2']) {
    const { results } = await search(q, 5);
    assert.equal(results[0].u, 'competencies/sms-4/index.html#sms-4-2', q);
  }
  const { results } = await search('SMS 4', 5);
  assert.equal(results[0].u, 'competencies/sms-4/index.html');
});

test('a query of stop words only finds nothing and does not fail', async () => {
  const r = await search('the and of', 5);
  assert.equal(r.total, 0);
});
