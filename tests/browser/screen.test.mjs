// The 摸排 page (issue 13), in Debian's chromium: a roster uploaded for real (setInputFiles, and dropped)
// and decided in the page's worker; the totals equal `doudi screen` on the same file; the
// worklist, its export and the what-if are right for a small roster checked by hand; a
// broken row is reported with its line and field and the rest goes on; nothing leaves
// 127.0.0.1; axe clean at 1280 and 360 px; the main page links to it in staff mode only.
// Speed is printed, not asserted: 10,000 and 200,000 generated households (`doudi sample`).
// Run: node --test tests/browser/screen.test.mjs   (after a trunk build of web/)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { serveDir } from './support/server.mjs';
import { instrument, launchChromium } from './support/browser.mjs';
import { axeViolations, DIST, ROOT, SCREENSHOTS, waitForApp } from './support/site.mjs';

const DATA = join(ROOT, 'target', 'screen-test');
const PHONE = { locale: 'zh-CN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };
const DESKTOP = { locale: 'zh-CN', viewport: { width: 1280, height: 900 } };

/**
 * The hand-checked roster: `cli/tests/data/roster.jsonl`'s households as CSV with Chinese
 * headers, and a broken row. On 2020-04-15 Tianjin's 低保 standard is 1010 a person a month
 * (urban and rural), Chongqing's urban one 620:
 * - line 2, Tianjin family of three, income 1000 + 500, not on 低保: likely missed,
 *   3 × 1010 − 1500 = 1530.00 a month;
 * - line 3, one person earning 3000: 1990 above, not near with a margin of 50;
 * - line 4, Tianjin rural pair, income 600, its choices in the page's words (农村, 本人,
 *   本地工作, 配偶): missed, 2 × 1010 − 600 = 1420.00;
 * - line 5, pair earning 1060 + 1000, 1030 a person against 1010: near, 20.00 off;
 * - line 6, Chongqing pair, income 1000: missed, 2 × 620 − 1000 = 240.00;
 * - line 7, an age of "四十": refused at 成员1_年龄 (members[0].age).
 * So 低保 is paid to 3 households, 3 + 2 + 2 = 7 persons, 1530 + 1420 + 240 = 3190.00 a month;
 * the worklist is lines 2, 4, 6 (by the amount) and 5.
 * The urban standard up by 50: line 2 gains 3 × 50 = 150, line 5 qualifies
 * (2 × 1060 − 2060 = 60), line 6 gains 2 × 50 = 100 (Chongqing 670), line 4 (rural) is
 * unchanged: +310.00 a month, 12 × 310 = +3720.00 a year, 3 households gaining.
 */
const SMALL = [
  '地区,评估日期,城乡,家庭财产,申请项目,成员1_编号,成员1_关系,成员1_年龄,成员1_月收入,成员1_就业,成员2_关系,成员2_年龄,成员2_月收入,成员2_就业,成员3_关系,成员3_年龄',
  'tianjin,2020-04-15,urban,12000,dibao,family-of-three,self,45,1000,local,spouse,42,500,local,child,12',
  'tianjin,2020-04-15,urban,20000,,earns-3000,,40,3000,local,,,,,,',
  'tianjin,2020-04-15,农村,8000,dibao,rural-pair,本人,50,600,本地工作,配偶,48,,,,',
  'tianjin,2020-04-15,urban,10000,dibao,just-above,self,50,1060,local,spouse,48,1000,local,,',
  'chongqing,2020-04-15,urban,5000,dibao,chongqing-pair,self,44,1000,local,spouse,41,,,,',
  'tianjin,2020-04-15,urban,5000,,broken-age,,四十,1000,local,,,,,,',
].join('\r\n') + '\r\n';

/** The doudi command (built by cargo if need be). */
function doudi(args) {
  return execFileSync('cargo', ['run', '-q', '-p', 'doudi-cli', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
}

/** The doudi command's stderr (its totals), built by cargo if need be. */
function doudiTotals(args) {
  const r = spawnSync('cargo', ['run', '-q', '-p', 'doudi-cli', '--', ...args, '--output', '/dev/null'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stderr;
}

/** `doudi screen`'s totals per programme: id → [households, persons, monthly, fixed-term, one-off]. */
function cliTotals(file) {
  const stderr = doudiTotals(['screen', '--input', file]);
  const out = {};
  const block = stderr.split('per programme')[1].split('most at stake')[0];
  for (const line of block.split('\n').slice(1)) {
    const cells = line.trim().split(/\s+/);
    if (cells.length === 6) out[cells[0]] = cells.slice(1);
  }
  return { out, stderr };
}

/** A sample roster of `n` Tianjin households (seed 1), generated once. */
function sample(n) {
  const file = join(DATA, `tianjin-${n}.csv`);
  if (!existsSync(file)) doudi(['sample', '--jurisdiction', 'tianjin', '--households', String(n), '--seed', '1', '--output', file]);
  return file;
}

describe('the 摸排 page', () => {
  let server;
  let browser;
  let smallFile;

  before(async () => {
    assert.ok(existsSync(join(DIST, 'screen.html')), `${DIST}/screen.html missing: build web/ with trunk first`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(DATA, { recursive: true });
    smallFile = join(DATA, 'small.csv');
    writeFileSync(smallFile, SMALL);
    server = await serveDir(DIST);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(options = DESKTOP) {
    const context = await browser.newContext({ ...options, bypassCSP: false, acceptDownloads: true });
    const page = await context.newPage();
    const seen = await instrument(page);
    await page.goto(server.url + 'screen.html', { waitUntil: 'load' });
    await page.getByRole('heading', { name: '走访摸排', level: 1 }).waitFor();
    return { context, page, seen };
  }

  /** Uploads `file` through the picker and waits until the totals are drawn. */
  async function upload(page, file) {
    await page.locator('#file').setInputFiles(file);
    await page.locator('#run-text').getByText(/^已分析 [\d,]+ 户，用时 [\d.]+ 秒。$/).waitFor({ timeout: 120_000 });
  }

  const local = (seen) => {
    const outside = seen.requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(outside, [], 'a request left 127.0.0.1');
  };

  /** The totals table: id → [households, persons, monthly, fixed-term, one-off]. */
  const pageTotals = (page) =>
    page.locator('#totals-body tr').evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [r.dataset.program, [...r.querySelectorAll('td')].map((td) => td.textContent.replace(/,/g, ''))]),
      ),
    );

  test('a small roster checked by hand: totals, worklist, export, a broken row, the what-if', async () => {
    const { context, page, seen } = await open();
    try {
      await upload(page, smallFile);
      const totals = await pageTotals(page);
      assert.deepEqual(totals.dibao, ['3', '7', '3190.00', '0.00', '0.00']);
      // Amounts in thousands, as the calculator's page shows them.
      assert.equal(await page.locator('#totals-body tr[data-program="dibao"] td').nth(2).textContent(), '3,190.00');
      // Equal to the CLI's on the same file, every programme.
      assert.deepEqual(totals, cliTotals(smallFile).out);
      assert.match(await page.locator('#totals-note').textContent(), /共 6 户，其中 1 户无法读取。工作清单 4 户：可能符合但未享受 3 户，接近门槛 1 户/);

      // The broken row, with its line and field in Chinese; the rest went on.
      assert.equal(await page.locator('#error-list li').count(), 1);
      assert.match(await page.locator('#error-list li').first().textContent(), /^第 7 行，成员1_年龄：/);

      // The worklist: by the amount at stake; each links to the household's own view.
      const rows = () =>
        page.locator('#worklist-body tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
      assert.deepEqual(await rows(), [
        ['1,530.00', '2', 'family-of-three'],
        ['1,420.00', '4', 'rural-pair'],
        ['240.00', '6', 'chongqing-pair'],
        ['0.00', '5', 'just-above'],
      ]);
      assert.match(await page.locator('#worklist-body tr').nth(3).textContent(), /低保.*人均收入高于标准，差 20\.00 元/);
      const href = await page.locator('#worklist-body tr').first().getByRole('link', { name: '查看' }).getAttribute('href');
      assert.match(href, /^index\.html#h=[A-Za-z0-9_-]+$/);
      const household = JSON.parse(Buffer.from(href.split('#h=')[1], 'base64url').toString());
      assert.equal(household.members[0].id, 'family-of-three');
      assert.equal(household.members.length, 3);
      // The link opens the single-household view with the same 1530.00.
      const single = await context.newPage();
      await single.goto(server.url + href);
      await waitForApp(single);
      await single.locator('#f-dibao').getByText('1,530.00 元').waitFor();
      await single.close();

      // Filters.
      await page.locator('#kind').selectOption('near');
      await page.locator('#worklist-count').getByText('共 1 户，按每月涉及金额从高到低排列。').waitFor();
      assert.deepEqual(await rows(), [['0.00', '5', 'just-above']]);
      await page.locator('#kind').selectOption('missed');
      await page.locator('#worklist-count').getByText('共 3 户，按每月涉及金额从高到低排列。').waitFor();

      // The export: the filtered worklist as CSV.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
      assert.equal(download.suggestedFilename(), '工作清单.csv');
      const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      assert.equal(csv[0], '行号,编号,每月涉及金额（元）,可能符合但未享受,接近门槛,现有低保,单户测算链接');
      assert.deepEqual(
        csv.slice(1).map((l) => l.split(',').slice(0, 3)),
        [['2', 'family-of-three', '1530.00'], ['4', 'rural-pair', '1420.00'], ['6', 'chongqing-pair', '240.00']],
      );
      // The amount column stays a plain number for a spreadsheet; the words are as the page shows.
      assert.match(csv[1], /最低生活保障.* 每月 1,530\.00 元/);

      // The what-if: the urban standard up by 50, as `doudi compare --set` on the same file.
      await page.locator('#whatif').waitFor();
      // The roster has Tianjin and Chongqing households: a parameter shows its value in each.
      assert.match(
        await page.locator('#set-1-id option[value="dibao.standard.urban"]').textContent(),
        /（现为 天津市 1010 元\/人\/月，重庆市 620 元\/人\/月）$/,
      );
      // A date and a yes/no read as words, not `2023-01-08 日期` or `false 是/否`.
      assert.match(
        await page.locator('#set-1-id option[value="epidemic.end"]').textContent(),
        /（现为 天津市 2023年1月8日，重庆市 2023年1月8日）$/,
      );
      assert.match(
        await page.locator('#set-1-id option[value="disability_living_subsidy.includes_low_income"]').textContent(),
        /（现为 天津市 [是否]，重庆市 否）$/,
      );
      await page.locator('#set-1-id').selectOption('dibao.standard.urban');
      await page.locator('#set-1-op').selectOption('+=');
      await page.locator('#set-1-value').fill('50');
      await page.getByRole('button', { name: '测算', exact: true }).click();
      await page.locator('#compare-result').waitFor();
      assert.equal(await page.locator('#cmp-monthly').textContent(), '+310.00 元');
      assert.equal(await page.locator('#cmp-yearly').textContent(), '+3,720.00 元');
      assert.match(await page.locator('#cmp-note').textContent(), /增加 3 户，减少 0 户，不变 2 户/);
      assert.match(await page.locator('#cmp-note').textContent(), /^调整前每月 3,190\.00 元，调整后每月 3,500\.00 元。/);
      const cli = doudiTotals(['compare', '--input', smallFile, '--set', 'dibao.standard.urban+=50']);
      assert.match(cli, /difference \+310\.00/);
      assert.match(cli, /per year \(12 months\): difference \+3720\.00/);
      // The chart: one bar per band of `doudi compare`, with its households.
      const bars = cli.split('households by monthly difference:')[1].trim().split('\n').map((l) => l.trim().split(/\s+/).pop());
      assert.deepEqual(bars, ['0', '0', '0', '2', '1', '2', '0']);
      assert.deepEqual(await page.locator('#chart text.value').allTextContents(), bars);
      assert.equal(await page.locator('#chart rect').count(), 7);
      // The largest change first: line 2, +150.00.
      assert.deepEqual(
        await page.locator('#changes-body tr').first().locator('td').evaluateAll((tds) => tds.slice(0, 5).map((t) => t.textContent)),
        ['2', 'family-of-three', '1,530.00', '1,680.00', '+150.00'],
      );

      await page.screenshot({ path: join(SCREENSHOTS, 'screen-1280.png'), fullPage: true });
      assert.deepEqual(await seen.cspViolations(), []);
      assert.deepEqual(seen.pageErrors, []);
      local(seen);
      // The roster never travelled: no request names it or carries a body.
      assert.equal(seen.requests.some((u) => u.includes('small')), false);
    } finally {
      await context.close();
    }
  });

  test('a roster dropped on the drop zone is read as one picked (drag over, then drop)', async () => {
    const { context, page, seen } = await open(PHONE);
    try {
      // A file dragged from the desktop: the same roster, in a DataTransfer made in the page.
      const dataTransfer = await page.evaluateHandle((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
        return dt;
      }, SMALL);
      await page.locator('#drop').dispatchEvent('dragover', { dataTransfer });
      assert.equal(await page.locator('#drop').evaluate((el) => el.classList.contains('over')), true, 'no mark while a file is over the zone');
      await page.locator('#drop').dispatchEvent('drop', { dataTransfer });
      await page.locator('#run-text').getByText(/^已分析 6 户，用时 [\d.]+ 秒。$/).waitFor({ timeout: 120_000 });
      assert.equal(await page.locator('#drop').evaluate((el) => el.classList.contains('over')), false);
      assert.deepEqual((await pageTotals(page)).dibao, ['3', '7', '3190.00', '0.00', '0.00']);
      assert.match(await page.locator('#error-list li').first().textContent(), /^第 7 行，成员1_年龄：/);
      local(seen);
    } finally {
      await context.close();
    }
  });

  test('a generated roster: the totals equal `doudi screen`, and the page stays responsive', async () => {
    const file = sample(2000);
    const { context, page, seen } = await open();
    try {
      await upload(page, file);
      const { out } = cliTotals(file);
      assert.ok(Object.keys(out).length >= 3, 'the CLI printed its totals');
      assert.deepEqual(await pageTotals(page), out);
      local(seen);
    } finally {
      await context.close();
    }
  });

  test('axe clean at 1280 and 360 px, with results and the what-if drawn', async () => {
    for (const options of [DESKTOP, PHONE]) {
      const context = await browser.newContext({ ...options, bypassCSP: true });
      const page = await context.newPage();
      try {
        await page.goto(server.url + 'screen.html', { waitUntil: 'load' });
        assert.deepEqual(await axeViolations(page), [], `empty page at ${options.viewport.width} px`);
        await page.locator('#file').setInputFiles(smallFile);
        await page.locator('#run-text').getByText(/^已分析/).waitFor();
        // The what-if is ready once its first change is drawn (the place's parameters read).
        await page.locator('#set-1-value').fill('50');
        await page.getByRole('button', { name: '测算', exact: true }).click();
        await page.locator('#compare-result').waitFor();
        assert.deepEqual(await axeViolations(page), [], `results at ${options.viewport.width} px`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at ${options.viewport.width} px`);
        // The run is over: nothing to cancel. The programme names stay readable (not one
        // character a line) even at 360 px, where the figures scroll beside them.
        assert.equal(await page.locator('#cancel').isVisible(), false, 'the cancel button stays after the run');
        const name = await page.locator('#totals-body tr[data-program="dibao"] th').evaluate((td) => {
          return { width: td.getBoundingClientRect().width };
        });
        assert.ok(name.width >= 100, `the programme column is ${name.width} px wide at ${options.viewport.width} px`);
        if (options === PHONE) await page.screenshot({ path: join(SCREENSHOTS, 'screen-360.png'), fullPage: true });
      } finally {
        await context.close();
      }
    }
  });

  test('cancel stops a run; the main page links here in staff mode only', async () => {
    const { context, page, seen } = await open();
    try {
      await page.locator('#file').setInputFiles(sample(10000));
      await page.getByRole('button', { name: '取消' }).click();
      await page.locator('#run-text').getByText(/^(已取消|已分析)/).waitFor();
      // After a cancel the page works on.
      await upload(page, smallFile);

      const main = await context.newPage();
      await main.goto(server.url);
      await waitForApp(main);
      assert.equal(await main.getByRole('link', { name: '走访摸排' }).count(), 0, 'the link shows outside staff mode');
      await main.getByRole('button', { name: '工作人员模式' }).click();
      await main.getByRole('link', { name: '走访摸排' }).click();
      await main.getByRole('heading', { name: '走访摸排', level: 1 }).waitFor();
      local(seen);
    } finally {
      await context.close();
    }
  });

  test('speed (printed, not asserted): 10,000 and 200,000 households', async () => {
    for (const n of [10000, 200000]) {
      const file = sample(n);
      const { context, page, seen } = await open();
      try {
        // The page stays responsive while the worker decides: count animation frames.
        const started = Date.now();
        await page.evaluate(() => {
          window.__frames = 0;
          const tick = () => {
            window.__frames++;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
        await upload(page, file);
        const wall = (Date.now() - started) / 1000;
        const { seconds, memory } = await page.locator('#run').evaluate((e) => e.dataset);
        const frames = await page.evaluate(() => window.__frames);
        const size = readFileSync(file).length;
        console.log(
          `screen ${n.toLocaleString('en')} households (${(size / 1e6).toFixed(1)} MB CSV): ${Number(seconds).toFixed(2)} s in the worker ` +
            `(${wall.toFixed(2)} s from the upload to the drawn result), wasm memory ${(memory / 1048576).toFixed(1)} MiB, ${frames} frames drawn meanwhile`,
        );
        local(seen);
      } finally {
        await context.close();
      }
    }
  });
});
