// Hard to break, private and offline: two tabs editing at once, the app opening with the
// network off, the Content-Security-Policy in force, and layouts at 200% zoom.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  useApp, openApp, controlledByWorker, createAssessment, answer, ARTIFACTS, idInUrl, storedAssessment, shownDate, todayIso, answerOf, waitForStoredAnswer, noteField, showPart } from './harness.mjs';

const app = useApp();

/** Records Content-Security-Policy violations, so a test can show there were none. */
const watchPolicy = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
};

test('two tabs editing the same assessment never lose a write', async () => {
  const { context, page: first, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(first, { school: 'Two Tabs Academy' });
  const second = await context.newPage();
  second.on('pageerror', (e) => errors.push(String(e)));
  await second.goto(first.url());
  await second.waitForSelector('.assessment-layout');
  // Alternate edits, each tab without reloading.
  await answer(first, 'stabilise-1', 'Clearly');
  await answer(second, 'stabilise-2', 'Partly');
  await answer(first, 'stabilise-3', 'Not seen');
  await (await noteField(second, 'repair-1')).fill('Written in the second tab');
  await answer(first, 'repair-1', 'Clearly');
  // Each tab shows the other's answers (storage events), and so does a fresh load. The note
  // was typed, so it is saved a moment later, on top of the first tab's answer.
  await second.waitForFunction(() => document.querySelector('#s-repair-1-clearly')?.checked);
  await first.waitForFunction(() => document.querySelector('#s-repair-1-note')?.value === 'Written in the second tab');
  await showPart(first, 'Stabilise');
  await first.waitForFunction(() => document.querySelector('#s-stabilise-2-partly')?.checked);
  const third = await context.newPage();
  await third.goto(first.url());
  await third.waitForSelector('.assessment-layout');
  for (const id of ['#s-stabilise-1-clearly', '#s-stabilise-2-partly', '#s-stabilise-3-not_seen']) {
    assert.ok(await third.locator(id).isChecked(), `${id} kept`);
  }
  await showPart(third, 'Repair');
  assert.ok(await third.locator('#s-repair-1-clearly').isChecked(), 'repair-1 kept');
  assert.equal(await third.locator('#s-repair-1-note').inputValue(), 'Written in the second tab');
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing is saved a moment later, not on every key, and leaving the page saves it', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  // Another assessment beside it, which typing here must not rewrite.
  await createAssessment(page, { school: 'Bystander School' });
  await page.goto(app.server.url);
  await createAssessment(page, { school: 'Typing Academy' });
  const id = idInUrl(page);
  const key = `waypoint.assessment.${id}`;
  // Count writes of assessment records: each save writes only the records it changed.
  await page.evaluate(() => {
    window.__assessmentWrites = 0;
    window.__otherAssessmentWrites = 0;
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (name, value) {
      if (this === localStorage && name.startsWith('waypoint.assessment.')) {
        if (name === window.__watched) window.__assessmentWrites += 1;
        else window.__otherAssessmentWrites += 1;
      }
      return real.call(this, name, value);
    };
  });
  await page.evaluate((k) => { window.__watched = k; }, key);
  const note = await noteField(page, 'stabilise-1');
  await note.pressSequentially('Attendance data checked weekly', { delay: 5 });
  const stored = async () => answerOf(await storedAssessment(page, id), 'stabilise-1')?.note;
  await waitForStoredAnswer(page, id, 'stabilise-1', { note: 'Attendance data checked weekly' });
  const writes = await page.evaluate(() => window.__assessmentWrites);
  assert.ok(writes >= 1 && writes <= 3, `30 keys were saved in ${writes} writes`);
  // Answers clicked one after another are saved together too.
  await page.evaluate(() => { window.__assessmentWrites = 0; });
  for (const feature of ['stabilise-2', 'stabilise-3', 'stabilise-4', 'stabilise-5', 'stabilise-6']) await answer(page, feature, 'Partly');
  await waitForStoredAnswer(page, id, 'stabilise-6', { level: 'partly' });
  const answerWrites = await page.evaluate(() => window.__assessmentWrites);
  assert.ok(answerWrites >= 1 && answerWrites <= 3, `5 answers were saved in ${answerWrites} writes`);
  assert.equal(await page.evaluate(() => window.__otherAssessmentWrites), 0, 'no other assessment record was written');
  // Typed and left at once: the page saves before it goes.
  await note.pressSequentially(' by the head', { delay: 5 });
  await page.reload();
  await page.waitForSelector('.assessment-layout');
  assert.equal(await page.locator('#s-stabilise-1-note').inputValue(), 'Attendance data checked weekly by the head');
  assert.equal(await stored(), 'Attendance data checked weekly by the head');
  assert.deepEqual(errors, []);
  await context.close();
});

test('after one visit the app opens and works with the network off', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await controlledByWorker(page);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('.site-footer');
  await createAssessment(page, { school: 'Offline Infants' });
  await answer(page, 'stabilise-1', 'Clearly');
  assert.equal(await page.locator('.progress label').innerText(), '1 of 28 answered');
  await page.goto(`${app.server.url}#/trust`);
  await page.getByRole('heading', { name: 'Trust overview' }).waitFor();
  await context.setOffline(false);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test('the Content-Security-Policy is in force and nothing breaks it', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url, { init: watchPolicy });
  const policy = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  assert.match(policy, /default-src 'self'/);
  assert.doesNotMatch(policy, /unsafe-inline|\*|https?:/);
  await createAssessment(page, { school: 'Policy Primary' });
  await answer(page, 'stabilise-1', 'Clearly');
  await page.getByRole('button', { name: 'Create share link' }).click();
  await page.getByLabel('Share link').waitFor();
  await page.getByRole('link', { name: 'Open the printable report' }).click();
  await page.locator('.report canvas.chart').waitFor();
  // An inline script injected by a hostile page would be blocked.
  const blocked = await page.evaluate(() => new Promise((resolve) => {
    window.__ran = false;
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
    setTimeout(() => resolve(!window.__ran), 50);
  }));
  assert.ok(blocked, 'inline scripts are refused');
  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations.filter((v) => !v.startsWith('script-src-elem inline')), []);
  assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e)), []);
  await context.close();
});

test('at 200% zoom (640 px wide) and on a 360 px phone nothing scrolls sideways', async () => {
  for (const width of [640, 360]) {
    const { context, page, errors } = await openApp(app.browser, app.server.url, { viewport: { width, height: 900 } });
    await createAssessment(page, { school: 'Zoomed Academy', assessors: 'A very long name of an assessor indeed' });
    await answer(page, 'stabilise-1', 'Clearly');
    const pages = ['', '#/trust', `#/assessment/${page.url().split('/').pop()}/report`, '#/new', '#/workshop/new'];
    for (const hash of pages) {
      await page.goto(`${app.server.url}${hash}`);
      await page.waitForSelector('main h1');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${width} px ${hash || 'home'}: ${overflow} px sideways`);
    }
    await page.screenshot({ path: join(ARTIFACTS, `report-${width}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('durability: persistent storage asked for, last backup shown, reminders, and a reset that offers the backup', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Durable Primary' });
  await answer(page, 'stabilise-1', 'Clearly');
  await page.goto(app.server.url);
  const safety = page.locator('.data-safety');
  await safety.waitFor();
  assert.match(await safety.locator('.persistence').innerText(), /This browser (has agreed to keep|may clear|has not said)/);
  assert.doesNotMatch(await safety.innerText(), /never|last downloaded together/);
  assert.equal(await page.locator('.backup-reminder').count(), 1);
  assert.match(await page.locator('.backup-reminder').innerText(), /^\d+ items? ha(s|ve) changed since (it was|they were) last downloaded/);
  const [file] = await Promise.all([page.waitForEvent('download'), safety.getByRole('button', { name: 'Download file (JSON)' }).click()]);
  assert.match(file.suggestedFilename(), /^waypoint-everything-/);
  await page.locator('.backup-reminder').waitFor({ state: 'detached' });
  assert.match(await safety.innerText(), new RegExp(`Everything was last downloaded together on ${shownDate(todayIso())}\\.`));
  assert.match(await safety.locator('.backup-ok').innerText(), /Everything here is in a file you downloaded or imported/);
  // A new change is not in that backup: the reminder returns, also after a reload.
  await page.locator('.assessment-row').getByRole('link', { name: 'Open' }).click();
  await page.waitForSelector('.assessment-layout');
  await answer(page, 'stabilise-2', 'Partly');
  await page.goto(app.server.url);
  await page.reload();
  await page.locator('.backup-reminder').waitFor();
  assert.match(await page.locator('.backup-reminder').innerText(), /^1 item has changed since it was last downloaded/);
  assert.match(await safety.innerText(), new RegExp(`Everything was last downloaded together on ${shownDate(todayIso())}\\.`));
  // Reset: the backup is offered in the same place before anything is deleted.
  await safety.getByRole('button', { name: 'Delete everything in this browser…' }).click();
  const dialog = page.getByRole('group', { name: 'Delete everything' });
  assert.match(await dialog.innerText(), /Some of it is in no backup: download one first/);
  assert.equal(await dialog.getByRole('button', { name: 'Download file (JSON)' }).count(), 1);
  await dialog.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByRole('heading', { name: 'Where is your school on its improvement journey?' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Where is your school on its improvement journey?' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the backup status counts what was downloaded, whatever the route: one assessment at a time counts', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  for (const school of ['First Primary', 'Second Primary']) {
    await page.goto(app.server.url);
    await createAssessment(page, { school });
    await answer(page, 'stabilise-1', 'Clearly');
    // Each downloaded from its own page: the assessment, its school and the school's plan.
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download file (JSON)' }).first().click()]);
  }
  await page.goto(app.server.url);
  const safety = page.locator('.data-safety');
  await safety.locator('.backup-ok').waitFor();
  assert.match(await safety.locator('.backup-ok').innerText(), /Everything here is in a file you downloaded or imported/);
  assert.equal(await page.locator('.backup-reminder').count(), 0);
  assert.doesNotMatch(await safety.innerText(), /never/);
  assert.deepEqual(errors, []);
  await context.close();
});
