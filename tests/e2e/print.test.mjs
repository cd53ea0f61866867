// Print as a board pack, checked page by page from the PDF Chromium makes: the report
// starts with the result, the change since last time and the school's intervention plan, then
// the answers; no page is under a fifth full (but the last), no page ends on a heading,
// dates never split; workshop results print the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, rm, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  useApp, openApp, createAssessment, answer, noteField, ARTIFACTS, shownDate,
} from './harness.mjs';

const app = useApp();

const COUNTS = { stabilise: 8, repair: 7, improve: 7, sustain: 6 };
const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';

const decode = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The lines of text of each page of a PDF, top to bottom, with their positions (points). */
function textPages(pdf) {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => {
    const lines = [...p[3].matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)]
      .map((l) => ({ top: +l[1], bottom: +l[2], text: decode([...l[3].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ')) }));
    lines.sort((a, b) => a.top - b.top);
    return { height: +p[2], lines };
  });
}

/** How far down each page ink reaches, as a share of the printable height (A4, 16 mm
 *  margins top and bottom), from pictures of the pages (`pdftoppm`). */
async function fullness(pdf, name) {
  const dir = join(ARTIFACTS, `${name}-pages`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  execFileSync('pdftoppm', ['-r', '30', '-gray', pdf, join(dir, 'page')]);
  execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(dir, 'page')]);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
  const shares = [];
  for (const file of files) {
    const data = await readFile(join(dir, file));
    const header = data.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
    const [, width, height] = header.map(Number);
    const pixels = data.subarray(header[0].length);
    let last = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (pixels[y * width + x] < 200) { last = y; break; }
      }
    }
    const margin = height * 16 / 297;
    shares.push((last - margin) / (height - 2 * margin));
  }
  return shares;
}

/** Checks a printed page of the app page by page; returns the text pages. */
async function checkPdf(page, name, headingsSelector) {
  await page.emulateMedia({ media: 'print' });
  const headings = await page.$$eval(headingsSelector, (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean));
  const pdf = join(ARTIFACTS, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const pages = textPages(pdf);
  const shares = await fullness(pdf, name);
  assert.equal(shares.length, pages.length);
  // No page but the last is under a fifth full.
  shares.slice(0, -1).forEach((share, i) => assert.ok(share >= 0.2, `${name}: page ${i + 1} is only ${(share * 100).toFixed(0)}% full`));
  // No page ends on a heading: its content would be on the next page.
  pages.slice(0, -1).forEach((p, i) => {
    const last = p.lines.at(-1)?.text.replace(/\s+/g, ' ').trim() ?? '';
    const stranded = headings.find((h) => h === last || (last.length > 6 && h.endsWith(last)));
    assert.ok(!stranded, `${name}: page ${i + 1} ends with the heading “${stranded}”`);
  });
  // Dates never split across lines.
  const lines = pages.flatMap((p) => p.lines.map((l) => l.text));
  lines.slice(0, -1).forEach((line, i) => {
    const next = lines[i + 1];
    const split = (new RegExp(`(^|\\s)\\d{1,2}$`).test(line) && new RegExp(`^(${MONTHS})\\b`).test(next))
      || (new RegExp(`\\b\\d{1,2} (${MONTHS})$`).test(line) && /^\d{4}\b/.test(next));
    assert.ok(!split, `${name}: a date is split: “${line}” / “${next}”`);
  });
  assert.doesNotMatch(lines.join('\n'), /\b20\d\d-\d\d-\d\d\b/, `${name}: dates are written the UK way, never as ISO`);
  return pages;
}

async function answerAll(page, levels, notes = {}) {
  for (const [stage, n] of Object.entries(COUNTS)) {
    for (let i = 1; i <= n; i++) await answer(page, `${stage}-${i}`, levels[stage]);
  }
  for (const [id, text] of Object.entries(notes)) await (await noteField(page, id)).fill(text);
}

async function commission(page, { target, kind, partner = '', start = '2026-09-07', end = '2027-07-16' }) {
  await page.getByRole('button', { name: 'Commission an intervention' }).click();
  await page.getByLabel(kind).check();
  if (partner) await page.getByLabel(/Supporting school|Trust lead|External provider/).fill(partner);
  await page.getByLabel('Owner').fill('Deputy head');
  await page.getByLabel('Target').fill(target);
  await page.getByLabel('Start').fill(start);
  await page.getByLabel('Time limit').fill(end);
  await page.getByLabel('Success criteria').fill('Termly assessments show the target is met, confirmed by the trust');
  await page.getByRole('button', { name: 'Commission', exact: true }).click();
  await page.locator('.intervention', { hasText: target }).first().waitFor();
}

const EVIDENCE = 'Seen in learning walks, work scrutiny and the governors’ minutes for the autumn term; the SLT and the trust’s DTL agree.';

test('the report prints as a board pack: result, change, plan, then answers; checked page by page', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await createAssessment(page, { school: 'Elm Park Academy', date: '2026-07-10', assessors: 'J. Patel and the SLT' });
  const notes = Object.fromEntries(['stabilise-4', 'repair-1', 'repair-3', 'repair-6', 'improve-2', 'improve-5', 'sustain-1', 'sustain-4'].map((id) => [id, EVIDENCE]));
  await answerAll(page, { stabilise: 'Partly', repair: 'Clearly', improve: 'Partly', sustain: 'Not seen' }, notes);
  await commission(page, { target: 'Attendance rises to 95% with persistent absence halved', kind: 'External intervention', partner: 'Attendance advisory service' });
  // Reassess: four answers move on, one moves back.
  await page.getByRole('link', { name: /Elm Park Academy/ }).first().click();
  await page.getByRole('link', { name: 'Reassess now: Whole school' }).click();
  await page.getByLabel('Date of the new assessment').fill('2026-12-18');
  await page.getByRole('button', { name: 'Start the reassessment' }).click();
  await page.waitForSelector('.assessment-layout');
  for (const id of ['improve-1', 'improve-2', 'improve-3']) await answer(page, id, 'Clearly');
  await answer(page, 'stabilise-4', 'Not seen');
  await answer(page, 'repair-6', 'Partly');
  await commission(page, { target: 'Middle leaders lead improvement in their subjects', kind: 'Direct Trust intervention', partner: 'DTL' });
  await page.getByRole('link', { name: 'Open the printable report' }).click();
  await page.locator('.report canvas.chart').waitFor();

  // The order of a board pack.
  const order = await page.$$eval('.report h2', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(order, ['Result', 'Intervention plan', 'Next steps', 'Answers and evidence', 'Terms used']);
  const sections = await page.$$eval('.report h2, .report .since h3', (hs) => hs.map((h) => h.textContent));
  assert.equal(sections[1], `Change since ${shownDate('2026-07-10')}`, 'the change since last time follows the result');
  // One intervention plan for the school: both interventions, wherever they were commissioned.
  const plan = await page.locator('.report .plan-table tbody tr').allInnerTexts();
  assert.equal(plan.length, 2);
  // The chart is drawn sharp for print: at least twice the pixels it is shown at.
  const sharp = await page.$eval('.report canvas.chart', (c) => c.width / c.clientWidth);
  assert.ok(sharp >= 2, `chart drawn at ${sharp}x`);

  const pages = await checkPdf(page, 'report', '.report h1, .report h2, .report h3, .report h4, .report caption, .report th.report-stage, .report .best-fit-label');
  assert.ok(pages.length >= 3 && pages.length <= 8, `report pages: ${pages.length}`);
  // The first page is not a near-empty cover: the result starts on it.
  const first = pages[0].lines.map((l) => l.text).join('\n');
  assert.match(first, /Elm Park Academy/);
  assert.match(first, /^Stage$/m);
  // Every answer's table keeps the same columns on every page: one table, fixed columns.
  await page.emulateMedia({ media: 'print' });
  const widths = await page.$$eval('.answers-table tbody tr:not(.stage-row)', (rows) => [...new Set(rows.map((r) => Math.round(r.cells[0].getBoundingClientRect().width)))]);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(widths.length, 1, `feature column widths: ${widths}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('workshop results print too, page by page', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.getByRole('link', { name: 'New workshop' }).click();
  await page.getByLabel('Trust', { exact: true }).fill('Oak Learning Trust');
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await page.getByRole('heading', { level: 1, name: 'Oak Learning Trust' }).waitFor();
  const people = [['Ann Evans', 'Board member'], ['Bo Singh', 'Headteacher']];
  for (const [n, [name, role]] of people.entries()) {
    await page.getByLabel('Add a member').fill(name);
    await page.getByLabel('Role').selectOption(role);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('.answering-as', { hasText: `Answering as ${name}` }).waitFor();
    const practices = await page.$$eval('[data-practice]', (fs) => fs.map((f) => f.dataset.practice).slice(0, 24));
    for (const [i, practice] of practices.entries()) {
      const positions = ['autonomous', 'partly_aligned', 'aligned', 'largely_standardised', 'standardised'];
      await page.locator(`label[for="${practice}-now-${positions[(i + n) % 5]}"]`).click();
      await page.locator(`label[for="${practice}-want-${positions[(i + 2 * n + 2) % 5]}"]`).click();
    }
  }
  await page.getByRole('link', { name: 'See the results' }).first().click();
  await page.locator('.workshop-results canvas.chart').first().waitFor();
  await page.getByRole('button', { name: 'Print' }).waitFor();
  const pages = await checkPdf(page, 'workshop', '.workshop-results h1, .workshop-results h2, .workshop-results h3');
  assert.ok(pages.length >= 2, `workshop pages: ${pages.length}`);
  assert.deepEqual(errors, []);
  await context.close();
});
