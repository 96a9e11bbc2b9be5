// More embedding checks (web/EMBED.md), on the same two-origin set-up as embed.test.mjs:
// the portal (public/examples/) on one 127.0.0.1 port, doudi (web/dist) on another.
//  - <doudi-calculator>'s shadow root keeps a hostile portal stylesheet out;
//  - changing its `jurisdiction` attribute changes the answer;
//  - axe-core finds nothing inside the element, nor inside the iframe's document.
// Run: node --test tests/browser/   (scripts/web-test.sh builds the site first)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { instrument } from './support/browser.mjs';
import { useSite } from './support/suite.mjs';
import { AXE_SOURCE, STRICT } from './support/site.mjs';

const HOSTILE = '* { font-size: 8px !important; color: red !important }';

/** Short form of axe's violations. */
const short = (violations) =>
  violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ')}`),
  }));

/** Computed font-size and color of the element's heading, amount and body text (in its shadow root). */
function looks(calc) {
  return calc.evaluate((el) => {
    const root = el.shadowRoot;
    const pick = (sel) => {
      const n = root.querySelector(sel);
      if (!n) return null;
      const s = getComputedStyle(n);
      return { fontSize: s.fontSize, color: s.color };
    };
    return {
      doudi: pick('.doudi'),
      heading: pick('#f-dibao h3, #f-dibao h2, .doudi h2, .doudi h3'),
      amount: pick('#f-dibao .amount dd, .doudi .amount dd'),
      label: pick('label[for="m0-age"]'),
    };
  });
}

/** Fills a household of one (the applicant, 45, no income) on 2020-04-15, in the element or frame. */
async function fillOne(calc) {
  await calc.getByRole('radio', { name: '按 2020 年疫情期间的政策（2020年4月15日）' }).check({ force: true });
  await calc.locator('#m0-age').fill('45');
  await calc.locator('#m0-monthly_income').fill('0');
}

describe('custom element, more', () => {
  const site = useSite({ needs: ['doudi-element.js'], cors: true, portal: true });

  test('a hostile portal stylesheet (* { font-size; color !important }) does not reach into the shadow root', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const seen = await instrument(page);
      await page.goto(`${site.portal.url}element.html`, { waitUntil: 'load' });
      const calc = page.locator('doudi-calculator');
      await calc.locator('#m0-age').waitFor({ timeout: 30_000 });
      assert.ok(await calc.evaluate((el) => el.shadowRoot?.mode === 'open'), 'open shadow root');
      assert.equal(await page.evaluate(() => document.querySelectorAll('.doudi').length), 0, 'nothing in the light DOM');
      await fillOne(calc);
      await calc.locator('#f-dibao').getByText('1,010.00 元', { exact: true }).waitFor({ timeout: 15_000 });

      const plain = await looks(calc);
      for (const [k, v] of Object.entries(plain)) assert.ok(v, `no ${k} found in the shadow root`);

      // The portal's page adopts the hostile sheet (a constructed sheet: the portal's
      // style-src CSP does not stop it; a real portal would ship it as a file).
      await page.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }, HOSTILE);
      // It does apply on the portal's own page (and to the host element itself).
      const portalText = await page.locator('p.lead').evaluate((p) => getComputedStyle(p).fontSize);
      assert.equal(portalText, '8px', 'the hostile sheet applies to the portal page');
      assert.equal(await calc.evaluate((el) => getComputedStyle(el).fontSize), '8px', 'and to the host');

      const hostile = await looks(calc);
      assert.deepEqual(hostile, plain, 'the portal stylesheet changed the calculator');
      assert.notEqual(hostile.amount.fontSize, '8px');
      assert.notEqual(hostile.heading.color, 'rgb(255, 0, 0)');

      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(await seen.cspViolations(), [], 'portal CSP');
    } finally {
      await context.close();
    }
  });

  test('changing the jurisdiction attribute changes the answer (tianjin 1,010.00 元, chongqing 620.00 元)', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const seen = await instrument(page);
      const summaries = [];
      await page.exposeFunction('__summary', (s) => summaries.push(s));
      await page.goto(`${site.portal.url}element.html`, { waitUntil: 'load' });
      await page.evaluate(() =>
        document.addEventListener('doudi-change', (e) => window.__summary(e.detail)),
      );
      const calc = page.locator('doudi-calculator');
      await calc.locator('#m0-age').waitFor({ timeout: 30_000 });
      await fillOne(calc);
      const dibao = calc.locator('#f-dibao');
      await dibao.getByText('1,010.00 元', { exact: true }).waitFor({ timeout: 15_000 });

      await calc.evaluate((el) => el.setAttribute('jurisdiction', 'chongqing'));
      await dibao.getByText('620.00 元', { exact: true }).waitFor({ timeout: 15_000 });
      assert.doesNotMatch(await dibao.textContent(), /1,010\.00 元/);
      assert.equal(await calc.locator('#m0-age').inputValue(), '45', 'the household stays');
      const last = summaries.at(-1);
      assert.equal(last?.programmes.find((p) => p.program === 'dibao')?.monthly, '620.00', JSON.stringify(last));

      await calc.evaluate((el) => el.setAttribute('jurisdiction', 'tianjin'));
      await dibao.getByText('1,010.00 元', { exact: true }).waitFor({ timeout: 15_000 });

      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(await seen.cspViolations(), [], 'portal CSP');
    } finally {
      await context.close();
    }
  });

  test('axe-core: no violations inside <doudi-calculator> (its shadow DOM)', async () => {
    // bypassCSP: the portal's CSP rightly blocks the inline script that injects axe.
    const context = await site.browser.newContext({ bypassCSP: true, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${site.portal.url}element.html`, { waitUntil: 'load' });
      const calc = page.locator('doudi-calculator');
      await calc.locator('#m0-age').waitFor({ timeout: 30_000 });
      await fillOne(calc);
      await calc.locator('#f-dibao').getByText('1,010.00 元', { exact: true }).waitFor({ timeout: 15_000 });
      await calc.evaluate((el) => {
        for (const d of el.shadowRoot.querySelectorAll('details')) d.open = true;
      });
      // In the portal's page (inside its <main>) the calculator has no <main> of its own.
      assert.equal(await calc.locator('main').count(), 0, '<main> inside the element');
      await page.addScriptTag({ content: AXE_SOURCE });
      const result = await page.evaluate(
        (opts) => window.axe.run({ include: [['doudi-calculator']] }, { resultTypes: ['violations'], ...opts }),
        STRICT,
      );
      // axe really looked inside the shadow root.
      const checked = result.passes.concat(result.incomplete).flatMap((r) => r.nodes.map((n) => n.target));
      assert.ok(checked.some((t) => Array.isArray(t[0]) && t[0][0] === 'doudi-calculator'), 'axe saw no shadow-DOM node');
      assert.deepEqual(short(result.violations), []);
    } finally {
      await context.close();
    }
  });
});

describe('iframe, more', () => {
  const site = useSite({ needs: ['embed.html'], portal: true });

  test("axe-core: no violations inside the iframe's document", async () => {
    // bypassCSP reaches the (cross-origin) frame too: the frame's CSP would block axe's tag.
    const context = await site.browser.newContext({ bypassCSP: true, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${site.portal.url}iframe.html`, { waitUntil: 'load' });
      const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
      await frame.locator('#m0-age').waitFor({ timeout: 30_000 });
      assert.equal(new URL(frame.url()).origin, site.server.url.replace(/\/$/, ''), 'cross-origin frame');
      await fillOne(frame);
      await frame.locator('#f-dibao').getByText('1,010.00 元', { exact: true }).waitFor({ timeout: 15_000 });
      await frame.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      await frame.addScriptTag({ content: AXE_SOURCE });
      // The frame's document is a part of the portal's page, whose <h1> heads it (the embed
      // has no heading of its own by design, embed.test.mjs): axe's best-practice rule
      // page-has-heading-one is for whole pages, so it is checked on the portal instead.
      assert.equal(await page.locator('h1').count(), 1, "the portal page's <h1>");
      assert.equal(await frame.locator('main').count(), 1, "the frame's own <main>");
      const options = { ...STRICT, rules: { ...STRICT.rules, 'page-has-heading-one': { enabled: false } } };
      const result = await frame.evaluate(
        (opts) => window.axe.run(document, { resultTypes: ['violations'], ...opts }),
        options,
      );
      assert.ok(result.passes.length > 0, 'axe ran in the frame');
      assert.deepEqual(short(result.violations), []);
    } finally {
      await context.close();
    }
  });
});
