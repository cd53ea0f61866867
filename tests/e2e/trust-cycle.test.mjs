// A board through one school year: diagnose (an evidence note tagged with its source),
// categorise, commission from the source's givers, review twice, record impact, review
// the category, then the board's papers (the summary of intervention plans printed to
// PDF, the half-termly dashboard, the headteacher's report) and the trust calendar
// downloaded as an .ics file that parses. Dates are counted back from today, so the
// year is always the one just lived.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { useApp, openApp, createAssessment, answer, noteField, axeViolations, todayIso, shownDate, storedRecords, ARTIFACTS } from './harness.mjs';

const app = useApp();

/** yyyy-mm-dd `days` from `iso` (negative for earlier). */
function addDays(iso, days) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** yyyy-mm-dd `months` calendar months after `iso` (the day kept, or the month's last). */
function addMonths(iso, months) {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(ARTIFACTS, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

/** Reads iCalendar text as RFC 5545 says: CRLF lines, folded lines continue with a space. */
function parseIcs(text) {
  assert.ok(text.endsWith('\r\n'), 'lines end in CRLF');
  const lines = [];
  for (const raw of text.split('\r\n').filter((l) => l.length)) {
    assert.ok(Buffer.byteLength(raw) <= 75, `line too long: ${raw}`);
    if (raw.startsWith(' ')) lines[lines.length - 1] += raw.slice(1);
    else lines.push(raw);
  }
  const unescape = (v) => v.replace(/\\([\\;,nN])/g, (_, c) => (c === 'n' || c === 'N' ? '\n' : c));
  const events = [];
  let current = null;
  let depth = 0;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const [name, ...params] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') { depth++; if (value === 'VEVENT') current = {}; continue; }
    if (name === 'END') { depth--; if (value === 'VEVENT') { events.push(current); current = null; } continue; }
    if (current) current[name] = { value: unescape(value), params: Object.fromEntries(params.map((p) => p.split('='))) };
  }
  assert.equal(depth, 0, 'every BEGIN has an END');
  return { lines, events };
}

test('a board through one year: categorise, commission, review twice, impact, board papers, calendar', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  const today = todayIso();
  const yearStart = addDays(today, -200);
  const start = addDays(today, -100);
  const end = addDays(today, 40);

  // Diagnosis: a whole-school assessment with two Stabilise concerns clearly seen, and
  // the evidence note of one tagged with where it came from.
  await createAssessment(page, { school: 'Oakfield Primary', date: addDays(yearStart, -5), assessors: 'DTL' });
  for (const id of ['stabilise-4', 'stabilise-6']) await answer(page, id, 'Clearly');
  for (const id of ['repair-1', 'repair-2', 'repair-3', 'repair-4']) await answer(page, id, 'Clearly');
  await (await noteField(page, 'stabilise-4')).fill('Persistent absence 19% in the autumn data');
  await page.locator('#s-stabilise-4-source').selectOption({ label: 'Half-termly data' });
  const assessment = new URL(page.url()).hash.split('/')[2];
  await page.waitForFunction((id) => JSON.parse(localStorage.getItem(`waypoint.assessment.${id}`) || '{}').sources?.['stabilise-4'] === 'half_termly_data', assessment);
  await page.locator('.breadcrumb').getByRole('link', { name: 'Oakfield Primary' }).click();
  await page.getByRole('heading', { level: 1, name: 'Oakfield Primary' }).waitFor();

  // Categorise, seven months ago: the board chooses Moderate; Waypoint suggests High.
  const panel = page.locator('.category-panel');
  assert.match(await panel.innerText(), /Not yet categorised/);
  assert.match(await panel.innerText(), /Waypoint's suggestion\s+High need/);
  await panel.getByRole('button', { name: "Record the board's decision" }).click();
  assert.ok(await panel.getByLabel('Categorisation', { exact: true }).isChecked(), 'a first decision is a categorisation');
  assert.deepEqual(await axeViolations(page), [], 'the category form');
  assert.match(await panel.locator('label', { hasText: 'High need' }).innerText(), /Waypoint's suggestion/);
  await panel.getByLabel('Moderate need: targeted bespoke support').check();
  await panel.getByLabel('Date of the decision').fill(yearStart);
  await panel.getByLabel('Decided by').fill('Trust board');
  await panel.getByLabel('Rationale').fill('New headteacher; attendance is the priority, with support from Elm Park');
  await panel.getByRole('button', { name: 'Save the decision' }).click();
  const reviewDue = addMonths(yearStart, 6);
  await panel.getByText(`Review overdue (due ${shownDate(reviewDue)})`).waitFor();
  const history = panel.locator('table', { hasText: 'Every decision' });
  assert.match(await history.locator('tbody tr').first().innerText(), /Categorisation\s+Moderate\s+Trust board\s+New headteacher.*\s+High/);

  // Commission: the source's order is offered as guidance; the provider from Carter's givers.
  await page.getByRole('button', { name: 'Commission an intervention' }).click();
  const form = page.locator('form.commission-form');
  assert.deepEqual(await axeViolations(page), [], 'the commission form with its guidance');
  assert.match(await form.locator('.guidance').innerText(), /first port of call for improving practice is through school-to-school support[\s\S]*second tier[\s\S]*external advice and support[\s\S]*Why in this order/);
  // The source trust's policy is attributed to that trust.
  assert.match(await form.locator('.guidance').innerText(), /Why in this order, in the source trust's words: “As a small Trust[\s\S]*not your trust's unless you adopt it/);
  await form.getByLabel('External intervention').check();
  // Carter's 2017 names are shown as the source's list, beside the field for the trust's own.
  const list = form.locator('details.source-list');
  assert.match(await list.locator('summary').innerText(), /^The source's list \(Carter's, from 2017\)/);
  await list.locator('summary').click();
  assert.match(await list.innerText(), /Teaching School Alliances[\s\S]*National leaders of education|National leaders of education[\s\S]*Teaching School Alliances/);
  assert.match(await form.locator('.hint', { hasText: 'Type your trust' }).innerText(), /Type your trust's own provider/);
  await form.getByLabel('External provider').fill('National leaders of education');
  await form.getByLabel('Area of need').fill('Behaviour and attendance');
  await form.getByLabel('Owner').fill('Deputy head');
  await form.getByLabel('Target').fill('Attendance rises to 95%, persistent absence below 10%');
  await form.getByLabel('Start').fill(start);
  await form.getByLabel('Time limit').fill(end);
  await form.getByLabel('Review every (weeks)').fill('6');
  await form.getByLabel('Success criteria').fill('Attendance 95% for two half terms');
  await page.getByRole('button', { name: 'Commission', exact: true }).click();
  const card = page.locator('.intervention', { hasText: 'Attendance rises to 95%' });
  await card.waitFor();
  assert.match(await card.innerText(), /Overdue: the review due on/);

  // Review twice, six and twelve weeks in.
  const review = async (date, progress, note) => {
    await card.getByRole('button', { name: 'Record a review' }).click();
    await card.getByLabel('Review date').fill(date);
    await card.getByLabel('Progress').selectOption(progress);
    await card.getByLabel('What the review found').fill(note);
    await card.getByRole('button', { name: 'Save review' }).click();
  };
  await review(addDays(start, 42), 'on_track', 'First-day calling in place');
  await review(addDays(start, 84), 'at_risk', 'Year 4 still below 92%');
  assert.doesNotMatch(await card.innerText(), /Overdue/);

  // Impact against the success criteria, under the source's headings.
  await card.getByRole('button', { name: 'Record impact' }).click();
  await card.getByLabel('Improvements in practice').fill('Every absence followed up the same morning');
  await card.getByLabel('Improvements in systems').fill('Attendance tracker reviewed weekly');
  await card.getByLabel('Improved outcomes for pupils').fill('Attendance 94.1%, up from 91.5%');
  await card.getByRole('button', { name: 'Save the impact' }).click();
  assert.match(await card.locator('.error-summary').innerText(), /evidence/i, 'evidence is required');
  assert.deepEqual(await axeViolations(page), [], 'the impact form, with its error');
  await card.getByLabel('Evidence of impact').fill('Half-termly attendance data; register audits');
  await card.getByRole('button', { name: 'Save the impact' }).click();
  await card.locator('.error-summary').filter({ hasNotText: /evidence/i }).waitFor(); // the evidence given
  assert.match(await card.locator('.error-summary').innerText(), /Choose a verdict/, 'no verdict is chosen for the board');
  await card.getByLabel('Success criteria partly met').check();
  await card.getByRole('button', { name: 'Save the impact' }).click();
  await card.locator('.impact-facts').waitFor();
  assert.match(await card.locator('.impact').innerText(), /Success criteria partly met[\s\S]*Improvements in practice\s+Every absence/);

  // The six-monthly review of the category: High now.
  await panel.getByRole('button', { name: "Record the board's decision" }).click();
  assert.ok(await panel.getByLabel('Review of the category').isChecked(), 'the review is what falls due');
  await panel.getByLabel('High need: intensive bespoke support').check();
  await panel.getByLabel('Decided by').fill('Standards committee');
  await panel.getByLabel('Rationale').fill('Attendance improving too slowly; outcomes below floor');
  await panel.getByRole('button', { name: 'Save the decision' }).click();
  const nextCategorisation = addMonths(yearStart, 12);
  await panel.getByText(`Categorisation due ${shownDate(nextCategorisation)}`).waitFor();
  assert.equal(await history.locator('tbody tr').count(), 2, 'the history keeps both decisions');
  // A decision recorded by mistake can be deleted, and the deletion undone.
  await panel.getByRole('button', { name: 'Delete the newest decision' }).click();
  await panel.getByRole('button', { name: 'Yes, delete' }).click();
  await panel.getByText(`Review overdue (due ${shownDate(reviewDue)})`).waitFor();
  assert.equal(await history.locator('tbody tr').count(), 1, 'the mistaken review is gone');
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await panel.getByText(`Categorisation due ${shownDate(nextCategorisation)}`).waitFor();
  assert.equal(await history.locator('tbody tr').count(), 2, 'and back after Undo');

  // The inside-out view: the absence concern among the pre-conditions, the intervention too.
  const rings = page.locator('.inside-out');
  const pre = rings.locator('.ring-preconditions');
  assert.match(await pre.innerText(), /Concern: Pupil attendance and PA below national floor \(clearly seen\)/);
  assert.match(await pre.innerText(), /Intervention: Attendance rises to 95%/);
  assert.match(await rings.locator('.ring-centre').innerText(), /Concern: Poor student outcomes/);
  assert.match(await rings.innerText(), /Waypoint's mapping/);
  assert.deepEqual(await axeViolations(page), [], 'school page');
  await page.screenshot({ path: join(ARTIFACTS, 'trust-cycle-school.png'), fullPage: true });
  await panel.screenshot({ path: join(ARTIFACTS, 'trust-cycle-category.png') });
  await rings.screenshot({ path: join(ARTIFACTS, 'trust-cycle-rings.png') });
  await card.screenshot({ path: join(ARTIFACTS, 'trust-cycle-intervention.png') });

  // The trust overview shows the category and what falls due.
  await page.goto(`${app.server.url}#/trust`);
  const row = page.locator('.trust-table tbody tr', { hasText: 'Oakfield Primary' }).first();
  assert.match(await row.innerText(), new RegExp(`High\\s+decided ${shownDate(today)}[\\s\\S]*Categorisation due ${shownDate(nextCategorisation)}`));

  // The board summary, printed: a trust page, then a page for the school.
  await page.getByRole('link', { name: 'Board summary of intervention plans' }).click();
  await page.getByRole('heading', { level: 1, name: 'Summary of intervention plans' }).waitFor();
  const trustTable = page.locator('table', { hasText: 'Every school: the board' });
  assert.match(await trustTable.locator('tbody tr').innerText(), /Oakfield Primary\s+High need: intensive bespoke support \(decided [^)]+\)\s+Stabilise\s+High\s+1 at risk/);
  assert.equal(await page.locator('h2.new-page', { hasText: 'Oakfield Primary' }).count(), 1, 'the school starts a new page');
  const school = page.locator('table', { hasText: 'Intervention plans of Oakfield Primary' });
  assert.match(await school.innerText(), /Attendance rises to 95%[\s\S]*External intervention with National leaders of education[\s\S]*At risk\s+Latest: [^\n]+Year 4 still below 92%[\s\S]*Success criteria partly met/);
  assert.deepEqual(await axeViolations(page), [], 'board summary');
  const pdf = join(ARTIFACTS, 'board-summary.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(ARTIFACTS, 'board-summary')]);
  const pages = execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)[1];
  assert.ok(Number(pages) >= 2, `a page for the trust and one for the school (${pages})`);
  const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  assert.match(pdfText, /Summary of intervention plans/);
  assert.match(pdfText, /Attendance rises\s+to 95%/);
  assert.ok(pdfText.split('Oakfield').length > 2, 'the school is on the trust page and on its own');
  assert.doesNotMatch(pdfText, /Print or save as PDF/, 'the toolbar is not printed');

  // The half-termly dashboard: a chart, the table, and the CSV.
  await page.goto(`${app.server.url}#/trust/dashboard`);
  await page.getByRole('heading', { level: 1, name: 'Half-termly dashboard' }).waitFor();
  const bar = page.locator('.bar-row', { hasText: 'Oakfield Primary' }).locator('.bar');
  assert.equal(await bar.getAttribute('aria-label'), 'Oakfield Primary: 1 at risk');
  assert.ok((await bar.boundingBox()).width > 100, 'the bar is drawn');
  const dash = page.locator('table', { hasText: 'Each school at a glance' });
  assert.match(await dash.innerText(), /Oakfield Primary\s+Stabilise[\s\S]*High \(decided[\s\S]*⚑ 2[\s\S]*1 at risk[\s\S]*Review of “Attendance rises to 95%, persistent absence below 10%”/);
  assert.deepEqual(await axeViolations(page), [], 'dashboard');
  await page.screenshot({ path: join(ARTIFACTS, 'trust-cycle-dashboard.png'), fullPage: true });
  const csv = await download(page, () => page.getByRole('button', { name: 'Download (CSV)' }).click());
  assert.match(csv.text, /^\ufeffSchool,Stage,Assessed,Category,/);
  assert.match(csv.text, /Oakfield Primary,Stabilise,[\d-]+,High,/);

  // The headteacher's report to the board: six months of attainment, progress and the plan.
  await page.goto(`${app.server.url}#/trust`);
  await page.locator('.trust-table').getByRole('link', { name: 'Oakfield Primary' }).click();
  await page.getByRole('link', { name: "Headteacher's report to the board" }).click();
  await page.getByText("Headteacher's report to the board").first().waitFor();
  const report = page.locator('article.report');
  assert.match(await report.innerText(), /Reviews held in these six months[\s\S]*First-day calling in place[\s\S]*Year 4 still below 92%/);
  assert.match(await report.innerText(), /High need: intensive bespoke support \(decided/);
  assert.deepEqual(await axeViolations(page), [], "headteacher's report");
  await page.screenshot({ path: join(ARTIFACTS, 'trust-cycle-head-report.png'), fullPage: true });

  // The calendar: the cadence, the reviews and the category's next date; downloaded and parsed.
  await page.goto(`${app.server.url}#/trust/calendar`);
  await page.getByRole('heading', { level: 1, name: 'Trust calendar' }).waitFor();
  const due = page.locator('table', { hasText: 'Dates of the school year' });
  const [year, month] = today.split('-').map(Number);
  const schoolYear = `${month >= 9 ? year : year - 1}-09-01`;
  if (today > schoolYear) assert.ok(!(await due.innerText()).includes('School improvement plans'), 'what is past is left out at first');
  // The trust sets up the meetings it holds: nothing of the cadence is on until then.
  assert.ok(!(await due.innerText()).includes('Standards committee'));
  for (const meeting of ['Standards committee', "Chair's challenge meeting"]) {
    await page.getByLabel(`Include: ${meeting}`).check();
    // Read as JSON: the stored record's keys may come in any order.
    await page.waitForFunction((m) => Object.keys(localStorage).some((k) => k.startsWith('waypoint.calendar.') && (JSON.parse(localStorage.getItem(k)).items ?? []).some((i) => i.title === m && i.first && i.on === true)), meeting);
  }
  await page.getByLabel('Show').selectOption('year');
  assert.match(await due.innerText(), /Oakfield Primary: final review of “Attendance rises to 95%/);
  assert.match(await due.innerText(), /Standards committee/);
  assert.deepEqual(await axeViolations(page), [], 'calendar');
  let ics = await download(page, () => page.getByRole('button', { name: 'Download calendar (.ics)' }).click());
  assert.match(ics.name, /\.ics$/);
  let parsed = parseIcs(ics.text);
  assert.equal(parsed.lines[0], 'BEGIN:VCALENDAR');
  assert.ok(parsed.lines.includes('VERSION:2.0') && parsed.lines.some((l) => l.startsWith('PRODID:')));
  const rows = await due.locator('tbody tr').count();
  assert.equal(parsed.events.length, rows, 'one event per date listed');
  const uids = new Set(parsed.events.map((e) => e.UID.value));
  assert.equal(uids.size, parsed.events.length, 'unique ids');
  for (const e of parsed.events) {
    assert.equal(e.DTSTART.params.VALUE, 'DATE');
    assert.match(e.DTSTART.value, /^\d{8}$/);
    assert.ok(e.DTSTAMP && e.SUMMARY);
  }
  const final = parsed.events.find((e) => e.SUMMARY.value.includes('final review'));
  // On the time limit, or the next working day when that is a weekend or a bank holiday.
  const holidays = new Set(JSON.parse(await readFile(new URL('../../content/bank_holidays.json', import.meta.url), 'utf8')).events.map((e) => e.date));
  let finalDay = end;
  while ([0, 6].includes(new Date(`${finalDay}T12:00:00Z`).getUTCDay()) || holidays.has(finalDay)) finalDay = addDays(finalDay, 1);
  assert.equal(final.DTSTART.value, finalDay.replaceAll('-', ''));
  assert.equal(final.SUMMARY.value, 'Oakfield Primary: final review of “Attendance rises to 95%, persistent absence below 10%”', 'commas survive');
  // The trust adjusts its cadence: no Chair's challenge meetings; the calendar follows.
  const chairs = parsed.events.filter((e) => e.SUMMARY.value === "Chair's challenge meeting").length;
  assert.ok(chairs >= 9, `monthly chair's challenge (${chairs})`);
  await page.getByLabel("Include: Chair's challenge meeting").uncheck();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('waypoint.calendar.') && localStorage.getItem(k).includes('"on":false')));
  ics = await download(page, () => page.getByRole('button', { name: 'Download calendar (.ics)' }).click());
  const after = parseIcs(ics.text).events;
  assert.equal(after.length, parsed.events.length - chairs);
  assert.ok(after.every((e) => uids.has(e.UID.value)), 'the same events keep their ids');
  await page.screenshot({ path: join(ARTIFACTS, 'trust-cycle-calendar.png'), fullPage: true });
  await page.locator('section', { hasText: "The trust's cadence" }).last().screenshot({ path: join(ARTIFACTS, 'trust-cycle-cadence.png') });

  // Everything survives a reload, and travels in the export.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Trust calendar' }).waitFor();
  assert.ok(!(await page.getByLabel("Include: Chair's challenge meeting").isChecked()));
  const categorisations = await storedRecords(page, 'categorisation');
  assert.equal(categorisations.length, 2);
  assert.deepEqual(categorisations.map((c) => c.category).sort(), ['high', 'moderate']);
  assert.equal(categorisations.find((c) => c.category === 'moderate').suggested, 'high');
  await page.goto(`${app.server.url}#/trust`);
  const json = await download(page, () => page.getByRole('button', { name: 'Download file (JSON)' }).click());
  const doc = JSON.parse(json.text);
  assert.equal(doc.categorisations.length, 2);
  assert.equal(doc.calendars.length, 1);
  assert.equal(doc.plans[0].impact.verdict, 'partly_met');
  assert.equal(doc.assessments[0].sources['stabilise-4'], 'half_termly_data');

  assert.deepEqual(errors, []);
  await context.close();
});
