// Answering quiz questions the way a learner does, through the page's own controls, with the
// right or a wrong answer read from the answer key the page embeds (#quiz-key). Shared by
// quiz.test.mjs and progress.test.mjs.

/** The answer key of the quiz on `page`. */
export async function quizKey(page) {
  return JSON.parse(await page.locator('#quiz-key').textContent());
}

/** The <section> of question `id`. */
export function question(page, id) {
  return page.locator(`section.question[data-qid="${id}"]`);
}

/** What `.q-feedback` starts with after `answer(…, right)`: a wrong answer is entirely wrong. */
export function verdict(k, right) {
  if (k.type === 'confidence') return 'Rating saved:';
  return right ? '✓ Correct.' : '✗ Not quite.';
}

/** Fills in a right or wrong answer to question `k` (from the key) without checking it. */
export async function fill(page, k, right, rating = 4) {
  const q = question(page, k.id);
  const values = async () => q.locator('.q-options input').evaluateAll((xs) => xs.map((x) => Number(x.value)));
  switch (k.type) {
    case 'single': {
      const v = right ? k.correct[0] : (await values()).find((i) => !k.correct.includes(i));
      await q.locator(`input[value="${v}"]`).check();
      break;
    }
    case 'multiple': {
      const picks = right ? k.correct : [(await values()).find((i) => !k.correct.includes(i))];
      for (const v of picks) await q.locator(`input[value="${v}"]`).check();
      break;
    }
    case 'true-false':
      await q.locator(`input[value="${right ? k.correct[0] : 1 - k.correct[0]}"]`).check();
      break;
    case 'short':
      // Case and spacing do not matter.
      await q.locator('.q-field input').fill(right ? `  ${k.accept[0].toUpperCase().replace(/ /g, '   ')} ` : 'not the answer');
      break;
    case 'numeric':
      // A decimal comma is fine.
      await q.locator('.q-field input').fill(right ? String(k.value).replace('.', ',') : String(k.value + (k.tolerance ?? 0) + 1000));
      break;
    case 'ordering': {
      const n = k.correct.length;
      for (let i = 0; i < n; i++) {
        const at = k.correct.indexOf(i); // item i belongs at position at + 1
        await q.locator(`select[name="q-${k.id}-${i}"]`).selectOption(String(right ? at + 1 : ((at + 1) % n) + 1));
      }
      break;
    }
    case 'matching': {
      const n = k.correct.length;
      for (let i = 0; i < n; i++) {
        await q.locator(`select[name="q-${k.id}-${i}"]`).selectOption(String(right ? k.correct[i] : k.correct[(i + 1) % n]));
      }
      break;
    }
    case 'confidence':
      await q.locator(`input[value="${rating}"]`).check();
      break;
    default:
      throw new Error(`unknown question type ${k.type}`);
  }
}

/** Answers question `k` right or wrong (or rates it) and checks it with its own button. */
export async function answer(page, k, right, rating = 4) {
  await fill(page, k, right, rating);
  await question(page, k.id).locator('.q-check').click();
}

/** The quiz pages of the site, from the progress page's data: [{ id, title, href, questions }]. */
export async function quizzes(page, siteUrl) {
  await page.goto(siteUrl + 'progress/index.html');
  return JSON.parse(await page.locator('#progress-data').textContent()).quizzes;
}
