#!/usr/bin/env node
// What a page loads for one entry of the package: each file's size raw, gzip 9 and brotli 11,
// the total, and exit 1 when the brotli total is over the budget. Run by scripts/js-build.sh
// (the main entry) and scripts/js-build-ordinary.sh (`doudi/ordinary`).
//
//   node packages/doudi/tools/size.mjs DIR BUDGET FILE...
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [dir, budgetText, ...files] = process.argv.slice(2);
const budget = Number(budgetText);
if (!dir || !Number.isFinite(budget) || files.length === 0) {
  console.error('size: usage: size.mjs DIR BUDGET FILE...');
  process.exit(2);
}
const width = Math.max(16, ...files.map((f) => f.length + 2));
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
const total = { raw: 0, gzip: 0, brotli: 0 };
console.log('file'.padEnd(width) + 'raw'.padStart(10) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
for (const f of files) {
  const b = readFileSync(`${dir}/${f}`);
  const s = {
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k in total) total[k] += s[k];
  console.log(f.padEnd(width) + kb(s.raw) + kb(s.gzip).padStart(11) + kb(s.brotli).padStart(11));
}
console.log('total'.padEnd(width) + kb(total.raw) + kb(total.gzip).padStart(11) + kb(total.brotli).padStart(11));
console.log(`brotli total ${total.brotli} bytes; budget ${budget} bytes`);
process.exit(total.brotli > budget ? 1 : 0);
