// Helpers shared by the site's browser tests: starting the app, filling a household the
// way a person does (by label and button), reading the answer, and running axe-core.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DIST = join(ROOT, 'web', 'dist');
export const SCREENSHOTS = join(ROOT, 'target', 'screenshots');
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const TITLE = '兜底保障测算';

/** The date question's first answer (the default). */
export const EPIDEMIC = '按 2020 年疫情期间的政策（2020年4月15日）';

/** Waits until Yew has rendered the page's title (not the boot page's, index.html). */
export async function waitForApp(page, title = TITLE) {
  await page.locator('#doudi').getByRole('heading', { name: title, level: 1 }).waitFor({ timeout: 30_000 });
}

/**
 * Waits until the page has stopped scrolling (a reveal scrolls smoothly to its field; a
 * click aimed at a control while the page still moves can land beside it on a busy machine).
 */
export async function settled(page) {
  await page.waitForFunction(
    () =>
      new Promise((resolve) => {
        let last = scrollY;
        let still = 0;
        const tick = () => {
          still = scrollY === last ? still + 1 : 0;
          last = scrollY;
          if (still >= 5) resolve(true);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** The card of a programme (its first card: `f-<programme>`). */
export const card = (page, programme) => page.locator(`#f-${programme}`);

/**
 * Fills the Tianjin household of three on 2020-04-15: the applicant (45, income given),
 * a spouse (40) and a child (10), through the labels and buttons a person uses.
 */
export async function fillTianjinThree(page, income = '1500') {
  await page.getByRole('radio', { name: /^(✓ )?天津市$/ }).check({ force: true });
  await page.getByRole('radio', { name: EPIDEMIC }).check({ force: true });
  const first = page.locator('#m0-age');
  await first.fill('45');
  await page.locator('#m0-monthly_income').fill(income);
  await page.getByRole('button', { name: '＋ 添加家庭成员' }).click();
  await page.locator('#m1-age').fill('40');
  await page.getByRole('button', { name: '＋ 添加家庭成员' }).click();
  await page.locator('#m2-relation').selectOption('child');
  await page.locator('#m2-age').fill('10');
}

/** The household above as a share link's fragment (contract v1 JSON, base64url). */
export function tianjinThreeFragment(income = '1500') {
  const household = {
    jurisdiction: 'tianjin',
    as_of: '2020-04-15',
    members: [
      { age: 45, monthly_income: income },
      { relation: 'spouse', age: 40 },
      { relation: 'child', age: 10 },
    ],
  };
  return `#h=${Buffer.from(JSON.stringify(household)).toString('base64url')}`;
}

/**
 * axe's default rules (WCAG 2.x A and AA) plus two stricter ones the design asks for:
 * text contrast 7:1 (AAA "enhanced") and touch targets of at least 24 px.
 */
export const STRICT = { rules: { 'color-contrast-enhanced': { enabled: true }, 'target-size': { enabled: true } } };

/**
 * Runs axe-core on a page that was opened in a context with bypassCSP (the page's own CSP
 * rightly blocks the inline script addScriptTag makes). Returns the violations, short.
 */
export async function axeViolations(page, options = STRICT) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  const results = await page.evaluate(
    (opts) => window.axe.run(document, { resultTypes: ['violations'], ...opts }),
    options,
  );
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ')}`),
  }));
}

/** Opens every <details> on the page (traces, "more", folded groups, documents). */
export async function openAllDetails(page) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
}
