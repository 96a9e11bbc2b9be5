// Households kept on this device, only when asked (issue 14, item 3), in Debian's chromium:
// nothing stored (no database, nothing in localStorage, web/saved.js not even loaded) until
// "保存在本机" is tapped; saved under a name, listed, still listed after a reload and opened
// back to the same answer; renamed; deleted one at a time; "全部删除" and staff's
// "清除本机记录" leave no database; "关闭页面时忘记" writes nothing to disk and forgets
// when the page closes; keyboard only; axe clean at 360 and 1280 px; no request leaves
// 127.0.0.1.
// Run: node --test tests/browser/   (scripts/web-test.sh builds the site first)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { instrument } from './support/browser.mjs';
import { useSite } from './support/suite.mjs';
import { axeViolations, card, ROOT, SCREENSHOTS, tianjinThreeFragment, waitForApp } from './support/site.mjs';

const PHONE = { locale: 'zh-CN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };
const DESKTOP = { locale: 'zh-CN', viewport: { width: 1280, height: 900 } };

/** What this origin keeps: its IndexedDB databases' names and localStorage's keys. */
const storage = (page) =>
  page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    local: Object.keys(localStorage),
  }));

/** The saved list's rows: the names shown. */
const names = (page) => page.locator('.saved-list li .saved-item strong').allTextContents();

/** Opens the saved-households panel (a <details>) and waits until saved.js has drawn it. */
async function openList(page, { keyboard = false } = {}) {
  const panel = page.locator('section.saved details');
  if (keyboard) {
    await panel.locator('summary').focus();
    await page.keyboard.press('Enter');
  } else if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').click();
  await panel.getByRole('button', { name: '全部删除', exact: true }).waitFor();
}

/** "保存在本机" under `name` (the panel open), and waits until it is done. */
async function save(page, name) {
  await page.getByRole('textbox', { name: '保存的名称' }).fill(name);
  await page.getByRole('button', { name: '保存在本机', exact: true }).click();
  await status(page).getByText(`已保存“${name}”。`).waitFor();
}

/** The row of the household `name`. */
const row = (page, name) => page.locator('.saved-list li').filter({ has: page.locator('strong', { hasText: name }) });

const status = (page) => page.locator('.saved-status');

describe('households kept on this device, only when asked', () => {
  const site = useSite();

  async function open(options = DESKTOP, url = site.server.url) {
    const context = await site.browser.newContext(options);
    const page = await context.newPage();
    const seen = await instrument(page);
    await page.goto(url, { waitUntil: 'load' });
    await waitForApp(page);
    return { context, page, seen };
  }

  const local = (seen) => {
    const outside = seen.requests.filter((u) => !u.startsWith(site.server.url) && !u.startsWith('data:'));
    assert.deepEqual(outside, [], 'a request left 127.0.0.1');
  };

  test('save, reload, open, rename, delete, delete all: and nothing before the first tap', async () => {
    const { context, page, seen } = await open(DESKTOP, site.server.url + tianjinThreeFragment());
    try {
      await card(page, 'dibao').getByText('1,530.00 元').waitFor();
      const headline = await page.locator('.summary-line').textContent();
      // Loaded, answered: nothing stored, the store's script not even fetched.
      assert.deepEqual(await storage(page), { databases: [], local: [] });
      assert.equal(seen.requests.some((u) => u.endsWith('/saved.js')), false, 'saved.js loaded before it was used');
      // Opening the list reads it without creating the database.
      await openList(page);
      await page.locator('.saved-ui').getByText('本机没有保存的家庭。').waitFor();
      assert.deepEqual(await storage(page), { databases: [], local: [] }, 'opening the list created something');

      // The name: a real labelled box, with a suggestion of the place, the people and the day.
      const name = page.getByRole('textbox', { name: '保存的名称' });
      assert.match(await name.inputValue(), /^天津市 3 人 \d{4}年\d{1,2}月\d{1,2}日$/);
      await save(page, '王家');
      assert.deepEqual(await names(page), ['王家']);
      assert.deepEqual(await storage(page), { databases: ['doudi'], local: [] });
      // The same household as the share link holds.
      const kept = await page.evaluate(
        () =>
          new Promise((ok, no) => {
            const r = indexedDB.open('doudi');
            r.onsuccess = () => {
              const get = r.result.transaction('households').objectStore('households').getAll();
              get.onsuccess = () => {
                r.result.close();
                ok(get.result);
              };
              get.onerror = () => no(get.error);
            };
          }),
      );
      assert.equal(kept.length, 1);
      assert.deepEqual(Object.keys(kept[0]).sort(), ['h', 'id', 'name', 'saved']);
      assert.match(kept[0].h, /^#h=[A-Za-z0-9_-]+$/);
      const household = JSON.parse(Buffer.from(kept[0].h.slice(3), 'base64url').toString());
      assert.equal(household.jurisdiction, 'tianjin');
      assert.equal(household.members.length, 3);

      // A second one, by keyboard only: the name box, then Enter.
      await page.locator('#m0-monthly_income').fill('2000');
      await card(page, 'dibao').getByText('1,030.00 元').waitFor();
      await name.focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('李家');
      await page.keyboard.press('Enter');
      await status(page).getByText('已保存“李家”。').waitFor();
      assert.deepEqual(await names(page), ['李家', '王家'], 'newest first');

      // A fresh page (no link): still listed, and opening one brings its answer back.
      await page.goto(site.server.url, { waitUntil: 'load' });
      await waitForApp(page);
      assert.equal(await page.locator('.summary-line').count(), 0, 'a fresh page has no answer yet');
      await openList(page);
      assert.deepEqual(await names(page), ['李家', '王家']);
      await row(page, '王家').getByRole('button', { name: '打开' }).click();
      await status(page).getByText('已打开“王家”。').waitFor();
      await card(page, 'dibao').getByText('1,530.00 元').waitFor();
      assert.equal(await page.locator('.summary-line').textContent(), headline);
      assert.equal(await page.locator('#m0-monthly_income').inputValue(), '1500');

      // Rename: the row becomes a labelled box; the new name is kept across a reload.
      await row(page, '王家').getByRole('button', { name: '改名' }).click();
      const box = page.getByRole('textbox', { name: '新名称' });
      assert.equal(await page.evaluate(() => document.activeElement?.id), await box.getAttribute('id'), 'the box has the focus');
      await box.fill('王家（复查）');
      await page.getByRole('button', { name: '保存名称' }).click();
      await status(page).getByText('已改名为“王家（复查）”。').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), '打开', 'the focus stays on the row');
      await page.reload({ waitUntil: 'load' });
      await waitForApp(page);
      await openList(page);
      assert.deepEqual(await names(page), ['李家', '王家（复查）']);

      // Delete one: the other stays, the focus goes to it.
      await row(page, '李家').getByRole('button', { name: '删除' }).click();
      await status(page).getByText('已删除“李家”。').waitFor();
      assert.deepEqual(await names(page), ['王家（复查）']);
      assert.equal(await page.evaluate(() => document.activeElement?.id), await row(page, '王家').getByRole('button', { name: '打开' }).getAttribute('id'));
      await page.reload({ waitUntil: 'load' });
      await waitForApp(page);
      await openList(page);
      assert.deepEqual(await names(page), ['王家（复查）']);

      // Delete all: the database itself is gone, nothing else is left.
      await page.getByRole('button', { name: '全部删除' }).click();
      await status(page).getByText('已全部删除，本机没有留下任何家庭记录。').waitFor();
      await page.locator('.saved-ui').getByText('本机没有保存的家庭。').waitFor();
      assert.deepEqual(await storage(page), { databases: [], local: [] });
      await page.reload({ waitUntil: 'load' });
      await waitForApp(page);
      await openList(page);
      assert.deepEqual(await names(page), []);
      assert.deepEqual(await storage(page), { databases: [], local: [] }, 'reading the list again created something');
      assert.deepEqual(seen.pageErrors, []);
      local(seen);
    } finally {
      await context.close();
    }
  });

  test('"关闭页面时忘记": nothing is written to disk, and a new page has forgotten', async () => {
    const { context, page, seen } = await open(PHONE, site.server.url + tianjinThreeFragment());
    try {
      await card(page, 'dibao').getByText('1,530.00 元').waitFor();
      // One household kept before the option is ticked: ticking it deletes the database.
      await openList(page, { keyboard: true });
      await save(page, '早上');
      assert.deepEqual((await storage(page)).databases, ['doudi']);
      const forget = page.getByRole('checkbox', { name: '关闭页面时忘记' });
      await forget.click();
      await status(page).getByText('关闭页面时会忘记保存的家庭；本机已不存任何家庭记录。').waitFor();
      assert.deepEqual(await storage(page), { databases: [], local: ['doudi.forget'] });
      assert.equal(await page.evaluate(() => localStorage.getItem('doudi.forget')), '1', 'only the choice is kept');
      assert.deepEqual(await names(page), ['早上'], 'still listed in this page');
      await save(page, '下午');
      assert.deepEqual(await names(page), ['下午', '早上']);
      assert.deepEqual(await storage(page), { databases: [], local: ['doudi.forget'] }, 'written to disk');
      // Opened like any other.
      await row(page, '早上').getByRole('button', { name: '打开' }).click();
      await status(page).getByText('已打开“早上”。').waitFor();

      // The page closes; the next one has nothing, and the option is still ticked.
      await page.close();
      const next = await context.newPage();
      await next.goto(site.server.url, { waitUntil: 'load' });
      await waitForApp(next);
      await openList(next);
      assert.deepEqual(await names(next), []);
      assert.equal(await next.getByRole('checkbox', { name: '关闭页面时忘记' }).isChecked(), true);
      assert.deepEqual(await storage(next), { databases: [], local: ['doudi.forget'] });
      // Unticked: the choice is gone too, and saving keeps on the device again.
      await next.getByRole('checkbox', { name: '关闭页面时忘记' }).click();
      await status(next).getByText('保存的家庭会留在本机，直到您删除。').waitFor();
      assert.deepEqual(await storage(next), { databases: [], local: [] });
      assert.deepEqual(seen.pageErrors, []);
      local(seen);
    } finally {
      await context.close();
    }
  });

  test('staff at a shared counter: "清除本机记录" in the top bar deletes every saved household', async () => {
    const { context, page, seen } = await open(DESKTOP, site.server.url + tianjinThreeFragment());
    try {
      await card(page, 'dibao').getByText('1,530.00 元').waitFor();
      await openList(page);
      await page.getByRole('button', { name: '保存在本机', exact: true }).click();
      await status(page).getByText(/^已保存“天津市 3 人/).waitFor();
      assert.deepEqual((await storage(page)).databases, ['doudi']);
      await page.getByRole('button', { name: '工作人员模式' }).click();
      await page.locator('.topbar').getByRole('button', { name: '清除本机记录' }).click();
      await page.locator('.topbar').getByRole('button', { name: '✓ 本机记录已清除' }).waitFor();
      await status(page).getByText('已全部删除，本机没有留下任何家庭记录。').waitFor();
      assert.deepEqual(await storage(page), { databases: [], local: [] });
      assert.deepEqual(await names(page), []);
      // The next household: another place, so another name offered; saving it withdraws the ✓.
      await page.getByRole('radio', { name: '重庆市' }).check({ force: true });
      const name = page.getByRole('textbox', { name: '保存的名称' });
      await page.waitForFunction(() => document.getElementById('saved-name-new')?.value.startsWith('重庆市 3 人 '));
      await page.getByRole('button', { name: '保存在本机', exact: true }).click();
      await status(page).getByText(/^已保存“重庆市 3 人/).waitFor();
      await page.locator('.topbar').getByRole('button', { name: '清除本机记录', exact: true }).waitFor();
      assert.match(await name.inputValue(), /^重庆市 3 人/);
      assert.deepEqual(seen.pageErrors, []);
      local(seen);
    } finally {
      await context.close();
    }
  });

  test('saved.js has every word in both languages', () => {
    const source = readFileSync(join(ROOT, 'web', 'saved.js'), 'utf8');
    const block = (lang) => source.split(`\n  ${lang}: {`)[1].split('\n  },')[0];
    const keys = (lang) => [...block(lang).matchAll(/^ {4}(\w+):/gm)].map((m) => m[1]);
    assert.ok(keys('zh').length > 20);
    assert.deepEqual(keys('en'), keys('zh'));
    assert.doesNotMatch(block('en'), /[\u4e00-\u9fff]/, 'Chinese in the English words');
  });

  for (const [width, options] of [
    [360, PHONE],
    [1280, DESKTOP],
  ]) {
    test(`axe-core: the saved households panel is clean at ${width} px (a list, a rename open, English too)`, async () => {
      // axe's script is inline; the page's CSP rightly blocks that, so this context bypasses it.
      const { context, page } = await open({ ...options, bypassCSP: true }, site.server.url + tianjinThreeFragment());
      try {
        await card(page, 'dibao').getByText('1,530.00 元').waitFor();
        await openList(page);
        for (const n of ['王家', '李家']) await save(page, n);
        const panel = page.locator('section.saved');
        const box = await panel.boundingBox();
        assert.ok(box.width <= width, `the panel is ${box.width} px wide`);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `the page scrolls sideways (${scroll} px)`);
        await panel.screenshot({ path: join(SCREENSHOTS, `saved-${width}.png`) });
        assert.deepEqual(await axeViolations(page), [], 'a list');
        await row(page, '李家').getByRole('button', { name: '改名' }).click();
        await page.getByRole('textbox', { name: '新名称' }).waitFor();
        assert.deepEqual(await axeViolations(page), [], 'renaming');
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('textbox', { name: 'Name to save under' }).waitFor();
        assert.deepEqual(await axeViolations(page), [], 'English');
      } finally {
        await context.close();
      }
    });
  }
});
