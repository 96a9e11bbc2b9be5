#!/usr/bin/env node
// Size budget for the site's first load.
//
//   node scripts/size-report.mjs [LIMIT_BYTES] [DIST_DIR]
//
// Lists every first-load file in DIST_DIR (default web/dist): .html, .js,
// .mjs, .wasm and .css, with raw, gzip (level 9) and brotli (quality 11) sizes,
// then the totals. Files the page loads only when asked (LATER: saved.js, fetched the
// first time the saved households are opened; tests/browser/saved.test.mjs checks that a
// page load never asks for it) are listed apart and not counted.
// Exits 1 when the total brotli size is over LIMIT_BYTES
// (default 256000 = 250 KB), 2 on a usage error or an empty/missing dist.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_LIMIT = 256000;
const FIRST_LOAD = /\.(html|js|mjs|wasm|css)$/i;
const LATER = new Set(['saved.js']);

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

const measure = (file) => {
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
};
const rows = files.filter((f) => !LATER.has(relative(dist, f))).map(measure);
const later = files.filter((f) => LATER.has(relative(dist, f))).map(measure);
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
for (const r of later) console.log(line(`${r.file} (later, not counted)`, r.raw, r.gzip, r.brotli));
console.log(
  `total brotli: ${total.brotli} bytes (${kb(total.brotli)}), limit ${limit} bytes (${kb(limit)})`,
);

if (total.brotli > limit) {
  console.error(`size-report: FAIL: first load is ${total.brotli - limit} bytes over the limit`);
  process.exit(1);
}
console.log('size-report: OK');
