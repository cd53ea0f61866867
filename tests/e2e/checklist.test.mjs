// The four-stage checklist as a headteacher uses it: create, answer, read the result and
// chart, reload, manage the list; and the paths where storage or input misbehave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  useApp, openApp, createAssessment, answer, drawnPixels, chartImage, ARTIFACTS,
  idInUrl, storedAssessment, storedRecords, storedMeta, unreadableKeys, shownDate, todayIso, answerOf, waitForStoredAnswer, refuseWritesWhenAsked,
  noteField, partCount, showFigures, showNextSteps, showPart,
} from './harness.mjs';

const app = useApp();

const STABILISE = ['stabilise-1', 'stabilise-2', 'stabilise-3', 'stabilise-4', 'stabilise-5', 'stabilise-6', 'stabilise-7', 'stabilise-8'];
const REPAIR = ['repair-1', 'repair-2', 'repair-3', 'repair-4', 'repair-5', 'repair-6', 'repair-7'];
const IMPROVE = ['improve-1', 'improve-2', 'improve-3', 'improve-4', 'improve-5', 'improve-6', 'improve-7'];

test('create an assessment, answer it, see the result and chart, and find it all after a reload', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.getByRole('heading', { name: 'Where is your school on its improvement journey?' }).waitFor();
  await createAssessment(page, { school: 'Oakfield Primary', scope: 'subject', scopeName: 'Maths', assessors: 'J. Patel' });
  await page.getByRole('heading', { level: 1, name: 'Oakfield Primary' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus moves to the new page');
  assert.match(await page.locator('.assessment-head .meta').innerText(), /Subject: Maths.*23\u00a0Nov\u00a02026.*J\. Patel/s);
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'No stage yet');
  assert.equal(await page.locator('.progress label').innerText(), '0 of 28 answered');

  for (const id of STABILISE) await answer(page, id, 'Not seen');
  for (const id of REPAIR) await answer(page, id, 'Partly');
  for (const id of IMPROVE) await answer(page, id, 'Clearly');
  await answer(page, 'improve-7', 'Partly');
  await (await noteField(page, 'repair-7')).fill('Low-level disruption in Year 9 after lunch; see behaviour log.');

  assert.equal(await page.locator('.progress label').innerText(), '22 of 28 answered');
  assert.equal(await partCount(page, 'Stabilise').innerText(), '8 of 8 answered');
  assert.equal(await partCount(page, 'Sustain').innerText(), '0 of 6 answered');
  // No stage has been suggested yet: Sustain has no answers.
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'Provisional');
  assert.match(await page.locator('.best-fit .stage-summary').innerText(), /lean towards Improve/);
  assert.match(await page.locator('.caveats').innerText(), /with 3 or more in every stage \(still short: Sustain 0\)/);
  assert.match(await page.locator('.caveats').innerText(), /Sustain is left out of the best fit/);
  for (const id of ['sustain-1', 'sustain-2', 'sustain-3']) await answer(page, id, 'Not seen');
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'Improve');
  assert.match(await page.locator('.best-fit .stage-summary').innerText(), /Improvement is secure and spreading/);
  // Waypoint's words are marked, with the key once on the page (not a note on every panel).
  assert.equal(await page.locator('.best-fit .stage-summary .waypoint-mark').getAttribute('aria-label'), "(Waypoint's words)");
  assert.equal(await page.locator('.waypoint-key').count(), 1);
  assert.match(await page.locator('.caveats').innerText(), /3 features are still unanswered/);
  // The per-theme table alternative to the chart.
  await showFigures(page);
  const behaviour = page.locator('.profile-table tr', { hasText: 'Behaviour and attendance' });
  // Repair's and Improve's behaviour features both only partly seen: neither is reached.
  assert.match(await behaviour.innerText(), /^Behaviour and attendance\s+–/);
  assert.match(await page.locator('.profile-table tr', { hasText: 'Overall' }).innerText(), /Improve\s+0%\s+50%\s+93%\s+0%/);
  // Next steps describe the next stage in Carter's words; they do not demand it.
  await showNextSteps(page);
  const steps = await page.locator('.next-steps').innerText();
  assert.match(steps, /What Sustain looks like, in Carter's words/);
  assert.match(steps, /not a list of targets/);
  assert.doesNotMatch(steps, /To reach|need to be clearly seen/);
  // The chart drew: many non-white pixels, and it redraws when an answer changes.
  const inked = await drawnPixels(page);
  assert.ok(inked > 5000, `chart pixels: ${inked}`);
  const before = await chartImage(page);
  await page.screenshot({ path: join(ARTIFACTS, 'assessment-desktop.png'), fullPage: true });
  // Repair only partly seen (half of it) is not reached: Waypoint names no stage, and
  // says which is nearest.
  for (const id of IMPROVE) await answer(page, id, 'Not seen');
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'No stage yet');
  assert.match(await page.locator('.caveats').innerText(), /No stage is reached yet[\s\S]*The nearest is Repair \(3½ of 7 seen\)/);
  assert.ok((await chartImage(page)) !== before, 'the chart redrew');

  await page.reload();
  await page.waitForSelector('.assessment-layout');
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'No stage yet');
  assert.equal(await page.locator('.progress label').innerText(), '25 of 28 answered');
  // A note already written is shown open; the others stay behind "Add a note".
  await page.getByRole('button', { name: /Repair/ }).first().click();
  assert.ok(await page.locator('#s-repair-7-note').isVisible(), 'a written note stays open');
  assert.equal(await page.locator('#s-repair-7-note').inputValue(), 'Low-level disruption in Year 9 after lunch; see behaviour log.');
  assert.equal(await page.locator('#s-repair-6-note').isVisible(), false, 'an empty note waits behind Add a note');
  assert.equal(await page.locator('fieldset[data-feature="repair-6"] summary').innerText(), 'Add a note');
  assert.ok(await page.locator('#s-repair-1-partly').isChecked());
  assert.ok((await drawnPixels(page)) > 5000);

  // Theme by theme shows the same answers.
  await page.getByText('Theme by theme').click();
  await showPart(page, 'Behaviour and attendance');
  assert.ok(await page.locator('#behaviour-repair-7-partly').isChecked());
  assert.equal(await page.locator('#behaviour-repair-1-partly').count(), 0, 'leadership features are not under behaviour');
  await showPart(page, 'Leadership');
  assert.ok(await page.locator('#leadership-repair-1-partly').isChecked());
  assert.deepEqual(errors, []);
  await context.close();
});

test('Stabilise concerns are red flags at the top of the result, come first as the stage, and mark their themes', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Larch Primary' });
  for (const id of STABILISE) await answer(page, id, ['stabilise-4', 'stabilise-5'].includes(id) ? 'Clearly' : 'Not seen');
  for (const id of REPAIR) await answer(page, id, 'Not seen');
  for (const id of IMPROVE) await answer(page, id, 'Partly');
  for (let i = 1; i <= 6; i++) await answer(page, `sustain-${i}`, 'Clearly');
  const flags = page.locator('.best-fit .red-flags');
  assert.match(await flags.innerText(), /Red flags: 2 Stabilise concerns are seen[\s\S]*Pupil attendance and PA below national floor[\s\S]*Significant financial risk or mismanagement/);
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'Stabilise');
  assert.equal(await page.locator('.best-fit .concerns-first').innerText(), 'The other answers fit Sustain; these concerns come first.');
  await showFigures(page);
  assert.match(await page.locator('.profile-table tr', { hasText: 'Governance and finance' }).innerText(), /Stabilise[\s\S]*⚑ 1 concern; other answers fit Sustain/);
  await showNextSteps(page);
  assert.match(await page.locator('.next-steps').innerText(), /Stabilise concerns to remove first[\s\S]*Every Sustain feature is clearly seen/);
  await page.screenshot({ path: join(ARTIFACTS, 'red-flags.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the list: schools with their assessments; open, reassess this term, rename the school, delete with confirmation and undo', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Elm Academy', date: '2026-07-10' });
  const first = idInUrl(page);
  await answer(page, 'stabilise-1', 'Clearly');
  await page.getByRole('link', { name: 'Your assessments' }).click();
  const groups = page.locator('.school-group');
  const rows = page.locator('.assessment-row');
  await groups.first().waitFor();
  assert.equal(await groups.count(), 1);
  assert.equal(await groups.first().locator('.school-name').innerText(), 'Elm Academy');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().locator('.row-title').innerText(), 'Whole school');
  assert.match(await rows.first().locator('.meta').innerText(), new RegExp(shownDate('2026-07-10')));
  assert.equal(await groups.first().locator('.term-heading').textContent(), 'Summer term 2025/26');
  // One answer is not enough to suggest a stage.
  assert.equal(await rows.first().locator('.stage-badge').innerText(), 'Provisional');

  // Reassess now: a new assessment of the same school from the last answers, on
  // the date the user gives (today, unless changed).
  await rows.first().getByRole('link', { name: /Reassess now/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Reassess Elm Academy' }).waitFor();
  assert.equal(await page.getByLabel('Date of the new assessment').inputValue(), todayIso());
  await page.getByRole('button', { name: 'Start the reassessment' }).click();
  await page.waitForSelector('.assessment-layout');
  const second = idInUrl(page);
  assert.notEqual(second, first);
  await page.getByRole('heading', { level: 1, name: 'Elm Academy' }).waitFor();
  assert.ok(await page.locator('#s-stabilise-1-clearly').isChecked(), 'the reassessment starts from the last answers');
  assert.match(await page.locator('.prefill-banner').innerText(), new RegExp(`Pre-filled from ${shownDate('2026-07-10')}: review each answer\\.[\\s\\S]*0 of 28 reviewed · 0 changed`));
  assert.match(await page.locator('.assessment-head .meta').innerText(), new RegExp(shownDate(todayIso())));
  await page.getByRole('link', { name: 'Your assessments' }).click();
  await page.locator('.school-group').first().waitFor();
  assert.equal(await groups.count(), 1, 'both under the one school');
  assert.equal(await rows.count(), 2);

  // Rename the school on its own page: both assessments follow it.
  await groups.first().locator('.school-name a').click();
  await page.getByRole('heading', { level: 1, name: 'Elm Academy' }).waitFor();
  await page.getByRole('button', { name: 'Rename school' }).click();
  await page.getByLabel("School's new name").fill('Birch Academy');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('heading', { level: 1, name: 'Birch Academy' }).waitFor();
  await page.goBack();
  await page.locator('.school-name', { hasText: 'Birch Academy' }).waitFor();
  assert.equal(await page.locator('.school-name', { hasText: 'Elm Academy' }).count(), 0);
  assert.equal(await rows.count(), 2);

  const reassessed = page.locator('.assessment-row', { has: page.locator(`a[href="#/assessment/${second}"]`) });
  await reassessed.getByRole('button', { name: 'Delete' }).click();
  await reassessed.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await rows.count(), 2, 'cancel keeps it');
  await reassessed.getByRole('button', { name: 'Delete' }).click();
  await reassessed.getByRole('button', { name: 'Yes, delete' }).click();
  assert.equal(await rows.count(), 1);
  assert.match(await page.locator('.toast').innerText(), /Deleted “Birch Academy”/);
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  assert.equal(await rows.count(), 2);

  await page.reload();
  await page.waitForSelector('.assessment-row');
  assert.deepEqual(await page.locator('.school-name').allInnerTexts(), ['Birch Academy']);
  assert.deepEqual(await page.locator('.row-title').allInnerTexts(), ['Whole school', 'Whole school']);
  await page.locator(`.assessment-row .row-title a[href="#/assessment/${second}"]`).click();
  await page.getByRole('heading', { level: 1, name: 'Birch Academy' }).waitFor();
  assert.ok(await page.locator('#s-stabilise-1-clearly').isChecked(), 'the undone reassessment kept its answers');
  // Stored as one record per assessment, both pointing at the one school record.
  const stored = await storedRecords(page, 'assessment');
  const meta = await storedMeta(page);
  assert.equal(stored.length, 2);
  assert.equal(meta.schools.length, 1);
  assert.equal(meta.schools[0].name, 'Birch Academy');
  assert.ok(stored.every((a) => a.school_id === meta.schools[0].id && !('school' in a)));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a typed name that only looks like a kept school is put to the user, and look-alike schools can be merged', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: "St Aidan's CE Primary" });
  await page.getByRole('link', { name: 'Your assessments' }).click();
  await page.getByRole('link', { name: 'New assessment' }).first().click();
  await page.waitForSelector('form.details-form');
  const school = page.getByLabel('School', { exact: true });
  // The kept schools are offered as the user types.
  assert.deepEqual(await page.$$eval('datalist option', (os) => os.map((o) => o.value)), ["St Aidan's CE Primary"]);
  await school.fill("St Aidan's CE Primary School");
  await page.getByRole('button', { name: 'Start assessment' }).click();
  const question = page.getByRole('group', { name: "Is “St Aidan's CE Primary School” a school already in Waypoint?" });
  await question.waitFor();
  assert.equal(await page.locator('.assessment-layout').count(), 0, 'nothing is made until the user answers');
  await question.getByLabel("Yes, it is “St Aidan's CE Primary”").check();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.waitForSelector('.assessment-layout');
  await page.getByRole('heading', { level: 1, name: "St Aidan's CE Primary" }).waitFor();
  await page.getByRole('link', { name: 'Your assessments' }).click();
  await page.locator('.school-group').first().waitFor();
  assert.equal(await page.locator('.school-group').count(), 1, 'one school, two assessments');
  assert.equal(await page.locator('.assessment-row').count(), 2);
  assert.equal((await storedMeta(page)).schools.length, 1);

  // Said to be a different school: a second school, which the home page then asks about.
  await page.getByRole('link', { name: 'New assessment' }).first().click();
  await page.waitForSelector('form.details-form');
  await page.getByLabel('School', { exact: true }).fill("St Aidan's CE Primary School");
  await page.getByRole('button', { name: 'Start assessment' }).click();
  const again = page.getByRole('group', { name: "Is “St Aidan's CE Primary School” a school already in Waypoint?" });
  await again.waitFor();
  await again.getByLabel("No, “St Aidan's CE Primary School” is a different school").check();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.waitForSelector('.assessment-layout');
  await page.getByRole('link', { name: 'Your assessments' }).click();
  await page.locator('.school-group').first().waitFor();
  assert.equal(await page.locator('.school-group').count(), 2);
  const panel = page.locator('.school-duplicates');
  await panel.getByRole('heading', { name: 'Are these the same school?' }).waitFor();
  // The school with more assessments, and its name, are kept.
  await panel.getByRole('button', { name: "Same school: keep “St Aidan's CE Primary”" }).click();
  await panel.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.school-group').count(), 1);
  assert.equal(await page.locator('.school-name').innerText(), "St Aidan's CE Primary");
  assert.equal(await page.locator('.assessment-row').count(), 3);
  await page.reload();
  await page.locator('.school-group').waitFor();
  assert.equal(await page.locator('.school-group').count(), 1);
  assert.equal(await page.locator('.school-duplicates').count(), 0);
  const meta = await storedMeta(page);
  assert.deepEqual(meta.schools.map((x) => x.name), ["St Aidan's CE Primary"]);
  assert.ok((await storedRecords(page, 'assessment')).every((a) => a.school_id === meta.schools[0].id));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the form says what is missing and creates nothing until it is right', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await page.getByRole('link', { name: /start your first/i }).click();
  await page.getByLabel('Date').fill('');
  await page.getByRole('button', { name: 'Start assessment' }).click();
  // Every problem at once, at the top of the form, each linked to its field, which is marked.
  const summary = page.locator('.error-summary');
  assert.equal(await summary.locator('h2').innerText(), 'There is a problem');
  assert.deepEqual(await summary.locator('li').allInnerTexts(), ["Enter the school's name.", 'Enter the date of the assessment as a real date.']);
  assert.equal(await page.evaluate(() => document.activeElement.className), 'error-summary', 'focus moves to the summary');
  assert.equal(await page.getByLabel('School', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('.field-with-error').count(), 2);
  assert.equal(await page.locator('.field-with-error .field-error-message').first().textContent(), "Error: Enter the school's name.");
  await summary.getByRole('link', { name: 'Enter the date of the assessment as a real date.' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.type), 'date', 'the link takes the user to the field');
  assert.equal(new URL(page.url()).hash, '#/new', 'without leaving the form');
  await page.getByLabel('Date').fill('2026-11-23');
  await page.getByLabel('School', { exact: true }).fill('Ash School');
  await page.getByLabel('What are you assessing?').selectOption('year_group');
  await page.getByRole('button', { name: 'Start assessment' }).click();
  assert.deepEqual(await summary.locator('li').allInnerTexts(), ['Enter the name of the year group.']);
  assert.equal(await page.locator('.field-with-error').count(), 1, 'fixed fields are no longer marked');
  assert.equal(await page.getByLabel('School', { exact: true }).getAttribute('aria-invalid'), null);
  await page.getByLabel('Name of the year group').fill('Year 6');
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ash School' }).waitFor();
  assert.match(await page.locator('.assessment-head .meta').innerText(), /Year group: Year 6/);
  await context.close();
});

test('answering by keyboard alone', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Keyboard School' });
  await page.locator('#s-stabilise-1-not_seen').focus();
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.locator('#s-stabilise-1-partly').isChecked());
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.locator('#s-stabilise-1-clearly').isChecked());
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // the "Clear" button follows the group
  assert.equal(await page.locator('#s-stabilise-1-clearly').isChecked(), false);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // "Add a note" opens the note
  await page.keyboard.press('Tab');
  await page.keyboard.type('Typed by keyboard');
  assert.equal(await page.locator('#s-stabilise-1-note').inputValue(), 'Typed by keyboard');
  await context.close();
});

test('odd text is kept exactly and shown inertly', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const hostile = '<img src=x onerror=alert(1)>🏫 مدرسة النور';
  const longNote = 'Evidence '.repeat(1000) + '<script>alert("x")</script> ✅';
  await createAssessment(page, { school: hostile, assessors: 'Zoë O’Brien-Łukasz' });
  await (await noteField(page, 'sustain-2')).fill(longNote);
  await page.reload();
  await page.waitForSelector('.assessment-layout');
  assert.equal(await page.locator('h1').innerText(), hostile);
  const kept = await (await noteField(page, 'sustain-2')).inputValue();
  assert.ok(kept === longNote, `a ${longNote.length}-character note came back as ${kept.length} characters`);
  // Notes stop at 10,000 characters rather than filling the browser's storage.
  await (await noteField(page, 'sustain-3')).fill('x'.repeat(12000));
  assert.equal((await page.locator('#s-sustain-3-note').inputValue()).length, 10000);
  assert.equal(await page.locator('main img').count(), 0, 'no element was made from the text');
  assert.equal(dialogs, 0, 'no script ran');
  await page.setViewportSize({ width: 360, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scroll at 360 px (overflow ${overflow})`);
  await page.screenshot({ path: join(ARTIFACTS, 'assessment-phone.png') });
  await context.close();
});

test('an older single-key store is moved to one record per item', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  const old = {
    format: 'waypoint', schema: 4,
    assessments: [
      { id: 'old1', school: 'Old Store School', scope: { kind: 'whole_school' }, date: '2025-03-01', assessors: '', answers: { 'stabilise-1': { level: 'clearly', note: 'Kept from format 4' } }, created_ms: 1740787200000, updated_ms: 1740787200000 },
      { id: 'old2', school: 'Old Store School', scope: { kind: 'subject', name: 'Maths' }, date: '2025-03-02', assessors: '', answers: {}, created_ms: 1740873600000, updated_ms: 1740873600000 },
    ],
    workshops: [], trajectories: [], plans: [],
  };
  await page.evaluate((text) => localStorage.setItem('waypoint.store', text), JSON.stringify(old));
  await page.reload();
  await page.locator('.school-name', { hasText: 'Old Store School' }).waitFor();
  assert.equal(await page.locator('.assessment-row').count(), 2);
  await page.waitForFunction(() => localStorage.getItem('waypoint.assessment.old1') !== null);
  const moved = await page.evaluate(() => ({
    legacy: JSON.parse(localStorage.getItem('waypoint.store')),
    meta: JSON.parse(localStorage.getItem('waypoint.meta')),
    old1: JSON.parse(localStorage.getItem('waypoint.assessment.old1')),
    old2: JSON.parse(localStorage.getItem('waypoint.assessment.old2')),
  }));
  assert.deepEqual(moved.legacy, { format: 'waypoint', schema: 5, layout: 'records' });
  assert.equal(moved.meta.schema, 5);
  assert.deepEqual(moved.meta.schools.map((s) => s.name), ['Old Store School']);
  assert.equal(moved.old1.school_id, moved.meta.schools[0].id);
  assert.equal(moved.old2.school_id, moved.meta.schools[0].id);
  assert.deepEqual(answerOf(moved.old1, 'stabilise-1'), { level: 'clearly', note: 'Kept from format 4' });
  assert.deepEqual(await unreadableKeys(page), []);
  // Moved once: a reload reads the records and leaves them as they are.
  await page.reload();
  await page.locator('.school-name', { hasText: 'Old Store School' }).waitFor();
  assert.equal(await page.locator('.assessment-row').count(), 2);
  assert.deepEqual(await storedAssessment(page, 'old1'), moved.old1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('corrupted storage: the app starts, says so, keeps the data aside and offers it', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  const broken = '{"format":"waypoint","schema":1,"assessments":[{"id":"x1","school":"Lost Sch';
  await page.evaluate((text) => localStorage.setItem('waypoint.store', text), broken);
  await page.reload();
  const banner = page.locator('.banner.warning');
  await banner.waitFor();
  assert.match(await banner.innerText(), /could not read some of the data saved in this browser: the data is not valid JSON/);
  assert.match(await banner.innerText(), /kept aside, not deleted/);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('waypoint.unreadable.')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, [broken]);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Download the unreadable data' }).click(),
  ]);
  assert.equal(await readFile(await download.path(), 'utf8'), broken);
  // The app still works, and the kept copy survives new saves.
  await createAssessment(page, { school: 'Fresh Start School' });
  const id = idInUrl(page);
  await answer(page, 'repair-1', 'Clearly');
  // Answers are saved a moment later: wait for that save before looking.
  const stored = await waitForStoredAnswer(page, id, 'repair-1', { level: 'clearly' });
  const meta = await storedMeta(page);
  assert.equal(meta.schools.find((s) => s.id === stored.school_id)?.name, 'Fresh Start School');
  assert.equal((await unreadableKeys(page)).length, 1);
  await page.screenshot({ path: join(ARTIFACTS, 'corrupted-storage.png') });
  // Reloading with the damaged data still there keeps it aside once, not once a load.
  await page.reload();
  await page.waitForSelector('.assessment-layout');
  await page.reload();
  await page.waitForSelector('.assessment-layout');
  assert.equal((await unreadableKeys(page)).length, 1);
  await showPart(page, 'Repair');
  assert.ok(await page.locator('#s-repair-1-clearly').isChecked());

  // Data from a newer version is refused with a reason, not misread, and not saved over.
  const newer = '{"format":"waypoint","schema":99,"schools":[],"trusts":[]}';
  await page.evaluate((text) => localStorage.setItem('waypoint.meta', text), newer);
  await page.reload();
  const refusal = page.locator('.banner', { hasText: 'A newer version of Waypoint is in use' });
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /newer format than this page reads/);
  assert.equal(await page.evaluate(() => localStorage.getItem('waypoint.meta')), newer);
  await context.close();

  // A fresh browser whose only data is an old-style store from a newer version.
  const other = await openApp(app.browser, app.server.url);
  await other.page.evaluate(() => localStorage.setItem('waypoint.store', '{"format":"waypoint","schema":99,"assessments":[]}'));
  await other.page.reload();
  await other.page.locator('.banner', { hasText: 'A newer version of Waypoint is in use' }).waitFor();
  assert.equal(await other.page.evaluate(() => localStorage.getItem('waypoint.store')), '{"format":"waypoint","schema":99,"assessments":[]}');
  await other.context.close();
});

test('a full storage quota: the user is told, and nothing typed is lost from the page', async () => {
  const init = refuseWritesWhenAsked;
  const { context, page } = await openApp(app.browser, app.server.url, { init });
  await createAssessment(page, { school: 'Quota School' });
  const id = idInUrl(page);
  await page.evaluate(() => sessionStorage.setItem('fill-quota', 'yes'));
  await answer(page, 'improve-3', 'Clearly');
  await (await noteField(page, 'improve-3')).fill('Governors challenged the maths data in October.');
  const banner = page.locator('.banner.error');
  await banner.waitFor();
  assert.match(await banner.innerText(), /could not be saved in this browser: the browser's storage for this site is full/);
  assert.match(await page.locator('.save-status').innerText(), /Not saved/);
  assert.equal(await page.locator('#s-improve-3-note').inputValue(), 'Governors challenged the maths data in October.');
  assert.ok(await page.locator('#s-improve-3-clearly').isChecked());
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Download a copy' }).click(),
  ]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(answerOf(saved.assessments[0], 'improve-3'), { level: 'clearly', note: 'Governors challenged the maths data in October.' });
  // Space is freed: trying again saves everything.
  await page.evaluate(() => sessionStorage.setItem('fill-quota', 'no'));
  await banner.getByRole('button', { name: 'Try saving again' }).click();
  await banner.waitFor({ state: 'detached' });
  const stored = await storedAssessment(page, id);
  assert.deepEqual(answerOf(stored, 'improve-3'), { level: 'clearly', note: 'Governors challenged the maths data in October.' });
  await context.close();
});

test('storage blocked by the browser: the app works on the page and says nothing is saved', async () => {
  const init = () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  };
  const { context, page, errors } = await openApp(app.browser, app.server.url, { init });
  const banner = page.locator('.banner.error');
  await banner.waitFor();
  assert.match(await banner.innerText(), /not letting Waypoint store data/);
  await createAssessment(page, { school: 'Private Mode School' });
  await answer(page, 'sustain-3', 'Clearly');
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'No stage yet');
  assert.match(await page.locator('.caveats').innerText(), /Improve has no answers yet/);
  assert.match(await page.locator('.save-status').innerText(), /Not saved/);
  assert.deepEqual(errors, []);
  await context.close();
});
