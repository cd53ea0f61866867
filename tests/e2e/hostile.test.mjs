// Hard to break (issue 22): large workshops, records from a newer version, imports that
// would not fit or break the forms' limits, files in another encoding, two tabs, and QR
// codes offline. Each test waits on the app's own signals (DOM state, data attributes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useApp, openApp, controlledByWorker, createAssessment, answer, idInUrl, waitUntil, noteField, refuseWritesWhenAsked, axeViolations, ARTIFACTS } from './harness.mjs';

const app = useApp();
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The tool's practices in its order, as the app reads content/aas.json. */
const PRACTICES = (() => {
  const aas = JSON.parse(readFileSync(join(ROOT, 'content/aas.json'), 'utf8'));
  return aas.areas.flatMap((a) => a.parts.flatMap((p) => ['standardised', 'aligned', 'autonomy'].flatMap((c) => p[c].map((s) => s.id))));
})();
/** The fingerprint of the practices (src/domain/workshop/join.rs: FNV-1a of the ids). */
const FINGERPRINT = (() => {
  let hash = 0x811c9dc5;
  for (const id of PRACTICES) {
    for (const byte of Buffer.from(`${id}\n`)) {
      hash ^= byte;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash.toString(16).padStart(8, '0');
})();
const POSITIONS = ['autonomous', 'partly_aligned', 'aligned', 'largely_standardised', 'standardised'];
/** The practices the large workshops ask (so 1,000 people's answers fit in storage). */
const CHOSEN = PRACTICES.slice(0, 8);

/** A member's answer link, as src/join_link.rs makes it. */
function answerLink(base, workshopId, id, name, seed) {
  const a = PRACTICES.map((p, i) => (CHOSEN.includes(p) ? `${(seed + i) % 5}${(seed + 2 * i) % 5}` : '--')).join('');
  const payload = { f: 'waypoint-answers', v: 1, k: FINGERPRINT, w: workshopId, r: id, n: name, a, o: 'Board member' };
  return `${base}#/answers/${deflateRawSync(Buffer.from(JSON.stringify(payload))).toString('base64url')}`;
}

/** A stored workshop of `people` members (the records' format, docs/stored-format.md). */
function workshopRecords(people, chosen = CHOSEN) {
  const respondents = Array.from({ length: people }, (_, n) => ({
    id: `r${n}`, name: `Person ${n + 1}`, role: 'Board member',
    placings: Object.fromEntries(chosen.map((p, i) => [p, { now: POSITIONS[(n + i) % 5], desired: POSITIONS[(n + 2 * i) % 5] }])),
  }));
  return {
    'waypoint.meta': JSON.stringify({ format: 'waypoint', schema: 5, schools: [], trusts: [{ id: 't1', name: 'Big Trust', created_ms: 1, updated_ms: 1 }] }),
    'waypoint.workshop.w1': JSON.stringify({ id: 'w1', trust_id: 't1', academy: '', date: '2026-11-23', respondents, created_ms: 1, updated_ms: 1, practices: chosen }),
  };
}

/** Opens the app with these records already stored, watching long tasks from the start. */
async function openWith(records, path = '') {
  const opened = await openApp(app.browser, app.server.url, {
    init: () => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    },
  });
  await opened.page.evaluate((records) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(records)) localStorage.setItem(key, value);
  }, records);
  // A new document reads what was stored (a change of the fragment alone would not).
  await opened.page.goto(app.server.url + path);
  await opened.page.reload();
  await opened.page.waitForSelector('.site-footer');
  return opened;
}

test('a workshop of 1,000 people: the grid is drawn a page at a time, without a trap', async () => {
  const { context, page, errors } = await openWith(workshopRecords(1000), '#/workshop/w1/grid');
  const pager = page.getByRole('navigation', { name: 'Pages of members' });
  await pager.getByText('Members 1 to 8 of 1,000').waitFor({ timeout: 200_000 });
  // One page of people: 8 columns of two choices for each of the practices asked.
  assert.equal(await page.locator('table.answer-grid thead th[scope="col"]').count(), 9 * (await page.locator('table.answer-grid').count()));
  assert.equal(await page.locator('table.answer-grid select').count(), 8 * 2 * CHOSEN.length);
  await pager.getByRole('button', { name: 'Next members' }).click();
  await pager.getByText('Members 9 to 16 of 1,000').waitFor();
  const cell = page.getByLabel(`Person 9, now: `, { exact: false }).first();
  await cell.selectOption('standardised');
  await waitUntil(async () => page.evaluate(() => JSON.parse(localStorage.getItem('waypoint.workshop.w1')).respondents[8].placings[Object.keys(JSON.parse(localStorage.getItem('waypoint.workshop.w1')).respondents[8].placings)[0]].now === 'standardised'), { what: 'the choice saved' });
  // The other pages of the workshop open too.
  for (const [path, heading] of [['#/workshop/w1', /Big Trust/], ['#/workshop/w1/results', /Big Trust/]]) {
    await page.goto(app.server.url + path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 60_000 });
  }
  const longest = await page.evaluate(() => window.__longest);
  console.log(`1,000 people: longest task ${Math.round(longest)} ms`);
  await page.screenshot({ path: join(ARTIFACTS, 'grid-1000.png') });
  assert.deepEqual(errors.filter((e) => /unreachable|RuntimeError|panicked/.test(e)), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a workshop of 5,000 people: who is answering is a page at a time; one is found, chosen by keyboard, and answers', async () => {
  // Four practices, so 5,000 people's answers fit in storage.
  const { context, page, errors } = await openWith(workshopRecords(5000, CHOSEN.slice(0, 4)), '#/workshop/w1');
  const list = page.locator('section.members');
  await list.locator('#roster-count', { hasText: 'Members 1 to 12 of 5,000' }).waitFor({ timeout: 200_000 });
  // A page of choices, not 5,000.
  assert.equal(await list.locator('.member-chip').count(), 12);
  const pager = page.getByRole('navigation', { name: 'Pages of members' });
  await pager.getByRole('button', { name: 'Next members' }).click();
  await list.locator('#roster-count', { hasText: 'Members 13 to 24 of 5,000' }).waitFor();
  assert.equal(await list.locator('.member-chip').first().locator('.chip-name').innerText(), 'Person 13');
  assert.match(await pager.innerText(), /Page 2 of 417/);

  // Found by part of a name, in any case; chosen with the keyboard alone.
  const search = page.getByLabel('Find a member');
  await search.fill('person 4321');
  await list.locator('#roster-count', { hasText: '1 member found for “person 4321”.' }).waitFor();
  assert.equal(await list.locator('.member-chip').count(), 1);
  await search.focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'member-r4320');
  await page.keyboard.press('Space');
  await page.locator('.answering-as', { hasText: 'Answering as Person 4321' }).waitFor();
  // Their own answers are shown, and a change is theirs.
  const practice = CHOSEN[0];
  assert.ok(await page.locator(`#${practice}-now-${POSITIONS[4320 % 5]}`).isChecked());
  const now = POSITIONS[(4320 + 1) % 5];
  await page.locator(`label[for="${practice}-now-${now}"]`).click();
  await waitUntil(async () => page.evaluate(([p, now]) => JSON.parse(localStorage.getItem('waypoint.workshop.w1')).respondents[4320].placings[p].now === now, [practice, now]), { what: 'the answer saved', timeout: 60_000 });
  assert.match(await list.locator('.member-chip').innerText(), /Board member · 4 of 4/);

  // Nobody found says so; an empty search shows everyone again, from the first page.
  await search.fill('zz');
  await list.locator('#roster-count', { hasText: 'No one found for “zz”.' }).waitFor();
  assert.equal(await list.locator('.member-chip').count(), 0);
  await search.fill('');
  await list.locator('#roster-count', { hasText: 'Members 1 to 12 of 5,000' }).waitFor();
  // Someone added is shown, chosen, on the last page.
  await page.getByLabel('Add a member').fill('Newest Member');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.locator('.answering-as', { hasText: 'Answering as Newest Member' }).waitFor();
  await list.locator('#roster-count', { hasText: 'Members 4,993 to 5,001 of 5,001' }).waitFor();
  assert.ok(await page.locator('label.member-chip', { hasText: 'Newest Member' }).isVisible());
  await page.screenshot({ path: join(ARTIFACTS, 'workshop-5000-desktop.png') });
  assert.deepEqual(await axeViolations(page), [], 'the search and pages pass axe');

  // On a phone: the same list, nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  await search.fill('Person 12');
  await list.locator('#roster-count', { hasText: 'Members 1 to 12 of 111 found for “Person 12”.' }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'nothing scrolls sideways');
  await list.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'workshop-5000-phone.png'), fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('500 pasted answer links are merged in slices, with repeats counted', async () => {
  const { context, page, errors } = await openWith(workshopRecords(0), '#/workshop/w1');
  const links = Array.from({ length: 500 }, (_, n) => answerLink(app.server.url, 'w1', `m${n}`, `Member ${n + 1}`, n));
  // Ten exact repeats, as a chat would carry.
  const pasted = [...links, ...links.slice(0, 10)].join('\n');
  // One paste, as a browser sends it (filling the field would type it line by line).
  await page.locator('#answer-links').evaluate((field, text) => {
    field.value = text;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, pasted);
  // How many people the page shows, each time it is drawn.
  await page.evaluate(() => {
    window.__longest = 0;
    window.__drawn = [];
    const list = document.querySelector('section.members');
    new MutationObserver(() => window.__drawn.push(list.dataset.people)).observe(list, { attributes: true, attributeFilter: ['data-people'] });
  });
  await page.getByRole('button', { name: 'Add these answers' }).click();
  await page.locator('.import-messages li', { hasText: "added 500 members' answers" }).waitFor({ timeout: 120_000 });
  // Added at once: the page is drawn once with everyone, not once per slice.
  assert.deepEqual(await page.evaluate(() => window.__drawn), ['500']);
  await page.locator('.import-messages li', { hasText: '10 links were pasted more than once; the repeats were skipped' }).waitFor();
  await waitUntil(async () => page.evaluate(() => JSON.parse(localStorage.getItem('waypoint.workshop.w1')).respondents.length === 500), { what: '500 people saved' });
  const longest = await page.evaluate(() => window.__longest);
  console.log(`500 pasted links: longest task ${Math.round(longest)} ms`);
  // The same links again: every one already here, none added.
  await page.getByLabel(/Paste answer links/).fill(links.join(' '));
  await page.getByRole('button', { name: 'Add these answers' }).click();
  await page.locator('.import-messages li', { hasText: '500 answers were already here with the same answers' }).waitFor({ timeout: 120_000 });
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('waypoint.workshop.w1')).respondents.length), 500);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Stores an assessment through the app, then changes its stored record with `change`. */
async function storedAndChanged(change) {
  const opened = await openApp(app.browser, app.server.url);
  await createAssessment(opened.page, { school: 'Newer Primary' });
  const id = idInUrl(opened.page);
  await answer(opened.page, 'stabilise-1', 'Clearly');
  const key = `waypoint.assessment.${id}`;
  await waitUntil(async () => opened.page.evaluate((key) => (localStorage.getItem(key) || '').includes('"levels"'), key), { what: 'the answer saved' });
  const record = JSON.parse(await opened.page.evaluate((key) => localStorage.getItem(key), key));
  const changed = JSON.stringify(change(record));
  await opened.page.evaluate(([key, text]) => localStorage.setItem(key, text), [key, changed]);
  return { ...opened, id, key, changed };
}

test('a record from a newer version holds saving and asks for a reload; nothing of it is lost', async () => {
  const { context, page, errors, id, key, changed } = await storedAndChanged((r) => ({ ...r, schema: 6, confidence: 'high' }));
  await page.reload();
  await page.waitForSelector('.site-footer');
  const banner = page.getByRole('alert').filter({ hasText: 'A newer version of Waypoint is in use' });
  await banner.waitFor();
  assert.match(await banner.innerText(), new RegExp(key.replace('.', '\\.')));
  // Another change elsewhere is not saved, and the newer record is left exactly as it was.
  await page.goto(app.server.url);
  await createAssessment(page, { school: 'Second Primary' });
  await answer(page, 'stabilise-2', 'Partly');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), key), changed);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('waypoint.unreadable.')).length), 0, 'not kept aside as damage');
  assert.ok(id);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an assessment an older version stored with a date that is not a date still opens; the text is kept', async () => {
  // Older versions imported files without checking dates, so a stored record may hold this.
  const { context, page, errors, id, key } = await storedAndChanged((r) => ({ ...r, date: '23/11/2026' }));
  await page.reload();
  await page.waitForSelector('.site-footer');
  await page.goto(`${app.server.url}#/assessment/${id}`);
  const assessed = page.locator('time').filter({ hasText: 'unknown' });
  await assessed.waitFor();
  assert.equal(await assessed.getAttribute('datetime'), '');
  await answer(page, 'stabilise-2', 'Partly');
  await waitUntil(async () => page.evaluate((key) => (localStorage.getItem(key) || '').includes('"levels":"cp'), key), { what: 'the new answer saved' });
  const record = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), key));
  assert.equal(record.date, '23/11/2026', 'the text as stored is kept');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('waypoint.unreadable.')).length), 0, 'not kept aside as damage');
  await page.screenshot({ path: '/tmp/dates-unknown-date.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a trust calendar an older version stored with dates that are not dates opens; they are kept until entered again, one field at a time', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.goto(`${app.server.url}#/trust/calendar`);
  await page.getByRole('heading', { level: 1, name: 'Trust calendar' }).waitFor();
  await page.getByLabel('Include: Standards committee').check();
  const stored = () => page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('waypoint.calendar.'));
    return key ? { key, record: JSON.parse(localStorage.getItem(key)) } : null;
  });
  await waitUntil(async () => (await stored())?.record.items.some((i) => i.title === 'Standards committee' && i.on), { what: 'the calendar saved' });
  // Older versions imported files without checking dates, so a stored calendar may hold these.
  const { key, record } = await stored();
  const standards = record.items.findIndex((i) => i.title === 'Standards committee');
  record.items[standards].first = '1st Sept';
  record.year_end = '31/07/2027';
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [key, JSON.stringify(record)]);
  await page.reload();
  const heading = page.locator('#calendar-due-heading');
  await heading.waitFor();
  assert.match(await heading.innerText(), /to unknown$/);
  assert.equal(await page.locator('#year-end').inputValue(), '');
  const first = page.getByLabel('First date: Standards committee');
  assert.equal(await first.inputValue(), '');
  // One date entered: the checks ask for the other, and nothing is saved yet.
  await page.locator('#year-end').fill(record.year_start.replace(/^(\d{4})-09-01$/, (_, y) => `${Number(y) + 1}-07-31`));
  await page.getByRole('alert').filter({ hasText: 'Enter the first date of “Standards committee” as a full date.' }).waitFor();
  assert.equal((await stored()).record.year_end, '31/07/2027', 'the text as stored is kept until the calendar is whole');
  assert.equal((await stored()).record.items[standards].first, '1st Sept');
  await page.screenshot({ path: join(ARTIFACTS, 'calendar-unknown-dates.png'), fullPage: true });
  // The other entered: the calendar is whole again, saved with real dates.
  await first.fill(record.year_start);
  await waitUntil(async () => (await stored()).record.items[standards].first === record.year_start, { what: 'the calendar saved whole' });
  assert.match((await stored()).record.year_end, /^\d{4}-07-31$/);
  assert.equal(await page.getByRole('alert').filter({ hasText: 'Enter the' }).count(), 0);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('waypoint.unreadable.')).length), 0, 'not kept aside as damage');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an answer this version does not know is not damage: saving is held, the record kept', async () => {
  const { context, page, errors, key, changed } = await storedAndChanged((r) => ({ ...r, answers: { ...r.answers, 'new-feature': { level: 'mostly' } } }));
  await page.reload();
  await page.waitForSelector('.site-footer');
  await page.getByRole('alert').filter({ hasText: 'A newer version of Waypoint is in use' }).waitFor();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('waypoint.unreadable.')).length), 0);
  await page.goto(app.server.url);
  await page.waitForSelector('.site-footer');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), key), changed);
  assert.deepEqual(errors, []);
  await context.close();
});

test('fields this version does not know are written back with the next answer', async () => {
  const { context, page, errors, id, key } = await storedAndChanged((r) => ({ ...r, confidence: { by: 'the head' }, answers: { ...r.answers, weights: [1, 2] } }));
  await page.reload();
  await page.waitForSelector('.assessment-layout');
  await answer(page, 'stabilise-3', 'Partly');
  await waitUntil(async () => {
    const r = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), key));
    return r.answers.levels?.[2] === 'p' && r;
  }, { what: 'the new answer saved' });
  const record = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), key));
  assert.deepEqual(record.confidence, { by: 'the head' });
  assert.deepEqual(record.answers.weights, [1, 2]);
  assert.equal(record.schema, 5);
  assert.ok(id);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A Waypoint export of `count` assessments of one school, each with a note. */
function exportOf(count, { date = '2026-11-01', note = 'Evidence seen in class.' } = {}) {
  return JSON.stringify({
    format: 'waypoint', schema: 5,
    schools: [{ id: 'sx', name: 'Import Primary', created_ms: 1, updated_ms: 1 }], trusts: [],
    assessments: Array.from({ length: count }, (_, n) => ({
      id: `ax${n}`, school_id: 'sx', scope: { kind: 'whole_school' }, date, assessors: 'A. Head',
      answers: { levels: 'c'.repeat(28), notes: { 'stabilise-1': note } }, created_ms: 10 + n, updated_ms: 10 + n,
    })),
    workshops: [], trajectories: [], plans: [], categorisations: [], calendars: [],
  });
}

async function importFile(page, name, body) {
  await page.goto(app.server.url);
  await page.waitForSelector('.site-footer');
  await page.locator('#import-store-files').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(body) ? body : Buffer.from(body) });
}

test('an import checks the real room left, counting what else is stored here', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  // Another app's data under the same address leaves about 0.2 MB.
  await page.evaluate(() => localStorage.setItem('another-app', 'x'.repeat(5_000_000)));
  await importFile(page, 'big.json', exportOf(1500));
  const refused = page.locator('.import-messages li.problem', { hasText: 'would not fit' });
  await refused.waitFor({ timeout: 60_000 });
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('waypoint.assessment.')).length);
  assert.equal(kept, 0, 'nothing written');
  await page.evaluate(() => localStorage.removeItem('another-app'));
  assert.deepEqual(errors, []);
  await context.close();
});

test("an import is held to the forms' limits and dates, and names a file's encoding", async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await importFile(page, 'long-note.json', exportOf(1, { note: 'x'.repeat(1_000_000) }));
  await page.locator('.import-messages li.problem', { hasText: 'long-note.json: not imported' }).filter({ hasText: 'the form takes at most 10000' }).waitFor({ timeout: 60_000 });
  await importFile(page, 'far.json', exportOf(1, { date: '9999-01-01' }));
  await page.locator('.import-messages li.problem', { hasText: 'far.json: not imported' }).filter({ hasText: 'more than 5 years from now' }).waitFor();
  const utf16 = Buffer.from('\ufeff' + exportOf(1), 'utf16le').swap16();
  await importFile(page, 'utf16.json', utf16);
  await page.locator('.import-messages li.problem', { hasText: 'utf16.json: not imported' }).filter({ hasText: 'UTF-16BE' }).waitFor();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('waypoint.assessment.')).length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs: text typed into an assessment deleted in the other is kept and offered back', async () => {
  const { context, page: first, errors } = await openApp(app.browser, app.server.url, { init: refuseWritesWhenAsked });
  await createAssessment(first, { school: 'Tab Primary' });
  const key = `waypoint.assessment.${idInUrl(first)}`;
  const second = await context.newPage();
  second.on('pageerror', (e) => errors.push(String(e)));
  await second.goto(first.url());
  await second.waitForSelector('.assessment-layout');
  // The first tab's typing is not saved yet (its writes refused), when the second tab
  // deletes the assessment.
  await first.evaluate(() => sessionStorage.setItem('fill-quota', 'yes'));
  await (await noteField(first, 'stabilise-1')).fill('Typed while it was deleted');
  await first.getByRole('alert').filter({ hasText: 'Changes are not being saved' }).waitFor();
  await second.evaluate((key) => {
    localStorage.removeItem(key);
    localStorage.setItem('waypoint.revision', 'deleted-elsewhere');
  }, key);
  const kept = first.locator('section.recovered');
  await kept.getByText('Typed while it was deleted').waitFor();
  assert.match(await kept.innerText(), /deleted in another tab or window/);
  assert.ok(await kept.getByRole('button', { name: 'Copy this text' }).isVisible());
  await first.screenshot({ path: join(ARTIFACTS, 'deleted-elsewhere.png') });
  await second.close();
  assert.deepEqual(errors.filter((e) => !/quota/i.test(e)), []);
  await context.close();
});

test('offline, a page that shows a QR code still shows it once the app has been opened', async () => {
  const { context, page, errors } = await openWith(workshopRecords(0));
  await controlledByWorker(page);
  // The workers are kept with the release once it is complete.
  await waitUntil(async () => page.evaluate(async () => {
    for (const name of await caches.keys()) {
      const paths = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
      if (paths.some((p) => /encoder-[0-9a-f]+_bg\.wasm$/.test(p))) return true;
    }
    return false;
  }), { what: 'the encoder kept', timeout: 60_000 });
  await context.setOffline(true);
  await page.goto(app.server.url + '#/workshop/w1/join');
  // The page's own outcome, whichever comes (a code, or the reason there is none): on a
  // busy machine an offline start can take long, so the cap is the test's, not a guess.
  await page.locator('svg.qr-code, .qr-unavailable').first().waitFor({ timeout: 200_000 });
  assert.equal(await page.locator('.qr-unavailable').count(), 0, 'the code maker was kept for offline use');
  assert.equal(await page.locator('svg.qr-code').count(), 1);
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the presentation of a workshop that is not here says so', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.goto(app.server.url + '#/workshop/nosuchworkshop/present');
  await page.getByRole('heading', { name: 'Workshop not found' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a missing index record is said, and not rewritten with "Unknown school" on loading', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Indexed Primary' });
  await answer(page, 'stabilise-1', 'Clearly');
  await waitUntil(async () => page.evaluate(() => localStorage.getItem('waypoint.meta') !== null), { what: 'the index saved' });
  await page.evaluate(() => localStorage.removeItem('waypoint.meta'));
  await page.reload();
  await page.waitForSelector('.site-footer');
  await page.getByRole('alert').filter({ hasText: 'index of schools and trusts (waypoint.meta) is missing' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('waypoint.meta')), null, 'the index is not rewritten with unknown schools on loading');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a form takes a date far from today only once it is confirmed', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url, { viewport: { width: 360, height: 740 } });
  await page.getByRole('link', { name: /new assessment|start your first/i }).first().click();
  await page.getByLabel('School', { exact: true }).fill('Far Date Primary');
  await page.getByLabel('Date').fill('2062-01-01');
  await page.getByText('more than 5 years from now: is that right?').waitFor();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.locator('.error-summary', { hasText: 'Check the date' }).waitFor();
  assert.equal(await page.locator('.assessment-layout').count(), 0, 'not created');
  await page.getByLabel('Yes, this date is right').check();
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.waitForSelector('.assessment-layout');
  await page.screenshot({ path: join(ARTIFACTS, 'far-date.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
