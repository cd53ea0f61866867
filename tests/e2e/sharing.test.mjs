// Sharing results as consultants and trusts do: files out and back in, share links in
// another browser, the printed report, the trust overview and intervention plans; and files
// that must be refused without losing anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, createAssessment, answer, ARTIFACTS, storageSnapshot, noteField, showFigures, shownDate } from './harness.mjs';

const app = useApp();

const STABILISE = ['stabilise-1', 'stabilise-2', 'stabilise-3', 'stabilise-4', 'stabilise-5', 'stabilise-6', 'stabilise-7', 'stabilise-8'];
const SUSTAIN = ['sustain-1', 'sustain-2', 'sustain-3', 'sustain-4', 'sustain-5', 'sustain-6'];
const REPAIR = ['repair-1', 'repair-2', 'repair-3', 'repair-4', 'repair-5', 'repair-6', 'repair-7'];
const IMPROVE = ['improve-1', 'improve-2', 'improve-3', 'improve-4', 'improve-5', 'improve-6', 'improve-7'];

/** An assessment at Improve, every feature answered, with a note. */
async function assessedSchool(page, school = 'Oakfield Primary') {
  await createAssessment(page, { school, assessors: 'J. Patel' });
  for (const id of STABILISE) await answer(page, id, 'Not seen');
  for (const id of REPAIR) await answer(page, id, 'Partly');
  for (const id of IMPROVE) await answer(page, id, 'Clearly');
  for (const id of SUSTAIN) await answer(page, id, 'Not seen');
  await (await noteField(page, 'repair-7')).fill('Behaviour log: fewer incidents 🏫 <b>not bold</b>');
}

async function commission(page, { target, owner = 'Deputy head', start = '2026-09-07', end = '2027-02-12', kind = 'School-to-school intervention', partner = 'Elm Park Academy' }) {
  await page.getByRole('button', { name: 'Commission an intervention' }).click();
  await page.getByLabel(kind).check();
  if (partner) await page.getByLabel(/Supporting school|Trust lead|External provider/).fill(partner);
  await page.getByLabel('Owner').fill(owner);
  await page.getByLabel('Target').fill(target);
  await page.getByLabel('Start').fill(start);
  await page.getByLabel('Time limit').fill(end);
  await page.getByLabel('Success criteria').fill('70% of Year 6 at the expected standard in reading');
  await page.getByRole('button', { name: 'Commission', exact: true }).click();
  await page.locator('.intervention', { hasText: target }).waitFor();
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).first().click()]);
  const path = join(ARTIFACTS, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

test('export, clear the browser, import: the same result page and intervention plan come back', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await assessedSchool(page);
  await commission(page, { target: 'Year 6 reading rises to 70%' });
  // Overdue: the review due on 2026-10-19 has passed (today is later), and is flagged.
  const card = page.locator('.intervention', { hasText: 'Year 6 reading rises to 70%' });
  assert.match(await card.innerText(), /Overdue: the review due on/);
  await card.getByRole('button', { name: 'Record a review' }).click();
  await card.getByLabel('Review date').fill(new Date().toISOString().slice(0, 10));
  await card.getByLabel('Progress').selectOption('on_track');
  await card.getByLabel('What the review found').fill('Guided reading running in all classes');
  await card.getByRole('button', { name: 'Save review' }).click();
  assert.doesNotMatch(await card.innerText(), /Overdue/);
  assert.match(await card.innerText(), /On track – Guided reading/);

  await showFigures(page);
  const resultBefore = await page.locator('.profile-table').innerText();
  const json = await download(page, 'Download file (JSON)');
  assert.match(json.name, /^waypoint-oakfield-primary-\d{4}-\d\d-\d\d\.json$/);
  const doc = JSON.parse(json.text);
  assert.equal(doc.format, 'waypoint');
  assert.equal(doc.assessments.length, 1);
  assert.equal(doc.plans.length, 1);
  const answers = await download(page, 'Answers (CSV)');
  assert.equal(answers.text.trim().split('\r\n').length, 29, 'a header and 28 features');
  assert.match(answers.text, /Behaviour log: fewer incidents/);
  const results = await download(page, 'Results (CSV)');
  assert.match(results.text, /Oakfield Primary,Whole school,2026-11-23,J. Patel,28 of 28,Improve/);
  const png = await download(page, 'Download chart (PNG)');
  assert.ok((await readFile(png.path)).subarray(1, 4).toString() === 'PNG');

  // Clear everything, then import the file on the home page.
  await page.evaluate(() => localStorage.clear());
  await page.goto(app.server.url);
  await page.getByRole('heading', { name: 'Where is your school on its improvement journey?' }).waitFor();
  await page.getByLabel('Choose Waypoint files, or drop them here').setInputFiles(json.path);
  await page.getByText(/imported \(2 added\)/).waitFor();
  await page.locator('.school-group', { hasText: 'Oakfield Primary' }).getByRole('link', { name: 'Open' }).click();
  await page.waitForSelector('.assessment-layout');
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'Improve');
  await showFigures(page);
  assert.equal(await page.locator('.profile-table').innerText(), resultBefore);
  assert.equal(await (await noteField(page, 'repair-7')).inputValue(), 'Behaviour log: fewer incidents 🏫 <b>not bold</b>');
  assert.match(await page.locator('.intervention').textContent(), /Guided reading running/);

  // The same file again changes nothing; a changed copy asks before replacing.
  await page.goto(app.server.url);
  await page.getByLabel('Choose Waypoint files, or drop them here').setInputFiles(json.path);
  await page.getByText(/already here, unchanged/).waitFor();
  const changed = JSON.parse(json.text);
  changed.assessments[0].assessors = 'R. Osei';
  const changedPath = join(ARTIFACTS, 'changed.json');
  await writeFile(changedPath, JSON.stringify(changed));
  await page.getByLabel('Choose Waypoint files, or drop them here').setInputFiles(changedPath);
  const clash = page.getByRole('group', { name: 'Choices for changed.json' });
  await clash.waitFor();
  assert.match(await clash.innerText(), new RegExp(`Assessment “Oakfield Primary”, ${shownDate('2026-11-23')}`));
  await clash.getByRole('button', { name: 'Keep both' }).click();
  // The copy keeps its own intervention plan, so two items are kept beside this browser's.
  await page.getByText(/imported \(0 added, 2 kept beside this browser's copy\)/).waitFor();
  assert.equal(await page.locator('.assessment-list').first().locator('li').count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('refused files say why, by name, and nothing stored is lost', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await assessedSchool(page, 'Keep Me School');
  await page.goto(app.server.url);
  const before = await storageSnapshot(page);
  const files = {
    'broken.json': '{"format":"waypoint","schema":4,"assessments":[',
    'spreadsheet.json': '[["School","Stage"]]',
    'future.json': '{"format":"waypoint","schema":99,"assessments":[]}',
    'hostile.json': JSON.stringify({ format: 'waypoint', schema: 4, assessments: [{ id: 'x', school: '<img src=x onerror=alert(1)>', scope: { kind: 'whole_school' }, date: '2026-01-01', answers: { 'stabilise-1': { level: 'rm -rf' } }, created_ms: 1, updated_ms: 1 }] }),
    'deep.json': '['.repeat(50000) + ']'.repeat(50000),
    'deep-inside.json': `{"format":"waypoint","schema":4,"assessments":[${'['.repeat(50000)}${']'.repeat(50000)}]}`,
  };
  const paths = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(ARTIFACTS, name);
    await writeFile(path, text);
    paths.push(path);
  }
  // A file over the 20 MB limit is refused before it is read.
  const huge = join(ARTIFACTS, 'huge.json');
  await writeFile(huge, Buffer.alloc(21_000_000, 32));
  paths.push(huge);
  await page.getByLabel('Choose Waypoint files, or drop them here').setInputFiles(paths);
  const messages = page.locator('.import .import-messages li.problem');
  await page.waitForFunction(() => document.querySelectorAll('.import .import-messages li.problem').length === 7);
  const text = await messages.allInnerTexts();
  const say = (name) => text.find((t) => t.startsWith(name)) || '';
  assert.match(say('broken.json'), /not valid JSON.*Nothing was changed/);
  assert.match(say('spreadsheet.json'), /not in Waypoint's format/);
  assert.match(say('future.json'), /newer version of Waypoint/);
  assert.match(say('hostile.json'), /assessment 1 \(<img src=x onerror=alert\(1\)>\): unknown variant `rm -rf`, expected one of/);
  // Nesting deep enough to overflow a recursive reader is refused, not a crash.
  assert.match(say('deep.json'), /(not valid JSON|not in Waypoint's format).*Nothing was changed/);
  assert.match(say('deep-inside.json'), /(not valid JSON|damaged).*Nothing was changed/);
  assert.match(say('huge.json'), /21\.0 MB.*up to 20 MB/);
  assert.equal(await page.locator('.import img').count(), 0, 'names are shown as text');
  assert.deepEqual(await storageSnapshot(page), before);
  assert.equal(await page.locator('.assessment-list').first().locator('li').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an imported school whose name only looks like one here is put to the user first', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: "St Aidan's CE Primary" });
  await page.goto(app.server.url);
  const file = (name, id) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'waypoint', schema: 4, assessments: [{ id, school: "St Aidan's CE Primary School", scope: { kind: 'subject', name: 'Maths' }, date: '2026-02-02', assessors: '', answers: {}, created_ms: 1767000000000, updated_ms: 1767000000000 }] })),
  });
  const before = await storageSnapshot(page);
  await page.getByLabel('Choose Waypoint files, or drop them here').setInputFiles(file('aidans.json', 'imp1'));
  const choices = page.getByRole('group', { name: 'Choices for aidans.json' });
  await choices.waitFor();
  const question = choices.getByRole('group', { name: "aidans.json: is “St Aidan's CE Primary School” a school already here?" });
  await question.waitFor();
  assert.deepEqual(await storageSnapshot(page), before, 'nothing is applied before the question is answered');
  // Importing without an answer is refused; cancelling changes nothing.
  await choices.getByRole('button', { name: 'Import', exact: true }).click();
  assert.match(await choices.getByRole('alert').innerText(), /Answer each question about the schools first/);
  await choices.getByRole('button', { name: 'Cancel this import' }).click();
  await page.getByText('aidans.json: import cancelled. Nothing was changed.').waitFor();
  assert.deepEqual(await storageSnapshot(page), before);
  // Again, and this time it is the school already here.
  await page.getByLabel('Choose Waypoint files, or drop them here').setInputFiles(file('aidans-again.json', 'imp2'));
  const again = page.getByRole('group', { name: 'Choices for aidans-again.json' });
  await again.getByLabel("Yes, it is “St Aidan's CE Primary”").check();
  await again.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/aidans-again\.json: imported \(1 added\)/).waitFor();
  assert.equal(await page.locator('.school-group').count(), 1, 'one school');
  assert.deepEqual((await page.locator('.school-group .row-title').allInnerTexts()).sort(), ['Subject: Maths', 'Whole school']);
  assert.equal(await page.locator('.school-name').innerText(), "St Aidan's CE Primary");
  assert.deepEqual(errors, []);
  await context.close();
});

test('a share link opens read-only in a fresh browser profile, with the school\'s intervention plan, and can be saved there', async () => {
  const sender = await openApp(app.browser, app.server.url);
  await assessedSchool(sender.page, 'Ysgol Glan Môr');
  await commission(sender.page, { target: 'Attendance rises to 95%', kind: 'External intervention', partner: 'Attendance advisory service' });
  await sender.page.getByRole('button', { name: 'Create share link' }).click();
  const link = await sender.page.getByLabel('Share link').inputValue();
  assert.match(link, /#\/shared\/[A-Za-z0-9_-]+$/);
  assert.match(await sender.page.locator('.share-result').innerText(), /The link is \d+ characters long\./);
  await writeFile(join(ARTIFACTS, 'share-link.txt'), `${link.length}\n${link}\n`);
  const stageThere = await sender.page.locator('.best-fit .stage-badge').innerText();
  await sender.context.close();

  const receiver = await openApp(app.browser, link, {
    viewport: { width: 412, height: 823 },
    init: () => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    },
  });
  const page = receiver.page;
  await page.getByText('A read-only copy from a share link.').waitFor();
  // Nothing on the first screen jumps when the assessment arrives (the footer did: CLS 0.157).
  assert.ok(await page.evaluate(() => window.__shift) < 0.01, `layout shift ${await page.evaluate(() => window.__shift)}`);
  assert.equal(await page.locator('.report h1').innerText(), 'Ysgol Glan Môr');
  assert.equal(await page.locator('.report .best-fit-stage .stage-badge').innerText(), stageThere);
  assert.match(await page.locator('.answers-table').innerText(), /Behaviour log: fewer incidents 🏫 <b>not bold<\/b>/);
  // The school's intervention plan travels in the link.
  assert.match(await page.locator('.report .plan-table').innerText(), /Attendance rises to 95%[\s\S]*External intervention[\s\S]*with Attendance advisory service/);
  assert.deepEqual(await storageSnapshot(page), {}, 'nothing saved until asked');
  await page.getByRole('button', { name: 'Save a copy to this browser' }).click();
  await page.getByRole('link', { name: 'Open your copy' }).click();
  await page.waitForSelector('.assessment-layout');
  assert.equal(await (await noteField(page, 'repair-7')).inputValue(), 'Behaviour log: fewer incidents 🏫 <b>not bold</b>');
  assert.match(await page.locator('.intervention-plan .intervention').innerText(), /Attendance rises to 95%[\s\S]*Commissioned from this assessment/);

  // A damaged link explains itself.
  await page.goto(`${app.server.url}#/shared/${link.split('/shared/')[1].slice(0, 30)}`);
  await page.getByRole('heading', { name: 'This link cannot be opened' }).waitFor();
  assert.deepEqual(receiver.errors, []);
  await receiver.context.close();
});

test('the trust overview shows every school with stage, journey, role and need, filters, sorts and pairs', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Ash Primary' });
  for (const id of ['stabilise-1', 'stabilise-2', 'stabilise-3']) await answer(page, id, 'Clearly');
  for (const id of [...REPAIR, ...IMPROVE]) await answer(page, id, 'Not seen');
  await page.goto(app.server.url);
  await createAssessment(page, { school: 'Beech Academy' });
  for (const id of [...REPAIR, ...IMPROVE]) await answer(page, id, 'Clearly');
  for (const id of ['sustain-1', 'sustain-2', 'sustain-3', 'sustain-4', 'sustain-5', 'sustain-6']) await answer(page, id, 'Clearly');
  await page.getByRole('link', { name: 'Trust overview' }).click();
  await page.getByRole('heading', { name: 'Trust overview' }).waitFor();
  const rows = page.locator('.trust-table').first().locator('tbody tr');
  assert.equal(await rows.count(), 2);
  assert.match(await rows.nth(0).innerText(), /Ash Primary\s+Stabilise.*High/s);
  // Red flags: a compact mark, the detail one click away.
  assert.match(await rows.nth(0).locator('details.flag-mark summary').first().innerText(), /⚑ \d+/);
  assert.match(await rows.nth(0).locator('details.flag-mark').first().textContent(), /Red flag: Unstable leadership & Ineffective governance/);
  assert.match(await rows.nth(1).innerText(), /Beech Academy\s+Sustain.*Low/s);
  await page.getByLabel("Waypoint's suggested need").selectOption('low');
  assert.equal(await rows.count(), 1);
  assert.match(await page.locator('.result-count').innerText(), /1 of 2 schools/);
  await page.getByLabel("Waypoint's suggested need").selectOption('');
  await page.getByLabel('Sort by').selectOption('name');
  assert.match(await rows.nth(0).innerText(), /Ash Primary/);
  const pairs = await page.locator('#pairings-heading').locator('..').innerText();
  assert.match(pairs, /Beech Academy \(Sustain\)\s+Ash Primary \((Stabilise|Repair)\)/);
  assert.ok(await page.locator('.trust-controls + .table-scroll, canvas.chart').count() > 0);
  await page.screenshot({ path: join(ARTIFACTS, 'trust-overview.png'), fullPage: true });
  // A school with only a team assessed has no stage of its own on the overview.
  await page.goto(app.server.url);
  await createAssessment(page, { school: 'Cedar Infants', scope: 'year_group', scopeName: 'Year 2' });
  for (const id of [...STABILISE, ...REPAIR]) await answer(page, id, 'Clearly');
  await page.getByRole('link', { name: 'Trust overview' }).click();
  const cedar = page.locator('.trust-table').first().locator('tbody tr', { hasText: 'Cedar Infants' });
  assert.match(await cedar.innerText(), /No whole-school assessment/);
  // The reason is one click away, under "Why".
  await cedar.locator('details.why summary').first().click();
  assert.match(await cedar.innerText(), /no whole-school assessment yet, so no stage for the school/);
  assert.equal(await cedar.locator('.stage-badge').count(), 0);
  assert.doesNotMatch(await page.locator('#pairings-heading').locator('..').innerText(), /Cedar Infants/);
  await page.setViewportSize({ width: 360, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 362), 'no sideways scroll at 360 px');
  await page.screenshot({ path: join(ARTIFACTS, 'trust-overview-phone.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
