// Issue 11, the data's integrity: one record per item, and what must hold when a newer
// version writes in another tab, when a record is damaged or the meta record is missing,
// when a file carries odd ids, when two tabs type into one note, when a school is
// renamed, when a backup is taken, when a workshop file repeats an id, and when a trust
// imports thousands of assessments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  useApp, openApp, createAssessment, answer, ARTIFACTS,
  idInUrl, storedMeta, storedRecords, storedAssessment, storageSnapshot, answerOf, waitForStoredAnswer, refuseWritesWhenAsked,
 noteField, showPart, shownDate, waitUntil, waitForSaved, saveAttempts, waitForSaveAttempt, nextFrames } from './harness.mjs';

const app = useApp();

const IMPORT_LABEL = 'Choose Waypoint files, or drop them here';
const NEWER = '{"format":"waypoint","schema":99,"schools":[],"trusts":[],"from":"Waypoint 99"}';

/** A file in the format of the previous version: one key, schools by name. */
const schema4 = (assessments) => ({ format: 'waypoint', schema: 4, assessments });
const oldAssessment = (id, school, extra = {}) => ({
  id, school, scope: { kind: 'whole_school' }, date: '2026-01-10', assessors: '',
  created_ms: 1767000000000, updated_ms: 1767000000000, answers: {}, ...extra,
});

/** Chooses a file for the home page's import, as the user would. */
async function importFile(page, file) {
  await page.getByLabel(IMPORT_LABEL).setInputFiles(file);
}

test('a newer version saving in another tab stops this tab from saving over it', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Newer Version Academy' });
  const id = idInUrl(page);
  await answer(page, 'stabilise-1', 'Clearly');
  const key = `waypoint.assessment.${id}`;
  await waitForStoredAnswer(page, id, 'stabilise-1', { level: 'clearly' });
  const recordBefore = await page.evaluate((k) => localStorage.getItem(k), key);

  // Tab B, in the same browser profile, is a newer Waypoint writing its meta record.
  const tabB = await context.newPage();
  await tabB.goto(app.server.url);
  await tabB.waitForSelector('.site-footer');
  await tabB.evaluate((text) => localStorage.setItem('waypoint.meta', text), NEWER);

  // Tab A, not reloaded, goes on answering.
  const attempts = await saveAttempts(page);
  await answer(page, 'stabilise-2', 'Partly');
  const banner = page.locator('.banner', { hasText: 'A newer version of Waypoint is in use' });
  await banner.waitFor();
  assert.equal(await banner.getByRole('button', { name: 'Reload' }).count(), 1);
  // Once the app has tried to save the answer: nothing was written over the newer data.
  await waitForSaveAttempt(page, attempts);
  assert.equal(await page.evaluate(() => localStorage.getItem('waypoint.meta')), NEWER);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), recordBefore, 'the assessment record was not written either');
  // What was done here is still on the page.
  assert.ok(await page.locator('#s-stabilise-2-partly').isChecked());
  await page.screenshot({ path: join(ARTIFACTS, 'newer-version-banner.png') });

  // Reload: still the newer data, still refused, still not written.
  await banner.getByRole('button', { name: 'Reload' }).click();
  await page.locator('.banner', { hasText: 'A newer version of Waypoint is in use' }).waitFor();
  await nextFrames(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('waypoint.meta')), NEWER);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged record is kept aside once, however often the page is reloaded', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Damaged Record School' });
  await answer(page, 'repair-1', 'Clearly');
  await page.goto(app.server.url);
  await page.locator('.assessment-row').waitFor();
  const damaged = '{"id":"x","school_id":"nowhere","answers":{"repair-1":';
  await page.evaluate((text) => localStorage.setItem('waypoint.assessment.x', text), damaged);
  for (let i = 0; i < 3; i++) {
    await page.reload();
    await page.getByRole('heading', { name: 'Saved data could not be read' }).waitFor();
    await nextFrames(page);
  }
  const kept = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('waypoint.unreadable.'))
    .map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, [damaged], `kept aside: ${kept.length} copies`);
  assert.match(await page.locator('.banner.warning').innerText(), /waypoint\.assessment\.x/);
  // The readable assessment is still listed and still opens.
  assert.equal(await page.locator('.assessment-row').count(), 1);
  await page.locator('.assessment-row').getByRole('link', { name: 'Open' }).click();
  await page.waitForSelector('.assessment-layout');
  await showPart(page, 'Repair');
  assert.ok(await page.locator('#s-repair-1-clearly').isChecked());
  assert.deepEqual(errors.filter((e) => !/could not be read|unreadable/i.test(e)), []);
  await context.close();
});

test('item records without a meta record are still shown, not silently ignored', async () => {
  // The meta record is written after the items' records, so a save or a sliced import
  // that stops in between (the tab closed, the quota reached) leaves records without it.
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Lost Meta School' });
  const id = idInUrl(page);
  await answer(page, 'stabilise-1', 'Clearly');
  await waitForStoredAnswer(page, id, 'stabilise-1', { level: 'clearly' });
  await page.evaluate(() => localStorage.removeItem('waypoint.meta'));
  await page.goto(app.server.url);
  await page.reload();
  await page.waitForSelector('main h1');
  assert.equal(await page.locator('.assessment-row').count(), 1, 'the assessment saved in this browser is listed');
  await page.locator('.assessment-row').getByRole('link', { name: 'Open' }).click();
  await page.waitForSelector('.assessment-layout');
  assert.ok(await page.locator('#s-stabilise-1-clearly').isChecked());
  assert.deepEqual(errors, []);
  await context.close();
});

test('imported ids that would not make a link, and a very long school name, still open', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  // As long as the school form allows (200 characters); a longer name is refused on import
  // with its reason (hostile.test.mjs).
  const longName = `Long Name ${'abcdefghij'.repeat(99)}`.slice(0, 200);
  assert.equal(longName.length, 200);
  const file = schema4([
    oldAssessment('a b', 'Odd Id School', { date: '2026-01-10', assessors: 'Assessor with a space' }),
    oldAssessment('é', 'Odd Id School', { date: '2026-01-11', assessors: 'Assessor with an accent' }),
    oldAssessment('../x', 'Odd Id School', { date: '2026-01-12', assessors: 'Assessor with a path' }),
    oldAssessment('long1', longName, { date: '2026-01-13' }),
  ]);
  await page.goto(app.server.url);
  await importFile(page, { name: 'odd-ids.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.locator('.import-messages li', { hasText: 'odd-ids.json: imported (4 added)' }).waitFor();
  const odd = page.locator('.school-group', { hasText: 'Odd Id School' });
  assert.equal(await odd.locator('.assessment-row').count(), 3, 'all three are listed');
  for (const [date, who] of [[shownDate('2026-01-10'), 'Assessor with a space'], [shownDate('2026-01-11'), 'Assessor with an accent'], [shownDate('2026-01-12'), 'Assessor with a path']]) {
    const row = odd.locator('.assessment-row', { hasText: date });
    assert.match(await row.innerText(), new RegExp(who));
    await row.getByRole('link', { name: 'Open' }).click();
    await page.waitForSelector('.assessment-layout, main h1');
    assert.equal(await page.getByRole('heading', { name: 'Page not found' }).count(), 0, `${who}: not "Page not found"`);
    await page.waitForSelector('.assessment-layout');
    assert.equal(await page.locator('main h1').innerText(), 'Odd Id School');
    assert.match(await page.locator('.assessment-head .meta').innerText(), new RegExp(`${date}.*by ${who}`, 's'));
    // The address works on its own too (a reload, a bookmark).
    await page.reload();
    await page.waitForSelector('.assessment-layout');
    await page.goBack();
    await odd.waitFor();
  }
  const stored = await storedRecords(page, 'assessment');
  assert.ok(stored.every((a) => /^[A-Za-z0-9_-]{1,64}$/.test(a.id)), `stored ids: ${stored.map((a) => a.id).join(', ')}`);

  // The school with a 200-character name: listed, and its page opens.
  const long = page.locator('.school-group', { hasText: 'Long Name abcdefghij' });
  await long.waitFor();
  const shownName = await long.locator('.school-name').innerText();
  assert.ok(shownName.length > 0 && longName.startsWith(shownName), `listed as ${shownName.length} characters`);
  await long.locator('.school-name a').click();
  await page.getByText('School overview').first().waitFor();
  assert.equal(await page.getByRole('heading', { name: 'School not found' }).count(), 0);
  assert.equal(await page.locator('main h1').innerText(), shownName);
  await page.setViewportSize({ width: 360, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways scroll at 360 px with the long name (overflow ${overflow})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs typing into the same note: one text kept, the other offered back', async () => {
  const { context, page: tabA, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(tabA, { school: 'Two Typists Academy' });
  const id = idInUrl(tabA);
  const tabB = await context.newPage();
  tabB.on('pageerror', (e) => errors.push(String(e)));
  await tabB.goto(tabA.url());
  await tabB.waitForSelector('.assessment-layout');
  const textA = 'Typed in the first tab about attendance';
  const textB = 'Typed in the second tab about behaviour';
  const note = '#s-stabilise-1-note';
  // Both open "Add a note", then type at once, neither reloading.
  await noteField(tabA, 'stabilise-1');
  await noteField(tabB, 'stabilise-1');
  await Promise.all([
    tabA.locator(note).pressSequentially(textA, { delay: 15 }),
    tabB.locator(note).pressSequentially(textB, { delay: 15 }),
  ]);
  // Each tab keeps showing its own typing while its field has focus; then both move on.
  await tabA.locator(note).blur();
  await tabB.locator(note).blur();
  // Let both saves land and each tab hear the other's.
  const settled = async () => {
    const [a, b, stored] = [
      await tabA.locator(note).inputValue(),
      await tabB.locator(note).inputValue(),
      answerOf(await storedAssessment(tabA, id), 'stabilise-1')?.note,
    ];
    return a === b && b === stored ? a : null;
  };
  // Each tab's own save and the other's storage event are the app's to time: wait on
  // what the tabs show, with the test's cap, not a guess.
  const kept = await waitUntil(settled, { timeout: 200_000, what: 'both tabs to show the stored text' }).catch(() => null);
  assert.ok(kept !== null, `both tabs end with one text (A: ${await tabA.locator(note).inputValue()}; B: ${await tabB.locator(note).inputValue()})`);
  assert.ok(kept === textA || kept === textB, `the text kept is one of the two typed, not a mixture: ${kept}`);
  const other = kept === textA ? textB : textA;
  // The other text is in the banner, in both tabs.
  const shown = {};
  for (const [name, tab] of [['A', tabA], ['B', tabB]]) {
    const banner = tab.locator('.recovered');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Text typed in two places at once/);
    shown[name] = await banner.locator('blockquote').allInnerTexts();
    assert.ok(shown[name].includes(other), `tab ${name}'s banner holds the other text; it holds ${JSON.stringify(shown[name])}`);
  }
  await tabA.screenshot({ path: join(ARTIFACTS, 'two-typists-banner.png') });
  // "Use this version instead" puts the other text back, in both tabs and in storage.
  await tabA.locator('.recovered li', { has: tabA.locator('blockquote', { hasText: other }) })
    .getByRole('button', { name: 'Use this version instead' }).click();
  assert.equal(await tabA.locator(note).inputValue(), other);
  await waitForStoredAnswer(tabA, id, 'stabilise-1', { note: other });
  await tabB.waitForFunction(([sel, text]) => document.querySelector(sel)?.value === text, [note, other]);
  for (const tab of [tabA, tabB]) {
    await tab.locator('.recovered blockquote', { hasText: other }).waitFor({ state: 'detached' });
  }
  assert.equal(answerOf(await storedAssessment(tabA, id), 'stabilise-1')?.note, other);
  // The banner offered the other text alone: not the half-typed states that passed
  // between the tabs while both typed, nor earlier states of the text that was kept.
  assert.deepEqual(shown, { A: [other], B: [other] }, 'one version offered back, the other tab’s last');
  assert.equal(await tabA.locator('.recovered').count(), 0, 'nothing left in the banner once the text is put back');
  assert.deepEqual(errors, []);
  await context.close();
});

test('renaming a school on its page keeps its assessments and trajectory with it', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Rowan Primary', scope: 'subject', scopeName: 'Maths', date: '2026-07-10' });
  for (const id of ['repair-1', 'repair-2', 'repair-3']) await answer(page, id, 'Clearly');
  await page.getByRole('link', { name: 'Your assessments' }).click();
  await createAssessment(page, { school: 'Rowan Primary', scope: 'year_group', scopeName: 'Year 6', date: '2026-07-10' });
  await page.getByRole('link', { name: 'Your assessments' }).click();
  // Another school, which must keep its own name.
  await createAssessment(page, { school: 'Hazel Infants' });
  await page.getByRole('link', { name: 'Your assessments' }).click();

  await page.locator('.school-group', { hasText: 'Rowan Primary' }).locator('.school-name a').click();
  await page.getByRole('heading', { level: 1, name: 'Rowan Primary' }).waitFor();
  const schoolId = idInUrl(page);
  for (const [period, band] of [['2023', 'floor'], ['2024', 'coasting'], ['2025', 'top15']]) {
    await page.getByLabel('Period', { exact: true }).fill(period);
    await page.getByLabel('Band', { exact: true }).selectOption(band);
    await page.getByRole('button', { name: 'Add point' }).click();
  }
  const teams = page.locator('section', { has: page.getByRole('heading', { name: 'Teams, subjects and year groups' }) });
  const before = {
    teams: await teams.locator('table tbody tr').allInnerTexts(),
    points: await page.locator('.points-table tbody tr').allInnerTexts(),
    journey: await page.locator('.journey').innerText(),
  };
  assert.equal(before.teams.length, 2);
  assert.equal(before.points.length, 3);

  await page.getByRole('button', { name: 'Rename school' }).click();
  await page.getByLabel("School's new name").fill('Rowan Church of England Primary');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rowan Church of England Primary' }).waitFor();
  const check = async () => {
    assert.equal(idInUrl(page), schoolId, 'the same school page');
    assert.deepEqual(await teams.locator('table tbody tr').allInnerTexts(), before.teams);
    assert.deepEqual(await page.locator('.points-table tbody tr').allInnerTexts(), before.points);
    assert.equal(await page.locator('.journey').innerText(), before.journey);
  };
  await check();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Rowan Church of England Primary' }).waitFor();
  await check();

  // The home list shows the new name, with both assessments under it.
  await page.getByRole('link', { name: 'Your assessments' }).click();
  const renamed = page.locator('.school-group', { hasText: 'Rowan Church of England Primary' });
  await renamed.waitFor();
  assert.equal(await renamed.locator('.assessment-row').count(), 2);
  assert.deepEqual((await page.locator('.school-name').allInnerTexts()).sort(), ['Hazel Infants', 'Rowan Church of England Primary']);
  await renamed.locator('.assessment-row', { hasText: 'Maths' }).getByRole('link', { name: 'Open' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rowan Church of England Primary' }).waitFor();
  await showPart(page, 'Repair');
  assert.ok(await page.locator('#s-repair-2-clearly').isChecked());
  // In storage: one name changed, in one place.
  const meta = await storedMeta(page);
  assert.deepEqual(meta.schools.map((s) => s.name).sort(), ['Hazel Infants', 'Rowan Church of England Primary']);
  const trajectories = await storedRecords(page, 'trajectory');
  assert.equal(trajectories.length, 1);
  assert.equal(trajectories[0].school_id, schoolId);
  assert.equal((await storedRecords(page, 'assessment')).filter((a) => a.school_id === schoolId).length, 2);
  // The assessment page and the trust overview link to the school's page by its record.
  await page.locator('.breadcrumb').getByRole('link', { name: 'Rowan Church of England Primary' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rowan Church of England Primary' }).waitFor();
  await page.locator('.school-sections').waitFor();
  await page.goto(`${app.server.url}#/trust`);
  await page.getByRole('link', { name: 'Rowan Church of England Primary' }).click();
  await page.locator('.school-sections').waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Rowan Church of England Primary');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the backup reminder counts a workshop answer and a capacity tick made after a full download', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  // A school on a journey whose capacity can be ticked.
  await createAssessment(page, { school: 'Backup Academy' });
  await page.getByRole('link', { name: 'Your assessments' }).click();
  await page.locator('.school-group', { hasText: 'Backup Academy' }).locator('.school-name a').click();
  await page.getByRole('heading', { level: 1, name: 'Backup Academy' }).waitFor();
  const schoolPage = page.url();
  for (const [period, band] of [['2022', 'floor'], ['2023', 'coasting'], ['2024', 'top15'], ['2025', 'top15']]) {
    await page.getByLabel('Period', { exact: true }).fill(period);
    await page.getByLabel('Band', { exact: true }).selectOption(band);
    await page.getByRole('button', { name: 'Add point' }).click();
  }
  await page.getByRole('heading', { name: 'Capacity this school can offer' }).waitFor();
  // A workshop with one person.
  await page.goto(`${app.server.url}#/workshop/new`);
  await page.getByLabel('Trust', { exact: true }).fill('Backup Learning Trust');
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await page.getByRole('heading', { level: 1, name: 'Backup Learning Trust' }).waitFor();
  const workshopPage = page.url();
  await page.getByLabel('Add a member').fill('Ann Evans');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.locator('.answering-as', { hasText: 'Answering as Ann Evans' }).waitFor();

  // A full download: nothing is left out of it.
  await page.goto(app.server.url);
  const safety = page.locator('.data-safety');
  await safety.waitFor();
  await page.locator('.backup-reminder').waitFor();
  await Promise.all([page.waitForEvent('download'), safety.getByRole('button', { name: 'Download file (JSON)' }).click()]);
  await page.locator('.backup-reminder').waitFor({ state: 'detached' });
  assert.match(await safety.locator('.backup-ok').innerText(), /Everything here is in a file you downloaded or imported/);

  // A workshop answer…
  await page.goto(workshopPage);
  await page.locator('label[for^="member-"]', { hasText: 'Ann Evans' }).click();
  await page.locator('.answering-as', { hasText: 'Answering as Ann Evans' }).waitFor();
  await page.locator('label[for="governance-s1-now-aligned"]').click();
  await waitForSaved(page);
  await page.goto(app.server.url);
  await page.locator('.backup-reminder').waitFor();
  assert.match(await page.locator('.backup-reminder').innerText(), /^1 item has changed since it was last downloaded/);
  // …and a capacity tick are each a change that no backup holds.
  await page.goto(schoolPage);
  await page.getByLabel('Deliver bespoke training').check();
  await waitForSaved(page);
  await page.goto(app.server.url);
  await page.locator('.backup-reminder').waitFor();
  assert.match(await page.locator('.backup-reminder').innerText(), /^2 items have changed since they were last downloaded/);
  await page.reload();
  await page.locator('.backup-reminder').waitFor();
  assert.match(await page.locator('.backup-reminder').innerText(), /^2 items have changed since they were last downloaded/);
  assert.match(await safety.innerText(), /Everything was last downloaded together on \d{1,2}\u00a0[A-Z][a-z]{2}\u00a0\d{4}\./);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a workshop answers file with two people under one id merges as two people', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.getByRole('link', { name: 'New workshop' }).click();
  await page.getByLabel('Trust', { exact: true }).fill('Shared Id Trust');
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await page.getByRole('heading', { level: 1, name: 'Shared Id Trust' }).waitFor();
  const respondents = [
    { id: 'same-device', name: 'Ann Evans', role: 'Board member', placings: { 'governance-s1': { now: 'autonomous', desired: 'aligned', note: 'Ann’s view' } } },
    { id: 'same-device', name: 'Bo Singh', role: 'Headteacher', placings: { 'governance-s1': { now: 'standardised', desired: 'partly_aligned', note: 'Bo’s view' } } },
  ];
  await page.locator('#import-files').setInputFiles({
    name: 'one-device.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'waypoint-aas-responses', schema: 1, trust: 'Shared Id Trust', academy: '', respondents })),
  });
  await page.locator('.import-messages li', { hasText: 'added Ann Evans' }).waitFor();
  await page.locator('.import-messages li', { hasText: 'added Bo Singh' }).waitFor();
  assert.equal(await page.locator('.member-chip').count(), 2);
  const choose = async (name) => {
    await page.locator('label[for^="member-"]', { hasText: name }).click();
    await page.locator('.answering-as', { hasText: `Answering as ${name}` }).waitFor();
  };
  const ownAnswers = async () => {
    await choose('Ann Evans');
    assert.ok(await page.locator('#governance-s1-now-autonomous').isChecked(), 'Ann: now');
    assert.ok(await page.locator('#governance-s1-want-aligned').isChecked(), 'Ann: wanted');
    assert.equal(await page.locator('#governance-s1-note').inputValue(), 'Ann’s view');
    await choose('Bo Singh');
    assert.ok(await page.locator('#governance-s1-now-standardised').isChecked(), 'Bo: now');
    assert.ok(await page.locator('#governance-s1-want-partly_aligned').isChecked(), 'Bo: wanted');
    assert.equal(await page.locator('#governance-s1-note').inputValue(), 'Bo’s view');
  };
  await ownAnswers();
  // An answer given to one of them stays theirs.
  await page.locator('label[for="governance-s2-now-aligned"]').click();
  await choose('Ann Evans');
  assert.equal(await page.locator('#governance-s2-now-aligned').isChecked(), false, 'Bo’s new answer is not Ann’s');
  await waitForSaved(page);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Shared Id Trust' }).waitFor();
  assert.equal(await page.locator('.member-chip').count(), 2);
  await ownAnswers();
  const [workshop] = await storedRecords(page, 'workshop');
  const ids = workshop.respondents.map((r) => r.id);
  assert.equal(new Set(ids).size, 2, `two ids: ${ids.join(', ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A trust's file of `schools` × `perSchool` assessments in the previous version's format. */
function trustFile(schools, perSchool, { answers = 6, note = '' } = {}) {
  const features = ['stabilise-1', 'stabilise-2', 'repair-1', 'repair-2', 'improve-1', 'improve-2', 'sustain-1', 'sustain-2'];
  const levels = ['not_seen', 'partly', 'clearly'];
  const assessments = [];
  for (let s = 0; s < schools; s++) {
    const school = `Hillcrest ${String(s + 1).padStart(3, '0')} Primary`;
    for (let a = 0; a < perSchool; a++) {
      const answered = {};
      for (let f = 0; f < answers; f++) {
        answered[features[f]] = note ? { level: levels[(s + a + f) % 3], note } : { level: levels[(s + a + f) % 3] };
      }
      const scope = a === 0 ? { kind: 'whole_school' } : { kind: 'subject', name: `Subject ${a}` };
      const day = String((a % 28) + 1).padStart(2, '0');
      assessments.push({
        id: `s${s}-a${a}`, school, scope, date: `2025-${String((a % 12) + 1).padStart(2, '0')}-${day}`,
        assessors: '', created_ms: 1767000000000 + s * 1000 + a, updated_ms: 1767000000000 + s * 1000 + a, answers: answered,
      });
    }
  }
  return JSON.stringify({ format: 'waypoint', schema: 4, assessments, workshops: [], trajectories: [], plans: [] });
}

/** Watches the page for long tasks and for the import's progress bar. */
const watchImport = () => {
  window.__longTasks = [];
  window.__sawProgress = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
  }).observe({ entryTypes: ['longtask'] });
  // What the import was doing when: to tell which step a long task belongs to.
  window.__phases = [];
  let last = '';
  new MutationObserver(() => {
    const bar = document.querySelector('.import-progress progress');
    if (bar) window.__sawProgress = Math.max(window.__sawProgress, Number(bar.value) || 0, 1);
    const label = document.querySelector('.import-progress label')?.textContent.replace(/: \d+ of \d+$/, '')
      ?? (document.querySelector('.import-messages li') ? 'done' : '');
    if (!window.__listAt && document.querySelector('.school-group')) {
      window.__listAt = Math.round(performance.now());
      window.__phases.push({ at: window.__listAt, label: 'the list first drawn' });
    }
    if (label !== last) {
      window.__phases.push({ at: Math.round(performance.now()), label });
      last = label;
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true });
};

test('a trust of 5,000 assessments imports without freezing the page and lists quickly after a reload', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  const dir = await mkdtemp(join(tmpdir(), 'waypoint-e2e-'));
  const path = join(dir, 'trust-5000.json');
  const text = trustFile(200, 25);
  await writeFile(path, text);
  await page.evaluate(watchImport);
  const started = Date.now();
  await importFile(page, path);
  await page.locator('.import-messages li', { hasText: 'trust-5000.json: imported' }).waitFor({ timeout: 120000 });
  const importMs = Date.now() - started;
  const message = await page.locator('.import-messages li', { hasText: 'trust-5000.json' }).innerText();
  assert.match(message, /imported \(5000 added\)/);
  const { longTasks, sawProgress, phases } = await page.evaluate(() => ({ longTasks: window.__longTasks, sawProgress: window.__sawProgress, phases: window.__phases }));
  const longest = longTasks.reduce((m, t) => Math.max(m, t.duration), 0);
  // Each long task with the step that was showing when it started.
  const during = (t) => [...phases].reverse().find((p) => p.at <= t.start)?.label || 'before the first progress';
  const described = longTasks.map((t) => `${t.duration} ms at ${t.start} ms (${during(t)})`);
  console.log(`import of 5,000 assessments (${(text.length / 1e6).toFixed(1)} MB): ${importMs} ms; ${longTasks.length} long tasks, the longest ${longest} ms: ${described.join('; ')}`);
  console.log(`steps: ${phases.map((p) => `${p.at} ${p.label}`).join(' | ')}`);
  await writeFile(join(ARTIFACTS, 'import-5000.txt'), `file ${text.length} bytes\nimport ${importMs} ms\nlong tasks ${described.join('; ')}\nlongest ${longest} ms\nsteps ${JSON.stringify(phases)}\n`);
  assert.ok(sawProgress > 0, 'the progress bar was shown');
  // The page must not freeze as it did (one 4 s task). The 100 ms budget is a figure of the
  // benchmark (scripts/bench.sh), measured on a quiet machine, not a timed test.
  assert.ok(longest <= 1000, `no long freeze during the import (longest task ${longest} ms)`);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('waypoint.assessment.')).length), 5000);

  // After a reload the first page of schools is there within a few seconds.
  const reloaded = Date.now();
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('.school-group').length === 10, null, { timeout: 20000 });
  const listMs = Date.now() - reloaded;
  console.log(`home page with 5,000 assessments: first page of schools ${listMs} ms after the reload`);
  await writeFile(join(ARTIFACTS, 'import-5000.txt'), `list after reload ${listMs} ms\n`, { flag: 'a' });
  assert.ok(listMs < 4000, `the first page of schools showed ${listMs} ms after the reload`);
  assert.match(await page.locator('.pager').innerText(), /Page 1 of 20/);
  assert.match(await page.locator('.list-tools').innerText(), /200 schools/);
  await page.screenshot({ path: join(ARTIFACTS, 'home-5000.png'), fullPage: true });
  await page.screenshot({ path: join(ARTIFACTS, 'home-5000-top.png') });
  await page.locator('.pager').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'home-5000-pager.png') });
  // The search finds one school among 200.
  const search = page.getByLabel('Find a school, team or date');
  await search.fill('Hillcrest 137');
  await page.waitForFunction(() => document.querySelectorAll('.school-group').length === 1);
  assert.equal(await page.locator('.school-name').innerText(), 'Hillcrest 137 Primary');
  assert.match(await page.locator('.school-group').innerText(), /25 assessments/);
  await search.fill('');
  await page.waitForFunction(() => document.querySelectorAll('.school-group').length === 10);
  // The pager: "Next" is enabled on page 1 of 20 and says only "Next".
  const next = page.locator('.pager').getByRole('button', { name: 'Next' });
  assert.equal((await next.innerText()).trim(), 'Next');
  assert.ok(await next.isEnabled(), 'Next is enabled on page 1 of 20');
  await next.click();
  await page.getByText('Page 2 of 20').waitFor();
  assert.equal(await page.locator('.school-group').count(), 10);
  assert.ok(await page.locator('.pager').getByRole('button', { name: 'Previous' }).isEnabled());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file too big for the browser storage is refused, saying how much would fit, and nothing is added', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Already Here School' });
  await answer(page, 'stabilise-1', 'Clearly');
  await page.goto(app.server.url);
  await page.locator('.assessment-row').waitFor();
  await waitForSaved(page);
  const before = await storageSnapshot(page);
  const dir = await mkdtemp(join(tmpdir(), 'waypoint-e2e-'));
  const path = join(dir, 'too-big.json');
  const text = trustFile(48, 25, { answers: 6, note: 'Observed in lessons and in the books. '.repeat(50).trim() });
  assert.ok(text.length > 12e6 && text.length < 20e6, `file of ${(text.length / 1e6).toFixed(1)} MB`);
  await writeFile(path, text);
  await page.evaluate(watchImport);
  await importFile(page, path);
  const problem = page.locator('.import-messages li.problem', { hasText: 'too-big.json' });
  await problem.waitFor({ timeout: 120000 });
  const said = await problem.innerText();
  console.log(said);
  assert.match(said, /too-big\.json: not imported, because it would not fit in this browser's storage.*enough for about \d+ of its 1200 items\. Nothing was changed\./s);
  const fits = Number(said.match(/enough for about (\d+) of/)[1]);
  assert.ok(fits > 0 && fits < 1200, `about ${fits} would fit`);
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(`refusing the ${(text.length / 1e6).toFixed(1)} MB file: ${longTasks.length} long tasks, the longest ${longTasks.reduce((m, t) => Math.max(m, t.duration), 0)} ms`);
  assert.deepEqual(await storageSnapshot(page), before, 'nothing was written');
  assert.equal(await page.locator('.school-group').count(), 1, 'nothing was added to the list');
  await page.reload();
  await page.locator('.assessment-row').waitFor();
  assert.equal(await page.locator('.assessment-row').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an answer whose save failed is kept when another tab saves, and saved once there is room', async () => {
  // This tab's storage refuses writes while `fill-quota` is set (its session only).
  const init = refuseWritesWhenAsked;
  const { context, page, errors } = await openApp(app.browser, app.server.url, { init });
  await createAssessment(page, { school: 'Failed Save Primary' });
  const id = idInUrl(page);
  await page.evaluate(() => sessionStorage.setItem('fill-quota', 'yes'));
  await answer(page, 'repair-1', 'Clearly');
  await page.locator('.banner.error').waitFor();
  // Another tab (storage working) answers another feature of the same assessment.
  const other = await context.newPage();
  await other.goto(page.url());
  await other.waitForSelector('.assessment-layout');
  await answer(other, 'sustain-2', 'Partly');
  await waitForStoredAnswer(other, id, 'sustain-2', { level: 'partly' });
  // This tab took in the other's answer and still has its own, unsaved one.
  await showPart(page, 'Sustain');
  await page.waitForFunction(() => document.querySelector('#s-sustain-2-partly')?.checked);
  await showPart(page, 'Repair');
  assert.ok(await page.locator('#s-repair-1-clearly').isChecked(), 'the failed answer is still on the page');
  // Room again: "Try saving again" saves both answers.
  await page.evaluate(() => sessionStorage.setItem('fill-quota', 'no'));
  await page.locator('.banner.error').getByRole('button', { name: 'Try saving again' }).click();
  await page.locator('.banner.error').waitFor({ state: 'detached' });
  const stored = await storedAssessment(page, id);
  assert.equal(answerOf(stored, 'repair-1')?.level, 'clearly');
  assert.equal(answerOf(stored, 'sustain-2')?.level, 'partly');
  assert.deepEqual(errors.filter((e) => !/quota/i.test(e)), []);
  await context.close();
});

test('workshops of the same trust share one trust record', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  for (const date of ['2025-11-20', '2026-11-19']) {
    await page.goto(`${app.server.url}#/workshop/new`);
    await page.getByLabel('Trust', { exact: true }).fill(date.startsWith('2025') ? 'Oak Learning Trust' : '  oak learning TRUST ');
    await page.getByLabel('Date', { exact: true }).fill(date);
    await page.getByRole('button', { name: 'Start workshop' }).click();
    await page.waitForURL(/#\/workshop\/[A-Za-z0-9_-]+$/);
  }
  const meta = await storedMeta(page);
  assert.equal(meta.trusts.length, 1, 'one trust, whatever its spelling');
  const workshops = await storedRecords(page, 'workshop');
  assert.equal(workshops.length, 2);
  assert.ok(workshops.every((w) => w.trust_id === meta.trusts[0].id));
  assert.deepEqual(errors, []);
  await context.close();
});
