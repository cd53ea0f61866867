// The four-stage checklist as a headteacher uses it: create, answer, read the result and
// chart, reload, manage the list; and the paths where storage or input misbehave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, createAssessment, answer, drawnPixels, chartImage, ARTIFACTS } from './harness.mjs';

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
  assert.match(await page.locator('.assessment-head .meta').innerText(), /Subject: Maths.*2026-11-23.*J\. Patel/s);
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'No stage yet');
  assert.equal(await page.locator('.progress label').innerText(), '0 of 28 answered');

  for (const id of STABILISE) await answer(page, id, 'Not seen');
  for (const id of REPAIR) await answer(page, id, 'Partly');
  for (const id of IMPROVE) await answer(page, id, 'Clearly');
  await answer(page, 'improve-7', 'Partly');
  await page.locator('#s-repair-7-note').fill('Low-level disruption in Year 9 after lunch; see behaviour log.');

  assert.equal(await page.locator('.progress label').innerText(), '22 of 28 answered');
  assert.equal(await page.locator('#group-stabilise .group-count').innerText(), '8 of 8 answered');
  assert.equal(await page.locator('#group-sustain .group-count').innerText(), '0 of 6 answered');
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'Improve');
  assert.match(await page.locator('.caveats').innerText(), /6 features are still unanswered/);
  assert.match(await page.locator('.caveats').innerText(), /Sustain could not be weighed/);
  // The per-theme table alternative to the chart.
  const behaviour = page.locator('.profile-table tr', { hasText: 'Behaviour and attendance' });
  assert.match(await behaviour.innerText(), /Repair|Improve/);
  assert.match(await page.locator('.profile-table tr', { hasText: 'Overall' }).innerText(), /Improve\s+0%\s+50%\s+93%\s+no answers/);
  // Next steps describe the next stage in Carter's words; they do not demand it.
  const steps = await page.locator('.next-steps').innerText();
  assert.match(steps, /What Sustain looks like, in Carter's words/);
  assert.match(steps, /not a list of targets/);
  assert.doesNotMatch(steps, /To reach|need to be clearly seen/);
  // The chart drew: many non-white pixels, and it redraws when an answer changes.
  const inked = await drawnPixels(page);
  assert.ok(inked > 5000, `chart pixels: ${inked}`);
  const before = await chartImage(page);
  await page.screenshot({ path: join(ARTIFACTS, 'assessment-desktop.png'), fullPage: true });
  for (const id of IMPROVE) await answer(page, id, 'Not seen');
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'Repair');
  assert.ok((await chartImage(page)) !== before, 'the chart redrew');

  await page.reload();
  await page.waitForSelector('.assessment-layout');
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'Repair');
  assert.equal(await page.locator('.progress label').innerText(), '22 of 28 answered');
  assert.equal(await page.locator('#s-repair-7-note').inputValue(), 'Low-level disruption in Year 9 after lunch; see behaviour log.');
  assert.ok(await page.locator('#s-repair-1-partly').isChecked());
  assert.ok((await drawnPixels(page)) > 5000);

  // Theme by theme shows the same answers.
  await page.getByText('Theme by theme').click();
  assert.ok(await page.locator('#behaviour-repair-7-partly').isChecked());
  assert.equal(await page.locator('#behaviour-repair-1-partly').count(), 0, 'leadership features are not under behaviour');
  assert.ok(await page.locator('#leadership-repair-1-partly').isChecked());
  assert.deepEqual(errors, []);
  await context.close();
});

test('Stabilise concerns are red flags at the top of the result, cap the stage and mark their themes', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Larch Primary' });
  for (const id of STABILISE) await answer(page, id, ['stabilise-4', 'stabilise-5'].includes(id) ? 'Clearly' : 'Not seen');
  for (const id of REPAIR) await answer(page, id, 'Not seen');
  for (const id of IMPROVE) await answer(page, id, 'Partly');
  for (let i = 1; i <= 6; i++) await answer(page, `sustain-${i}`, 'Clearly');
  const flags = page.locator('.best-fit .red-flags');
  assert.match(await flags.innerText(), /Red flags: 2 Stabilise concerns are seen[\s\S]*Pupil attendance and PA below national floor[\s\S]*Significant financial risk or mismanagement/);
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'Repair');
  assert.match(await page.locator('.caveats').innerText(), /Capped at Repair: the answers fit Sustain best/);
  assert.match(await page.locator('.profile-table tr', { hasText: 'Governance and finance' }).innerText(), /Repair[\s\S]*⚑ 1 concern; capped from Sustain/);
  assert.match(await page.locator('.next-steps').innerText(), /Stabilise concerns to remove first[\s\S]*Every Sustain feature is clearly seen/);
  await page.screenshot({ path: join(ARTIFACTS, 'red-flags.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the list: open, duplicate, rename, delete with confirmation and undo', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Elm Academy' });
  await answer(page, 'stabilise-1', 'Clearly');
  await page.getByRole('link', { name: 'Your assessments' }).click();
  const rows = page.locator('.assessment-row');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().locator('.stage-badge').innerText(), 'Stabilise');

  await rows.first().getByRole('button', { name: 'Duplicate' }).click();
  assert.equal(await rows.count(), 2);
  const copy = page.locator('.assessment-row', { hasText: 'Elm Academy (copy)' });
  await copy.getByRole('button', { name: 'Rename' }).click();
  await copy.getByLabel('New school name').fill('Birch Academy');
  await copy.getByRole('button', { name: 'Save name' }).click();
  await page.locator('.row-title', { hasText: 'Birch Academy' }).waitFor();
  // The school overview follows the new name.
  await page.locator('.assessment-row', { hasText: 'Birch Academy' }).getByRole('link', { name: 'School overview' }).click();
  await page.getByRole('heading', { level: 1, name: 'Birch Academy' }).waitFor();
  await page.goBack();
  await page.locator('.row-title', { hasText: 'Birch Academy' }).waitFor();

  const birch = page.locator('.assessment-row', { hasText: 'Birch Academy' });
  await birch.getByRole('button', { name: 'Delete' }).click();
  await birch.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await rows.count(), 2, 'cancel keeps it');
  await birch.getByRole('button', { name: 'Delete' }).click();
  await birch.getByRole('button', { name: 'Yes, delete' }).click();
  assert.equal(await rows.count(), 1);
  assert.match(await page.locator('.toast').innerText(), /Deleted “Birch Academy”/);
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  assert.equal(await rows.count(), 2);

  await page.reload();
  await page.waitForSelector('.assessment-row');
  assert.deepEqual(await page.locator('.row-title').allInnerTexts(), ['Elm Academy', 'Birch Academy']);
  await page.locator('.assessment-row', { hasText: 'Birch Academy' }).getByRole('link', { name: 'Open' }).click();
  await page.getByRole('heading', { level: 1, name: 'Birch Academy' }).waitFor();
  assert.ok(await page.locator('#s-stabilise-1-clearly').isChecked(), 'the copy kept the answers');
  await context.close();
});

test('the form says what is missing and creates nothing until it is right', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await page.getByRole('link', { name: /start your first/i }).click();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  assert.equal(await page.getByRole('alert').innerText(), "Enter the school's name.");
  await page.getByLabel('School').fill('Ash School');
  await page.getByLabel('What are you assessing?').selectOption('year_group');
  await page.getByRole('button', { name: 'Start assessment' }).click();
  assert.equal(await page.getByRole('alert').innerText(), 'Enter the name of the year group.');
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
  await page.locator('#s-sustain-2-note').fill(longNote);
  await page.reload();
  await page.waitForSelector('.assessment-layout');
  assert.equal(await page.locator('h1').innerText(), hostile);
  const kept = await page.locator('#s-sustain-2-note').inputValue();
  assert.ok(kept === longNote, `a ${longNote.length}-character note came back as ${kept.length} characters`);
  // Notes stop at 10,000 characters rather than filling the browser's storage.
  await page.locator('#s-sustain-3-note').fill('x'.repeat(12000));
  assert.equal((await page.locator('#s-sustain-3-note').inputValue()).length, 10000);
  assert.equal(await page.locator('main img').count(), 0, 'no element was made from the text');
  assert.equal(dialogs, 0, 'no script ran');
  await page.setViewportSize({ width: 360, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scroll at 360 px (overflow ${overflow})`);
  await page.screenshot({ path: join(ARTIFACTS, 'assessment-phone.png') });
  await context.close();
});

test('corrupted storage: the app starts, says so, keeps the data aside and offers it', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  const broken = '{"format":"waypoint","schema":1,"assessments":[{"id":"x1","school":"Lost Sch';
  await page.evaluate((text) => localStorage.setItem('waypoint.store', text), broken);
  await page.reload();
  const banner = page.locator('.banner.warning');
  await banner.waitFor();
  assert.match(await banner.innerText(), /could not read the assessments saved in this browser: the data is not valid JSON/);
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
  await answer(page, 'repair-1', 'Clearly');
  // Answers are saved a moment later: wait for that save before looking.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('waypoint.store')).assessments[0]?.answers['repair-1']?.level === 'clearly');
  const state = await page.evaluate(() => ({
    store: JSON.parse(localStorage.getItem('waypoint.store')),
    kept: Object.keys(localStorage).filter((k) => k.startsWith('waypoint.unreadable.')).length,
  }));
  assert.equal(state.store.assessments[0].school, 'Fresh Start School');
  assert.equal(state.kept, 1);
  await page.screenshot({ path: join(ARTIFACTS, 'corrupted-storage.png') });

  // Data from a newer version is refused with a reason, not misread.
  await page.evaluate(() => localStorage.setItem('waypoint.store', '{"format":"waypoint","schema":99,"assessments":[]}'));
  await page.reload();
  await page.locator('.banner.warning').waitFor();
  assert.match(await page.locator('.banner.warning').innerText(), /newer version of Waypoint/);
  await context.close();
});

test('a full storage quota: the user is told, and nothing typed is lost from the page', async () => {
  const init = () => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (sessionStorage.getItem('fill-quota') === 'yes' && this === localStorage) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return real.call(this, key, value);
    };
  };
  const { context, page } = await openApp(app.browser, app.server.url, { init });
  await createAssessment(page, { school: 'Quota School' });
  await page.evaluate(() => sessionStorage.setItem('fill-quota', 'yes'));
  await answer(page, 'improve-3', 'Clearly');
  await page.locator('#s-improve-3-note').fill('Governors challenged the maths data in October.');
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
  assert.equal(saved.assessments[0].answers['improve-3'].note, 'Governors challenged the maths data in October.');
  // Space is freed: trying again saves everything.
  await page.evaluate(() => sessionStorage.setItem('fill-quota', 'no'));
  await banner.getByRole('button', { name: 'Try saving again' }).click();
  await banner.waitFor({ state: 'detached' });
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('waypoint.store')));
  assert.equal(stored.assessments[0].answers['improve-3'].level, 'clearly');
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
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'Sustain');
  assert.match(await page.locator('.save-status').innerText(), /Not saved/);
  assert.deepEqual(errors, []);
  await context.close();
});
