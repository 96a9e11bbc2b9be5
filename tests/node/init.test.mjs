// init() in every form the package promises: none (Node reads the wasm next to the module),
// bytes, a Response, a file: URL, a path; initSync(bytes); and a clear error before init.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { packageDir, prefix } from './helpers.mjs';

const wasmPath = join(packageDir, 'doudi_bg.wasm');

/** Runs `code` as an ES module in a fresh Node, from the install folder; returns its stdout. */
function fresh(code) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: prefix, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}
const use = `const h = { jurisdiction: 'tianjin', as_of: '2020-04-15', members: [{ age: 45, monthly_income: 1500 }, { age: 43 }, { age: 12 }] };
console.log(d.evaluate(h).findings.find((f) => f.program === 'dibao').monthly);`;

test('before init: a clear Error, not a crash inside the glue', () => {
  const out = fresh(`import * as d from 'doudi';
try { d.evaluate({}); console.log('no error'); } catch (e) { console.log(e instanceof Error, e.message); }`);
  assert.match(out, /^true doudi: call `await init\(\)`/);
});

const forms = {
  'no argument': 'await d.init();',
  bytes: `await d.init(readFileSync(${JSON.stringify(wasmPath)}));`,
  ArrayBuffer: `const b = readFileSync(${JSON.stringify(wasmPath)}); await d.init(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));`,
  Response: `await d.init(new Response(readFileSync(${JSON.stringify(wasmPath)}), { headers: { 'content-type': 'application/wasm' } }));`,
  'a promise of a Response': `await d.init(Promise.resolve(new Response(readFileSync(${JSON.stringify(wasmPath)}))));`,
  'file: URL': `await d.init(new URL(${JSON.stringify(pathToFileURL(wasmPath).href)}));`,
  'file: URL string': `await d.init(${JSON.stringify(pathToFileURL(wasmPath).href)});`,
  path: `await d.init(${JSON.stringify(wasmPath)});`,
  'WebAssembly.Module': `await d.init(new WebAssembly.Module(readFileSync(${JSON.stringify(wasmPath)})));`,
  initSync: `d.initSync(readFileSync(${JSON.stringify(wasmPath)}));`,
};
for (const [name, load] of Object.entries(forms)) {
  test(`init: ${name}`, () => {
    assert.equal(fresh(`import * as d from 'doudi'; import { readFileSync } from 'node:fs';\n${load}\n${use}`), '1530.00');
  });
}

test('init: a failed load can be retried', () => {
  const out = fresh(`import * as d from 'doudi';
try { await d.init(new Uint8Array([0, 1, 2, 3])); } catch (e) { console.log('failed'); }
await d.init();
${use}`);
  assert.equal(out, 'failed\n1530.00');
});

test('the wasm is what the package says it is', () => {
  const bytes = readFileSync(wasmPath);
  assert.ok(WebAssembly.validate(bytes));
});
