// Keystroke → updated amount, with the chart on screen: 20 keystrokes into the applicant's
// income (Backspace, then the digit back, ten times: 1500 → 150 → 1500 …), each timed from
// its keydown to the moment the 低保 card's amount changed in the document (the page's own
// work: the event, the decision, the render) and to the frame that paints it (that work
// plus the wait for the display's next refresh, 0–16.7 ms at 60 Hz). Printed, not asserted
// against a clock (speed is a benchmark, not a test): desktop Chromium as it is, then with
// the CPU throttled 4× (Emulation.setCPUThrottlingRate), a phone-speed CPU.
// Run: node --test tests/browser/   (scripts/web-test.sh builds the site first)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { useSite } from './support/suite.mjs';
import { card, tianjinThreeFragment } from './support/site.mjs';

const KEYSTROKES = 20;

/** Times each keystroke: the milliseconds to the new amount, and to the redrawn chart. */
async function keystrokes(page) {
  const income = page.locator('#m0-monthly_income');
  await income.focus();
  await page.keyboard.press('End');
  const times = [];
  const dom = [];
  const chart = [];
  for (let i = 0; i < KEYSTROKES; i += 1) {
    const key = i % 2 === 0 ? 'Backspace' : '0';
    // Arm a watcher on the 低保 card: resolves at the frame after its text changes.
    await page.evaluate(() => {
      const el = document.querySelector('#f-dibao');
      const before = el.textContent;
      window.__t0 = null;
      window.__done = new Promise((resolve) => {
        const input = document.querySelector('#m0-monthly_income');
        input.addEventListener('keydown', () => { window.__t0 = performance.now(); }, { once: true, capture: true });
        const observer = new MutationObserver(() => {
          const now = document.querySelector('#f-dibao');
          if (now && now.textContent !== before) {
            observer.disconnect();
            const changed = performance.now() - window.__t0;
            requestAnimationFrame(() => resolve({ changed, frame: performance.now() - window.__t0 }));
          }
        });
        observer.observe(document.querySelector('#answers'), { childList: true, subtree: true, characterData: true });
      });
      // The chart is swept after the frame with the new amount: timed apart.
      const desc = document.querySelector('#chart-desc').textContent;
      window.__chartDone = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          const now = document.querySelector('#chart-desc');
          if (now && now.textContent !== desc) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - window.__t0));
          }
        });
        observer.observe(document.querySelector('.chart'), { childList: true, subtree: true, characterData: true });
      });
    });
    await page.keyboard.press(key);
    const { changed, frame } = await page.evaluate(() => window.__done);
    dom.push(changed);
    times.push(frame);
    chart.push(await page.evaluate(() => window.__chartDone));
  }
  return { times, dom, chart };
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = (sorted[9] + sorted[10]) / 2;
  return { median, max: sorted[sorted.length - 1] };
}

describe('keystroke latency', () => {
  const site = useSite();

  for (const [name, rate] of [
    ['desktop', 1],
    ['4× CPU throttling', 4],
  ]) {
    test(`keystroke → updated amount, chart on screen (${name})`, async () => {
      const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(site.server.url + tianjinThreeFragment('1500'), { waitUntil: 'load' });
        await card(page, 'dibao').waitFor();
        await page.locator('.chart-figure svg').first().waitFor();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        const { times, dom, chart } = await keystrokes(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        assert.equal(times.length, KEYSTROKES);
        assert.ok(times.every((t) => t > 0), `every keystroke changed the amount: ${times}`);
        // The amount shown is the one the income implies: 1500 → 3 × 1010 − 1500.
        assert.match(await card(page, 'dibao').textContent(), /1,530\.00/);
        const changed = summary(dom);
        console.log(`# keystroke → amount changed in the document (${name}): median ${changed.median.toFixed(1)} ms, max ${changed.max.toFixed(1)} ms over ${KEYSTROKES} keystrokes`);
        const { median, max } = summary(times);
        console.log(`# keystroke → updated amount on screen, the next frame (${name}): median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms over ${KEYSTROKES} keystrokes`);
        const drawn = summary(chart);
        console.log(`# keystroke → redrawn chart (${name}): median ${drawn.median.toFixed(1)} ms, max ${drawn.max.toFixed(1)} ms`);
        assert.ok(chart.every((t, i) => t >= times[i]), 'the chart follows the amount');
        assert.ok(dom.every((t, i) => t > 0 && t <= times[i]), 'the frame follows the change');
      } finally {
        await context.close();
      }
    });
  }
});
