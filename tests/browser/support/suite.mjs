// A suite's fixtures, the same for every suite of the site's browser tests: the built site
// served, a portal that embeds it, Chromium; set up before the suite's tests, closed after.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';

import { launchChromium } from './browser.mjs';
import { servePortal } from './portal.mjs';
import { serveDir } from './server.mjs';
import { DIST, SCREENSHOTS } from './site.mjs';

/**
 * A suite's site and browser, for the `describe` it is called in: before its tests, checks that
 * the build has each file of `needs`, serves `web/dist/` (with CORS headers when `cors`), with
 * `portal` a portal page of `public/examples` on another origin that embeds it, and launches
 * Chromium; after them, closes all three. Its `server`, `portal` and `browser` are set once the
 * `before` has run.
 */
export function useSite({ needs = ['index.html'], cors = false, portal = false } = {}) {
  const site = { server: null, portal: null, browser: null };
  before(async () => {
    for (const file of needs) assert.ok(existsSync(join(DIST, file)), `${DIST}/${file} missing: run scripts/web-test.sh`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    site.server = await serveDir(DIST, { cors });
    if (portal) site.portal = await servePortal(site.server.url.replace(/\/$/, ''));
    site.browser = await launchChromium();
  });
  after(async () => {
    await site.browser?.close();
    await site.portal?.close();
    await site.server?.close();
  });
  return site;
}
