#!/usr/bin/env node
// Writes a package entry as one file: its `import { … } from './glue.js';` replaced by the
// glue itself (packages/doudi/src/glue.js) with its `export`s dropped. Run by
// scripts/js-build.sh (index.js) and scripts/js-build-ordinary.sh (ordinary.js), so that each
// entry loads only its own wasm and glue, and the main entry weighs what it did before the
// glue was shared.
//
//   node packages/doudi/tools/inline-glue.mjs SRC OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [src, out] = process.argv.slice(2);
const fail = (msg) => {
  console.error(`inline-glue: ${msg}`);
  process.exit(1);
};
if (!src || !out) fail('usage: inline-glue.mjs SRC OUT');
const entry = readFileSync(src, 'utf8');
const glue = readFileSync(join(dirname(src), 'glue.js'), 'utf8');
const importLine = /^import \{([^}]*)\} from '\.\/glue\.js';\n/m;
const m = importLine.exec(entry);
if (!m) fail(`${src} has no import from './glue.js'`);
const exported = new Set([...glue.matchAll(/^export (?:async )?(?:function\*?|const|let) (\w+)/gm)].map((x) => x[1]));
for (const name of m[1].split(',').map((n) => n.trim()).filter(Boolean)) {
  if (!exported.has(name)) fail(`glue.js exports no ${name}`);
}
// The glue's own header comment (what the file is) is left out; its body goes at the end of
// the entry, where the helpers always were, and the import line goes.
const body = glue.replace(/^(?:\/\/.*\n)+\n?/, '').replace(/^export /gm, '');
if (/^import /m.test(body)) fail('glue.js may not import anything');
writeFileSync(out, entry.replace(importLine, '').replace(/\n*$/, '\n\n') + body);
