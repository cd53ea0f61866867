// A workshop that fits a board meeting (issue 19), at a phone's 360 × 740 and a laptop's
// 1280 × 720: the facilitator plans it (areas, placements, minutes; one area by default),
// a member's place is kept, each column's statements are asked in their own words, a
// second copy of a member's answers is asked about at the top of the page until answered
// (surviving a reload), the results say who answered how much and where the board agrees
// beside where it disagrees, an earlier workshop is compared area by area first, and
// every slide fits 1280 × 720 and 1920 × 1080 with a clicker's keys moving through them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { useApp, openApp, axeViolations, storedRecords, waitUntil, ARTIFACTS } from './harness.mjs';

const app = useApp();
const SIZES = [['phone', { width: 360, height: 740 }], ['laptop', { width: 1280, height: 720 }]];
const TOOL = JSON.parse(await readFile(fileURLToPath(new URL('../../content/aas.json', import.meta.url)), 'utf8'));
/** The practice ids of an area, in the tool's order (part by part, column by column). */
const areaIds = (areaId) => TOOL.areas.find((a) => a.id === areaId).parts
  .flatMap((p) => ['standardised', 'aligned', 'autonomy'].flatMap((c) => p[c].map((s) => s.id)));
const ALL_IDS = TOOL.areas.flatMap((a) => areaIds(a.id));
const POSITIONS = ['autonomous', 'partly_aligned', 'aligned', 'largely_standardised', 'standardised'];

const load = (page) => page.locator('.plan-load').innerText();

/** Starts a workshop for `trust`, with the areas given ticked (Governance is ticked already). */
async function newWorkshop(page, trust, { areas = [], untickGovernance = false, date } = {}) {
  await page.goto(`${app.server.url}#/workshop/new`);
  await page.getByLabel('Trust', { exact: true }).fill(trust);
  if (date) await page.getByLabel('Date', { exact: true }).fill(date);
  for (const area of areas) await page.locator(`#plan-area-${area}`).check();
  if (untickGovernance) await page.locator('#plan-area-governance').uncheck();
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await page.waitForURL(/#\/workshop\/[A-Za-z0-9_-]+$/);
  return new URL(page.url()).hash.split('/')[2];
}

async function joinLink(page, id) {
  await page.goto(`${app.server.url}#/workshop/${id}/join`);
  return waitUntil(async () => {
    const value = await page.locator('#join-link').inputValue().catch(() => '');
    return value.includes('#/join/') && value;
  }, { what: 'the join link' });
}

/** A member joins by the link in a browser of their own. */
async function joinAs(link, name, viewport, expectLoad) {
  const member = await openApp(app.browser, link, { viewport });
  if (expectLoad) await member.page.getByText(expectLoad).waitFor();
  await member.page.getByLabel('Your name').fill(name);
  await member.page.getByRole('button', { name: 'Start answering' }).click();
  await member.page.getByText(/^Practice 1 of \d+$/).waitFor();
  return member;
}

/** Places the practice on screen and waits until it is saved on the device. */
async function answerHere(member, now, want) {
  await member.page.locator(`label[for="m-now-${now}"]`).click();
  await member.page.locator(`label[for="m-want-${want}"]`).click();
}

const responsesFile = (name, trust, respondents) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ format: 'waypoint-aas-responses', schema: 1, trust, academy: '', respondents })),
});

/** Placings for `ids`: position indexes from `pick(i)` as [now, wanted]. */
const placings = (ids, pick) => Object.fromEntries(ids.map((id, i) => {
  const [now, want] = pick(i);
  return [id, { now: POSITIONS[now], desired: POSITIONS[want] }];
}));

const noWiderThanScreen = async (page, what) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} is ${overflow}px wider than the screen`);
};

for (const [size, viewport] of SIZES) {
  test(`${size}: a meeting is planned by area, and a member returns to where they were`, async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, { viewport });
    await page.goto(`${app.server.url}#/workshop/new`);
    // One area by default, with its placements and minutes.
    assert.equal(await page.locator('#plan-area-governance').isChecked(), true);
    assert.equal(await page.locator('#plan-area-finance').isChecked(), false);
    assert.equal(await load(page), 'This meeting: 23 practices: 46 placements, about 7 minutes for each member.');
    assert.match(await page.locator('.plan-choice').innerText(), /Waypoint's estimate/);
    await page.locator('#plan-area-finance').check();
    await page.locator('.plan-load', { hasText: '30 practices: 60 placements, about 8 minutes' }).waitFor();
    await page.locator('#plan-area-governance').uncheck();
    await page.locator('.plan-load', { hasText: '7 practices: 14 placements, about 2 minutes' }).waitFor();
    // Nothing left to ask is refused, with the reason, and the box stays ticked.
    await page.locator('#plan-area-finance').click();
    await page.locator('.plan-choice .form-error', { hasText: 'Choose at least one area or practice.' }).waitFor();
    assert.equal(await page.locator('#plan-area-finance').isChecked(), true);
    // Or single practices.
    await page.getByText('Or choose single practices').click();
    await page.locator('#choose-governance-s1').check();
    await page.locator('.plan-load', { hasText: '8 practices: 16 placements, about 3 minutes' }).waitFor();
    assert.equal(await page.locator('#plan-area-governance').evaluate((b) => b.indeterminate), true, 'part of an area');
    await page.locator('#choose-governance-s1').uncheck();
    await noWiderThanScreen(page, 'the new workshop form');
    assert.deepEqual(await axeViolations(page), [], 'axe on the plan');
    await page.screenshot({ path: join(ARTIFACTS, `meeting-plan-${size}.png`), fullPage: true });
    await page.getByLabel('Trust', { exact: true }).fill('Plan Trust');
    await page.getByRole('button', { name: 'Start workshop' }).click();
    await page.waitForURL(/#\/workshop\/[A-Za-z0-9_-]+$/);
    const id = new URL(page.url()).hash.split('/')[2];
    const [kept] = await storedRecords(page, 'workshop');
    assert.deepEqual(kept.practices, areaIds('finance'));

    // The join screen shows the same plan, and the link carries it.
    const link = await joinLink(page, id);
    assert.equal(await load(page), 'This meeting: 7 practices: 14 placements, about 2 minutes for each member.');
    const ann = await joinAs(link, 'Ann Evans', viewport, 'That is 14 placements, about 2 minutes (Waypoint\'s estimate).');
    const annPage = ann.page;
    assert.match(await annPage.locator('.member-progress').innerText(), /Practice 1 of 7/);
    await answerHere(ann, 'aligned', 'standardised');
    await annPage.getByRole('link', { name: 'Next' }).click();
    await annPage.getByText('Practice 2 of 7').waitFor();
    await answerHere(ann, 'aligned', 'aligned');
    await annPage.getByRole('link', { name: 'Next' }).click();
    await annPage.getByText('Practice 3 of 7').waitFor();
    // Sending early, then back: where she was, not practice 1.
    await annPage.getByRole('link', { name: 'Send my answers now' }).click();
    await annPage.getByRole('heading', { name: 'Send my answers' }).waitFor();
    assert.match(await annPage.locator('main').innerText(), /You placed 2 of 7 practices/);
    await annPage.getByRole('link', { name: 'Back to the questions' }).click();
    await annPage.getByText('Practice 3 of 7').waitFor();
    // Leaving and coming back by the join link, after a reload: still there.
    await waitUntil(async () => (await storedRecords(annPage, 'workshop'))[0]?.member_at === areaIds('finance')[2], { what: 'her place saved' });
    await annPage.goto(app.server.url);
    await annPage.reload();
    await annPage.goto(link);
    await annPage.getByRole('link', { name: 'Carry on answering' }).click();
    await annPage.getByText('Practice 3 of 7').waitFor();
    // And from her home page.
    await annPage.goto(app.server.url);
    await annPage.locator('.workshop-row').getByRole('link').first().click();
    await annPage.getByText('Practice 3 of 7').waitFor();
    await noWiderThanScreen(annPage, 'the member view');
    assert.deepEqual(ann.errors, []);
    await ann.context.close();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${size}: each column's statements are asked in their own words, labelled as Waypoint's`, async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, { viewport });
    const id = await newWorkshop(page, 'Wording Trust', { areas: ['finance'], untickGovernance: true });
    const link = await joinLink(page, id);
    await context.close();
    const member = await joinAs(link, 'Bo Singh', viewport);
    const { page: phone } = member;
    // Financial Management: 3 standardised, 2 aligned, 2 autonomy statements, in order.
    const expected = [
      [1, 'A feature of the trust\'s strategy', /Which features of the MAT strategy are STANDARDISED/, /Say how far this is the same in every academy/],
      [4, 'How an academy aligns with the trust', /How an Academy ALIGNS its strategies/, /Say how far the academy shapes this with the trust/],
      [6, 'A decision an academy may keep', /Where does an Academy still have the AUTONOMY/, /Say who takes this decision/],
    ];
    for (const [step, kind, carter, line] of expected) {
      await phone.goto(`${link.split('#')[0]}#/workshop/${(await storedRecords(phone, 'workshop'))[0].id}/answer/${step}`);
      await phone.getByText(`Practice ${step} of 7`).waitFor();
      const meaning = phone.locator('.column-meaning');
      const text = await meaning.innerText();
      assert.match(text, new RegExp(`^${kind}`), `practice ${step}`);
      assert.match(text, carter, 'Carter\'s question for the column, in his words');
      assert.match(text, line);
      assert.match(text, /Waypoint's wording/);
      // One line explains it, above the answers: seen before answering.
      const [box, choice] = await Promise.all([meaning.boundingBox(), phone.locator('fieldset.big-choice').first().boundingBox()]);
      assert.ok(box.y + box.height <= choice.y, 'the line comes before the choices');
      if (step === 4) {
        await phone.screenshot({ path: join(ARTIFACTS, `meeting-aligned-question-${size}.png`), fullPage: true });
        assert.deepEqual(await axeViolations(phone), [], 'axe on the question');
      }
    }
    await noWiderThanScreen(phone, 'the question');
    assert.deepEqual(member.errors, []);
    assert.deepEqual(errors, []);
    await member.context.close();
  });

  test(`${size}: a second copy from the same member is asked about at the top of the page until answered`, async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, { viewport });
    const id = await newWorkshop(page, 'Hand-back Trust');
    const link = await joinLink(page, id);
    const ann = await joinAs(link, 'Ann Evans', viewport);
    await answerHere(ann, 'aligned', 'standardised');
    await ann.page.getByRole('link', { name: 'Next' }).click();
    await answerHere(ann, 'autonomous', 'aligned');
    await ann.page.getByRole('link', { name: 'Send my answers now' }).click();
    const first = await ann.page.getByLabel('Your answer link').inputValue();
    await page.getByLabel(/Paste answer links/).fill(first);
    await page.getByRole('button', { name: 'Add these answers' }).click();
    await page.locator('.import-messages li', { hasText: 'added Ann Evans' }).waitFor();

    // She answers one more and sends again, this time as a file.
    await ann.page.getByRole('link', { name: 'Back to the questions' }).click();
    await ann.page.getByText('Practice 2 of 23').waitFor();
    await ann.page.getByRole('link', { name: 'Next' }).click();
    await answerHere(ann, 'standardised', 'standardised');
    await ann.page.getByRole('link', { name: 'Send my answers now' }).click();
    const [download] = await Promise.all([
      ann.page.waitForEvent('download'),
      ann.page.getByRole('button', { name: 'Download my answers file' }).click(),
    ]);
    const file = join(ARTIFACTS, `meeting-ann-${size}.json`);
    await download.saveAs(file);
    await page.locator('#import-files').setInputFiles(file);
    const question = page.locator('.hand-back-question');
    await question.waitFor();
    const check = async () => {
      const text = await question.innerText();
      assert.match(text, /Ann Evans sent answers a second time\./);
      assert.match(text, /The second copy is newer: its answers were last changed \d{1,2}\u00a0\w{3}\u00a0\d{4}, \d\d:\d\d\./);
      assert.match(text, /The copy already counted\s+2 of 23 practices placed; arrived by link on/);
      assert.match(text, /The second copy\s+3 of 23 practices placed; arrived as a file on/);
      // At the top of the page: above the join code and the merging, on the first screen.
      const box = await page.locator('.hand-back').boundingBox();
      const below = await page.locator('.join-layout').boundingBox();
      assert.ok(box.y < below.y, 'above the rest of the page');
      assert.ok(box.y < viewport.height / 2, `in the first half of the first screen (${box.y})`);
    };
    await page.evaluate(() => window.scrollTo(0, 0));
    await check();
    await page.screenshot({ path: join(ARTIFACTS, `meeting-hand-back-${size}.png`) });
    assert.deepEqual(await axeViolations(page), [], 'axe with the question');
    // A reload keeps the question until it is answered, here and on the questionnaire.
    await page.reload();
    await question.waitFor();
    await check();
    await page.goto(`${app.server.url}#/workshop/${id}`);
    await page.locator('.hand-back-question').waitFor();
    await page.goto(`${app.server.url}#/workshop/${id}/join`);
    await question.getByRole('button', { name: 'Use the second copy (newer)' }).click();
    await page.locator('.hand-back-done', { hasText: 'Ann Evans: the second copy now counts.' }).waitFor();
    await page.reload();
    await page.locator('.join-layout').waitFor();
    assert.equal(await page.locator('.hand-back').count(), 0, 'answered: asked no more');
    const [kept] = await storedRecords(page, 'workshop');
    assert.equal(kept.respondents.length, 1);
    assert.equal(Object.keys(kept.respondents[0].placings).length, 3);
    assert.equal(kept.respondents[0].arrived.via, 'file');
    assert.deepEqual(kept.pending ?? [], []);
    assert.deepEqual(ann.errors, []);
    await ann.context.close();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${size}: results say who answered how much, where the board agrees beside where it disagrees, and compare by area first`, async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, { viewport });
    const gov = areaIds('governance');
    // Last year's workshop of the same trust, then this year's.
    await newWorkshop(page, 'Results Trust', { date: '2025-11-20' });
    await page.locator('#import-files').setInputFiles(responsesFile('last-year.json', 'Results Trust', [
      { id: 'old-1', name: 'Ann Evans', role: 'Board member', placings: placings(gov, () => [0, 2]) },
    ]));
    await page.locator('.import-messages li', { hasText: 'added Ann Evans' }).waitFor();
    const id = await newWorkshop(page, 'Results Trust', { date: '2026-11-23' });
    // Everyone agrees on the first practices; the last ones split the board.
    const agree = (i) => (i < 10 ? [2, 4] : [0, 0]);
    const split = (i) => (i < 10 ? [2, 4] : [4, 4]);
    await page.locator('#import-files').setInputFiles(responsesFile('this-year.json', 'Results Trust', [
      { id: 'r-ann', name: 'Ann Evans', role: 'Board member', placings: placings(gov, agree) },
      { id: 'r-bo', name: 'Bo Singh', role: 'Board member', placings: placings(gov.slice(0, 5), agree) },
      { id: 'r-a1', name: 'x', role: 'Headteacher', anonymous: true, placings: placings(gov.slice(0, 10), agree) },
      { id: 'r-a2', name: 'y', role: 'Headteacher', anonymous: true, placings: placings(gov, split) },
    ]));
    await page.locator('.import-messages li', { hasText: 'added Bo Singh' }).waitFor();
    await page.goto(`${app.server.url}#/workshop/${id}/results`);
    const who = page.locator('.participation');
    await who.waitFor();
    const text = await who.innerText();
    assert.match(text, /2 of the 4 members placed only some of the 23 practices of this meeting/);
    assert.match(text, /Ann Evans: all 23/);
    assert.match(text, /Bo Singh: 5 of 23/);
    // Anonymous answers by count only, largest first: never their numbered names.
    assert.match(text, /Anonymous answers \(2\): all 23, 10 of 23/);
    assert.doesNotMatch(text, /Anonymous 1|Anonymous 2/);

    const disagrees = page.locator('section', { has: page.getByRole('heading', { name: 'Where the board disagrees most' }) });
    const agrees = page.locator('section', { has: page.getByRole('heading', { name: 'Where the board agrees' }) });
    assert.match(await disagrees.innerText(), /disagreement 4 of 4 \(far apart\)/);
    assert.match(await agrees.innerText(), /Articulating the values and beliefs of the trust[\s\S]*disagreement 0 of 4 \(everyone agrees\)/);
    assert.match(await agrees.innerText(), /Waypoint's threshold/);
    const [a, d] = await Promise.all([agrees.boundingBox(), disagrees.boundingBox()]);
    if (size === 'laptop') assert.ok(Math.abs(a.y - d.y) < 2 && a.x > d.x, 'side by side on a laptop');
    else assert.ok(a.y > d.y, 'one after the other on a phone');

    // The earlier workshop: area by area first, then row by row behind each area.
    const areas = page.locator('.workshop-compare-areas');
    await areas.waitFor();
    assert.match(await areas.locator('tr[data-area="governance"]').innerText(),
      /Governance and Setting Vision\s*· 23 practices\s+Autonomous \(0\.0\) → Aligned \(2\.0\)\s+Aligned \(2\.0\) → Largely standardised \(2\.9\)\s+2\.0 towards standardisation/);
    const order = await page.evaluate(() => {
      const area = document.querySelector('.workshop-compare-areas');
      const rows = document.querySelector('details.compare-rows');
      return area.compareDocumentPosition(rows) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    assert.ok(order, 'the areas come before the rows');
    assert.equal(await page.locator('details.compare-rows[open]').count(), 0, 'rows folded away at first');
    await page.locator('details.compare-rows[data-area="governance"] > summary').click();
    assert.match(await page.locator('.workshop-compare tr', { hasText: 'Articulating the values' }).innerText(), /Autonomous \(0\.0\) → Aligned \(2\.0\)/);
    await noWiderThanScreen(page, 'the results');
    assert.deepEqual(await axeViolations(page), [], 'axe on the results');
    await page.screenshot({ path: join(ARTIFACTS, `meeting-results-${size}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const [size, viewport] of [['720p', { width: 1280, height: 720 }], ['1080p', { width: 1920, height: 1080 }]]) {
  test(`${size}: every slide fits the screen, and a clicker moves through them all`, async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, { viewport });
    const id = await newWorkshop(page, 'Slides Trust', { areas: ['employer', 'finance', 'standards'] });
    // Four people answer every practice, some far apart.
    const people = ['Ann Evans', 'Bo Singh', 'Cy Okafor', 'Dee Patel'].map((name, n) => ({
      id: `p${n}`, name, role: 'Board member',
      placings: placings(ALL_IDS, (i) => (i % 3 === 0 ? [n, 4 - n] : [2, 3])),
    }));
    await page.locator('#import-files').setInputFiles(responsesFile('all.json', 'Slides Trust', people));
    await page.locator('.import-messages li', { hasText: 'added Dee Patel' }).waitFor();
    await page.goto(`${app.server.url}#/workshop/${id}/present`);
    const deck = page.locator('.presentation');
    await deck.waitFor();
    const count = Number(await deck.getAttribute('data-slides'));
    // 1 overview + 5 + 4 + 2 + 7 area slides + disagreement + agreement.
    assert.equal(count, 21);
    const titles = [];
    for (let n = 0; n < count; n++) {
      await page.locator(`.presentation[data-slide="${n}"]`).waitFor();
      if (n === 0) await page.locator('.presentation canvas').waitFor();
      const fit = await page.evaluate(() => {
        const root = document.scrollingElement;
        const slide = document.querySelector('.presentation');
        const out = [];
        for (const el of slide.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (el.closest('.visually-hidden')) continue;
          if (r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5) out.push(`${el.tagName}.${el.className} ends at ${Math.round(r.right)}×${Math.round(r.bottom)}`);
        }
        return { page: root.scrollHeight - window.innerHeight, wide: root.scrollWidth - window.innerWidth, slide: slide.scrollHeight - slide.clientHeight, out: out.slice(0, 3) };
      });
      const title = await page.locator('.presentation h1').innerText();
      titles.push(title);
      assert.ok(fit.page <= 0 && fit.wide <= 0 && fit.slide <= 0 && fit.out.length === 0, `slide ${n + 1} (${title}) does not fit ${size}: ${JSON.stringify(fit)}`);
      if ([0, 3, 14, count - 2, count - 1].includes(n)) await page.screenshot({ path: join(ARTIFACTS, `meeting-slide-${n + 1}-${size}.png`) });
      if (n < count - 1) await page.keyboard.press(n % 2 ? 'PageDown' : 'ArrowRight');
    }
    assert.ok(titles.includes('Raising Standards and Improvement Planning, 2 of 7'), titles.join(' | '));
    assert.equal(titles[count - 2], 'Where the board disagrees most');
    assert.equal(titles[count - 1], 'Where the board agrees');
    assert.match(await deck.innerText(), /disagreement 0 of 4 \(everyone agrees\)/);
    assert.doesNotMatch(await deck.innerText(), /Ann Evans|Bo Singh/);
    // At the end, another press stays on the last slide.
    await page.keyboard.press('PageDown');
    assert.equal(await deck.getAttribute('data-slide'), String(count - 1));
    // B blanks the screen and brings the same slide back; so does any key.
    await page.keyboard.press('b');
    await page.locator('.presentation.blank[data-blank="true"]').waitFor();
    assert.equal(await page.locator('.presentation h1').count(), 0, 'nothing shown on a blank screen');
    assert.equal(await deck.evaluate((d) => getComputedStyle(d).backgroundColor), 'rgb(0, 0, 0)');
    await page.keyboard.press('B');
    await page.locator('.presentation[data-blank="false"]').waitFor();
    assert.equal(await page.locator('.presentation h1').innerText(), 'Where the board agrees');
    await page.keyboard.press('b');
    await page.locator('.presentation[data-blank="true"]').waitFor();
    await page.keyboard.press('PageUp');
    await page.locator(`.presentation[data-blank="false"][data-slide="${count - 1}"]`).waitFor();
    // Back through every slide with Page Up and the arrows.
    for (let n = count - 1; n > 0; n--) {
      await page.keyboard.press(n % 2 ? 'PageUp' : 'ArrowLeft');
      await page.locator(`.presentation[data-slide="${n - 1}"]`).waitFor();
    }
    assert.equal(await page.locator('.presentation h2').innerText(), 'Where each area stands');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
