// Accessibility measured by a real tool: axe-core on every page and dialog, and a whole
// assessment done with the keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, createAssessment, answer, axeViolations, ARTIFACTS, noteField, showFigures, nextFrames } from './harness.mjs';

const app = useApp();

test('axe finds no violations on any page or dialog', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  const report = {};
  const seedWords = [];
  const check = async (where) => {
    await nextFrames(page);
    report[where] = await axeViolations(page);
    // Every text on the page, closed <details> included: the source documents are never
    // called "seeds" on screen.
    const text = await page.evaluate(() => document.body.textContent);
    if (/\bseeds?\b/i.test(text)) seedWords.push(where);
  };
  await check('home, empty');
  await page.getByRole('link', { name: 'Start your first assessment' }).click();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await check('new assessment, with a form error');
  await page.goto(app.server.url);
  await createAssessment(page, { school: 'Axe Park Academy', assessors: 'J. Patel' });
  for (const id of ['stabilise-1', 'stabilise-2', 'repair-1', 'improve-1', 'sustain-1']) await answer(page, id, 'Clearly');
  await check('assessment with a provisional result');
  for (const id of ['stabilise-3', 'stabilise-4', 'repair-2', 'repair-3', 'improve-2', 'improve-3', 'sustain-2', 'sustain-3']) await answer(page, id, 'Partly');
  await (await noteField(page, 'sustain-3')).fill('Seen in the governors’ minutes');
  await showFigures(page);
  await check('assessment with a result, a note open and the figures as a table');
  await page.getByRole('button', { name: 'Edit details' }).click();
  await check('assessment, editing details');
  await page.getByRole('button', { name: 'Commission an intervention' }).click();
  await check('commission form');
  await page.getByLabel('Owner').fill('Deputy head');
  await page.getByLabel('Target').fill('Attendance rises to 95%');
  await page.getByLabel('Start').fill('2026-09-07');
  await page.getByLabel('Success criteria').fill('95% by July');
  await page.getByRole('button', { name: 'Commission', exact: true }).click();
  await page.getByRole('button', { name: 'Record a review' }).click();
  await check('intervention with an overdue flag, review form');
  await page.getByRole('button', { name: 'Create share link' }).click();
  await page.getByLabel('Share link').waitFor();
  await check('share link made');
  const link = await page.getByLabel('Share link').inputValue();
  await page.getByRole('link', { name: 'Open the printable report' }).click();
  await page.locator('.report canvas.chart').waitFor();
  await check('report');
  await page.goto(link);
  await page.getByText('A read-only copy from a share link.').waitFor();
  await check('shared link, read-only');
  await page.goto(app.server.url);
  await page.waitForSelector('.assessment-list');
  await check('home, with an assessment');
  await page.locator('.assessment-row').getByRole('button', { name: 'Delete' }).click();
  await check('delete confirmation');
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.locator('.toast').waitFor();
  await check('undo toast');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.school-group', { hasText: 'Axe Park Academy' }).locator('.school-name a').click();
  await page.getByText('School overview').first().waitFor();
  await check('school overview');
  await page.getByRole('button', { name: 'Rename school' }).click();
  await check('school overview, renaming the school');
  await page.getByLabel("School's new name").fill('');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.locator('.error-summary').waitFor();
  await check('school overview, renaming with an error');
  await page.getByRole('button', { name: 'Cancel' }).click();
  // Reassessing: the date asked for (with an error), then the banner and the marks.
  await page.getByRole('link', { name: 'Reassess now: Whole school' }).click();
  await page.getByLabel('Date of the new assessment').fill('');
  await page.getByRole('button', { name: 'Start the reassessment' }).click();
  await page.locator('.error-summary').waitFor();
  await check('reassess, with an error');
  await page.getByLabel('Date of the new assessment').fill('2027-01-12');
  await page.getByRole('button', { name: 'Start the reassessment' }).click();
  await page.locator('.prefill-banner').waitFor();
  await answer(page, 'stabilise-1', 'Partly');
  await page.locator('fieldset[data-feature="stabilise-2"]').getByRole('button', { name: 'Keep this answer' }).click();
  await check('reassessment: banner, reviewed and changed marks, change since last time');
  await page.setViewportSize({ width: 360, height: 740 });
  await check('reassessment on a phone');
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`${app.server.url}#/glossary`);
  await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
  await check('glossary');
  // A look-alike school name: the question in the form, then the home page's panel.
  await page.goto(`${app.server.url}#/new`);
  await page.getByLabel('School', { exact: true }).fill('Axe Park Academy Juniors');
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.getByText('Is “Axe Park Academy Juniors” a school already in Waypoint?').waitFor();
  await check('new assessment, asking whether the school is already here');
  await page.getByLabel('No, “Axe Park Academy Juniors” is a different school').check();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.waitForSelector('.assessment-layout');
  await page.goto(app.server.url);
  await page.getByRole('heading', { name: 'Are these the same school?' }).waitFor();
  await check('home, asking whether two schools are the same');
  await page.getByRole('button', { name: 'Different schools' }).click();
  await page.goto(`${app.server.url}#/trust`);
  await page.getByRole('heading', { name: 'Trust overview' }).waitFor();
  await check('trust overview');
  await page.goto(`${app.server.url}#/workshop/new`);
  await page.getByLabel('Trust', { exact: true }).fill('Oak Learning Trust');
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await page.getByRole('heading', { level: 1, name: 'Oak Learning Trust' }).waitFor();
  await page.getByLabel('Add a member').fill('Ann Evans');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.locator('label[for="governance-s1-now-autonomous"]').click();
  await check('workshop questionnaire');
  await page.getByRole('link', { name: 'See the results' }).click();
  await page.locator('.workshop-results').waitFor();
  await check('workshop results');
  await page.getByLabel('Show names').check();
  await check('workshop results, names shown');
  const workshop = new URL(page.url()).hash.split('/')[2];
  await page.goto(`${app.server.url}#/workshop/${workshop}/join`);
  await page.locator('svg.qr-code').waitFor();
  await page.getByText('Or choose single practices').click();
  await check('join this workshop, with the practices chosen');
  await page.goto(`${app.server.url}#/workshop/${workshop}/grid`);
  await page.getByRole('heading', { name: /answers as a grid/ }).waitFor();
  await check('answers as a grid');
  await page.goto(`${app.server.url}#/workshop/${workshop}/present`);
  await page.locator('.presentation canvas').waitFor();
  await check('presentation, first slide');
  await page.keyboard.press('ArrowRight');
  await check('presentation, an area');
  await page.goto(`${app.server.url}#/nowhere`);
  await check('page not found');
  // Storage that cannot be read: the banner.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('waypoint.assessment.'));
    localStorage.setItem(key, '{"id":"damaged",');
  });
  await page.reload();
  await page.getByRole('heading', { name: 'Saved data could not be read' }).waitFor();
  await check('unreadable storage banner');
  // Data from a newer version: this tab stops saving and says so.
  await page.evaluate(() => localStorage.setItem('waypoint.meta', '{"format":"waypoint","schema":99,"schools":[],"trusts":[]}'));
  await page.reload();
  await page.getByRole('heading', { name: 'A newer version of Waypoint is in use' }).waitFor();
  await check('newer version banner');

  await writeFile(join(ARTIFACTS, 'axe.json'), JSON.stringify(report, null, 2));
  assert.deepEqual(seedWords, [], 'the word "seed" appears on screen');
  const failures = Object.entries(report).filter(([, v]) => v.length).map(([where, v]) => `${where}:\n  ${v.join('\n  ')}`);
  assert.equal(failures.length, 0, `axe violations:\n${failures.join('\n')}`);
  console.log(`axe: ${Object.keys(report).length} pages and dialogs checked, no violations`);
  assert.deepEqual(errors.filter((e) => !/unreadable|not valid JSON/i.test(e)), []);
  await context.close();
});

test('a whole assessment with the keyboard alone', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  const press = async (key, times = 1) => { for (let i = 0; i < times; i++) await page.keyboard.press(key); };
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return `${e.tagName} ${e.id} ${e.textContent.trim().slice(0, 40)}`;
  });
  // Tab to "Start your first assessment" and open it.
  for (let i = 0; i < 20 && !/^A .*Start your first assessment/.test(await focused()); i++) await press('Tab');
  await press('Enter');
  await page.waitForSelector('form.details-form');
  for (let i = 0; i < 10 && !/INPUT .*school/.test(await focused()); i++) await press('Tab');
  await page.keyboard.type('Keyboard Academy');
  await press('Enter'); // whole school, dated today: the defaults
  await page.waitForSelector('.assessment-layout');
  // Every feature of every stage: Tab into its radio group, arrow to a level (Space
  // selects), on to the next; at the end of a stage, "Next: …" leads on to the next stage.
  const total = 28;
  let answered = 0;
  for (let i = 0; i < 1500 && answered < total; i++) {
    await press('Tab');
    const here = await page.evaluate(() => {
      const e = document.activeElement;
      if (e.matches('input[type=radio].level-input')) return { radio: e.name };
      if (e.matches('.step-nav .button.primary')) return { next: e.textContent };
      return {};
    });
    if (here.radio && !(await page.evaluate((n) => [...document.getElementsByName(n)].some((r) => r.checked), here.radio))) {
      await press('Space');
      await press('ArrowRight');
      answered++;
    } else if (here.next?.startsWith('Next:')) {
      await press('Enter');
      await page.waitForFunction(() => document.activeElement.tagName === 'H3'); // the next stage's heading

    }
  }
  assert.equal(await page.locator('.progress label').innerText(), `${total} of ${total} answered`);
  assert.notEqual(await page.locator('.best-fit .stage-badge').innerText(), 'No stage yet');
  // Focus is always visible: the focused element has an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  assert.deepEqual(errors, []);
  await context.close();
});
