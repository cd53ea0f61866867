// One school as a whole: three teams assessed side by side with Carter's EY/Year 6
// warning, a reassessment compared with the last, and a performance trajectory placed
// on one of the eight journeys, all surviving a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useApp, openApp, createAssessment, answer, drawnPixels, ARTIFACTS, shownDate, showPart, todayIso, waitUntil, nextFrames } from './harness.mjs';

const app = useApp();

const COUNTS = { stabilise: 8, repair: 7, improve: 7, sustain: 6 };
async function answerStages(page, levels) {
  for (const [stage, n] of Object.entries(COUNTS)) {
    for (let i = 1; i <= n; i++) await answer(page, `${stage}-${i}`, levels[stage]);
  }
}
const REPAIR = { stabilise: 'Partly', repair: 'Clearly', improve: 'Not seen', sustain: 'Not seen' };
const IMPROVE = { stabilise: 'Not seen', repair: 'Partly', improve: 'Clearly', sustain: 'Not seen' };

test('teams side by side, history and reassessment, trajectory and journey', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Hillside Primary', scope: 'year_group', scopeName: 'EYFS', date: '2026-07-10' });
  await answerStages(page, REPAIR);
  await page.getByRole('link', { name: 'Your assessments' }).click();
  await createAssessment(page, { school: 'Hillside Primary', scope: 'year_group', scopeName: 'Year 6', date: '2026-07-10' });
  await answerStages(page, REPAIR);
  await page.getByRole('link', { name: 'Your assessments' }).click();
  await createAssessment(page, { school: 'Hillside Primary', scope: 'subject', scopeName: 'Maths', date: '2026-07-10' });
  await answerStages(page, IMPROVE);
  await page.getByRole('link', { name: 'Your assessments' }).click();

  await page.locator('.school-group').first().waitFor();
  assert.equal(await page.locator('.school-group').count(), 1, 'three assessments of one school');
  assert.deepEqual((await page.locator('.row-title').allInnerTexts()).sort(), ['Subject: Maths', 'Year group: EYFS', 'Year group: Year 6']);
  await page.locator('.school-group .school-name a').click();
  await page.getByRole('heading', { level: 1, name: 'Hillside Primary' }).waitFor();
  const teams = page.locator('section', { has: page.getByRole('heading', { name: 'Teams, subjects and year groups' }) });
  const rows = await teams.locator('table tbody tr').allInnerTexts();
  assert.equal(rows.length, 3);
  assert.match(rows.find((r) => r.includes('Maths')), /Subject: Maths\s+Improve/);
  assert.match(rows.find((r) => r.includes('EYFS')), /Year group: EYFS\s+Repair/);
  assert.match(await teams.locator('.flag').innerText(), new RegExp(`Year group: EYFS \\(${shownDate('2026-07-10')}\\) and Year group: Year 6 \\(${shownDate('2026-07-10')}\\) both need repair`));
  assert.ok((await drawnPixels(page, 'section canvas.chart')) > 3000, 'the teams map drew');

  // Reassess Maths this term: it asks for the date, then starts from the last answers.
  await page.getByRole('link', { name: 'Reassess now: Subject: Maths' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reassess Hillside Primary — Subject: Maths' }).waitFor();
  await page.getByLabel('Date of the new assessment').fill('2026-11-20');
  await page.getByRole('button', { name: 'Start the reassessment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hillside Primary' }).waitFor();
  await page.waitForSelector('.assessment-layout');
  assert.match(await page.locator('.assessment-head .meta').innerText(), new RegExp(shownDate('2026-11-20')));
  await showPart(page, 'Improve');
  assert.ok(await page.locator('#s-improve-1-clearly').isChecked(), 'previous answers carried over');
  for (let i = 1; i <= 6; i++) await answer(page, `sustain-${i}`, 'Clearly');
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'Sustain');
  // The result says what moved since last time.
  const since = page.locator('.since');
  assert.match(await since.locator('h3').innerText(), new RegExp(`Change since ${shownDate('2026-07-10')}`));
  assert.match(await since.innerText(), /Overall stage: Improve then, Sustain now \(moved on\)/);
  assert.match(await since.innerText(), /6 features moved on, 0 moved back/);
  assert.match(await since.locator('tr', { hasText: 'Embedded and effective CPD' }).innerText(), /not seen → clearly\s+moved on/);
  await page.goBack();
  await page.goBack();
  await page.getByRole('heading', { name: 'Compare two assessments' }).waitFor();
  const compare = page.locator('.compare-table');
  assert.match(await compare.locator('caption').innerText(), new RegExp(`from ${shownDate('2026-07-10')} to ${shownDate('2026-11-20')}`));
  assert.match(await compare.locator('tr', { hasText: 'Overall' }).innerText(), /Improve\s+Sustain\s+moved on/);
  // … and which features moved.
  const moved = page.locator('.panel', { has: page.getByRole('heading', { name: 'Compare two assessments' }) }).locator('.changes-table');
  assert.equal(await moved.locator('tbody tr').count(), 6);
  assert.match(await moved.locator('tbody tr').first().innerText(), /Sustain: .*\s+not seen → clearly\s+moved on/);

  // The performance trajectory: too short first, then a rapid improver.
  const addPoint = async (period, band) => {
    await page.getByLabel('Period', { exact: true }).fill(period);
    await page.getByLabel('Band', { exact: true }).selectOption(band);
    await page.getByRole('button', { name: 'Add point' }).click();
  };
  await addPoint('2022', 'floor');
  await addPoint('2023', 'coasting');
  assert.match(await page.locator('.journey').innerText(), /not enough data yet/);
  await addPoint('2024', 'top15');
  await addPoint('2025', 'top15');
  const journey = page.locator('.journey');
  assert.match(await journey.locator('h3').innerText(), /Journey B – Rapid improvers/);
  assert.match(await journey.innerText(), /Key question: How replicable is this when significant capacity is not available\?/);
  assert.match(await journey.innerText(), /Likely capacity giver/);
  assert.ok((await drawnPixels(page, '.trajectory-grid canvas')) > 3000, 'the trajectory chart drew');
  await page.getByRole('heading', { name: 'Capacity this school can offer' }).waitFor();
  await page.getByLabel('Deliver bespoke training').check();
  await page.screenshot({ path: join(ARTIFACTS, 'school-overview.png'), fullPage: true });

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Hillside Primary' }).waitFor();
  assert.match(await page.locator('.journey h3').innerText(), /Journey B – Rapid improvers/);
  assert.ok(await page.getByLabel('Deliver bespoke training').isChecked());
  assert.match(await page.locator('.flag').innerText(), /both need repair/);
  assert.equal(await page.locator('.points-table tbody tr').count(), 4);
  await page.setViewportSize({ width: 360, height: 800 });
  // Charts are redrawn for the new width on the next frames.
  const measureOverflow = () => page.evaluate(() => [
    document.documentElement.scrollWidth - window.innerWidth,
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.01)
      .filter((e) => { for (let p = e.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return false; return true; })
      .slice(0, 6).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  ]);
  await nextFrames(page);
  const [overflow, wide] = await waitUntil(async () => {
    const found = await measureOverflow();
    return found[0] <= 0 ? found : null;
  }, { timeout: 60_000, what: 'the page redrawn for 360 px' }).catch(measureOverflow);
  assert.ok(overflow <= 0, `no sideways scroll at 360 px (overflow ${overflow}: ${wide.join(', ')})`);
  await page.setViewportSize({ width: 1400, height: 1000 });

  // Values with the user's thresholds: a slow decline, two bands over six years.
  await page.getByText('A measure with thresholds').click();
  for (const name of ['Remove 2025', 'Remove 2024', 'Remove 2023', 'Remove 2022']) {
    await page.getByRole('button', { name }).click();
  }
  for (const [period, value] of [['2019', '80'], ['2021', '70'], ['2023', '60'], ['2025', '55']]) {
    await page.getByLabel('Period', { exact: true }).fill(period);
    await page.getByLabel('Measure', { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Add point' }).click();
  }
  assert.match(await page.locator('.journey h3').innerText(), /Journey D – Slow Decliners/);
  assert.match(await page.locator('.journey').innerText(), /Speed from the dates/);
  await page.getByRole('heading', { name: 'Capacity this school needs' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a team marked Early Years or Year 6 explicitly is recognised whatever its name', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  const team = async (name, phase) => {
    await createAssessment(page, { school: 'Ashgrove Primary', scope: 'team', scopeName: name, date: '2026-10-01' });
    await answerStages(page, REPAIR);
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('Early Years or Year 6?').selectOption(phase);
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByRole('link', { name: 'Your assessments' }).click();
  };
  await team('Little Acorns', 'early_years');
  await team('Leavers', 'year_6');
  await page.locator('.school-group', { hasText: 'Leavers' }).locator('.school-name a').click();
  await page.getByRole('heading', { level: 1, name: 'Ashgrove Primary' }).waitFor();
  assert.match(await page.locator('.flag').first().innerText(), new RegExp(`Team: Little Acorns \\(${shownDate('2026-10-01')}\\) and Team: Leavers \\(${shownDate('2026-10-01')}\\) both need repair`));
  assert.match(await page.locator('section', { has: page.getByRole('heading', { name: 'Teams, subjects and year groups' }) }).innerText(), /the same school term \(autumn, spring or summer\) of the same school year/);
  // The marker is kept: the form shows it when the details are edited again.
  await page.reload();
  await page.getByRole('link', { name: 'Open latest' }).first().click();
  await page.waitForSelector('.assessment-layout');
  await page.getByRole('button', { name: 'Edit details' }).click();
  assert.match(await page.getByLabel('Early Years or Year 6?').inputValue(), /early_years|year_6/);
  assert.deepEqual(errors, []);
  await context.close();
});
