// Launches Debian's chromium through playwright-core (never a downloaded browser),
// cut off from every network but this machine's loopback.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Every host name fails to resolve except the test server's address.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/**
 * Playwright's launch() gives chromium a fresh temporary --user-data-dir of its
 * own and deletes it on close (it refuses --user-data-dir in args).
 */
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run scripts/web-tools.sh (it installs Debian's chromium)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/**
 * Records, for a page: console messages, uncaught page errors, CSP violations
 * (through the `securitypolicyviolation` DOM event) and every request URL.
 * Call before the first page.goto().
 */
export async function instrument(page) {
  const seen = { console: [], pageErrors: [], requests: [], failedRequests: [] };
  page.on('console', (msg) =>
    seen.console.push({ type: msg.type(), text: msg.text(), location: msg.location() }),
  );
  page.on('pageerror', (err) => seen.pageErrors.push(String(err?.stack ?? err)));
  page.on('request', (req) => seen.requests.push(req.url()));
  page.on('requestfailed', (req) =>
    seen.failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`),
  );
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
      });
    });
  });
  seen.cspViolations = () => page.evaluate(() => window.__cspViolations ?? []);
  return seen;
}
