// The third way in: public/examples/package.html, a portal's own form calling the npm
// package `doudi` directly, under a strict CSP, with no request leaving 127.0.0.1.
// Needs packages/doudi/dist (scripts/js-build.sh; scripts/test-all.sh builds it first and sets
// DOUDI_REQUIRE_PACKAGE=1 so that a missing package fails instead of skipping).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serveDir } from './support/server.mjs';
import { launchChromium } from './support/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const built = existsSync(path.join(root, 'packages/doudi/dist/index.js'));

test('a portal form computes with the JS package under a strict CSP', { skip: !built && !process.env.DOUDI_REQUIRE_PACKAGE && 'packages/doudi/dist not built (scripts/js-build.sh)' }, async () => {
  assert.ok(built, 'packages/doudi/dist is missing: run scripts/js-build.sh');
  const server = await serveDir(root);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const problems = [];
    const requests = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.url}public/examples/package.html`);
    await page.waitForFunction(() => document.getElementById('answer').textContent.includes('元'));
    assert.match(await page.textContent('#answer'), /每月 1530\.00 元/);
    await page.fill('#income', '2000');
    await page.waitForFunction(() => document.getElementById('answer').textContent.includes('1030.00'));
    await page.fill('#income', '4000');
    await page.waitForFunction(() => document.getElementById('answer').textContent.includes('暂不符合'));
    assert.deepEqual(problems, []);
    const outside = requests.filter((u) => !u.startsWith('http://127.0.0.1'));
    assert.deepEqual(outside, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
