#!/usr/bin/env node
// Size budget for the site's first load.
//
//   node scripts/size-report.mjs [LIMIT_BYTES] [DIST_DIR]
//
// Lists every first-load file in DIST_DIR (default web/dist): .html, .js,
// .mjs, .wasm and .css, with raw, gzip (level 9) and brotli (quality 11) sizes,
// and the total of them all; then, for each entry point (the page, the iframe
// embed, the custom element), what a visitor downloads from it. Exits 1 when an
// entry point's first load is over LIMIT_BYTES brotli (default 256000 = 250 KB),
// 2 on a usage error or an empty/missing dist.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_LIMIT = 256000;
const FIRST_LOAD = /\.(html|js|mjs|wasm|css)$/i;

const [limitArg, distArg] = process.argv.slice(2);
const limit = limitArg === undefined ? DEFAULT_LIMIT : Number(limitArg);
if (!Number.isInteger(limit) || limit <= 0) {
  console.error(`size-report: limit must be a positive whole number of bytes, got "${limitArg}"`);
  process.exit(2);
}
const dist = resolve(distArg ?? join(root, 'web', 'dist'));

function walk(dir) {
  let out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out = out.concat(walk(p));
    else if (entry.isFile() && FIRST_LOAD.test(entry.name)) out.push(p);
  }
  return out;
}

let files;
try {
  if (!statSync(dist).isDirectory()) throw new Error('not a directory');
  files = walk(dist).sort();
} catch (err) {
  console.error(`size-report: cannot read ${dist}: ${err.message} (run trunk build first)`);
  process.exit(2);
}
if (files.length === 0) {
  console.error(`size-report: no first-load files in ${dist}`);
  process.exit(2);
}

const rows = files.map((file) => {
  const data = readFileSync(file);
  return {
    file: relative(dist, file),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
  };
});
const total = rows.reduce(
  (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const width = Math.max(5, ...rows.map((r) => r.file.length));
const line = (name, raw, gzip, brotli) =>
  `${name.padEnd(width)}  ${String(raw).padStart(10)}  ${String(gzip).padStart(10)}  ${String(brotli).padStart(10)}`;

console.log(`first-load size of ${relative(root, dist) || dist} (bytes)`);
console.log(line('file', 'raw', 'gzip', 'brotli'));
for (const r of rows) console.log(line(r.file, r.raw, r.gzip, r.brotli));
console.log(line('total', total.raw, total.gzip, total.brotli));
console.log(
  `total brotli: ${total.brotli} bytes (${kb(total.brotli)}), limit ${limit} bytes (${kb(limit)})`,
);

// What a visitor downloads from each entry point: an HTML page, the files its tags load
// (src, href, data-wasm) and the service worker its init script registers (which then stores
// those same files); an entry script (doudi-frame.js, doudi-element.js), the files it names.
// The app's own script is not followed: it names files it never loads (an embedding example).
// The page, the iframe embed and the custom element each have their own first load; the
// limit holds for each.
const ENTRIES = [
  ['the page (index.html)', 'index.html'],
  ['the iframe embed (doudi-frame.js → embed.html)', 'doudi-frame.js'],
  ['the custom element (doudi-element.js)', 'doudi-element.js'],
];
// Loaded by the app after its first result (the clauses' words, web/src/clauses.rs) or only
// when asked (the English words, web/src/i18n.rs; saved households, web/src/storage.rs; the comparison with the ordinary rules,
// web/src/components/ordinary_section.rs): in no first load; the browser tests check that
// none is asked for before the first result (or before its section is opened).
const AFTER = new Set(['clauses.js', 'labels-en.js', 'saved.js', 'ordinary-panel.js', 'ordinary.js', 'doudi-ordinary.js', 'doudi-ordinary_bg.wasm']);
const byName = new Map(rows.map((r) => [r.file.split('/').pop(), r]));
const textOf = (name) => readFileSync(join(dist, byName.get(name).file), 'latin1');
function loads(name) {
  const text = textOf(name);
  if (name.endsWith('.html')) {
    const out = [...text.matchAll(/(?:href|src|data-wasm)=["']?\/?([^"' >]+)/g)].map((m) => m[1].split('/').pop());
    const init = out.filter((n) => /^init-.*\.js$/.test(n));
    // init.js registers the service worker on the page, never in the iframe embed (`embedded`).
    if (name !== 'embed.html' && init.some((n) => byName.has(n) && textOf(n).includes('sw.js'))) out.push('sw.js');
    // ... and imports the portal protocol only in the iframe embed (web/frame-protocol.js).
    if (name === 'embed.html' && init.some((n) => byName.has(n) && textOf(n).includes('frame-protocol.js'))) out.push('frame-protocol.js');
    // The 摸排 page's link back to the main page is a link, not a load.
    return out.filter((n) => byName.has(n) && !(name === 'screen.html' && n === 'index.html'));
  }
  if (name === 'doudi-frame.js' || name === 'doudi-element.js') {
    return [...byName.keys()].filter((n) => n !== name && !AFTER.has(n) && text.includes(n));
  }
  // The 摸排 page's scripts name the main page only as its links' target.
  if (SCREEN_SCRIPTS.has(name)) {
    return [...byName.keys()].filter((n) => n !== name && !n.endsWith('.html') && text.includes(n));
  }
  return [];
}
// The 摸排 page (staff's, its own URL) is reported, not held to the limit: its scripts name
// the worker and the worker its wasm (doudi-staff).
const SCREEN_SCRIPTS = new Set(['screen.js', 'screen-worker.js', 'doudi-staff.js']);
const REPORTED = [['the 摸排 page (screen.html, with its worker; not held to the limit)', 'screen.html']];
let over = false;
for (const [label, entry] of [...ENTRIES, ...REPORTED]) {
  if (!byName.has(entry)) continue;
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length) {
    for (const other of loads(queue.shift())) {
      if (!seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  const sum = [...seen].reduce((t, n) => t + byName.get(n).brotli, 0);
  const ok = sum <= limit || REPORTED.some(([, e]) => e === entry);
  over ||= !ok;
  console.log(`first load of ${label}: ${sum} bytes brotli (${kb(sum)}) — ${[...seen].sort().join(', ')}${ok ? '' : '  OVER'}`);
}
// Files the service worker stores after the page has loaded, beyond those the page's tags
// name (saved.js, which the app loads only when the saved households are first opened): not
// part of any first load, listed for the record.
if (byName.has('sw.js')) {
  const sw = textOf('sw.js');
  for (const [name, r] of byName) {
    if (!name.endsWith('.html') && name !== 'sw.js' && (sw.includes(`'${name}'`) || sw.includes(`/${name}'`))) {
      console.log(`after load, stored by the service worker: ${name}: ${r.brotli} bytes brotli`);
    }
  }
}
if (over) {
  console.error(`size-report: FAIL: a first load is over the limit of ${limit} bytes`);
  process.exit(1);
}
console.log('size-report: OK');
