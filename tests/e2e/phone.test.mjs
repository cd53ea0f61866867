// A first assessment on a phone (360 × 740), from the first answer to the result: a stage
// at a time, the questions or the result (a switch at the top, saying the stage), next
// steps in the page's own flow, charts drawn for the screen's pixel density with their
// figures in the cells and no label cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useApp, openApp, createAssessment, ARTIFACTS, axeViolations } from './harness.mjs';

const app = useApp();

// Records every text drawn on a canvas, to see what the charts say.
const recordCanvasText = () => {
  window.__drawn = [];
  const real = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
    window.__drawn.push(String(text));
    return real.call(this, text, ...rest);
  };
};

test('on a phone: answer a stage at a time, switch to the result, read it without scrolling inside a panel', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url, {
    viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, init: recordCanvasText,
  });
  await createAssessment(page, { school: 'Harbour Primary' });
  // One stage on the page at a time: the first stage's features only.
  assert.equal(await page.locator('fieldset.feature').count(), 8);
  assert.match(await page.locator('.feature-group h3').innerText(), /Stabilise \(1 of 4\)/);
  // One thing at a time: the questions, and a switch at the top to the result, which
  // says the stage so that it stays in sight while answering.
  const toResult = page.locator('.view-switch').getByRole('button', { name: /^Result/ });
  assert.ok(await toResult.isVisible(), 'phones get the switch');
  assert.equal(await toResult.getAttribute('aria-pressed'), 'false');
  assert.match(await toResult.innerText(), /No stage yet/);
  assert.equal(await page.locator('#result-heading').isVisible(), false, 'the result waits for its turn');

  // Answer every stage, moving on with "Next", each answer a tap on its label.
  const levels = { Stabilise: 'not_seen', Repair: 'partly', Improve: 'clearly', Sustain: 'not_seen' };
  for (const [stage, level] of Object.entries(levels)) {
    assert.match(await page.locator('.feature-group h3').innerText(), new RegExp(`^${stage}`));
    for (const label of await page.locator(`.feature-group label.level-${level}`).all()) await label.click();
    if (stage !== 'Sustain') {
      await page.getByRole('button', { name: /^Next: / }).click();
      await page.waitForFunction(() => document.activeElement.tagName === 'H3');
    }
  }
  assert.equal(await page.locator('.progress label').innerText(), '28 of 28 answered');
  assert.equal(await page.locator('.step-button[aria-current="step"] .group-count').innerText(), '6 of 6 answered');
  // The stage in the switch, in sight at the top of the screen after the last answer.
  assert.match(await toResult.innerText(), /Result\s+Improve/);
  const bar = await page.locator('.view-switch').boundingBox();
  assert.ok(bar.y >= -1 && bar.y < 5, `the switch stays at the top while answering (at ${bar.y})`);

  // "See the result" (and the switch) take the reader to it.
  await page.getByRole('button', { name: 'See the result' }).click();
  await page.waitForFunction(() => document.activeElement.id === 'result-heading');
  const heading = await page.locator('#result-heading').boundingBox();
  assert.ok(heading.y > -2 && heading.y < 740, `the result heading is on screen (at ${heading.y})`);
  assert.equal(await page.locator('.best-fit .stage-badge').innerText(), 'Improve');
  // Nothing scrolls inside a panel: the next steps are in the page's flow.
  const inner = await page.locator('.result').evaluate((r) => ({ overflow: getComputedStyle(r).overflowY, scroll: r.scrollHeight - r.clientHeight }));
  assert.ok(inner.overflow !== 'auto' && inner.overflow !== 'scroll' && inner.scroll <= 1, `result panel scrolls inside itself: ${JSON.stringify(inner)}`);
  assert.equal(await page.locator('.questions').isVisible(), false, 'the questions wait for their turn');
  await page.getByRole('heading', { name: 'What would move you on' }).scrollIntoViewIfNeeded();
  assert.ok(await page.getByRole('heading', { name: 'What would move you on' }).isVisible());

  // The chart: drawn at the screen's density (3x), figures in its cells, labels whole.
  const chart = await page.locator('.result canvas.chart').evaluate((c) => ({ ratio: c.width / c.clientWidth }));
  assert.ok(chart.ratio >= 2.95, `chart drawn at ${chart.ratio.toFixed(2)} device pixels per CSS pixel`);
  const drawn = await page.evaluate(() => window.__drawn);
  for (const figure of ['100%', '50%', '0%']) assert.ok(drawn.includes(figure), `the chart shows ${figure}`);
  // On a phone the chart takes its narrow layout: labels wrap onto more lines, word by word.
  const external = [...new Set(drawn.filter((t) => /External|support|system role/.test(t)))];
  assert.equal(external.join(' '), 'External support and system role', 'labels wrap whole');
  assert.ok(!drawn.some((t) => t.includes('…')), 'no label is cut');

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scroll at 360 px (overflow ${overflow})`);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: join(ARTIFACTS, 'phone-result.png'), fullPage: true });
  // And back, from the foot of the result.
  await page.getByRole('link', { name: 'Back to the questions' }).click();
  await page.waitForFunction(() => document.activeElement.id === 'questions-heading');
  assert.ok(await page.locator('.feature-group').isVisible());
  assert.equal(await page.locator('#result-heading').isVisible(), false);
  assert.deepEqual(await axeViolations(page), [], 'the questions, with the switch');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a wide screen there is no switch: the result sits beside the questions', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url, { deviceScaleFactor: 2, init: recordCanvasText });
  await createAssessment(page, { school: 'Wide Screen Academy' });
  assert.equal(await page.locator('.view-switch').isVisible(), false);
  const [questions, result] = await Promise.all([page.locator('.questions').boundingBox(), page.locator('.result').boundingBox()]);
  assert.ok(result.x > questions.x + questions.width - 1, 'side by side');
  // Stretched wider than drawn (the presentation view, a projector): drawn sharper still.
  await page.locator('.result canvas.chart').evaluate((c) => { c.style.maxWidth = 'none'; c.style.width = '1200px'; });
  await page.setViewportSize({ width: 1500, height: 1000 });
  await page.waitForFunction(() => {
    const c = document.querySelector('.result canvas.chart');
    return c.width >= 2 * c.clientWidth - 2;
  });
  assert.deepEqual(errors, []);
  await context.close();
});
