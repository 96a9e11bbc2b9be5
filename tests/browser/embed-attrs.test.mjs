// <doudi-calculator>'s attributes, parts and household() (web/EMBED.md), on the same
// two-origin set-up as embed.test.mjs: the portal (public/examples/) on one 127.0.0.1 port,
// doudi (web/dist) on another.
//  - `as-of`, `residence`, `compact` set at first and changed later; the household stays;
//  - a portal rule on ::part(card) reaches the result cards;
//  - element.household() returns the typed household (contract v1), null before.
// Run: node --test tests/browser/   (scripts/web-test.sh builds the site first)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { instrument } from './support/browser.mjs';
import { useSite } from './support/suite.mjs';

/**
 * Opens the example portal and puts a fresh element with `attrs` in place of its own (so
 * the attributes are there before the element upgrades); returns its locator.
 */
async function freshElement(page, portalUrl, attrs) {
  await page.goto(`${portalUrl}element.html`, { waitUntil: 'load' });
  await page.evaluate((attrs) => {
    const old = document.querySelector('doudi-calculator');
    const el = document.createElement('doudi-calculator');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.id = 'fresh';
    old.replaceWith(el);
  }, attrs);
  const calc = page.locator('doudi-calculator#fresh');
  await calc.locator('#m0-age').waitFor({ timeout: 30_000 });
  return calc;
}

/** The applicant, 45, no income. */
async function fillOne(calc) {
  await calc.locator('#m0-age').fill('45');
  await calc.locator('#m0-monthly_income').fill('0');
}

const set = (calc, name, value) =>
  calc.evaluate((el, [n, v]) => (v === null ? el.removeAttribute(n) : el.setAttribute(n, v)), [name, value]);

describe('custom element: attributes, parts, household()', () => {
  const site = useSite({ needs: ['doudi-element.js'], cors: true, portal: true });

  test('as-of, residence and compact: set at first, changed later, the household kept', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const seen = await instrument(page);
      const calc = await freshElement(page, site.portal.url, { jurisdiction: 'tianjin', lang: 'zh-CN', 'as-of': '2020-04-15' });
      assert.equal(await calc.getByRole('radio', { name: '按 2020 年疫情期间的政策（2020年4月15日）' }).isChecked(), true, 'the first as-of');
      assert.equal(await calc.locator('.doudi.compact').count(), 0, 'not compact without the attribute');
      await fillOne(calc);
      const dibao = calc.locator('#f-dibao');
      await dibao.getByText('1,010.00 元', { exact: true }).waitFor({ timeout: 15_000 });
      // Compact or not, an embed grows in the portal's flow: no fixed bar at the bottom.
      assert.equal(await calc.locator('.doudi.embedded').count(), 1);
      assert.equal(await calc.locator('.summary-bar').isVisible(), false, 'the fixed summary bar shows');

      await set(calc, 'as-of', '2020-03-15');
      await dibao.getByText('980.00 元', { exact: true }).waitFor({ timeout: 15_000 });
      assert.equal(await calc.locator('#h-as_of').inputValue(), '2020-03-15');
      assert.equal(await calc.locator('#m0-age').inputValue(), '45', 'the household stays');

      // Not a date: ignored, the date stays.
      for (const bad of ['2020-02-30', '15/04/2020', 'soon']) {
        await set(calc, 'as-of', bad);
        await page.waitForTimeout(100);
        assert.equal(await calc.locator('#h-as_of').inputValue(), '2020-03-15', `as-of="${bad}" was not ignored`);
      }
      await dibao.getByText('980.00 元', { exact: true }).waitFor({ timeout: 15_000 });

      await set(calc, 'as-of', '2020-04-15');
      await set(calc, 'jurisdiction', 'chongqing');
      await dibao.getByText('620.00 元', { exact: true }).waitFor({ timeout: 15_000 });
      await set(calc, 'residence', 'rural');
      await dibao.getByText('496.00 元', { exact: true }).waitFor({ timeout: 15_000 });
      await set(calc, 'residence', 'nowhere');
      await page.waitForTimeout(100);
      await dibao.getByText('496.00 元', { exact: true }).waitFor({ timeout: 15_000 });
      await set(calc, 'residence', 'urban');
      await dibao.getByText('620.00 元', { exact: true }).waitFor({ timeout: 15_000 });
      assert.equal(await calc.locator('#m0-age').inputValue(), '45', 'the household stays');
      assert.equal(await calc.locator('#m0-monthly_income').inputValue(), '0');

      await set(calc, 'compact', '');
      await calc.locator('.doudi.compact').waitFor({ timeout: 15_000 });
      await set(calc, 'compact', null);
      await calc.locator('.doudi:not(.compact)').waitFor({ timeout: 15_000 });
      assert.equal(await calc.locator('#m0-age').inputValue(), '45', 'the household stays');

      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(await seen.cspViolations(), [], 'portal CSP');
    } finally {
      await context.close();
    }
  });

  test('residence and compact given at first (chongqing rural: 496.00 元)', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const seen = await instrument(page);
      const calc = await freshElement(page, site.portal.url, {
        jurisdiction: 'chongqing',
        'as-of': '2020-04-15',
        residence: 'rural',
        compact: '',
      });
      assert.equal(await calc.locator('.doudi.compact').count(), 1, 'compact');
      await fillOne(calc);
      await calc.locator('#f-dibao').getByText('496.00 元', { exact: true }).waitFor({ timeout: 15_000 });
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test('::part(card) and friends: a portal rule reaches the named parts, and only them', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const seen = await instrument(page);
      const calc = await freshElement(page, site.portal.url, { jurisdiction: 'tianjin', 'as-of': '2020-04-15' });
      await fillOne(calc);
      const dibao = calc.locator('#f-dibao');
      await dibao.getByText('1,010.00 元', { exact: true }).waitFor({ timeout: 15_000 });
      await page.evaluate(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(`
          doudi-calculator::part(card) { border-color: rgb(1, 2, 3) }
          doudi-calculator::part(answer) { outline: 3px solid rgb(4, 5, 6) }
          doudi-calculator::part(button) { color: rgb(7, 8, 9) }
          doudi-calculator::part(root) { background-color: rgb(10, 11, 12) }
          doudi-calculator .finding { border-color: rgb(200, 0, 0) }`);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      const style = (loc, prop) => loc.evaluate((n, p) => getComputedStyle(n)[p], prop);
      assert.equal(await style(dibao, 'borderTopColor'), 'rgb(1, 2, 3)', 'a result card');
      assert.equal(await style(calc.locator('article.member').first(), 'borderTopColor'), 'rgb(1, 2, 3)', 'a member card');
      assert.equal(await style(calc.locator('#answers'), 'outlineColor'), 'rgb(4, 5, 6)', 'the answer column');
      assert.equal(await style(calc.locator('button.add-member'), 'color'), 'rgb(7, 8, 9)', 'a primary button');
      assert.equal(await style(calc.locator('.doudi'), 'backgroundColor'), 'rgb(10, 11, 12)', 'the root');
      // Not a part: unreached.
      assert.notEqual(await style(calc.locator('#m0-age'), 'color'), 'rgb(7, 8, 9)');
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test('household(): null before it is mounted and while an answer is missing, then the typed household', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const seen = await instrument(page);
      const calc = await freshElement(page, site.portal.url, { jurisdiction: 'tianjin', 'as-of': '2020-04-15' });
      assert.equal(await calc.evaluate((el) => el.household()), null, 'no age yet');
      assert.equal(await page.evaluate(() => document.createElement('doudi-calculator').household()), null, 'not mounted');
      await fillOne(calc);
      await calc.locator('#f-dibao').getByText('1,010.00 元', { exact: true }).waitFor({ timeout: 15_000 });
      const h = await calc.evaluate((el) => el.household());
      assert.equal(h?.jurisdiction, 'tianjin', JSON.stringify(h));
      assert.equal(h.as_of, '2020-04-15');
      assert.equal(h.members.length, 1);
      assert.equal(h.members[0].age, 45);
      assert.equal(h.members[0].monthly_income, '0');
      // A fresh copy each time: changing it changes nothing inside.
      assert.equal(await calc.evaluate((el) => { el.household().members[0].age = 99; return el.household().members[0].age; }), 45);

      await calc.locator('#m0-monthly_income').fill('3000');
      await calc.locator('#m0-age').fill('');
      await page.waitForTimeout(200);
      assert.equal(await calc.evaluate((el) => el.household()), null, 'an answer missing');
      await calc.locator('#m0-age').fill('46');
      await page.waitForFunction(() => document.querySelector('doudi-calculator#fresh').household()?.members[0].age === 46);
      assert.equal(await calc.evaluate((el) => el.household().members[0].monthly_income), '3000');
      assert.equal(await calc.evaluate((el) => el.household().members.length), 1);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
