// A trust board workshop on the Autonomy–Alignment–Standardisation tool: two members
// take turns on one screen, a third's answers arrive as a file, and the results show
// the spread of views and where the board disagrees most, surviving a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useApp, openApp, drawnPixels, ARTIFACTS } from './harness.mjs';

const app = useApp();

const place = async (page, practice, now, want) => {
  await page.locator(`label[for="${practice}-now-${now}"]`).click();
  await page.locator(`label[for="${practice}-want-${want}"]`).click();
};
const addMember = async (page, name, role) => {
  await page.getByLabel('Add a member').fill(name);
  await page.getByLabel('Role').selectOption(role);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.locator('.answering-as', { hasText: `Answering as ${name}` }).waitFor();
};
const responsesFile = (respondents) => ({
  name: 'answers.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ format: 'waypoint-aas-responses', schema: 1, trust: 'Oak Learning Trust', academy: '', respondents })),
});
const merge = async (page, file) => {
  await page.locator('#import-files').setInputFiles(file);
};

test('a workshop with three respondents: two on screen, one merged from a file', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.getByRole('link', { name: 'New workshop' }).click();
  await page.getByLabel('Trust', { exact: true }).fill('Oak Learning Trust');
  // Every area for this meeting (one is the default).
  for (const area of ['employer', 'finance', 'standards']) await page.locator(`#plan-area-${area}`).check();
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await page.getByRole('heading', { level: 1, name: 'Oak Learning Trust' }).waitFor();

  // Nobody chosen yet: nothing can be placed, so no answer can go to the wrong person.
  assert.ok(await page.locator('#governance-s1-now-autonomous').isDisabled());

  await addMember(page, 'Ann Evans', 'Board member');
  await place(page, 'governance-s1', 'autonomous', 'standardised');
  await place(page, 'finance-s1', 'aligned', 'standardised');
  await page.locator('#governance-s1-note').fill('Values differ between our primaries and secondaries.');
  // An autonomy statement is a practice to place too, with Carter's column as a suggestion.
  await place(page, 'support-o2', 'partly_aligned', 'aligned');
  assert.match(await page.locator('[data-practice="support-o2"]').innerText(), /Carter's suggestion: autonomy/);

  await addMember(page, 'Bo Singh', 'Headteacher');
  assert.equal(await page.locator('#governance-s1-now-autonomous').isChecked(), false, 'Bo starts blank');
  await place(page, 'governance-s1', 'autonomous', 'autonomous');
  await place(page, 'finance-s1', 'aligned', 'largely_standardised');

  // Switching back shows Ann's own answers.
  await page.locator('label[for^="member-"]', { hasText: 'Ann Evans' }).click();
  await page.locator('.answering-as', { hasText: 'Answering as Ann Evans' }).waitFor();
  assert.ok(await page.locator('#governance-s1-want-standardised').isChecked());
  assert.equal(await page.locator('#governance-s1-note').inputValue(), 'Values differ between our primaries and secondaries.');

  // The third member answered on their own device.
  const cy = { id: 'cy-device-1', name: 'Cy Okafor', role: 'Executive leader', placings: {
    'governance-s1': { now: 'partly_aligned', desired: 'aligned' },
    'finance-s1': { now: 'aligned', desired: 'standardised', note: 'Single budget model from April' },
  } };
  await merge(page, responsesFile([cy]));
  await page.locator('.import-messages li', { hasText: 'added Cy Okafor' }).waitFor();
  await merge(page, responsesFile([cy]));
  await page.locator('.import-messages li', { hasText: 'Cy Okafor is already here with the same answers, so was skipped' }).waitFor();

  // A second copy is put to the user at the top of the page, never resolved silently.
  const changedCy = { ...cy, placings: { 'governance-s1': { now: 'standardised', desired: 'standardised' } } };
  await merge(page, responsesFile([changedCy]));
  const clash = page.locator('.hand-back-question');
  await clash.waitFor();
  assert.match(await clash.innerText(), /Cy Okafor sent answers a second time/);
  await clash.getByRole('button', { name: 'Count both, as two members' }).click();
  await page.locator('.hand-back-done', { hasText: 'both copies count' }).waitFor();
  assert.equal(await page.locator('.member-chip').count(), 4);
  // Remove the second Cy again: choose, then remove with confirmation.
  await page.locator('label[for^="member-"]', { hasText: 'Cy Okafor (2)' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  assert.equal(await page.locator('.member-chip').count(), 3);

  // Malformed and foreign files are refused with a reason and change nothing.
  await merge(page, { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"waypoint-aas-resp') });
  await page.locator('.import-messages li.problem', { hasText: 'broken.json: not merged, because the data is not valid JSON' }).waitFor();
  await merge(page, responsesFile([{ id: 'x', name: 'Mallory', placings: { 'not-a-practice': { now: 'aligned' } } }]));
  await page.locator('.import-messages li.problem', { hasText: 'answers a practice this tool does not have' }).waitFor();
  await merge(page, { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(2_500_000, 32) });
  await page.locator('.import-messages li.problem', { hasText: 'huge.json: not merged, because the file is 2.5 MB' }).waitFor();
  assert.equal(await page.locator('.member-chip').count(), 3);

  await page.screenshot({ path: join(ARTIFACTS, 'workshop-questionnaire.png') });

  // Results: the spread of views and the largest disagreements.
  await page.getByRole('link', { name: 'See the results' }).click();
  await page.getByRole('heading', { name: 'Where each area stands' }).waitFor();
  assert.match(await page.locator('.assessment-head .meta').innerText(), /3 members/);
  const split = page.locator('section', { has: page.getByRole('heading', { name: 'Where the board disagrees most' }) });
  assert.match(await split.innerText(), /Articulating the values and beliefs of the trust[\s\S]*Governance and Setting Vision · Carter's suggestion: standardised · disagreement 4 of 4 \(far apart\)/);
  // One name per area: the part's own title ("Governance & Setting Vision and Direction") is not used.
  assert.doesNotMatch(await page.locator('.workshop-results').innerText(), /Governance & Setting Vision and Direction/);
  const gaps = page.locator('section', { has: page.getByRole('heading', { name: 'Largest gaps between now and wanted' }) });
  assert.match(await gaps.innerText(), /Curriculum led financial planning/);
  const valuesRow = page.locator('.spread-table tr', { hasText: 'Articulating the values' });
  // Names are hidden unless shown on purpose.
  assert.match(await valuesRow.innerText(), /2 members\s+1 member/);
  assert.doesNotMatch(await page.locator('.spread').innerText(), /Ann Evans|Bo Singh|Cy Okafor/);
  await page.getByLabel('Show names').check();
  assert.match(await valuesRow.innerText(), /Ann Evans, Bo Singh\s+Cy Okafor/);
  const behaviourRow = page.locator('.spread-table tr', { hasText: 'Behaviour systems are academy centric against MAT ethos' });
  assert.match(await behaviourRow.innerText(), /Carter's suggestion: autonomy[\s\S]*Ann Evans/);
  const areas = await page.locator('.spectrum-profile table').innerText();
  assert.match(areas, /Financial Management\s+Aligned \(2\.0\)\s+Standardised \(3\.7\)\s+1\.7 towards standardisation/);
  assert.ok((await drawnPixels(page)) > 3000, 'the spectrum chart drew');

  await page.getByLabel('Show names').uncheck();
  assert.doesNotMatch(await page.locator('.spread').innerText(), /Ann Evans|Bo Singh|Cy Okafor/);
  // Two board members and one of each other role: no role is shown on its own.
  assert.match(await page.locator('.role-views').innerText(), /Board member \(1 member\)\s+Not shown: fewer than three members/);

  await page.reload();
  await page.getByRole('heading', { name: 'Where each area stands' }).waitFor();
  assert.match(await page.locator('.assessment-head .meta').innerText(), /3 members/);
  await page.getByLabel('Show names').check();
  assert.match(await page.locator('.spread-table tr', { hasText: 'Articulating the values' }).innerText(), /Ann Evans, Bo Singh\s+Cy Okafor/);
  assert.match(await page.locator('.spread-table tr', { hasText: 'Curriculum led financial planning' }).first().innerText(), /Ann Evans, Bo Singh, Cy Okafor/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('answers exported on one device merge into another', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await page.getByRole('link', { name: 'New workshop' }).click();
  await page.getByLabel('Trust', { exact: true }).fill('Elm Trust');
  await page.locator('#plan-area-standards').check();
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await addMember(page, 'Dee Patel', 'Executive leader');
  await place(page, 'curriculum-s2', 'autonomous', 'standardised');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download answers file' }).click(),
  ]);
  const path = join(ARTIFACTS, 'dee-answers.json');
  await download.saveAs(path);
  await context.close();

  const other = await openApp(app.browser, app.server.url);
  await other.page.getByRole('link', { name: 'New workshop' }).click();
  await other.page.getByLabel('Trust', { exact: true }).fill('Elm Trust');
  await other.page.locator('#plan-area-standards').check();
  await other.page.getByRole('button', { name: 'Start workshop' }).click();
  await other.page.locator('#import-files').setInputFiles(path);
  await other.page.locator('.import-messages li', { hasText: 'added Dee Patel' }).waitFor();
  await other.page.locator('label[for^="member-"]', { hasText: 'Dee Patel' }).click();
  assert.ok(await other.page.locator('#curriculum-s2-want-standardised').isChecked());
  await other.context.close();
});
