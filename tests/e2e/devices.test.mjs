// A board workshop answered on members' own devices: the facilitator shows "Join this
// workshop", three members in separate browsers (one a 360 × 740 phone) join by the link,
// answer, and hand their answers back: two by response links pasted at once, one by its
// QR code held up to the facilitator's camera (a canvas stands in for the camera). The
// tally is checked at each step; a re-send is skipped, changed answers are asked about,
// and a foreign or damaged link changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useApp, openApp, axeViolations, storedRecords, waitUntil, ARTIFACTS } from './harness.mjs';

/** Frames the decoder may read before a code held still in front of it must have been
 *  found: a clean code is read in the first frame or two; this allows for frames caught
 *  while the picture was still being drawn. */
const FRAMES_TO_READ_A_CODE = 40;

const app = useApp();
const PHONE = { width: 360, height: 740 };
const CHOSEN = ['governance-s1', 'governance-s2', 'finance-s1'];

/** The facilitator's tally, as the page shows it. */
const tally = async (page) => ({
  total: await page.locator('.tally-total').innerText(),
  rows: await page.locator('.tally-table tbody tr').evaluateAll((rows) => rows.map((r) => [r.dataset.practice, r.querySelector('td').textContent])),
  roles: await page.locator('.tally-roles li').allInnerTexts(),
});

/** A member joins by the link, answers every practice and returns their response link. */
async function member(browser, link, { name, role, anonymous = false, viewport, answers, axe = false }) {
  const { context, page, errors } = await openApp(browser, link, { viewport });
  await page.getByRole('heading', { name: 'Join the board workshop' }).waitFor();
  assert.match(await page.locator('main').innerText(), /You will place 3 practices/);
  if (axe) {
    // No name and not anonymous: an error summary linked to the field.
    await page.getByRole('button', { name: 'Start answering' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await summary.getByRole('link', { name: 'Enter your name, or choose to answer anonymously' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'join-name');
    assert.deepEqual(await axeViolations(page), [], 'axe on the join form with an error');
    await page.screenshot({ path: join(ARTIFACTS, 'devices-phone-join.png'), fullPage: true });
  }
  if (anonymous) await page.getByLabel('Answer anonymously').check();
  else await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your role').selectOption(role);
  await page.getByRole('button', { name: 'Start answering' }).click();
  for (const [i, [now, want]] of answers.entries()) {
    await page.getByText(`Practice ${i + 1} of 3`).waitFor();
    await page.locator(`label[for="m-now-${now}"]`).click();
    await page.locator(`label[for="m-want-${want}"]`).click();
    await page.getByRole('link', { name: i < 2 ? 'Next' : 'Finish and send my answers' }).click();
  }
  await page.getByRole('heading', { name: 'Send my answers' }).waitFor();
  const response = await page.getByLabel('Your answer link').inputValue();
  if (axe) assert.deepEqual(await axeViolations(page), [], 'axe on the send page');
  assert.match(response, /#\/answers\/[A-Za-z0-9_-]+$/);
  return { context, page, errors, response };
}

test('three members join by link on their own devices, answer, and hand back; the tally follows', async () => {
  const host = await openApp(app.browser, app.server.url);
  const { page } = host;
  // The QR code workers are fetched only by the pages that need them (the service worker
  // keeps them in the background once the app is open, for offline use: not counted).
  const fetched = [];
  host.context.on('request', (r) => { if (!r.serviceWorker()) fetched.push(new URL(r.url()).pathname); });
  const initial = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(!initial.some((u) => /encoder|scanner/.test(u)), `the app's download has no QR code worker: ${initial}`);
  await page.getByRole('link', { name: 'New workshop' }).click();
  await page.getByLabel('Trust', { exact: true }).fill('Oak Learning Trust');
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await page.getByRole('link', { name: 'Join on phones and laptops' }).click();
  await page.getByRole('heading', { name: 'Join this workshop' }).waitFor();

  // Three single practices for this meeting: tick them, untick the rest.
  await page.getByText('Or choose single practices').click();
  const boxes = page.locator('.practice-choice input[type=checkbox]');
  const ids = await boxes.evaluateAll((inputs) => inputs.map((i) => i.id.replace('choose-', '')));
  for (const id of ids) {
    if (CHOSEN.includes(id)) await page.locator(`#choose-${id}`).check();
    else await page.locator(`#choose-${id}`).uncheck();
  }
  await page.locator('.plan-load', { hasText: 'This meeting: 3 practices: 6 placements, about 1 minute for each member' }).waitFor();
  const link = await waitUntil(async () => {
    const value = await page.locator('#join-link').inputValue();
    return value.includes('#/join/') && value;
  }, { what: 'the join link' });
  assert.ok(link.length < 400, `a short link (${link.length} characters)`);
  await page.locator('svg.qr-code').waitFor();
  assert.ok(fetched.some((p) => /^\/encoder-[0-9a-f]{16}_bg\.wasm$/.test(p)), 'the encoder came with the join screen');
  assert.equal((await tally(page)).total, 'No answers yet.');
  assert.deepEqual(await axeViolations(page), [], 'axe on the join screen');
  await page.screenshot({ path: join(ARTIFACTS, 'devices-join-screen.png'), fullPage: true });

  // Ann on a phone, Bo on a laptop, and an anonymous headteacher on a laptop.
  const ann = await member(app.browser, link, {
    name: 'Ann Evans', role: 'Board member', viewport: PHONE, axe: true,
    answers: [['autonomous', 'standardised'], ['aligned', 'aligned'], ['partly_aligned', 'standardised']],
  });
  const bo = await member(app.browser, link, {
    name: 'Bo Singh', role: 'Board member',
    answers: [['aligned', 'standardised'], ['aligned', 'largely_standardised'], ['aligned', 'aligned']],
  });
  const anon = await member(app.browser, link, {
    anonymous: true, role: 'Headteacher',
    answers: [['standardised', 'standardised'], ['autonomous', 'aligned'], ['aligned', 'standardised']],
  });
  // Answers are kept on the member's own device, and the anonymous link names nobody.
  const [annCopy] = await storedRecords(ann.page, 'workshop');
  assert.equal(annCopy.respondents[0].name, 'Ann Evans');
  assert.equal(Object.keys(annCopy.respondents[0].placings).length, 3);
  assert.match(await anon.page.locator('main').innerText(), /carry no name and nothing that identifies this device/);

  // Ann's link first: one person in, and the count for each practice.
  await page.getByLabel(/Paste answer links/).fill(`Here are mine: ${ann.response}`);
  await page.getByRole('button', { name: 'Add these answers' }).click();
  await page.locator('.import-messages li', { hasText: 'added Ann Evans' }).waitFor();
  let t = await tally(page);
  assert.match(t.total, /^1 member has answered \(1 of them every practice\)/);
  assert.deepEqual(t.rows, CHOSEN.map((id) => [id, '1 of 1']));
  assert.deepEqual(t.roles, ['Board member: 1']);

  // Bo's link pasted with Ann's again (from a chat): Ann skipped, Bo added.
  await page.getByLabel(/Paste answer links/).fill(`${ann.response}\n${bo.response}`);
  await page.getByRole('button', { name: 'Add these answers' }).click();
  await page.locator('.import-messages li', { hasText: 'added Bo Singh' }).waitFor();
  await page.locator('.import-messages li', { hasText: 'Ann Evans is already here with the same answers, so was skipped' }).waitFor();
  t = await tally(page);
  assert.match(t.total, /^2 members have answered/);
  assert.deepEqual(t.rows, CHOSEN.map((id) => [id, '2 of 2']));
  assert.deepEqual(t.roles, ['Board member: 2']);
  // The tally names nobody.
  assert.doesNotMatch(await page.locator('.tally').innerText(), /Ann|Bo Singh/);

  // The anonymous member's code, held up to the camera.
  const svg = await anon.page.locator('svg.qr-code').evaluate((el) => el.outerHTML);
  await page.evaluate((markup) => {
    const canvas = document.createElement('canvas');
    canvas.width = 640; canvas.height = 480;
    const ctx = canvas.getContext('2d');
    const image = new Image();
    image.onload = () => {
      const draw = () => { ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 640, 480); ctx.drawImage(image, 140, 60, 360, 360); };
      draw(); setInterval(draw, 100);
    };
    image.src = `data:image/svg+xml;base64,${btoa(markup.replace("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\""))}`;
    navigator.mediaDevices.getUserMedia = async () => canvas.captureStream(10);
  }, svg);
  assert.ok(!fetched.some((p) => p.includes('scanner')), 'the decoder is not fetched until the scanner opens');
  await page.getByRole('button', { name: 'Scan answer codes with the camera' }).click();
  // Waits on the scanner's own progress, not a fixed time: the code must be read within a
  // number of decoded frames (each frame counted by the app, data-frames), however busy
  // the machine; the decoding pace is reported (data-decode-ms, data-slowest-ms).
  const scanner = page.locator('.scanner');
  const added = page.locator('.import-messages li', { hasText: 'added an anonymous answer' });
  await waitUntil(async () => (await added.count()) > 0
    || Number(await scanner.getAttribute('data-frames')) >= FRAMES_TO_READ_A_CODE, {
    timeout: 200_000, interval: 100, what: `the code read, or ${FRAMES_TO_READ_A_CODE} frames decoded`,
  });
  const pace = await scanner.evaluate((el) => ({ frames: Number(el.dataset.frames), meanMs: el.dataset.decodeMs, slowestMs: el.dataset.slowestMs }));
  console.log(`QR decoding: ${pace.frames} frame(s) until read, ${pace.meanMs} ms a frame on average, slowest ${pace.slowestMs} ms`);
  assert.equal(await added.count(), 1, `the code was not read in ${pace.frames} decoded frames (${pace.meanMs} ms a frame)`);
  assert.ok(fetched.some((p) => /scanner-[0-9a-f]+_bg\.wasm$/.test(p)), 'the decoder came with the scanner');
  await page.getByRole('button', { name: 'Stop scanning' }).click();
  t = await tally(page);
  assert.match(t.total, /^3 members have answered \(3 of them every practice\)/);
  assert.deepEqual(t.rows, CHOSEN.map((id) => [id, '3 of 3']));
  assert.deepEqual(t.roles, ['Board member: 2', 'Headteacher: 1']);

  // Ann changes her mind on her phone and sends again: the facilitator is asked.
  await ann.page.getByRole('link', { name: 'Back to the questions' }).click();
  await ann.page.locator('label[for="m-now-standardised"]').click();
  await ann.page.getByRole('link', { name: 'Send my answers now' }).click();
  const changed = await waitUntil(async () => {
    const value = await ann.page.getByLabel('Your answer link').inputValue().catch(() => '');
    return value && value !== ann.response && value;
  }, { what: "Ann's new link" });
  await page.getByLabel(/Paste answer links/).fill(changed);
  await page.getByRole('button', { name: 'Add these answers' }).click();
  const clash = page.locator('.hand-back-question');
  await clash.waitFor();
  assert.match(await clash.innerText(), /Ann Evans sent answers a second time\.\s+The second copy is newer/);
  await clash.getByRole('button', { name: 'Use the second copy (newer)' }).click();
  await page.locator('.hand-back-done', { hasText: 'Ann Evans: the second copy now counts.' }).waitFor();
  assert.match((await tally(page)).total, /^3 members have answered/);

  // A damaged link and one for another workshop are refused by name and change nothing.
  const before = await storedRecords(page, 'workshop');
  const other = await openApp(app.browser, app.server.url);
  await other.page.getByRole('link', { name: 'New workshop' }).click();
  await other.page.getByLabel('Trust', { exact: true }).fill('Elm Trust');
  await other.page.getByRole('button', { name: 'Start workshop' }).click();
  await other.page.getByRole('link', { name: 'Join on phones and laptops' }).click();
  const otherLink = await waitUntil(async () => {
    const value = await other.page.locator('#join-link').inputValue();
    return value.includes('#/join/') && value;
  }, { what: 'the other join link' });
  await other.context.close();
  const cy = await openApp(app.browser, otherLink);
  await cy.page.getByLabel('Your name').fill('Cy Okafor');
  await cy.page.getByRole('button', { name: 'Start answering' }).click();
  await cy.page.locator('label[for="m-now-aligned"]').click();
  await cy.page.getByRole('link', { name: 'Send my answers now' }).click();
  const cyLink = await cy.page.getByLabel('Your answer link').inputValue();
  await cy.context.close();
  await page.getByLabel(/Paste answer links/).fill(`${cyLink}\n${ann.response.slice(0, -12)}xx`);
  await page.getByRole('button', { name: 'Add these answers' }).click();
  await page.locator('.import-messages li.problem', { hasText: 'not merged, because the answers are for a different workshop' }).waitFor();
  await page.locator('.import-messages li.problem', { hasText: 'not merged, because the link is damaged' }).waitFor();
  assert.deepEqual(await storedRecords(page, 'workshop'), before);

  // Names: the anonymous member is numbered, and the results show counts by default.
  const [stored] = before;
  assert.deepEqual(stored.respondents.map((r) => r.name), ['Ann Evans', 'Bo Singh', 'Anonymous 1']);
  assert.ok(stored.respondents[2].anonymous);

  await ann.page.screenshot({ path: join(ARTIFACTS, 'devices-phone-send.png'), fullPage: true });
  // Back where she was: the last practice she had open, not the first.
  await ann.page.getByRole('link', { name: 'Back to the questions' }).click();
  await ann.page.getByText('Practice 3 of 3').waitFor();
  await ann.page.getByText('What do the positions mean?').click();
  await ann.page.screenshot({ path: join(ARTIFACTS, 'devices-phone-answer.png'), fullPage: true });
  // Laid out for the phone: nothing wider than the screen.
  const overflow = await ann.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the phone view is ${overflow}px wider than the screen`);
  const target = await ann.page.locator('label[for="m-now-aligned"]').boundingBox();
  assert.ok(target.height >= 44 && target.width >= 300, `large targets (${target.width}×${target.height})`);
  assert.deepEqual(await axeViolations(ann.page), [], 'axe on the phone view');

  // On her phone's home page, the workshop opens where she answers and sends.
  await ann.page.goto(app.server.url);
  await ann.page.locator('.workshop-row').getByRole('link', { name: 'Send my answers' }).waitFor();

  for (const m of [ann, bo, anon]) {
    assert.deepEqual(m.errors, []);
    await m.context.close();
  }
  assert.deepEqual(host.errors, []);
  await host.context.close();
});
