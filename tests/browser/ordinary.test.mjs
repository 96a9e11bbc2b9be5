// "2020 年疫情措施对这户的作用" (issue 14, item 1), in Debian's chromium: the section beside
// the answer loads nothing until it is opened (no ordinary-panel.js, no doudi-ordinary/ files,
// not even from the service worker's precache, which this context blocks); opened (by
// keyboard), it shows per programme the household under the 2020 rules and under the ordinary
// rules, and its figures and sentences are those of two runs of the command line on the same
// household (the page's own `data-h`, the share link's fragment): `doudi evaluate` (the
// provisions on) and `doudi evaluate --compare ordinary` (its `ordinary`: the provisions off).
// The household is a Tianjin 低保 household of two with a migrant worker earning 1,200: the
// work-cost deduction (转发国发明电〔2020〕9号 二（五）第4句, 500 a month) makes 低保
// 2 × 1,010 − 700 = 1,320.00 against 2 × 1,010 − 1,200 = 820.00. It follows the household as
// it is edited; no request leaves 127.0.0.1; axe clean at 360 and 1280 px.
// Run: node --test tests/browser/ordinary.test.mjs   (after a release trunk build of web/)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { serveDir } from './support/server.mjs';
import { launchChromium } from './support/browser.mjs';
import { axeViolations, card, DIST, ROOT, SCREENSHOTS, waitForApp } from './support/site.mjs';

const PHONE = { locale: 'zh-CN', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };
const DESKTOP = { locale: 'zh-CN', viewport: { width: 1280, height: 900 } };
const CLI = process.env.DOUDI_CLI ?? join(ROOT, 'target', 'debug', 'doudi');

const WORK_COST = {
  jurisdiction: 'tianjin',
  as_of: '2020-04-15',
  support: { dibao: true, dibao_monthly: '800' },
  members: [
    { age: 40, monthly_income: '1200', work: 'migrant' },
    { relation: 'parent', age: 70 },
  ],
};
const fragment = (h) => `#h=${Buffer.from(JSON.stringify(h)).toString('base64url')}`;

/** `doudi ARGS` on the household in a share fragment: the JSON it prints. */
function cli(args, h) {
  const household = Buffer.from(h.replace(/^#h=/, ''), 'base64url').toString();
  const r = spawnSync(CLI, args, { input: household, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const isOrdinaryFile = (u) => /\/(ordinary-panel\.js|doudi-ordinary\/)/.test(u);
const section = (page) => page.locator('details.ordinary');

/** Opens the section by keyboard and waits until the panel has drawn its rows. */
async function openSection(page) {
  const summary = section(page).locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await section(page).locator('.ordinary-total').waitFor({ timeout: 30_000 });
}

/** What the panel shows: per row its title, both sides, the difference and the sentence. */
const shown = (page) =>
  section(page).evaluate((s) => ({
    total: [...s.querySelectorAll('.ordinary-total .ordinary-side')].map((x) => x.textContent),
    totalDiff: s.querySelector('.ordinary-total .ordinary-diff')?.textContent,
    h: s.querySelector('.ordinary-ui').dataset.h,
    rows: [...s.querySelectorAll('.ordinary-list > div')].map((li) => ({
      key: `${li.dataset.program} ${li.dataset.member ?? ''}`,
      folded: li.closest('details.ordinary-same') !== null,
      title: li.querySelector('h3').textContent,
      changed: li.classList.contains('changed'),
      sides: [...li.querySelectorAll('.ordinary-side')].map((x) => x.textContent),
      diff: li.querySelector('.ordinary-diff').textContent,
      why: li.querySelector('.ordinary-why')?.textContent ?? null,
      clauses: [...li.querySelectorAll('.ordinary-clause, .ordinary-source')].map((x) => x.textContent).join(' '),
    })),
  }));

/** The CLI's plain figure ("1320.00") as the panel shows amounts, in thousands ("1,320.00"). */
const grouped = (x) => x.replace(/^(-?)(\d+)/, (_, sign, int) => sign + Number(int).toLocaleString('en-US'));

/** The panel's figures equal the command line's two runs on the household it shows. */
function assertEqualsCli(view) {
  const plain = cli(['evaluate'], view.h);
  const { ordinary: c } = cli(['evaluate', '--compare', 'ordinary'], view.h);
  // Provisions on: the plain run's receipt is the 2020 side's total.
  assert.equal(c.epidemic.ongoing_monthly, plain.summary.receive.ongoing_monthly);
  assert.ok(view.total[0].includes(`每月 ${grouped(plain.summary.receive.ongoing_monthly)} 元`), `${view.total[0]}`);
  assert.ok(view.total[1].includes(`每月 ${grouped(c.ordinary.ongoing_monthly)} 元`), `${view.total[1]}`);
  assert.equal(view.rows.length, c.findings.length);
  // The rows that differ first, then the others (folded), each in the answer's order.
  const order = [...c.findings.filter((r) => r.changed), ...c.findings.filter((r) => !r.changed)];
  assert.deepEqual(view.rows.map((v) => v.key), order.map((r) => `${r.program} ${r.member ?? ''}`));
  c.findings.forEach((r, i) => {
    const v = view.rows.find((x) => x.key === `${r.program} ${r.member ?? ''}`);
    assert.equal(v.changed, r.changed, `row ${i} (${r.program})`);
    assert.equal(v.folded, !r.changed, `row ${i} (${r.program})`);
    const f = plain.findings[i];
    assert.equal(f.program, r.program);
    if (f.monthly) assert.ok(v.sides[0].includes(`每月 ${grouped(f.monthly)} 元`), `${r.program}: ${v.sides[0]}`);
    if (r.ordinary?.monthly) assert.ok(v.sides[1].includes(`每月 ${grouped(r.ordinary.monthly)} 元`), `${r.program}: ${v.sides[1]}`);
    if (!r.ordinary) assert.ok(v.sides[1].includes('没有此项'));
    assert.equal(v.why, r.sentence ?? null, r.program);
  });
  return { plain, c };
}

describe('the 2020 measures beside the answer (the household under the ordinary rules)', () => {
  let server;
  let browser;

  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), `${DIST}/index.html missing: build the site first`);
    assert.ok(existsSync(join(DIST, 'doudi-ordinary', 'doudi-ordinary_bg.wasm')), 'the comparison was not copied into dist');
    assert.ok(existsSync(CLI), `${CLI} missing: cargo build -p doudi-cli`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await serveDir(DIST);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page on `url`; every request of the context (page and workers) recorded. */
  async function open(options, url, app = true) {
    const context = await browser.newContext({ serviceWorkers: 'block', ...options });
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });
    if (app) await waitForApp(page);
    return { context, page, requests, errors };
  }

  test('nothing before it is opened; then the CLI\'s figures, the clause, and it follows edits', async () => {
    const { context, page, requests, errors } = await open(DESKTOP, server.url + fragment(WORK_COST));
    try {
      await card(page, 'dibao').getByText('1,320.00 元').first().waitFor();
      await section(page).getByRole('heading', { name: '2020 年疫情措施对这户的作用' }).waitFor();
      assert.equal(await section(page).evaluate((d) => d.open), false, 'folded');
      // Give the page time to fetch whatever it fetches after the first result.
      await page.waitForTimeout(1500);
      assert.deepEqual(requests.filter(isOrdinaryFile), [], 'loaded before it was opened');

      await openSection(page);
      assert.ok(requests.some((u) => u.endsWith('/ordinary-panel.js')));
      assert.ok(requests.some((u) => u.endsWith('/doudi-ordinary/doudi-ordinary_bg.wasm')));
      const view = await shown(page);
      assert.equal(view.h, fragment(JSON.parse(Buffer.from(view.h.slice(3), 'base64url').toString())));
      const { c } = assertEqualsCli(view);
      // Worked out from the documents: 1,320.00 with the deduction, 820.00 without.
      assert.equal(c.epidemic.ongoing_monthly, '1320.00');
      assert.equal(c.ordinary.ongoing_monthly, '820.00');
      assert.equal(view.totalDiff, '相差（疫情期间比常规）：每月 +500.00 元');
      const dibao = view.rows.find((r) => r.changed);
      assert.equal(dibao.title, '每月低保金');
      assert.ok(dibao.sides[0].includes('每月 1,320.00 元'), dibao.sides[0]);
      assert.ok(dibao.sides[1].includes('每月 820.00 元'));
      assert.equal(dibao.diff, '相差（疫情期间比常规）：每月 +500.00 元');
      assert.equal(dibao.why, '疫情期间务工成本扣减（转发国发明电〔2020〕9号 二（五）第4句）：最低生活保障（低保）每月多 500.00 元');
      assert.ok(dibao.clauses.includes('每月扣减务工成本500元') && dibao.clauses.includes('二（五）第4句'), dibao.clauses);
      assert.equal(view.rows.filter((r) => r.changed).length, 1);

      // Edited: income 1,000 → 2 × 1,010 − 500 = 1,520.00 against 2 × 1,010 − 1,000 = 1,020.00.
      await page.locator('#m0-monthly_income').fill('1000');
      await section(page).locator('.ordinary-list > div.changed .ordinary-side').first().getByText('每月 1,520.00 元').waitFor();
      const edited = await shown(page);
      assert.notEqual(edited.h, view.h);
      const again = assertEqualsCli(edited);
      assert.equal(again.c.ordinary.ongoing_monthly, '1020.00');

      // English: the core's English sentence.
      await page.getByRole('button', { name: 'English' }).click();
      await section(page).getByRole('heading', { name: 'What the 2020 epidemic measures do for this household' }).waitFor();
      await section(page).getByText("the epidemic's work-cost deduction", { exact: false }).waitFor();
      const en = cli(['evaluate', '--compare', 'ordinary', '--lang', 'en'], edited.h).ordinary;
      const why = await section(page).locator('.ordinary-list > div.changed .ordinary-why').textContent();
      assert.equal(why, en.findings.find((r) => r.changed).sentence);

      const outside = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:'));
      assert.deepEqual(outside, [], 'a request left 127.0.0.1');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the embed has no such section', async () => {
    const { context, page } = await open(DESKTOP, server.url + 'embed.html', false);
    try {
      await page.locator('#doudi .layout').waitFor({ timeout: 30_000 });
      await page.locator('#m0-age').fill('40');
      await page.locator('#m0-monthly_income').fill('1200');
      await page.locator('#answers .summary-line').first().waitFor({ timeout: 30_000 }).catch(() => {});
      assert.equal(await section(page).count(), 0);
    } finally {
      await context.close();
    }
  });

  test('ordinary-panel.js has every word in both languages', () => {
    const source = readFileSync(join(ROOT, 'web', 'ordinary-panel.js'), 'utf8');
    const block = (lang) => source.split(`\n  ${lang}: {`)[1].split('\n  },')[0];
    const keys = (lang) => [...block(lang).matchAll(/^ {4,6}(\w+):/gm)].map((m) => m[1]);
    assert.ok(keys("'zh-CN'").length > 20);
    assert.deepEqual(keys('en'), keys("'zh-CN'"));
    assert.doesNotMatch(block('en'), /[\u4e00-\u9fff]/, 'Chinese in the English words');
    // The programmes' names are the page's own (web/src/i18n.rs, `programme`).
    const i18n = readFileSync(join(ROOT, 'web', 'src', 'i18n.rs'), 'utf8');
    const fn = i18n.slice(i18n.indexOf('pub fn programme(p: ProgrammeId'));
    const pages = [...fn.matchAll(/(\w+) => \(\s*\("([^"]+)", "[^"]*"\),\s*\("([^"]+)", /g)].map((m) => [
      m[1].replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase(),
      m[2],
      m[3],
    ]);
    assert.equal(pages.length, 13);
    const names = (lang) =>
      Object.fromEntries([...block(lang).split('names: {')[1].matchAll(/^ {6}(\w+): '([^']+)'/gm)].map((m) => [m[1], m[2]]));
    assert.deepEqual(names("'zh-CN'"), Object.fromEntries(pages.map(([id, zh]) => [id, zh])));
    assert.deepEqual(names('en'), Object.fromEntries(pages.map(([id, , en]) => [id, en])));
  });

  for (const [width, options] of [
    [360, PHONE],
    [1280, DESKTOP],
  ]) {
    test(`axe-core: the section is clean at ${width} px, closed and open, and fits`, async () => {
      const { context, page } = await open({ ...options, bypassCSP: true }, server.url + fragment(WORK_COST));
      try {
        await card(page, 'dibao').getByText('1,320.00 元').first().waitFor();
        assert.deepEqual(await axeViolations(page), [], 'closed');
        await openSection(page);
        const box = await section(page).boundingBox();
        assert.ok(box.width <= width, `the section is ${box.width} px wide`);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `the page scrolls sideways (${scroll} px)`);
        await section(page).screenshot({ path: join(SCREENSHOTS, `ordinary-${width}.png`) });
        assert.deepEqual(await axeViolations(page), [], 'open');
        // The rows the measures do not change, unfolded by keyboard.
        await section(page).locator('.ordinary-same > summary').focus();
        await page.keyboard.press('Enter');
        assert.equal(await section(page).locator('.ordinary-same').evaluate((d) => d.open), true);
        assert.deepEqual(await axeViolations(page), [], 'every row open');
      } finally {
        await context.close();
      }
    });
  }
});
