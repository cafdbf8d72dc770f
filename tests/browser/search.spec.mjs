// Browser end-to-end test of the search page: Debian's chromium driven by
// playwright-core (no browser download), against a running
// `morgue-search --serve` with an index of corpus/articles.
//
//   MORGUE_URL=http://127.0.0.1:PORT node tests/browser/search.spec.mjs
//
// scripts/test-browser builds, indexes, starts the service and runs this.
// Env: MORGUE_URL (required), MORGUE_ARTIFACTS (screenshot folder, default
// ./artifacts), CHROMIUM (default /usr/bin/chromium).
//
// axe-core (pinned in package.json) is evaluated in the page through the
// DevTools protocol, which the page's CSP does not govern, and must find no
// serious or critical violation on the results, story and person pages, in
// both themes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const base = process.env.MORGUE_URL;
if (!base) {
  console.error('search.spec.mjs: set MORGUE_URL to the running service, e.g. http://127.0.0.1:8080');
  process.exit(2);
}
const artifacts = process.env.MORGUE_ARTIFACTS || path.resolve('artifacts');
fs.mkdirSync(artifacts, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'morgue-chromium-'));
const TIMEOUT = 10000;

// A fresh profile each run (playwright passes it as --user-data-dir).
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  viewport: { width: 1280, height: 900 },
});
const page = context.pages()[0] || await context.newPage();
page.setDefaultTimeout(TIMEOUT);

// Anything that would show script injection working, or the page breaking.
const alerts = [];
const pageErrors = [];
const cspViolations = [];
page.on('dialog', async (dialog) => { alerts.push(dialog.message()); await dialog.dismiss(); });
page.on('pageerror', (error) => pageErrors.push(String(error)));
page.on('console', (message) => {
  if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
});

// Every API request the page makes, to check what it sends.
const apiRequests = [];
page.on('request', (request) => {
  if (new URL(request.url()).pathname.startsWith('/api/')) {
    apiRequests.push({ method: request.method(), url: new URL(request.url()), body: request.postData() || '' });
  }
});
const lastSearch = () => [...apiRequests].reverse().find((r) => /^\/api\/(search|similar\/)/.test(r.url.pathname));

const param = (name) => new URL(page.url()).searchParams.get(name);
const hitCount = () => page.locator('#hits > li').count();
const statusText = () => page.locator('#status').textContent();

async function search(text) {
  await page.fill('#q', text);
  await page.press('#q', 'Enter');
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q &&
                                    !document.getElementById('results').hasAttribute('aria-busy'), text);
}

async function waitForHits() {
  await page.waitForSelector('#hits > li');
  await page.waitForFunction(() => !document.getElementById('results').hasAttribute('aria-busy'));
}

// axe-core's serious and critical violations on the page as it is now.
async function accessibilityProblems(p, where) {
  if (!(await p.evaluate(() => typeof window.axe === 'object'))) await p.evaluate(axeSource);
  const violations = await p.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
    .violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })));
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) console.log(`axe-core on ${where}: ${JSON.stringify(bad, null, 1)}`);
  return bad.map((v) => ({ where, id: v.id }));
}

const backgroundOf = (p) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);

// Desktop and phone screenshots of the page as it is now.
async function screenshots(p, name) {
  const size = p.viewportSize();
  await p.screenshot({ path: path.join(artifacts, `${name}-desktop.png`), fullPage: true });
  await p.setViewportSize({ width: 390, height: 844 });
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await p.screenshot({ path: path.join(artifacts, `${name}-phone.png`), fullPage: false });
  await p.setViewportSize(size);
  assert.ok(overflow <= 1, `${name} is ${overflow}px wider than a phone`);
}

const steps = [
  ['page loads with its own script and the / shortcut focuses the search box', async () => {
    await page.goto(base + '/');
    await page.waitForSelector('#q');
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  }],

  ['typing a query, without Enter, shows hits with highlighted snippets, facets and a timeline', async () => {
    await page.keyboard.type('said', { delay: 30 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'said');
    await waitForHits();
    assert.equal(param('q'), 'said');
    assert.equal(await hitCount(), 10);
    assert.ok(await page.locator('#hits mark').count() > 0, 'no <mark> in the snippets');
    assert.match(await page.locator('#hits mark').first().textContent(), /said/i);
    assert.ok(await page.locator('#facet-sections button').count() > 0, 'no section facets');
    assert.ok(await page.locator('#facet-people button').count() > 0, 'no people facets');
    assert.ok(await page.locator('#timeline button.bar:not([disabled])').count() > 1, 'no timeline bars');
    await screenshots(page, 'results');
  }],

  ['typing more replaces the results, cancels the stale request, and Back goes to the search before', async () => {
    await search('harbour');
    await waitForHits();
    await page.fill('#q', '');
    await page.keyboard.type('okonkwo budget', { delay: 20 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'okonkwo budget');
    await waitForHits();
    assert.match(await page.locator('#hits mark').first().textContent(), /okonkwo|budget/i);
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'harbour');
    await page.waitForFunction(() => document.getElementById('q').value === 'harbour');
  }],

  ['a slow search shows a loading state; an error is styled as an error with its reason', async () => {
    await page.route('**/api/search?*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue().catch(() => {});
    });
    await page.fill('#q', 'warehouse');
    await page.press('#q', 'Enter');
    await page.waitForSelector('#progress:not([hidden])', { timeout: 2000 });
    assert.equal(await statusText(), 'Searching…');
    await waitForHits();
    assert.equal(await page.locator('#progress').isHidden(), true);
    await page.unroute('**/api/search?*');
    await search('date:2022-13');
    await page.waitForSelector('#status.is-error');
    assert.equal(await page.getAttribute('#status', 'role'), 'alert');
    assert.match(await statusText(), /^Bad query: .*2022-13/);
    assert.notEqual(await page.locator('#status').evaluate((n) => getComputedStyle(n).color),
                    await page.locator('#applied').evaluate((n) => getComputedStyle(n).color));
    await search('said');
    await waitForHits();
    assert.equal(await page.locator('#status.is-error').count(), 0);
  }],

  ['the count is exact unless the server says it estimated', async () => {
    const data = await page.evaluate(async () => (await fetch('/api/search?q=said&limit=1')).json());
    const count = `${data.total.toLocaleString('en')} ${data.total === 1 ? 'story' : 'stories'}`;
    assert.equal(await statusText(), `1–10 of ${data.total_exact === false ? 'about ' : ''}${count}`);
  }],

  ['facet counts cut short by the count budget are marked as partial, and only then', async () => {
    // This archive is far below the budget: the server's answer is whole.
    const data = await page.evaluate(async () => (await fetch('/api/search?q=said&limit=1&facets=1')).json());
    assert.equal(data.facets.partial, false);
    assert.equal(await page.locator('#facets-partial').isHidden(), true);
    assert.equal(await page.locator('#timeline-partial').isHidden(), true);
    // The same answer as a server past its budget would send it.
    await page.route('**/api/search?*', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.facets.partial = true;
      await route.fulfill({ response, json: body });
    });
    await search('harbour');
    await waitForHits();
    assert.equal(await page.locator('#facets-partial').isVisible(), true);
    assert.match(await page.locator('#facets-partial').textContent(), /^Counts are partial/);
    assert.equal(await page.locator('#timeline-partial').isVisible(), true);
    await page.unroute('**/api/search?*');
    await search('said');
    await waitForHits();
    assert.equal(await page.locator('#facets-partial').isHidden(), true);
    assert.equal(await page.locator('#timeline-partial').isHidden(), true);
  }],

  ['pagination moves to page 2 and the back button restores page 1', async () => {
    const firstTitle = await page.locator('#hits .hit-link').first().textContent();
    const pagesBefore = await page.locator('#pager .page-info').textContent();
    assert.match(pagesBefore, /^Page 1 of \d+$/);
    await page.click('#pager a[rel="next"]');
    await page.waitForFunction(() => /^11–/.test(document.getElementById('status').textContent));
    assert.equal(param('page'), '2');
    assert.equal(await page.locator('#pager .page-info').textContent(), pagesBefore.replace('Page 1', 'Page 2'),
                 'the page count changed while paging');
    const total = (s) => s.replace(/^[\d,]+–[\d,]+ of /, '');
    assert.equal(total(await statusText()), total(`1–10 of ${(await page.evaluate(async () =>
      (await fetch('/api/search?q=said&limit=1')).json())).total.toLocaleString('en')} stories`), 'the count changed while paging');
    assert.notEqual(await page.locator('#hits .hit-link').first().textContent(), firstTitle);
    await page.goBack();
    await page.waitForFunction(() => /^1–10 /.test(document.getElementById('status').textContent));
    assert.equal(param('page'), null);
    assert.equal(await page.locator('#hits .hit-link').first().textContent(), firstTitle);
    assert.equal(await page.inputValue('#q'), 'said');
  }],

  ['a page past the end says how many stories there are and links back', async () => {
    const data = await page.evaluate(async () => (await fetch('/api/search?q=said&limit=1')).json());
    const pages = Math.ceil(data.total / 10);
    await page.goto(base + `/?q=said&page=${pages + 5}`);
    await page.waitForFunction(() => /^No more results/.test(document.getElementById('status').textContent));
    // The total the page was given (an estimate may differ from page to page).
    const past = await page.evaluate(async (offset) =>
      (await fetch(`/api/search?q=said&sort=relevance&offset=${offset}&limit=10&facets=1`)).json(), (pages + 4) * 10);
    const count = `${past.total_exact === false ? 'about ' : ''}${past.total.toLocaleString('en')} stories`;
    assert.equal(await statusText(),
                 `No more results: ${count} match; this page starts at ${((pages + 4) * 10 + 1).toLocaleString('en')}.`);
    assert.equal(await hitCount(), 0);
    const last = Math.ceil(past.total / 10);
    await page.click('#pager a[rel="prev"]');
    await page.waitForFunction((p) => new URL(location.href).searchParams.get('page') === String(p), last);
    await waitForHits();  // an exact total has stories on its last page
    assert.match(await statusText(), new RegExp(`^${(last - 1) * 10 + 1}–`));
  }],

  ['clicking a section facet sends a section parameter, never query text, and shows a chip', async () => {
    await search('said');
    await waitForHits();
    const facet = page.locator('#facet-sections button').first();
    const section = (await facet.locator('.facet-value').textContent()).trim();
    await facet.click();
    await page.waitForFunction((s) => new URL(location.href).searchParams.get('section') === s, section);
    await waitForHits();
    assert.equal(param('q'), 'said');
    assert.equal(await page.inputValue('#q'), 'said');
    const sent = lastSearch().url.searchParams;
    assert.equal(sent.get('q'), 'said', 'the facet went into q');
    assert.deepEqual(sent.getAll('section'), [section]);
    await page.waitForSelector('#chips .chip');
    assert.match(await page.locator('#chips').textContent(), new RegExp(section));
    const sections = await page.locator('#hits .hit-section').allTextContents();
    assert.ok(sections.length > 0 && sections.every((s) => s === section || s.startsWith(section + '/')),
              `hits outside ${section}: ${sections}`);
  }],

  ['clicking a timeline bar filters to that month or year; back undoes it', async () => {
    const before = await statusText();
    const bar = page.locator('#timeline button.bar:not([disabled])').first();
    const value = await bar.getAttribute('data-value');
    await bar.click();
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('date') === v, value);
    await waitForHits();
    const dates = await page.locator('#hits time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
    assert.ok(dates.length > 0 && dates.every((d) => d.startsWith(value)), `dates ${dates} outside ${value}`);
    assert.equal(await page.locator('#chips .chip').count(), 2);
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('date') === null);
    await page.waitForFunction((s) => document.getElementById('status').textContent === s, before);
    assert.equal(await page.locator('#chips .chip').count(), 1);
  }],

  ['a chip removes its filter', async () => {
    await page.click('#chips .chip');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('section') === null);
    assert.equal(await page.locator('#chips .chip').count(), 0);
  }],

  ['"More like this" searches by the story, shows a removable chip, and keeps it in the URL', async () => {
    await search('bioluminescent');
    await waitForHits();
    const title = (await page.locator('#hits .hit-link').first().textContent()).trim();
    const id = await page.locator('#hits .hit-link').first().getAttribute('data-id');
    await page.click('#hits .hit-like >> nth=0');
    await page.waitForFunction((i) => new URL(location.href).searchParams.get('like') === i, id);
    await waitForHits();
    assert.equal(param('q'), null);
    assert.equal(lastSearch().url.pathname, '/api/similar/' + id);
    assert.match(await page.locator('#chips').textContent(), new RegExp('Like:\\s*' + title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await page.click('#chips .chip');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('like') === null);
    assert.equal(await page.locator('#chips .chip').count(), 0);
  }],

  ['a pasted text too long for a URL is sent by POST and survives a reload', async () => {
    const text = ('The harbour authority said the fire at the warehouses was out by morning. ').repeat(100).trim();
    await page.fill('#q', text);
    const posted = page.waitForRequest((r) => r.url().endsWith('/api/search') && r.method() === 'POST');
    await page.press('#q', 'Enter');
    const request = await posted;
    assert.equal(new URLSearchParams(request.postData()).get('q'), text);
    await page.waitForFunction(() => !document.getElementById('results').hasAttribute('aria-busy'));
    assert.equal(param('q'), null, 'the long text went into the URL');
    await page.reload();
    await page.waitForFunction(() => !document.getElementById('results').hasAttribute('aria-busy') &&
                                     document.getElementById('q').value.length > 0);
    assert.equal(await page.inputValue('#q'), text);
  }],

  ['a shared URL opens the same results', async () => {
    const other = await context.newPage();
    await other.goto(base + '/?q=okonkwo&sort=date&section=Politics&author=Jo+Bloggs&author=Ann+Lee');
    await other.waitForSelector('#chips .chip');
    assert.equal(await other.inputValue('#q'), 'okonkwo');
    assert.equal(await other.inputValue('#sort'), 'date');
    assert.equal(await other.locator('#chips .chip').count(), 3);
    await other.click('#chips .chip >> nth=1');  // Jo Bloggs
    await other.waitForFunction(() => new URL(location.href).searchParams.getAll('author').join() === 'Ann Lee');
    await other.click('#chips .chip >> nth=1');
    await other.waitForFunction(() => new URL(location.href).searchParams.get('author') === null);
    await other.waitForSelector('#hits > li');
    const dates = await other.locator('#hits time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
    assert.deepEqual(dates, [...dates].sort().reverse(), 'not newest first');
    await other.close();
  }],

  ['a headline opens the story page, with the query highlighted, people as links and related coverage', async () => {
    await search('harbour fire');
    await waitForHits();
    const link = page.locator('#hits .hit-link').first();
    const title = (await link.textContent()).trim();
    const id = await link.getAttribute('data-id');
    await link.click();
    await page.waitForURL((url) => url.pathname === '/story/' + id);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'harbour fire');
    assert.equal(await page.title(), `${title} · Morgue`);
    assert.equal((await page.locator('h1').textContent()).trim(), title);
    const marks = await page.locator('.story-body mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => /^(harbour|fire)/i.test(m)), `marks: ${marks}`);
    const article = await page.evaluate(async (i) => (await fetch('/api/article/' + i)).json(), id);
    if (article.url) assert.equal(await page.getAttribute('link[rel="canonical"]', 'href'), article.url);
    assert.ok(await page.locator('.story-people a[href^="/person/"]').count() > 0, 'people are not links');
    assert.ok(await page.locator('.related .hit-link').count() > 0, 'no related coverage');
    assert.deepEqual(await accessibilityProblems(page, 'story'), []);
    await screenshots(page, 'story');
    // The page is HTML, not JSON, without JavaScript too.
    const raw = await page.evaluate(async (i) => { const r = await fetch('/story/' + i); return [r.headers.get('content-type'), await r.text()]; }, id);
    assert.match(raw[0], /^text\/html/);
    assert.ok(raw[1].includes('<h1'));
    await page.goBack();
    await waitForHits();
    assert.equal(await page.inputValue('#q'), 'harbour fire');
  }],

  ['a person link opens their page: a timeline, recent stories, and the people named with them', async () => {
    const name = (await page.locator('#hits .hit-people a').first().textContent()).trim();
    await page.locator('#hits .hit-people a').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/person/'));
    assert.equal((await page.locator('h1').textContent()).trim(), name);
    assert.ok(await page.locator('svg.person-timeline rect').count() > 0, 'no timeline');
    assert.match(await page.getAttribute('svg.person-timeline', 'aria-label'), new RegExp('Stories naming'));
    assert.ok(await page.locator('#main .hit-link').count() > 0, 'no stories');
    assert.ok(await page.locator('#main a.facet-link').count() > 0, 'no people named with them');
    assert.deepEqual(await accessibilityProblems(page, 'person'), []);
    await screenshots(page, 'person');
    await page.goBack();
    await waitForHits();
  }],

  ['article markup renders as text in snippets and on the story page', async () => {
    await search('onerror');
    await waitForHits();
    const snippet = await page.locator('#hits .hit-snippet').first().textContent();
    assert.ok(snippet.includes('<img src=x onerror=alert(2)>'), `snippet lost the literal text: ${snippet}`);
    await page.click('#hits .hit-link >> nth=0');
    await page.waitForURL((url) => url.pathname.startsWith('/story/'));
    const body = await page.locator('#main').textContent();
    assert.ok(body.includes('<script>alert(1)</script>'), 'script payload not shown as text');
    assert.ok(body.includes('<img src=x onerror=alert(2)>'), 'img payload not shown as text');
    assert.equal(await page.locator('img').count(), 0, 'an <img> element was injected');
    assert.equal(await page.locator('body script').count(), 0, 'a <script> element was injected');
    await page.goBack();
    await waitForHits();
  }],

  ['a query full of markup is shown as text too', async () => {
    await search('<img src=x onerror=alert(3)> "<script>alert(4)</script>');
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('body script').count(), 0);
    assert.equal(await page.inputValue('#q'), '<img src=x onerror=alert(3)> "<script>alert(4)</script>');
  }],

  ['results open with the keyboard', async () => {
    await search('harbour');
    await waitForHits();
    await page.focus('#hits .hit-link >> nth=0');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.startsWith('/story/'));
    await page.goBack();
    await waitForHits();
  }],

  ['the results page has no serious or critical accessibility violation (axe-core)', async () => {
    assert.deepEqual(await accessibilityProblems(page, 'results'), []);
  }],

  ['dark mode follows the system and the toggle overrides it', async () => {
    const light = await backgroundOf(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await backgroundOf(page);
    assert.notEqual(dark, light, 'prefers-color-scheme: dark did not change the background');
    assert.deepEqual(await accessibilityProblems(page, 'results, dark'), []);
    await screenshots(page, 'results-dark');
    await page.click('#theme-toggle');
    assert.equal(await backgroundOf(page), light, 'the toggle did not switch to light');
    await page.reload();
    await waitForHits();
    assert.equal(await backgroundOf(page), light, 'the choice was not remembered');
    await page.click('#theme-toggle');
    assert.equal(await backgroundOf(page), dark);
    await page.goto(base + '/story/' + await page.locator('#hits .hit-link').first().getAttribute('data-id'));
    assert.equal(await backgroundOf(page), dark, 'the story page is not dark');
    assert.deepEqual(await accessibilityProblems(page, 'story, dark'), []);
    await page.goBack();
    await waitForHits();
    await page.emulateMedia({ colorScheme: 'light' });
    assert.equal(await backgroundOf(page), light);
  }],

  ['on a phone the filters are reachable from the first screen; no sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
    const toggle = page.locator('#filters-toggle');
    assert.ok(await toggle.isVisible(), 'no Filters control');
    const box = await toggle.boundingBox();
    assert.ok(box.y + box.height <= 844, `the Filters control is at ${box.y}px`);
    assert.equal(await page.locator('#facet-sections').isVisible(), false);
    await page.screenshot({ path: path.join(artifacts, 'results-phone.png'), fullPage: false });
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const facets = await page.locator('#facet-sections button').first().boundingBox();
    assert.ok(facets && facets.y < 844, 'the opened filters are not on the first screen');
    await page.screenshot({ path: path.join(artifacts, 'results-phone-filters.png'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
  }],

  ['no alert fired, no script error, no CSP violation', async () => {
    assert.deepEqual(alerts, []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(cspViolations, []);
  }],
];

let passed = 0;
let failed = 0;
for (const [name, run] of steps) {
  if (failed) {
    console.log(`skip - ${name}`);
    continue;
  }
  try {
    await run();
    passed++;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL - ${name}\n  ${String(error.stack || error).split('\n').slice(0, 6).join('\n  ')}`);
    await page.screenshot({ path: path.join(artifacts, 'failure.png'), fullPage: true }).catch(() => {});
  }
}
await context.close();
fs.rmSync(profile, { recursive: true, force: true });
console.log(`screenshots: ${artifacts}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
