// Browser smoke tests of the built site (web/dist, from `trunk build --release`).
// Run: node --test tests/browser/
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { serveDir } from './support/server.mjs';
import { instrument, launchChromium } from './support/browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'web', 'dist');
const SCREENSHOTS = join(ROOT, 'target', 'screenshots');


describe('site smoke', () => {
  let server;
  let browser;
  let context;
  let page;
  let seen;
  let startError = null; // set when the app did not render within the timeout

  const assertStarted = () =>
    assert.equal(startError, null, `the app did not start: ${startError}`);

  before(async () => {
    assert.ok(
      existsSync(join(DIST, 'index.html')),
      `${DIST}/index.html missing: run "trunk build --release --offline" in web/ first`,
    );
    server = await serveDir(DIST);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 800, height: 600 } });
    page = await context.newPage();
    seen = await instrument(page);
    await page.goto(server.url, { waitUntil: 'load' });
    // The app has started once Yew has rendered the heading into <body>. A failure
    // here is reported by the tests (with the console errors and CSP violations
    // that explain it), not by this hook.
    await page
      .locator('#doudi')
      .getByRole('heading', { name: '兜底保障测算', level: 1 })
      .waitFor({ timeout: 30_000 })
      .catch((err) => {
        startError = err.message.split('\n')[0];
      });
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  test('built index.html has a strict CSP and no inline script', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    assert.match(html, /<html lang="zh-CN">/);
    const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/)?.[1];
    assert.ok(csp, 'CSP <meta> missing');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length > 0, 'no <script> at all: the loader was not injected');
    for (const [tag, attrs, body] of scripts) {
      assert.match(attrs, /\bsrc="/, `inline script: ${tag.slice(0, 120)}`);
      assert.equal(body.trim(), '', `script with a body: ${tag.slice(0, 120)}`);
    }
    assert.doesNotMatch(html, /\son[a-z]+="/i, 'inline event handler attribute');
  });

  test('page loads with no console errors, page errors or CSP violations', async () => {
    assert.equal(await page.title(), '兜底保障测算');
    const errors = seen.console.filter((m) => m.type === 'error');
    assert.deepEqual(errors, [], 'console errors');
    assert.deepEqual(seen.pageErrors, [], 'uncaught page errors');
    assert.deepEqual(await seen.cspViolations(), [], 'CSP violations');
    assert.deepEqual(seen.failedRequests, [], 'failed requests');
    assertStarted();
    const warnings = seen.console.filter((m) => m.type === 'warning');
    for (const w of warnings) console.log(`# console warning: ${w.text}`);
  });

  test('the wasm module is served as application/wasm', async () => {
    assertStarted();
    const wasmUrl = seen.requests.find((u) => u.endsWith('.wasm'));
    assert.ok(wasmUrl, `no .wasm request among ${JSON.stringify(seen.requests)}`);
    const res = await page.request.fetch(wasmUrl);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/wasm');
  });

  test('every request goes to the local test server', async () => {
    assert.ok(seen.requests.length >= 4, `too few requests: ${JSON.stringify(seen.requests)}`);
    const origin = new URL(server.url).origin;
    const offsite = seen.requests.filter(
      // `data:,` is the inline empty favicon; it never leaves the browser.
      (u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'),
    );
    assert.deepEqual(offsite, [], 'requests that did not go to 127.0.0.1');
  });

  test('screenshot: target/screenshots/smoke.png', async () => {
    assertStarted();
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, 'smoke.png');
    await page.screenshot({ path: file, fullPage: true });
    assert.ok(readFileSync(file).length > 1000, 'screenshot too small');
  });
});
