// The whole app split into parts (scripts/split.mjs, src/pages/split_points.rs): each
// landing route fetches the main module and only its own part, the part a landing page
// needs is fetched from the start beside the main module (index.html's starting fetches,
// which must name exactly the files the app's loader asks for), and a page change fetches
// the next page's part before leaving the page shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './harness.mjs';
import { landingRoutes } from '../lighthouse/links.mjs';

const app = useApp();
const isPart = (path) => /-(chunk|split)_\w+\.wasm$/.test(path);

/** Opens the route in a fresh profile (no service worker) and returns the part files it
 *  requested (path → times) and those index.html preloaded. */
async function visit(hash) {
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const requested = new Map();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (isPart(path)) requested.set(path, (requested.get(path) || 0) + 1);
  });
  await page.goto(app.server.url + hash);
  await page.waitForSelector('.site-footer');
  await page.waitForSelector('main h1');
  const preloaded = await page.$$eval('link[rel="preload"][as="fetch"]', (links) => links.map((l) => new URL(l.href).pathname));
  const linked = await page.$$eval('link[rel="waypoint-part"]', (links) => links.map((l) => new URL(l.href).pathname));
  const heading = await page.locator('main h1').first().innerText();
  await context.close();
  return { requested, preloaded: preloaded.filter(isPart), linked: linked.filter(isPart), heading, errors };
}

test('each landing route fetches its own part only, the landing pages from the start, each file once', async () => {
  const routes = landingRoutes().filter((r) => !r.member);
  const seen = {};
  for (const route of routes) {
    const { requested, preloaded, linked, heading, errors } = await visit(route.hash);
    assert.deepEqual(errors, [], route.name);
    assert.ok(heading.length > 0, `${route.name}: a page is drawn`);
    assert.ok(linked.length > 10, `${route.name}: the release lists its parts for the service worker`);
    for (const [path, times] of requested) assert.equal(times, 1, `${route.name}: ${path} fetched once`);
    seen[route.name] = [...requested.keys()].sort();
    if (route.name === 'home') {
      assert.deepEqual(seen.home, [], 'the home page fetches no part');
      assert.deepEqual(preloaded, [], 'nor starts any');
    } else {
      assert.ok(seen[route.name].length > 0, `${route.name}: its part is fetched`);
      // The starting fetches name exactly the files the loader asks for: none wasted, none late.
      assert.deepEqual(preloaded.sort(), seen[route.name], `${route.name}: the starting fetches are the part's files`);
      assert.ok(seen[route.name].length < linked.length, `${route.name}: not every part`);
    }
  }
  // Each landing page has a part of its own.
  const own = (name) => seen[name].filter((p) => p.includes('-split_'));
  assert.match(own('new assessment').join(), /split_draw_new_assessment[_.]/);
  assert.match(own('an assessment (deep link)').join(), /split_draw_assessment[_.]/);
  assert.match(own('share link').join(), /split_draw_shared[_.]/);
});

test('going to a page of another part fetches it first, and the page left stays until the next is drawn', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  const fetched = [];
  page.on('request', (r) => { if (isPart(new URL(r.url()).pathname)) fetched.push(new URL(r.url()).pathname); });
  // The home page stays in place until the glossary's part is in and drawn.
  const homeGone = page.evaluate(() => new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const heading = document.querySelector('main h1');
      if (!heading || heading.textContent !== 'Your assessments') {
        observer.disconnect();
        resolve(heading ? heading.textContent : null);
      }
    });
    observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
  }));
  await page.getByRole('link', { name: 'Glossary' }).first().click();
  assert.equal(await homeGone, 'Glossary', 'the next page replaces the home page directly, with nothing empty between');
  assert.ok(fetched.some((p) => /split_draw_checklist[_.]/.test(p)), `the checklist's part fetched: ${fetched}`);
  // Focus moves to the new page's heading.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a part that cannot be fetched is said on its page, nothing is lost, and trying again opens it', async () => {
  // Before the service worker has kept the release (it would otherwise serve the parts).
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(app.server.url);
  await page.waitForSelector('.site-footer');
  // The connection drops: no part of the app can be fetched.
  const refuse = (route) => route.abort('internetdisconnected');
  await context.route(/-(chunk|split)_\w+\.wasm$/, refuse);
  await page.getByRole('link', { name: 'Glossary' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'This page could not be opened' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Nothing saved in this browser is affected\./);
  // The app goes on: the home page still opens, then the glossary once the connection is back.
  await page.locator('main').getByRole('link', { name: 'Your assessments' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your assessments' }).waitFor();
  await page.getByRole('link', { name: 'Glossary' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'This page could not be opened' }).waitFor();
  await context.unroute(/-(chunk|split)_\w+\.wasm$/, refuse);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
  assert.deepEqual(pageErrors, [], 'the app did not stop');
  await context.close();
});
