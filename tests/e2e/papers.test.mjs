// Board papers and a calendar a trust can use as they are (issue 21): the board summary
// opens with one table of every school and gives a page only to a school with something
// to report; the headteacher's report carries the teams and Carter's Early Years / Year 6
// warning (both checked page by page from the PDF); the calendar holds only what the
// trust set up and what the data makes due, never on a bank holiday or in the trust's
// holidays, decisions spread across the weeks; the trust overview tells the board's
// category from Waypoint's suggestion and categorises every school in one table; typed
// text survives a form closing; reassessing keeps the rest of a part in one step; a file
// of another kind says what it is; plain words on the head's and chief executive's paths;
// shorter pages. Also (issue 22, point 5): every form with a date asks to confirm one far
// from today, at phone and desktop widths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, rm, mkdir, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  useApp, openApp, axeViolations, todayIso, shownDate, storedRecords, answer, showPart, waitUntil, ARTIFACTS,
} from './harness.mjs';

const app = useApp();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const FRAMEWORK = JSON.parse(await readFile(join(ROOT, 'content/four_stages.json'), 'utf8'));
const BANK_HOLIDAYS = new Set(JSON.parse(await readFile(join(ROOT, 'content/bank_holidays.json'), 'utf8')).events.map((e) => e.date));

function addDays(iso, days) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const weekday = (iso) => (new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
const mondayOf = (iso) => addDays(iso, -weekday(iso));

/** Answers for every feature: `levels` by stage, e.g. { stabilise: 'partly', repair: 'clearly' }. */
function answers(levels) {
  return Object.fromEntries(FRAMEWORK.features.map((f) => [f.id, { level: levels[f.stage] ?? 'not_seen' }]));
}
const REPAIR = answers({ stabilise: 'partly', repair: 'clearly' });
const SUSTAIN = answers({ repair: 'clearly', improve: 'clearly', sustain: 'clearly' });
const IMPROVE = answers({ repair: 'clearly', improve: 'clearly' });

/** A Waypoint file (the older one-file format, which every version reads) of assessments. */
function storeFile(name, assessments) {
  const at = Date.now() - 86_400_000;
  return {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({
      format: 'waypoint',
      schema: 4,
      assessments: assessments.map((a, i) => ({
        id: `imp-${i}`, assessors: '', created_ms: at, updated_ms: at, scope: { kind: 'whole_school' }, ...a,
      })),
    })),
  };
}

async function importFile(page, file) {
  await page.goto(app.server.url);
  await page.getByLabel('Choose Waypoint files, or drop them here').setInputFiles(file);
  await page.locator('.import .import-messages li').first().waitFor();
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(ARTIFACTS, file.suggestedFilename());
  await file.saveAs(path);
  return readFile(path, 'utf8');
}

/** The events of an iCalendar file: { date, summary, categories }. */
function icsEvents(text) {
  const lines = [];
  for (const raw of text.split('\r\n').filter(Boolean)) {
    if (raw.startsWith(' ')) lines[lines.length - 1] += raw.slice(1);
    else lines.push(raw);
  }
  const events = [];
  let e = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') e = {};
    else if (line === 'END:VEVENT') { events.push(e); e = null; } else if (e) {
      const [key, value] = [line.slice(0, line.indexOf(':')).split(';')[0], line.slice(line.indexOf(':') + 1)];
      if (key === 'DTSTART') e.date = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
      if (key === 'SUMMARY') e.summary = value.replace(/\\(.)/g, '$1');
      if (key === 'CATEGORIES') e.categories = value;
    }
  }
  return events;
}

/** The text of each page of a PDF (pdftotext), and a picture of each (pdftoppm). */
async function pdfPages(page, name) {
  await page.emulateMedia({ media: 'print' });
  const pdf = join(ARTIFACTS, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const dir = join(ARTIFACTS, `${name}-pages`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, join(dir, 'page')]);
  const count = Number(execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)[1]);
  assert.equal((await readdir(dir)).length, count, 'a picture of every page');
  const pages = [];
  for (let i = 1; i <= count; i++) {
    pages.push(execFileSync('pdftotext', ['-layout', '-f', String(i), '-l', String(i), pdf, '-']).toString());
  }
  return pages;
}

const THREE_SCHOOLS = (today) => storeFile('three.json', [
  { school: 'Ash Primary', date: addDays(today, -20), answers: REPAIR },
  { school: 'Ash Primary', date: addDays(today, -15), answers: REPAIR, scope: { kind: 'year_group', name: 'EYFS' } },
  { school: 'Ash Primary', date: addDays(today, -12), answers: REPAIR, scope: { kind: 'year_group', name: 'Year 6' } },
  { school: 'Birch Academy', date: addDays(today, -20), answers: SUSTAIN },
  { school: 'Cedar School', date: addDays(today, -20), answers: IMPROVE },
]);

async function openSchool(page, name) {
  await page.goto(`${app.server.url}#/trust`);
  await page.locator('.trust-table').first().getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function commission(page, target) {
  await page.getByRole('button', { name: 'Commission an intervention' }).click();
  const form = page.locator('form.commission-form');
  await form.getByLabel('Owner').fill('Deputy head');
  await form.getByLabel('Target').fill(target);
  await form.getByLabel('Success criteria').fill('Attendance at 95% for two half terms');
  await page.getByRole('button', { name: 'Commission', exact: true }).click();
  const card = page.locator('.intervention', { hasText: target });
  await card.waitFor();
  return card;
}

test('board summary and headteacher’s report: one table, a page only with news, teams and warnings; page by page from the PDF', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  const today = todayIso();
  await importFile(page, THREE_SCHOOLS(today));

  // Cedar: one intervention stopped, its impact recorded as not met.
  await openSchool(page, 'Cedar School');
  const card = await commission(page, 'Persistent absence below 10%');
  await card.getByRole('button', { name: 'Record impact' }).click();
  await card.getByLabel('Evidence of impact').fill('Half-termly attendance data');
  await card.getByLabel('Success criteria not met').check();
  await card.getByRole('button', { name: 'Save the impact' }).click();
  await card.locator('.impact-facts').waitFor();
  await card.getByLabel('Status').selectOption('stopped');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('waypoint.plan.') && localStorage.getItem(k).includes('"stopped"')));

  await page.goto(`${app.server.url}#/trust/board`);
  await page.getByRole('heading', { level: 1, name: 'Summary of intervention plans' }).waitFor();
  const table = page.locator('table', { hasText: 'Every school: the board' });
  const rows = await table.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, 3, 'every school in the one table');
  assert.match(rows.find((r) => r.startsWith('Cedar')), /Not yet categorised\s+Improve\s+\S+\s+1 stopped\s+1 with success criteria not met/);
  assert.match(rows.find((r) => r.startsWith('Birch')), /Not yet categorised\s+Sustain\s+Low\s+None/);
  const ownPages = await page.locator('article h2.new-page').allInnerTexts();
  assert.deepEqual(ownPages, ['Ash Primary', 'Cedar School'], 'Birch has nothing to report: no page of its own');
  assert.match(await page.locator('.board-quiet').innerText(), /Nothing more to report on Birch Academy/);
  assert.deepEqual(await axeViolations(page), [], 'board summary');
  const board = await pdfPages(page, 'papers-board');
  assert.equal(board.length, 3, `the trust's table, then Ash and Cedar (${board.length} pages)`);
  assert.match(board[0], /Every school/);
  for (const name of ['Ash Primary', 'Birch Academy', 'Cedar School']) assert.match(board[0], new RegExp(name), `${name} in the first page's table`);
  assert.match(board[1].trim(), /^Ash Primary/, 'page 2 is Ash');
  assert.match(board[1], /Red flags/);
  assert.match(board[1], /No intervention has been commissioned for these yet/, 'the flags without an intervention are pointed out');
  assert.match(board[2].trim(), /^Cedar School/, 'page 3 is Cedar');
  assert.match(board[2], /Persistent absence/);
  assert.doesNotMatch(board.join('\n'), /No interventions commissioned|0\s+0\s+0\s+0/);

  // The headteacher's report: the teams and Carter's warning, in one document.
  await openSchool(page, 'Ash Primary');
  await page.getByRole('link', { name: "Headteacher's report to the board" }).click();
  const report = page.locator('article.report');
  await report.getByRole('heading', { name: 'Teams, year groups and subjects' }).waitFor();
  const text = await report.innerText();
  assert.match(text, /Year group: EYFS\s+\d+\s\w+\s\d{4}\s+Repair/);
  assert.match(text, /Year group: Year 6\s+\d+\s\w+\s\d{4}\s+Repair/);
  assert.match(text, /Carter warns of “big implications in a primary school if EY and Year 6 were to be in need of repair at the same time”/);
  assert.deepEqual(await axeViolations(page), [], "headteacher's report");
  const head = await pdfPages(page, 'papers-head-report');
  assert.ok(head.length <= 3, `one short document (${head.length} pages)`);
  const all = head.join('\n');
  for (const part of ['Pupil attainment', 'Progress', 'Teams, year groups and subjects', 'big implications', 'Implementation of the school improvement plan']) {
    assert.ok(all.includes(part), `${part} in the PDF`);
  }
  head.forEach((p, i) => assert.ok(p.trim().length > 200, `page ${i + 1} is not blank`));
  assert.doesNotMatch(all, /four-step cycle, step 4/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the calendar: only what the trust set up and the data makes due; no bank holiday or trust holiday; decisions spread; words agree', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  const today = todayIso();
  const names = Array.from({ length: 12 }, (_, i) => `School ${String(i + 1).padStart(2, '0')}`);
  await importFile(page, storeFile('twelve.json', names.map((school) => ({ school, date: addDays(today, -30), answers: IMPROVE }))));
  await page.goto(`${app.server.url}#/trust/calendar`);
  await page.getByRole('heading', { level: 1, name: 'Trust calendar' }).waitFor();
  // Nothing of the cadence is on the calendar until the trust ticks it.
  const unticked = await page.locator('.cadence-table input[type=checkbox]').evaluateAll((boxes) => boxes.filter((b) => b.checked).length);
  assert.equal(unticked, 0);
  let events = icsEvents(await download(page, () => page.getByRole('button', { name: 'Download calendar (.ics)' }).click()));
  assert.ok(events.every((e) => e.categories !== 'Trust cadence'), 'no meeting the trust never set up');
  assert.ok(events.every((e) => e.date >= today), 'nothing past by default');
  const decisions = events.filter((e) => e.categories === 'Categorisation');
  assert.equal(decisions.length, 12);
  const perWeek = {};
  for (const e of decisions) perWeek[mondayOf(e.date)] = (perWeek[mondayOf(e.date)] || 0) + 1;
  assert.ok(Object.values(perWeek).every((n) => n <= 2), `at most two decisions a week: ${JSON.stringify(perWeek)}`);
  for (const e of events) {
    assert.ok(weekday(e.date) < 5, `${e.summary} on a weekend (${e.date})`);
    assert.ok(!BANK_HOLIDAYS.has(e.date), `${e.summary} on a bank holiday (${e.date})`);
  }
  assert.match(await page.locator('#terms-heading + p + p').innerText(), /GOV\.UK's list .* copied into Waypoint on \d+\s\w+\s\d{4}/);

  // Term dates read from an .ics file: a holiday over the next fortnight moves everything after it.
  const compact = (iso) => iso.replaceAll('-', '');
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 9 ? 0 : 1);
  const holidayFrom = today;
  const holidayTo = addDays(today, 13);
  const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0',
    'BEGIN:VEVENT', 'SUMMARY:Autumn term', `DTSTART;VALUE=DATE:${year}0902`, `DTEND;VALUE=DATE:${year}1219`, 'END:VEVENT',
    'BEGIN:VEVENT', 'SUMMARY:Spring term', `DTSTART;VALUE=DATE:${year + 1}0105`, `DTEND;VALUE=DATE:${year + 1}0326`, 'END:VEVENT',
    'BEGIN:VEVENT', 'SUMMARY:Summer term', `DTSTART;VALUE=DATE:${year + 1}0412`, `DTEND;VALUE=DATE:${year + 1}0722`, 'END:VEVENT',
    'BEGIN:VEVENT', 'SUMMARY:Half term holiday', `DTSTART;VALUE=DATE:${compact(holidayFrom)}`, `DTEND;VALUE=DATE:${compact(addDays(holidayTo, 1))}`, 'END:VEVENT',
    'END:VCALENDAR', ''].join('\r\n');
  await page.getByLabel('Read term dates from an .ics file').setInputFiles({ name: 'terms.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
  await page.getByText(/terms\.ics: 3 terms and 1 holiday for this school year read/).waitFor();
  assert.equal(await page.locator('.term-table[data-list=term] tbody tr').count(), 3);
  events = icsEvents(await download(page, () => page.getByRole('button', { name: 'Download calendar (.ics)' }).click()));
  const terms = [[`${year}-09-02`, `${year}-12-18`], [`${year + 1}-01-05`, `${year + 1}-03-25`], [`${year + 1}-04-12`, `${year + 1}-07-21`]];
  for (const e of events) {
    assert.ok(e.date < holidayFrom || e.date > holidayTo, `${e.summary} in the holiday (${e.date})`);
    if (e.date <= `${year + 1}-07-31`) assert.ok(terms.some(([a, b]) => e.date >= a && e.date <= b), `${e.summary} outside the terms (${e.date})`);
  }
  // The trust ticks one meeting: only it joins the calendar; past dates only when asked for.
  await page.getByLabel('Include: Standards committee').check();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('waypoint.calendar.') && localStorage.getItem(k).includes('"on":true')));
  await page.getByLabel('Show').selectOption('year');
  const year_ = icsEvents(await download(page, () => page.getByRole('button', { name: 'Download calendar (.ics)' }).click()));
  assert.deepEqual([...new Set(year_.filter((e) => e.categories === 'Trust cadence').map((e) => e.summary))], ['Standards committee']);
  assert.deepEqual(await axeViolations(page), [], 'calendar');
  await page.screenshot({ path: join(ARTIFACTS, 'papers-calendar.png'), fullPage: true });

  // The words about reassessing agree with the dates: six months, not "each term".
  await page.goto(`${app.server.url}#/trust`);
  await page.locator('.trust-table').first().getByRole('link', { name: 'School 01' }).click();
  await page.getByRole('heading', { level: 1, name: 'School 01' }).waitFor();
  const body = await page.locator('main').innerText();
  assert.match(body, /Reassess every 6 months/);
  assert.doesNotMatch(body, /each term|this term/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the trust overview: category and suggestion look different and sort apart; flags a mark; every school categorised in one table', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await importFile(page, THREE_SCHOOLS(todayIso()));
  await page.goto(`${app.server.url}#/trust`);
  const overview = page.locator('.trust-table').first();
  await overview.waitFor();
  // Red flags: a compact mark, the detail one click away.
  const ash = overview.locator('tbody tr', { hasText: 'Ash Primary' });
  const mark = ash.locator('details.flag-mark').first();
  assert.match(await mark.locator('summary').innerText(), /^⚑ \d+/);
  assert.equal(await mark.evaluate((d) => d.open), false);
  assert.ok((await ash.boundingBox()).height < 200, 'the row is not a wall of text');
  await mark.locator('summary').click();
  assert.match(await mark.locator('ul').innerText(), /Red flag:/);

  // Every school categorised in one table: Birch High (Waypoint suggests Low), Ash Moderate.
  const form = page.locator('.categorise-all');
  await form.getByLabel('Ash Primary', { exact: true }).selectOption('moderate');
  await form.getByLabel('Birch Academy', { exact: true }).selectOption('high');
  await form.getByLabel('Decided by').fill('Trust board');
  await form.getByLabel('Rationale for these decisions').fill('Autumn categorisation meeting');
  await form.getByRole('button', { name: 'Record these decisions' }).click();
  await form.getByText('2 decisions recorded: Ash Primary, Birch Academy.').waitFor();
  const stored = await storedRecords(page, 'categorisation');
  assert.deepEqual(stored.map((c) => c.category).sort(), ['high', 'moderate']);
  assert.ok(stored.every((c) => c.decided_by === 'Trust board' && c.rationale === 'Autumn categorisation meeting'));

  // The board's category and Waypoint's suggestion look different.
  const birch = overview.locator('tbody tr', { hasText: 'Birch Academy' });
  const look = (el) => el.evaluate((e) => { const s = getComputedStyle(e); return `${s.backgroundColor}|${s.borderStyle}|${s.fontStyle}`; });
  assert.notEqual(await look(birch.locator('.category')), await look(birch.locator('.suggestion')));
  assert.equal(await birch.locator('.category').innerText(), 'High');
  assert.equal(await birch.locator('.suggestion').innerText(), 'Low');
  // Sorted by the board's category, or by Waypoint's suggestion.
  const order = async () => (await overview.locator('tbody th[scope=row]').allInnerTexts()).map((t) => t.trim());
  await page.getByLabel('Sort by').selectOption('category');
  assert.deepEqual(await order(), ['Birch Academy', 'Ash Primary', 'Cedar School']);
  await page.getByLabel('Sort by').selectOption('need');
  assert.deepEqual((await order()).at(-1), 'Birch Academy', 'Low by the suggestion, last');
  assert.deepEqual(await axeViolations(page), [], 'trust overview');
  await page.screenshot({ path: join(ARTIFACTS, 'papers-trust.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('no typed text is lost: every form keeps its draft when it closes', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await importFile(page, THREE_SCHOOLS(todayIso()));
  await openSchool(page, 'Cedar School');

  // The impact form: a failed save, then a change of status re-draws the card.
  const card = await commission(page, 'Reading at the expected standard');
  await card.getByRole('button', { name: 'Record impact' }).click();
  await card.getByLabel('Evidence of impact').fill('Key stage 2 reading scores');
  await card.getByLabel('Improvements in practice').fill('Guided reading daily');
  await card.getByRole('button', { name: 'Save the impact' }).click();
  await card.locator('.form-error', { hasText: 'Choose a verdict' }).waitFor();
  await card.getByLabel('Status').selectOption({ label: 'Planned' });
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('waypoint.plan.') && localStorage.getItem(k).includes('"planned"')));
  assert.equal(await card.getByLabel('Evidence of impact').inputValue(), 'Key stage 2 reading scores');
  assert.equal(await card.getByLabel('Improvements in practice').inputValue(), 'Guided reading daily');

  // Each form: type, leave the page (or reload), come back: the text is there.
  const forms = [
    { open: () => card.getByRole('button', { name: 'Record a review' }).click(), field: () => card.getByLabel('What the review found'), text: 'Two classes behind' },
    { open: () => page.getByRole('button', { name: "Record the board's decision" }).click(), field: () => page.locator('.category-panel').getByLabel('Rationale'), text: 'New head in post' },
    { open: () => page.getByRole('button', { name: 'Rename school' }).click(), field: () => page.locator('#rename-school'), text: 'Cedar Church School' },
    { open: async () => {}, field: () => page.locator('#point-period'), text: '2025' },
    { open: () => page.getByRole('button', { name: 'Commission an intervention' }).click(), field: () => page.locator('form.commission-form').getByLabel('Target'), text: 'Writing at greater depth' },
  ];
  for (const form of forms) {
    await form.open();
    await form.field().fill(form.text);
  }
  await page.goto(`${app.server.url}#/trust`);
  await openSchool(page, 'Cedar School');
  for (const form of forms) {
    const field = form.field();
    if (!(await field.isVisible().catch(() => false))) await form.open();
    assert.equal(await form.field().inputValue(), form.text, `kept: ${form.text}`);
  }
  // A form that saves forgets its draft.
  await page.locator('.category-panel').getByLabel('High need: intensive bespoke support').check();
  await page.locator('.category-panel').getByLabel('Decided by').fill('Board');
  await page.getByRole('button', { name: 'Save the decision' }).click();
  await page.getByRole('button', { name: "Record the board's decision" }).click();
  assert.equal(await page.locator('.category-panel').getByLabel('Rationale').inputValue(), '');

  // The trust's table, a new assessment and a new workshop.
  await page.goto(`${app.server.url}#/trust`);
  await page.locator('.categorise-all').getByLabel('Decided by').fill('Standards committee');
  await page.reload();
  assert.equal(await page.locator('.categorise-all').getByLabel('Decided by').inputValue(), 'Standards committee');
  await page.goto(`${app.server.url}#/new`);
  await page.getByLabel('School', { exact: true }).fill('Damson Infants');
  await page.goto(app.server.url);
  await page.goto(`${app.server.url}#/new`);
  assert.equal(await page.getByLabel('School', { exact: true }).inputValue(), 'Damson Infants');
  await page.goto(`${app.server.url}#/workshop/new`);
  await page.getByLabel('Trust', { exact: true }).fill('Oak Learning Trust');
  await page.reload();
  assert.equal(await page.getByLabel('Trust', { exact: true }).inputValue(), 'Oak Learning Trust');
  assert.deepEqual(errors, []);
  await context.close();
});

test('no typed text is lost: the details, reassessing and workshop forms keep their drafts too', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await importFile(page, THREE_SCHOOLS(todayIso()));
  const [first] = await storedRecords(page);
  const kept = async (field, text) => assert.equal(await field().inputValue(), text, `kept: ${text}`);

  // An assessment's details: typed, reloaded (the form opens again), cancelled, reopened.
  await page.goto(`${app.server.url}#/assessment/${first.id}`);
  const details = () => page.locator('.details-editor').getByLabel('Assessed by');
  await page.getByRole('button', { name: 'Edit details' }).click();
  await details().fill('Mrs Oduya and Mr Hall');
  await page.reload();
  await kept(details, 'Mrs Oduya and Mr Hall');
  await page.locator('.details-editor').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await kept(details, 'Mrs Oduya and Mr Hall');
  // Saved, the draft is forgotten: the form shows what is stored.
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.locator('.assessment-head .meta', { hasText: 'by Mrs Oduya and Mr Hall' }).waitFor();
  await details().waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.includes('edit-details')).length), 0, 'no draft left after saving');

  // Reassessing: who assesses, typed, then a visit elsewhere.
  const reassessor = () => page.getByLabel('Assessed by');
  await page.goto(`${app.server.url}#/assessment/${first.id}/reassess`);
  await reassessor().fill('Governors’ standards panel');
  await page.goto(app.server.url);
  await page.goto(`${app.server.url}#/assessment/${first.id}/reassess`);
  await kept(reassessor, 'Governors’ standards panel');

  // A workshop: a member's name and pasted answer links, then the grid's new person.
  await page.goto(`${app.server.url}#/workshop/new`);
  await page.getByLabel('Trust', { exact: true }).fill('Elm Learning Trust');
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await page.locator('#new-member-name').waitFor();
  const workshop = page.url().match(/#\/workshop\/([^/?]+)/)[1];
  const memberName = () => page.locator('#new-member-name');
  const pasted = () => page.locator('#answer-links');
  await memberName().fill('Sam Okafor');
  await pasted().fill('From the chat: two links to follow');
  await page.reload();
  await kept(memberName, 'Sam Okafor');
  await kept(pasted, 'From the chat: two links to follow');
  const person = () => page.locator('#grid-name');
  await page.goto(`${app.server.url}#/workshop/${workshop}/grid`);
  await person().fill('Priya Shah');
  await page.goto(`${app.server.url}#/workshop/${workshop}`);
  await page.goto(`${app.server.url}#/workshop/${workshop}/grid`);
  await kept(person, 'Priya Shah');

  // A member joining by link: the name, typed on the join page, then a reload.
  await page.goto(`${app.server.url}#/workshop/${workshop}/join`);
  const link = await waitUntil(async () => {
    const value = await page.locator('#join-link').inputValue();
    return value.includes('#/join/') && value;
  }, { what: 'the join link' });
  const member = await context.newPage();
  await member.goto(link);
  const name = () => member.getByLabel('Your name');
  await name().fill('Dee Patel');
  await member.reload();
  await kept(name, 'Dee Patel');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Waypoint's box under a date far from today, and the date used (more than 5 years on). */
const CONFIRM_FAR = 'Yes, this date is right';
const FAR = '2062-01-01';

/**
 * A form's date field (issue 22, point 5): a near date asks nothing; a far one is
 * questioned beside the field, and saving is refused, saying why, until the box under it
 * is ticked; then it saves (`saved` waits for what shows it was).
 */
async function farDateConfirmed(page, { name, form, field, save, saved, far = FAR, shot }) {
  const around = () => field().locator('xpath=..'); // the field's own <div class="field">
  await field().fill(addDays(todayIso(), 14));
  assert.equal(await around().locator('.far-date').count(), 0, `${name}: a near date asks nothing`);
  assert.equal(await around().getByLabel(CONFIRM_FAR).count(), 0, `${name}: no box under a near date`);
  await field().fill(far);
  await around().locator('.far-date', { hasText: 'is that right?' }).waitFor();
  assert.match(await around().locator('.far-date').innerText(), new RegExp(`${shownDate(far).replace(/\s/g, '\\s')} is more than`));
  await save();
  await form().getByText(/Check the date: .* If it is right, tick/).first().waitFor();
  if (shot) await page.screenshot({ path: join(ARTIFACTS, `far-date-${shot}.png`) });
  assert.deepEqual(await axeViolations(page), [], `${name}: axe, with the question and the problem shown`);
  for (const box of await form().getByLabel(CONFIRM_FAR).all()) await box.check();
  await save();
  await saved();
}

for (const [size, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 720 }]]) {
  test(`every form with a date asks to confirm a date far from today, and saves it once confirmed (${size})`, async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, { viewport });
    await importFile(page, THREE_SCHOOLS(todayIso()));
    const shown = shownDate(FAR);
    const shot = (name) => `${name}-${size}`;

    // The school's page: the board's category decision.
    await openSchool(page, 'Cedar School');
    const category = () => page.locator('.category-panel');
    await page.getByRole('button', { name: "Record the board's decision" }).click();
    await category().getByLabel('High need: intensive bespoke support').check();
    await category().getByLabel('Decided by').fill('Board');
    await category().getByLabel('Rationale').fill('Planned review');
    await farDateConfirmed(page, {
      name: 'category decision', form: () => category().locator('form'), field: () => category().getByLabel('Date of the decision'),
      save: () => page.getByRole('button', { name: 'Save the decision' }).click(),
      saved: () => category().locator('table', { hasText: shown }).waitFor(),
      shot: shot('category'),
    });

    // A performance trajectory point (its date is optional).
    await page.locator('#point-period').fill('2061');
    await farDateConfirmed(page, {
      name: 'trajectory point', form: () => page.locator('form.add-point'), field: () => page.locator('#point-date'),
      save: () => page.getByRole('button', { name: 'Add point' }).click(),
      saved: () => page.locator('.points-table th', { hasText: `2061 (${shown})` }).waitFor(),
      shot: shot('trajectory'),
    });

    // Commissioning an intervention: both its dates far.
    await page.getByRole('button', { name: 'Commission an intervention' }).click();
    const commissioning = () => page.locator('form.commission-form');
    await commissioning().getByLabel('Owner').fill('Deputy head');
    await commissioning().getByLabel('Target').fill('Reading at the expected standard');
    await commissioning().getByLabel('Success criteria').fill('Reading at 80%');
    await commissioning().getByLabel('Time limit', { exact: true }).fill('2062-06-01');
    await farDateConfirmed(page, {
      name: 'commission', form: commissioning, field: () => commissioning().getByLabel('Start', { exact: true }),
      save: () => page.getByRole('button', { name: 'Commission', exact: true }).click(),
      saved: () => page.locator('.intervention', { hasText: 'Reading at the expected standard' }).waitFor(),
    });
    const card = page.locator('.intervention', { hasText: 'Reading at the expected standard' });

    // Its review, and its impact (a date far in the past).
    await card.getByRole('button', { name: 'Record a review' }).click();
    await farDateConfirmed(page, {
      name: 'review', form: () => card.locator('form.review-form'), field: () => card.getByLabel('Review date'),
      save: () => card.getByRole('button', { name: 'Save review' }).click(),
      saved: () => card.locator('li', { hasText: `${shown}:` }).waitFor(),
      shot: shot('review'),
    });
    await card.getByRole('button', { name: 'Record impact' }).click();
    await card.getByLabel('Improvements in practice').fill('Guided reading daily');
    await card.getByLabel('Evidence of impact').fill('Key stage 2 reading scores');
    await card.getByLabel('Success criteria met', { exact: true }).check();
    await farDateConfirmed(page, {
      name: 'impact', form: () => card.locator('form.impact-form'), field: () => card.getByLabel('Date of the impact review'),
      far: '1990-01-01',
      save: () => card.getByRole('button', { name: 'Save the impact' }).click(),
      saved: () => card.getByText(`(recorded ${shownDate('1990-01-01')})`).waitFor(),
      shot: shot('impact'),
    });

    // Every school categorised in one table.
    await page.goto(`${app.server.url}#/trust`);
    const table = () => page.locator('.categorise-all form');
    await table().getByLabel('Ash Primary', { exact: true }).selectOption('moderate');
    await table().getByLabel('Decided by').fill('Trust board');
    await table().getByLabel('Rationale for these decisions').fill('Planning ahead');
    await farDateConfirmed(page, {
      name: 'categorise every school', form: table, field: () => table().getByLabel('Date of the decisions'),
      save: () => table().getByRole('button', { name: 'Record these decisions' }).click(),
      saved: () => table().getByText('1 decision recorded: Ash Primary.').waitFor(),
      shot: shot('categorise-all'),
    });

    // The trust's school year, saved as it changes: a near date at once, a far one only
    // once confirmed.
    await page.goto(`${app.server.url}#/trust/calendar`);
    const yearStart = page.locator('#year-start');
    const yearField = () => yearStart.locator('xpath=..');
    const storedStart = async () => (await storedRecords(page, 'calendar'))[0]?.year_start;
    const near = addDays(todayIso(), -60);
    await yearStart.fill(near);
    await waitUntil(async () => (await storedStart()) === near, { what: 'a near start saved at once' });
    assert.equal(await yearField().locator('.far-date').count(), 0, 'a near start asks nothing');
    await yearStart.fill(FAR);
    await yearField().locator('.far-date', { hasText: `${shown} is more than 5 years from now: is that right?` }).waitFor();
    if (size === 'phone') await page.screenshot({ path: join(ARTIFACTS, 'far-date-calendar-phone.png') });
    assert.deepEqual(await axeViolations(page), [], 'calendar: axe, with the question shown');
    assert.equal(await storedStart(), near, 'a far start is not saved before it is confirmed');
    await yearField().getByLabel(CONFIRM_FAR).click(); // saves it, and the question goes
    await waitUntil(async () => (await storedStart()) === FAR, { what: 'the confirmed start saved' });
    await yearField().locator('.far-date').waitFor({ state: 'detached' });
    // A term's last day, in the table of term dates (within that school year), the same way.
    await page.getByRole('button', { name: 'Add a term' }).click();
    const lastDay = page.getByLabel('Last day: New term');
    const storedTerm = async () => (await storedRecords(page, 'calendar'))[0]?.terms?.[0]?.last;
    const termEnds = '2062-03-27';
    await lastDay.fill(termEnds);
    await lastDay.locator('xpath=..').locator('.far-date', { hasText: 'more than 5 years from now' }).waitFor();
    await lastDay.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, `far-date-term-${size}.png`) });
    assert.notEqual(await storedTerm(), termEnds, 'a far last day is not saved before it is confirmed');
    await lastDay.locator('xpath=..').getByLabel(CONFIRM_FAR).click();
    await waitUntil(async () => (await storedTerm()) === termEnds, { what: 'the confirmed last day saved' });

    // An assessment's details, and a reassessment.
    const [first] = await storedRecords(page);
    await page.goto(`${app.server.url}#/assessment/${first.id}`);
    await page.getByRole('button', { name: 'Edit details' }).click();
    const details = () => page.locator('.details-editor form');
    await farDateConfirmed(page, {
      name: 'assessment details', form: details, field: () => details().getByLabel('Date', { exact: true }),
      save: () => details().getByRole('button', { name: 'Save details' }).click(),
      saved: () => page.locator('.assessment-head .meta', { hasText: `Assessed ${shown}` }).waitFor(),
    });
    await page.goto(`${app.server.url}#/assessment/${first.id}/reassess`);
    await farDateConfirmed(page, {
      name: 'reassessment', form: () => page.locator('form'), field: () => page.getByLabel('Date of the new assessment'),
      save: () => page.getByRole('button', { name: 'Start the reassessment' }).click(),
      saved: () => page.locator('.assessment-head .meta', { hasText: `Assessed ${shown}` }).waitFor(),
      shot: shot('reassess'),
    });

    // A new workshop.
    await page.goto(`${app.server.url}#/workshop/new`);
    await page.getByLabel('Trust', { exact: true }).fill('Far Learning Trust');
    await farDateConfirmed(page, {
      name: 'new workshop', form: () => page.locator('form').first(), field: () => page.getByLabel('Date', { exact: true }),
      save: () => page.getByRole('button', { name: 'Start workshop' }).click(),
      saved: () => page.locator('#new-member-name').waitFor(),
    });
    const workshops = await storedRecords(page, 'workshop');
    assert.ok(workshops.some((w) => w.date === FAR), 'the workshop kept its confirmed date');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('reassessing: keep the rest of this part as it was, once per part', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await importFile(page, THREE_SCHOOLS(todayIso()));
  await openSchool(page, 'Birch Academy');
  await page.getByRole('link', { name: 'Reassess now: Whole school' }).click();
  await page.getByLabel('Date of the new assessment').fill(todayIso());
  await page.getByRole('button', { name: 'Start the reassessment' }).click();
  await page.waitForSelector('.assessment-layout');
  await showPart(page, 'Repair');
  await answer(page, 'repair-2', 'Partly');
  const keep = page.getByRole('button', { name: 'Keep the rest of this part as it was' });
  assert.equal(await keep.count(), 1, 'once in the part');
  await keep.click();
  await keep.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.feature-group .review-mark.unreviewed').count(), 0, 'every answer of the part looked at');
  assert.equal(await page.locator('.feature-group .review-mark.changed').count(), 1);
  // One click instead of one a question; the other parts still ask.
  await showPart(page, 'Improve');
  assert.equal(await page.getByRole('button', { name: 'Keep the rest of this part as it was' }).count(), 1);
  assert.ok(await page.locator('.feature-group .review-mark.unreviewed').count() > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file of another kind says what it is and what to do', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.getByLabel('Choose Waypoint files, or drop them here').setInputFiles([
    { name: 'schools.csv', mimeType: 'text/csv', buffer: Buffer.from('School,Stage\nAsh,Repair\n') },
    { name: 'minutes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n') },
  ]);
  const messages = page.locator('.import .import-messages li.problem');
  await page.waitForFunction(() => document.querySelectorAll('.import .import-messages li.problem').length === 2);
  const text = (await messages.allInnerTexts()).join('\n');
  assert.match(text, /schools\.csv: not imported\. This is a CSV file\. Waypoint imports the \.json files it downloads\. Nothing was changed\./);
  assert.match(text, /minutes\.pdf: not imported\. This is a PDF file\. Waypoint imports the \.json files it downloads\./);
  assert.doesNotMatch(text, /expected value at line/);
  assert.deepEqual(errors.filter((e) => !/not imported/.test(e)), []);
  await context.close();
});

test('plain English on the head’s and chief executive’s paths; Waypoint’s words keyed once a page; shorter pages', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await importFile(page, THREE_SCHOOLS(todayIso()));
  const jargon = [/Diagnosis source/, /\(tentative\)/, /between stages or mixed/, /could not be weighed/, /four-step cycle, step 4/, /has not said whether/, /not Carter's words/];
  const check = async (where) => {
    const text = await page.locator('body').innerText();
    for (const j of jargon) assert.doesNotMatch(text, j, `${where}: ${j}`);
  };
  await page.goto(`${app.server.url}#/trust`);
  await page.locator('.trust-table').first().waitFor();
  await check('trust overview');
  assert.equal(await page.locator('.waypoint-key').count(), 1, 'the key once on the page');
  await openSchool(page, 'Ash Primary');
  await check('school page');
  assert.equal(await page.locator('.waypoint-key').count(), 1);
  // The assessment page: the questions, and at most two screens of anything else.
  await page.locator('.reassess-list li', { hasText: 'Whole school' }).getByRole('link', { name: 'Open latest' }).click();
  await page.waitForSelector('.assessment-layout');
  await page.locator('fieldset[data-feature] .note-box summary').first().click();
  await check('assessment page');
  assert.equal(await page.locator('.waypoint-key').count(), 1);
  assert.ok(await page.locator('.waypoint-mark').count() > 1, 'marks beside Waypoint’s words');
  const { other, screen } = await page.evaluate(() => ({
    other: document.documentElement.scrollHeight - document.querySelector('.questions .feature-group').getBoundingClientRect().height,
    screen: window.innerHeight,
  }));
  assert.ok(other <= 2 * screen, `other material is ${other}px, more than two screens of ${screen}px`);
  await page.goto(`${app.server.url}#/trust/board`);
  await page.getByRole('heading', { level: 1, name: 'Summary of intervention plans' }).waitFor();
  await check('board summary');

  // At 360 px the team results are a table, not a shrunken chart.
  await page.setViewportSize({ width: 360, height: 740 });
  await openSchool(page, 'Ash Primary');
  const teams = page.locator('section', { has: page.getByRole('heading', { name: /teams/i }) }).first();
  assert.equal(await teams.locator('.grid-chart').first().isVisible(), false, 'no chart squeezed to 360 px');
  assert.ok(await teams.locator('table.grid-table').first().isVisible());
  await page.screenshot({ path: join(ARTIFACTS, 'papers-school-360.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
