import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { useApp, openApp, todayIso } from './harness.mjs';
const app = useApp();
const FRAMEWORK = JSON.parse(await readFile(new URL('../../content/four_stages.json', import.meta.url), 'utf8'));
function answers(levels) { return Object.fromEntries(FRAMEWORK.features.map((f) => [f.id, { level: levels[f.stage] ?? 'not_seen' }])); }
const REPAIR = answers({ stabilise: 'partly', repair: 'clearly' });
function addDays(iso, days) { const d = new Date(`${iso}T12:00:00Z`); d.setUTCDate(d.getUTCDate() + days); return d.toISOString().slice(0, 10); }
test('measure', async () => {
  const today = todayIso();
  const at = Date.now() - 86400000;
  const file = { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'waypoint', schema: 4, assessments: [
    { school: 'Ash Primary', date: addDays(today, -40), answers: REPAIR },
    { school: 'Ash Primary', date: addDays(today, -20), answers: REPAIR },
    { school: 'Ash Primary', date: addDays(today, -15), answers: REPAIR, scope: { kind: 'year_group', name: 'EYFS' } },
  ].map((a, i) => ({ id: `imp-${i}`, assessors: '', created_ms: at, updated_ms: at, scope: { kind: 'whole_school' }, ...a })) })) };
  for (const vp of [{ width: 1280, height: 720 }, { width: 360, height: 740 }]) {
    const { context, page } = await openApp(app.browser, app.server.url, { viewport: vp });
    await page.getByLabel('Choose Waypoint files, or drop them here').setInputFiles(file);
    await page.locator('.import .import-messages li').first().waitFor();
    await page.goto(`${app.server.url}#/assessment/imp-1`);
    await page.waitForSelector('.assessment-layout');
    const m = await page.evaluate(() => {
      const out = {};
      out.total = document.documentElement.scrollHeight;
      out.fg = document.querySelector('.questions .feature-group').getBoundingClientRect().height;
      const walk = (sel) => [...document.querySelectorAll(sel)].map((e) => `${e.tagName}.${e.className.split(' ').join('.')}#${e.id} ${Math.round(e.getBoundingClientRect().height)}`);
      out.main = walk('main > *, .assessment-layout > *, .questions > *, .questions-toolbar > *, aside.result > *, .after-assessment > *, .assessment-head > *, body > * , header > *');
      return out;
    });
    console.log(vp.width, JSON.stringify(m, null, 1));
    await page.screenshot({ path: `/tmp/shorter/before-${vp.width}.png`, fullPage: true });
    await context.close();
  }
});
