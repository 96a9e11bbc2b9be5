// Embedding (web/EMBED.md): a portal on one 127.0.0.1 port (public/examples/iframe.html,
// its own strict CSP) shows doudi from another port through doudi-frame.js. The iframe
// is as tall as its content and follows it, with no scrollbar of its own; messages from
// anyone else are ignored; nothing leaves 127.0.0.1; neither page breaks its CSP.
// Run: node --test tests/browser/   (scripts/web-test.sh builds the site first)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { instrument } from './support/browser.mjs';
import { useSite } from './support/suite.mjs';

/** The iframe's height on the portal, and its document's height, scroll and client heights. */
async function sizes(page, frame) {
  const outer = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => ({
    content: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
  }));
  return { outer, ...inner };
}

/** Waits until the iframe is exactly as tall as its content (within a pixel). */
async function settled(page, frame, timeout = 10_000) {
  const end = Date.now() + timeout;
  let s;
  for (;;) {
    s = await sizes(page, frame);
    if (Math.abs(s.outer - s.content) <= 1) return s;
    if (Date.now() > end) assert.fail(`iframe never fitted its content: ${JSON.stringify(s)}`);
    await page.waitForTimeout(100);
  }
}

describe('embed', () => {
  const site = useSite({ needs: ['embed.html', 'doudi-frame.js'], portal: true });

  for (const width of [1280, 360]) {
    test(`iframe on a portal (${width} px): fits its content, grows with a member, ignores strangers`, async () => {
      const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        const seen = await instrument(page);
        await page.goto(`${site.portal.url}iframe.html`, { waitUntil: 'load' });
        const handle = await page.locator('iframe').elementHandle();
        const frame = await handle.contentFrame();
        await frame.locator('#m0-age').waitFor({ timeout: 30_000 });
        assert.equal(new URL(frame.url()).origin, site.server.url.replace(/\/$/, ''), 'cross-origin frame');
        assert.equal(await frame.locator('h1').count(), 0, 'no site header in the embed');

        const first = await settled(page, frame);
        assert.ok(first.scrollHeight <= first.clientHeight, `inner scrollbar: ${JSON.stringify(first)}`);

        await frame.getByRole('button', { name: '＋ 添加家庭成员' }).click();
        await frame.locator('#m1-age').waitFor();
        const grown = await settled(page, frame);
        assert.ok(grown.outer > first.outer, `did not grow: ${first.outer} -> ${grown.outer}`);
        assert.ok(grown.scrollHeight <= grown.clientHeight, `inner scrollbar: ${JSON.stringify(grown)}`);

        // The portal hears the summary (portal.js shows it): totals, no member details.
        await frame.locator('#m0-age').fill('45');
        await frame.locator('#m0-monthly_income').fill('1500');
        await frame.locator('#m1-age').fill('40');
        await page.locator('#your-result').waitFor({ timeout: 15_000 });
        assert.match(await page.locator('#your-result').textContent(), /^本次测算：可能符合 \d+ 项 · 每月约 [\d,]+\.\d\d 元/);

        // A height message from anyone but the frame (here the portal itself) is ignored.
        const before = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
        await page.evaluate(() => window.postMessage({ type: 'doudi:height', version: 1, height: 7 }, '*'));
        await page.waitForTimeout(300);
        const afterSpoof = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
        assert.equal(afterSpoof, before, 'spoofed height message was obeyed');

        assert.deepEqual(seen.pageErrors, []);
        assert.deepEqual(await seen.cspViolations(), [], 'portal CSP');
        assert.deepEqual(await frame.evaluate(() => window.__cspViolations ?? []), [], 'frame CSP');
        const away = seen.requests.filter((u) => !u.startsWith('http://127.0.0.1:') && !u.startsWith('data:'));
        assert.deepEqual(away, [], 'requests off 127.0.0.1');
      } finally {
        await context.close();
      }
    });
  }

  test('the frame sends its summary only to the ?parent= origin and answers no one else', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      const seen = await instrument(page);
      await page.goto(`${site.portal.url}iframe.html`, { waitUntil: 'load' });
      const doudiOrigin = site.server.url.replace(/\/$/, '');
      // Two more frames: one told the portal is its parent, one told some other origin is.
      const got = await page.evaluate(
        async ({ doudiOrigin, portalOrigin }) => {
          const log = { right: [], wrong: [] };
          const make = (parentOrigin) => {
            const f = document.createElement('iframe');
            f.src = `${doudiOrigin}/embed.html?jurisdiction=tianjin&lang=zh-CN&parent=${encodeURIComponent(parentOrigin)}`;
            // On screen: Chromium does not run the rendering steps (so no ResizeObserver)
            // of a cross-origin frame out of view.
            document.body.prepend(f);
            return f;
          };
          const right = make(portalOrigin);
          const wrong = make('http://127.0.0.1:9');
          window.addEventListener('message', (e) => {
            if (e.source === right.contentWindow) log.right.push(e.data?.type);
            if (e.source === wrong.contentWindow) log.wrong.push(e.data?.type);
          });
          await Promise.all([right, wrong].map((f) => new Promise((ok) => f.addEventListener('load', ok))));
          await new Promise((ok) => setTimeout(ok, 3000));
          for (const f of [right, wrong]) f.contentWindow.postMessage({ type: 'doudi:hello', version: 1 }, doudiOrigin);
          await new Promise((ok) => setTimeout(ok, 1000));
          return log;
        },
        { doudiOrigin, portalOrigin: site.portal.origin },
      );
      assert.ok(got.right.includes('doudi:height'), JSON.stringify(got));
      assert.ok(got.wrong.includes('doudi:height'), JSON.stringify(got));
      assert.deepEqual([...new Set(got.wrong)], ['doudi:height'], `wrong parent heard more than heights: ${JSON.stringify(got)}`);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

// <doudi-calculator> (public/examples/element.html): the app in a shadow root on the
// portal's own page, doudi's files from another origin (with CORS), the portal's colours
// through custom properties, attributes followed, the summary as a DOM event.
describe('custom element', () => {
  const site = useSite({ needs: ['doudi-element.js'], cors: true, portal: true });

  test('<doudi-calculator> in a shadow root: styled by the portal, follows lang, announces its summary', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const seen = await instrument(page);
      await page.goto(`${site.portal.url}element.html`, { waitUntil: 'load' });
      const calc = page.locator('doudi-calculator');
      // Playwright's CSS locators go into open shadow roots.
      await calc.locator('#m0-age').waitFor({ timeout: 30_000 });
      assert.ok(await calc.evaluate((el) => el.shadowRoot?.adoptedStyleSheets.length === 1), 'stylesheet adopted');
      assert.equal(await page.locator('.doudi').count(), 1, 'only the one inside the element');
      assert.equal(await page.evaluate(() => document.querySelectorAll('.doudi').length), 0, 'nothing in the light DOM');
      const add = calc.getByRole('button', { name: '＋ 添加家庭成员' });
      const accent = await add.evaluate((b) => getComputedStyle(b).borderTopColor);
      assert.equal(accent, 'rgb(164, 22, 26)', 'accent from --doudi-accent');
      const radius = await calc.locator('.settings').evaluate((s) => getComputedStyle(s).borderTopLeftRadius);
      assert.equal(radius, '2px', 'radius from --doudi-radius');
      const fontSize = await calc.locator('.doudi').evaluate((d) => getComputedStyle(d).fontSize);
      assert.equal(fontSize, '17px', 'base font size from --doudi-font-size');

      await add.click();
      await calc.locator('#m0-age').fill('45');
      await calc.locator('#m0-monthly_income').fill('1500');
      await calc.locator('#m1-age').fill('40');
      await page.locator('#your-result').waitFor({ timeout: 15_000 });
      assert.match(await page.locator('#your-result').textContent(), /^本次测算：可能符合 \d+ 项 · 每月约 [\d,]+\.\d\d 元/);

      await page.getByRole('button', { name: 'English' }).click();
      await calc.getByRole('button', { name: '＋ Add a household member' }).waitFor();
      assert.equal(await calc.locator('#m1-age').inputValue(), '40', 'the household stays when lang changes');

      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(await seen.cspViolations(), [], 'portal CSP');
      const away = seen.requests.filter((u) => !u.startsWith('http://127.0.0.1:') && !u.startsWith('data:'));
      assert.deepEqual(away, [], 'requests off 127.0.0.1');
    } finally {
      await context.close();
    }
  });
});
