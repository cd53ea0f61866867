// On one shared screen: answers entered as a grid (practices as rows, people as columns),
// results presented full screen one area per slide with nothing to click on screen, and
// this year's workshop compared with last year's of the same trust.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useApp, openApp, axeViolations, storedRecords, waitUntil, waitForSaved, nextFrames, ARTIFACTS } from './harness.mjs';

const app = useApp();

async function newWorkshop(page, date) {
  await page.goto(`${new URL(page.url()).origin}/#/workshop/new`);
  await page.getByLabel('Trust', { exact: true }).fill('Oak Learning Trust');
  await page.getByLabel('Date', { exact: true }).fill(date);
  // Every area for this meeting (one is the default).
  for (const area of ['employer', 'finance', 'standards']) await page.locator(`#plan-area-${area}`).check();
  await page.locator('.plan-load', { hasText: 'This meeting: 80 practices: 160 placements' }).waitFor();
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await page.getByRole('link', { name: 'Enter answers as a grid' }).click();
  await page.getByRole('heading', { name: /answers as a grid/ }).waitFor();
}

async function addPerson(page, name, role) {
  await page.getByLabel('Add a member').fill(name);
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('columnheader', { name }).first().waitFor();
}

const cell = (page, name, when, practice) =>
  page.getByRole('combobox', { name: `${name}, ${when}: ${practice}` });

test('grid entry, a full-screen presentation, and last year against this year', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url, { viewport: { width: 1280, height: 720 } });

  // Last year's workshop: one person.
  await newWorkshop(page, '2025-11-20');
  await addPerson(page, 'Ann Evans', 'Board member');
  await cell(page, 'Ann Evans', 'now', 'Curriculum led financial planning').selectOption('autonomous');
  await cell(page, 'Ann Evans', 'wanted', 'Curriculum led financial planning').selectOption('aligned');

  // This year's: four people, side by side, two choices a cell.
  await newWorkshop(page, '2026-11-23');
  const people = [['Ann Evans', 'Board member'], ['Bo Singh', 'Board member'], ['Cy Okafor', 'Board member'], ['Dee Patel', 'Headteacher']];
  for (const [name, role] of people) await addPerson(page, name, role);
  const workshopId = new URL(page.url()).hash.split('/')[2];
  const practice = 'Curriculum led financial planning';
  const placed = [['aligned', 'standardised'], ['aligned', 'standardised'], ['autonomous', 'largely_standardised'], ['aligned', 'largely_standardised']];
  for (const [i, [name]] of people.entries()) {
    await cell(page, name, 'now', practice).selectOption(placed[i][0]);
    await cell(page, name, 'wanted', practice).selectOption(placed[i][1]);
  }
  // Keyboard focus stays on the cell just chosen (the grid is not redrawn around it).
  await cell(page, 'Bo Singh', 'now', 'Articulating the values and beliefs of the trust').focus();
  await page.keyboard.press('ArrowDown');
  // Once the change is saved and drawn, focus is where it was.
  await waitForSaved(page);
  await nextFrames(page);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Bo Singh, now: Articulating the values and beliefs of the trust');
  const stored = await waitUntil(async () => {
    const w = (await storedRecords(page, 'workshop')).find((x) => x.id === workshopId);
    return w?.respondents.every((r) => r.placings['finance-s1']?.desired) && w;
  }, { what: 'the grid answers saved' });
  assert.deepEqual(stored.respondents.map((r) => [r.placings['finance-s1'].now, r.placings['finance-s1'].desired]), placed);
  assert.deepEqual(await axeViolations(page), [], 'axe on the grid');
  await page.screenshot({ path: join(ARTIFACTS, 'grid.png') });

  // The results: compared with last year by the trust's record.
  await page.goto(`${app.server.url}#/workshop/${workshopId}/results`);
  await page.getByRole('heading', { name: 'Compared with an earlier workshop' }).waitFor();
  // Area by area first: Financial Management's one practice answered in either year.
  const areaRow = page.locator('.workshop-compare-areas tr[data-area="finance"]');
  assert.match(await areaRow.innerText(), /Financial Management\s*· 1 practice\s+Autonomous \(0\.0\) → Aligned \(2\.0\)\s+Aligned \(1\.5\) → Standardised \(3\.5\)\s+1\.5 towards standardisation/);
  // Then row by row, each area's practices behind its summary.
  await page.locator('details.compare-rows[data-area="finance"] > summary').click();
  const row = page.locator('.workshop-compare tr', { hasText: practice });
  assert.match(await row.innerText(), /Autonomous \(0\.0\) → Aligned \(2\.0\)\s+Aligned \(1\.5\) → Standardised \(3\.5\)\s+1\.5 towards standardisation/);
  // Three board members are shown as a group; one headteacher is not, with the reason.
  const roles = await page.locator('.role-views').innerText();
  assert.match(roles, /Board member \(3 members\)[\s\S]*Financial Management: now Partly aligned \(1\.3\), wanted Standardised \(3\.7\)/);
  assert.match(roles, /Headteacher \(1 member\)\s+Not shown: fewer than three members are in this group/);
  assert.deepEqual(await axeViolations(page), [], 'axe on the results');

  // Present: full screen, one area per slide, no controls, no names, a sharp chart.
  await page.getByRole('button', { name: 'Present' }).click();
  await page.locator('.presentation').waitFor();
  await waitUntil(() => page.evaluate(() => !!document.fullscreenElement), { what: 'full screen' });
  // The chart is redrawn for the full screen's size on a later frame: wait for it.
  const measureCanvas = () => page.locator('.presentation canvas').evaluate((c) => ({ pixels: c.width, shown: c.getBoundingClientRect().width, ratio: devicePixelRatio }));
  const canvas = await waitUntil(async () => {
    const c = await measureCanvas();
    return Math.abs(c.pixels - c.shown * c.ratio) <= 2 && c.shown > 1000 ? c : null;
  }, { timeout: 200_000, what: 'the chart drawn at full screen' }).catch(measureCanvas);
  assert.ok(Math.abs(canvas.pixels - canvas.shown * canvas.ratio) <= 2, `drawn at the screen's resolution: ${JSON.stringify(canvas)}`);
  assert.ok(canvas.shown > 1000, `as wide as the screen: ${canvas.shown}`);
  const controls = async () => page.locator('main button:visible, main input:visible, main select:visible, main a:visible, header:visible, nav:visible').count();
  assert.equal(await controls(), 0, 'nothing to click on the title slide');
  await page.screenshot({ path: join(ARTIFACTS, 'present-overview.png') });
  // A clicker's Page Down reaches the Financial Management slides (after Governance's
  // five and Being a single employer's four).
  for (let i = 0; i < 10; i++) await page.keyboard.press('PageDown');
  await page.getByRole('heading', { name: 'Financial Management, 1 of 2' }).waitFor();
  assert.equal(await controls(), 0, 'nothing to click on an area slide');
  const slide = await page.locator('.presentation').innerText();
  assert.doesNotMatch(slide, /Ann Evans|Bo Singh|Cy Okafor|Dee Patel/);
  assert.match(slide, /Area 3 of 4/);
  // Counts, not names: 1 autonomous and 3 aligned now; disagreement on the stated scale.
  const nowRow = page.locator('.summary-table tr', { hasText: practice });
  assert.deepEqual(await nowRow.locator('td.count').allInnerTexts(), ['1', '0', '3', '0', '0']);
  assert.deepEqual(await nowRow.locator('xpath=following-sibling::tr[1]').locator('td.count').allInnerTexts(), ['0', '0', '0', '2', '2']);
  assert.match(slide, /2 of 4: split/);
  assert.match(slide, /0 everyone agrees, 1 close, 2 split, 3 or 4 far apart/);
  assert.equal(await page.locator('.presentation h1').count(), 1, 'one area per slide');
  assert.equal(await page.locator('.presentation h2').count(), 0);
  await page.screenshot({ path: join(ARTIFACTS, 'present-area.png') });
  assert.deepEqual(await axeViolations(page), [], 'axe on a slide');
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Where each area stands' }).waitFor();
  assert.match(page.url(), /\/results$/);

  // The results print: no controls on paper.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.view-options').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(errors, []);
  await context.close();
});
