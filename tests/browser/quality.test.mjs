// Accessibility (axe-core, with everything opened), screenshots at 360 and 1280 px, the
// time to a first result, and working offline after the first visit.
// Run: node --test tests/browser/   (scripts/web-test.sh builds the site first)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { instrument } from './support/browser.mjs';
import { useSite } from './support/suite.mjs';
import { axeViolations, card, openAllDetails, SCREENSHOTS, tianjinThreeFragment, waitForApp } from './support/site.mjs';

describe('quality', () => {
  const site = useSite();

  test('time to first result (navigation start to the first result card on screen)', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__firstResult = null;
        new MutationObserver((_, observer) => {
          const el = document.querySelector('.finding');
          if (el && el.getBoundingClientRect().height > 0) {
            window.__firstResult = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(site.server.url + tianjinThreeFragment(), { waitUntil: 'load' });
      await card(page, 'dibao').waitFor();
      const ms = await page.evaluate(() => window.__firstResult);
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0];
        return { domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
      });
      assert.ok(ms > 0, 'no result card seen');
      console.log(
        `# time to first result: ${ms.toFixed(0)} ms (DOMContentLoaded ${nav.domContentLoaded.toFixed(0)} ms, load ${nav.load.toFixed(0)} ms)`,
      );
      assert.ok(ms < 10_000, `first result after ${ms} ms`);
    } finally {
      await context.close();
    }
  });

  for (const [name, width, height] of [
    ['desktop', 1280, 900],
    ['phone', 360, 740],
  ]) {
    test(`axe-core: no violations (${name}, ${width} px), with every panel open, in both languages and with an error`, async () => {
      // axe's script is inline; the page's CSP rightly blocks that, so this context bypasses it.
      const context = await site.browser.newContext({ bypassCSP: true, locale: 'zh-CN', viewport: { width, height } });
      try {
        const page = await context.newPage();
        await page.goto(site.server.url, { waitUntil: 'load' });
        await waitForApp(page);
        assert.deepEqual(await axeViolations(page), [], 'empty form');
        await page.goto(site.server.url + tianjinThreeFragment(), { waitUntil: 'load' });
        await page.reload({ waitUntil: 'load' });
        await waitForApp(page);
        await card(page, 'dibao').waitFor();
        assert.deepEqual(await axeViolations(page), [], 'result');
        await page.getByRole('button', { name: '工作人员模式' }).click();
        await page.locator('#m0-more summary').click();
        await page.getByLabel('持有残疾人证').first().check();
        await page.getByLabel('失业', { exact: true }).first().check();
        await page.getByRole('radio', { name: '确诊' }).first().check({ force: true });
        await page.getByLabel('现在享受低保').check();
        await page.locator('#m0-monthly_income').fill('-5');
        await page.locator('#m0-monthly_income-err').waitFor();
        await openAllDetails(page);
        assert.deepEqual(await axeViolations(page), [], 'everything open, an error shown');
        await page.locator('#m0-monthly_income').fill('1500');
        await page.getByRole('button', { name: 'Switch to English' }).click();
        await waitForApp(page, 'Safety-net support calculator');
        await openAllDetails(page);
        assert.deepEqual(await axeViolations(page), [], 'English');
      } finally {
        await context.close();
      }
    });

    test(`screenshot of the result page at ${width} px: target/screenshots/result-${width}.png`, async () => {
      const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width, height } });
      try {
        const page = await context.newPage();
        await page.goto(site.server.url + tianjinThreeFragment(), { waitUntil: 'load' });
        await waitForApp(page);
        await card(page, 'dibao').getByText('为什么？').click();
        await page.waitForTimeout(200);
        await page.screenshot({ path: join(SCREENSHOTS, `result-${width}.png`), fullPage: width < 900 });
        if (width < 900) {
          // The answer, as a phone shows it after a tap on the bottom bar.
          await page.locator('.summary-bar button').click();
          await page.waitForTimeout(800);
          await page.screenshot({ path: join(SCREENSHOTS, `answer-${width}.png`) });
        }
      } finally {
        await context.close();
      }
    });
  }

  test('offline after the first visit (service worker), and nothing leaves 127.0.0.1', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const seen = await instrument(page);
      await page.goto(site.server.url, { waitUntil: 'load' });
      await waitForApp(page);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
        }
      });
      const cached = await page.evaluate(async () => (await (await caches.open('doudi-v1')).keys()).map((r) => r.url));
      assert.ok(cached.some((u) => u.endsWith('.wasm')), `not cached: ${cached.join(', ')}`);
      await context.setOffline(true);
      await page.goto(site.server.url + tianjinThreeFragment(), { waitUntil: 'load' });
      await waitForApp(page);
      await card(page, 'dibao').getByText('1,530.00 元').waitFor({ timeout: 15_000 });
      await context.setOffline(false);
      const origin = new URL(site.server.url).origin;
      const offsite = seen.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
      assert.deepEqual(offsite, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
