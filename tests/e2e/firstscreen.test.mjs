// The first screen of a first visit is drawn from index.html before the WebAssembly has
// loaded (Lighthouse's largest paint); the app then puts its own in its place. The two
// must be the same, word for word and box for box, or the page would change under the
// reader (and the largest paint would move to the app's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './harness.mjs';

const app = useApp();
const PARTS = ['header.site-header', 'main .page-head', 'main .empty-state', 'main .empty-state p'];

/** The text and box of each part (`null` for one that is not there). */
const boxesOf = (page, parts) => page.evaluate((parts) => parts.map((selector) => {
  const e = document.querySelector(selector);
  if (!e) return null;
  const r = e.getBoundingClientRect();
  return { selector, text: e.textContent.replace(/\s+/g, ' ').trim(), box: [r.x, r.y, r.width, r.height].map(Math.round) };
}), parts);
const measure = (page) => boxesOf(page, PARTS);

test('the first screen in index.html is the home page the app draws, box for box', async () => {
  for (const viewport of [{ width: 412, height: 823 }, { width: 1400, height: 1000 }]) {
    // Before the app: its script never arrives, so only the page's own first screen is there.
    const before = await app.browser.newContext({ viewport });
    await before.route(/\.(js|wasm)$/, (route) => route.abort());
    const page = await before.newPage();
    await page.goto(app.server.url);
    await page.waitForSelector('#first-screen');
    const shell = await measure(page);
    await before.close();
    assert.ok(shell.every(Boolean), 'index.html has the first screen');
    const { context, page: live, errors } = await openApp(app.browser, app.server.url, { viewport });
    await live.getByRole('heading', { name: 'Where is your school on its improvement journey?' }).waitFor();
    assert.deepEqual(await measure(live), shell, `at ${viewport.width} px`);
    assert.equal(await live.locator('#first-screen').count(), 0, 'the copy is gone once the app is in');
    assert.equal(await live.locator('main').count(), 1);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('anyone with saved data, or opening another page, never sees the first-visit screen', async () => {
  const { context, page, errors } = await openApp(app.browser, `${app.server.url}#/glossary`);
  const seen = [];
  await page.exposeFunction('__saw', (text) => seen.push(text));
  // Watch a reload with data: the empty home must not flash before the app's list.
  await page.evaluate(() => localStorage.setItem('waypoint.meta', JSON.stringify({ format: 'waypoint', schema: 5, schools: [], trusts: [] })));
  await context.addInitScript(() => {
    // Once the page is parsed, long before the app is in: is the first-visit screen there?
    document.addEventListener('DOMContentLoaded', () => {
      if (document.getElementById('first-screen')) window.__saw?.('first screen');
    });
  });
  await page.goto(app.server.url);
  await page.waitForSelector('.site-footer');
  assert.equal(await page.locator('#first-screen').count(), 0);
  assert.deepEqual(seen, []);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Checks that `hash`'s first screen in index.html (`parts`, the second being its
 *  heading) is the page the app draws, once `ready` says the app is in, at phone and
 *  desktop widths. */
async function sameFirstScreen(hash, parts, heading, ready) {
  for (const viewport of [{ width: 360, height: 740 }, { width: 412, height: 823 }, { width: 1280, height: 720 }]) {
    const before = await app.browser.newContext({ viewport });
    await before.route(/\.(js|wasm)$/, (route) => route.abort());
    const page = await before.newPage();
    await page.goto(`${app.server.url}${hash}`);
    await page.waitForSelector('#first-screen main h1');
    const shell = await boxesOf(page, parts);
    await before.close();
    assert.ok(shell.every(Boolean), 'index.html has the first screen');
    assert.equal(shell[1].text, heading);
    const { context, page: live, errors } = await openApp(app.browser, `${app.server.url}${hash}`, { viewport });
    await ready(live);
    assert.deepEqual(await boxesOf(live, parts), shell, `at ${viewport.width} px`);
    assert.equal(await live.locator('#first-screen').count(), 0, 'the copy is gone once the app is in');
    assert.deepEqual(errors, []);
    await context.close();
  }
}

// A board member's join link and the facilitator's answer link are drawn early too: their
// heading and introduction, which the pages draw before the link is read (Lighthouse's
// largest paint on a phone). A damaged link keeps the test to the part drawn early; the
// page then says the link cannot be opened, below it.
for (const [kind, heading] of [['join', 'Join the board workshop'], ['answers', 'Answers from a workshop member']]) {
  test(`the first screen of ${kind === 'join' ? 'a join link' : 'an answer link'} is the page the app draws, box for box`, async () => {
    await sameFirstScreen(`#/${kind}/AAAAdamaged`, ['header.site-header', 'main h1', 'main .intro'], heading,
      (page) => page.getByRole('heading', { name: 'This link cannot be opened' }).waitFor());
  });
}

test('the first screen of a new assessment is the page the app draws, box for box', async () => {
  await sameFirstScreen('#/new', ['header.site-header', 'main h1', 'main .lead'], 'New assessment',
    (page) => page.getByLabel('School', { exact: true }).waitFor());
});
