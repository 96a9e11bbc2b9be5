#!/usr/bin/env node
// Rewrites each shipped JS file of the package without its comments (terser, with nothing
// compressed or renamed, and the code printed one statement a line): a page loads the code,
// not its documentation, which the TypeScript declarations beside it carry to editors.
// Run by scripts/js-build.sh on both entries' files, after the declarations are generated
// from their JSDoc; on the main entry it saves about 2 KB of the 150 KB brotli budget.
//
//   node packages/doudi/tools/strip-comments.mjs FILE...
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('strip-comments: usage: strip-comments.mjs FILE...');
  process.exit(1);
}
for (const file of files) {
  const code = readFileSync(file, 'utf8');
  const out = await minify(code, {
    module: true,
    compress: false,
    mangle: false,
    format: { comments: false, beautify: true, indent_level: 2 },
  });
  if (typeof out.code !== 'string' || out.code.length === 0) {
    console.error(`strip-comments: terser wrote nothing for ${file}`);
    process.exit(1);
  }
  writeFileSync(file, out.code + '\n');
}
