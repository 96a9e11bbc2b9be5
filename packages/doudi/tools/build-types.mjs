#!/usr/bin/env node
// Generates the package's TypeScript declarations from the Rust types; run by scripts/js-build.sh.
//
//   node packages/doudi/tools/build-types.mjs DIST
//
// DIST holds wasm-bindgen's output (doudi.js, doudi.d.ts, doudi_bg.wasm) and index.js, and the
// `doudi/ordinary` entry's (doudi-ordinary.js, doudi-ordinary_bg.wasm, ordinary.js). Steps:
// 1. Load the built module and call schema(): the JSON Schemas that `js/build.rs` generated
//    from the Rust types with schemars. Write them to DIST/schema.json. The ordinary entry's
//    wasm adds one, `ordinary` (what compareOrdinary returns): taken from it for the types.
// 2. Merge them into one schema (one definition per Rust type) and compile it with
//    json-schema-to-typescript into DIST/types.d.ts.
// 3. Let wasm-bindgen's doudi.d.ts (whose signatures name these types, from the Rust
//    attributes `unchecked_param_type`/`unchecked_return_type`) import them.
// 4. Emit DIST/index.d.ts from index.js's JSDoc with tsc, re-exporting the types.
// Nothing here writes a type by hand.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { compile } from 'json-schema-to-typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dist = resolve(process.argv[2] ?? 'packages/doudi/dist');
const fail = (msg) => {
  console.error(`build-types: ${msg}`);
  process.exit(1);
};

// 1. The schemas, as the built package returns them.
const mod = await import(pathToFileURL(join(dist, 'index.js')).href);
mod.initSync(readFileSync(join(dist, 'doudi_bg.wasm')));
const schemas = mod.schema();
writeFileSync(join(dist, 'schema.json'), JSON.stringify(schemas, null, 2) + '\n');
const ordinaryWasm = await import(pathToFileURL(join(dist, 'doudi-ordinary.js')).href);
ordinaryWasm.initSync({ module: readFileSync(join(dist, 'doudi-ordinary_bg.wasm')) });
const ordinarySchemas = JSON.parse(ordinaryWasm.schema());
if (!ordinarySchemas.ordinary) fail('the ordinary entry has no `ordinary` schema');
for (const [key, s] of Object.entries(schemas)) {
  if (!isDeepStrictEqual(ordinarySchemas[key], s)) fail(`the two entries' ${key} schemas differ`);
}

// 2. One definition per Rust type. A root schema is a type too (HouseholdInput, Assessment, …),
// unless it is an array (Vec<ParamInForce>), whose items are already a definition.
// Which roots the API returns (the rest it takes): used for `required` below.
const RETURNED = new Set(['output', 'error', 'parameters', 'jurisdictions', 'sweep', 'version', 'ordinary']);
const definitions = {};
const define = (name, schema) => {
  if (name in definitions && !isDeepStrictEqual(definitions[name], schema)) {
    fail(`two different schemas are named ${name}`);
  }
  definitions[name] = schema;
};
const rootsOf = { returned: [], taken: [] };
for (const [key, rootSchema] of Object.entries({ ...schemas, ordinary: ordinarySchemas.ordinary })) {
  const { $schema: _, definitions: defs = {}, ...body } = rootSchema;
  for (const [name, def] of Object.entries(defs)) define(name, def);
  let ref = body;
  if (body.type !== 'array') {
    if (!body.title) fail(`the ${key} schema has no title to name its type`);
    define(body.title, body);
    ref = { $ref: `#/definitions/${body.title}` };
  }
  rootsOf[RETURNED.has(key) ? 'returned' : 'taken'].push(ref);
}

// schemars 0.8 leaves every Option<T> field out of `required`, which is right for input (absent
// = None) but not for output: the JSON-compatible serializer writes None as null, so a returned
// object always has the field. In the types the API returns, a field that may be null is
// therefore required (`monthly: Amount | null`, not `monthly?: …`). A field serde may skip
// (`skip_serializing_if`) is not nullable and stays optional. Refuse a type used both ways.
const reachable = (starts) => {
  const seen = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace('#/definitions/', '');
      if (!seen.has(name)) {
        seen.add(name);
        walk(definitions[name]);
      }
    }
    Object.values(node).forEach(walk);
  };
  walk(starts);
  return seen;
};
const returned = reachable(rootsOf.returned);
const taken = reachable(rootsOf.taken);
const nullable = (s) =>
  s.nullable === true ||
  (Array.isArray(s.type) && s.type.includes('null')) ||
  [s.anyOf, s.oneOf].some((alts) => Array.isArray(alts) && alts.some((a) => a.type === 'null'));
// A schema that admits any value (schemars writes `{}` for serde_json::Value) is `unknown`,
// not the open object json-schema-to-typescript would otherwise make of it.
const SHAPE = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'properties', 'items'];
const isAny = (s) => s === true || (typeof s === 'object' && SHAPE.every((k) => !(k in s)));
for (const def of Object.values(definitions)) {
  for (const [field, s] of Object.entries(def.properties ?? {})) {
    if (isAny(s)) def.properties[field] = { ...(s === true ? {} : s), tsType: 'unknown' };
  }
}
for (const name of returned) {
  const def = definitions[name];
  if (!def.properties) continue;
  if (taken.has(name)) fail(`${name} is both taken and returned; its optional fields are ambiguous`);
  const required = new Set(def.required ?? []);
  for (const [field, s] of Object.entries(def.properties)) if (nullable(s) || s.tsType === 'unknown') required.add(field);
  def.required = [...required];
}

// A holder that names every definition, so that each is emitted once; dropped below.
const names = Object.keys(definitions).sort();
const bundle = {
  title: 'DoudiTypes',
  description: 'HOLDER',
  type: 'object',
  properties: Object.fromEntries(names.map((n) => [n, { $ref: `#/definitions/${n}` }])),
  required: names,
  additionalProperties: false,
  definitions,
};
let ts = await compile(bundle, 'DoudiTypes', {
  bannerComment:
    '/* Generated by packages/doudi/tools/build-types.mjs from the JSON Schemas of the Rust types\n' +
    ' * (js/build.rs, schemars) with json-schema-to-typescript. Do not edit. */',
  additionalProperties: false, // a type without `additionalProperties` is closed (serde writes only its fields)
  unknownAny: true,
  strictIndexSignatures: true,
  format: true,
});
const holder = /^\/\*\*\n \* HOLDER\n \*\/\nexport interface DoudiTypes \{\n[^}]*\}\n/m;
if (!holder.test(ts)) fail('json-schema-to-typescript did not write the holder type as expected');
ts = ts.replace(holder, '');
// What schema() returns: one JSON Schema per key (keys from js/build.rs).
ts +=
  '\n/** What `schema()` returns: one JSON Schema (draft-07) per argument or result type. */\n' +
  `export type Schemas = Record<${Object.keys(schemas)
    .map((k) => JSON.stringify(k))
    .join(' | ')}, Record<string, unknown>>;\n`;
writeFileSync(join(dist, 'types.d.ts'), ts);

// 3. wasm-bindgen's declarations name the types; import them.
const exported = [...ts.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
for (const n of ['HouseholdInput', 'Assessment', 'Options', 'Lang', 'ParamInForce', 'JurisdictionInfo', 'SweepRange', 'SweepPoint', 'Version', 'Schemas', 'Comparison']) {
  if (!exported.includes(n)) fail(`types.d.ts has no ${n}`);
}
const bindings = join(dist, 'doudi.d.ts');
writeFileSync(
  bindings,
  `import type { ${exported.join(', ')} } from "./types.js";\n` + readFileSync(bindings, 'utf8'),
);

// 4. index.d.ts and ordinary.d.ts from index.js's and ordinary.js's JSDoc, plus the types.
const tsc = join(root, 'node_modules/.bin/tsc');
const out = mkdtempSync(join(tmpdir(), 'doudi-dts-'));
try {
  execFileSync(
    tsc,
    ['--allowJs', '--declaration', '--emitDeclarationOnly', '--strict', '--skipLibCheck',
     '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', '--lib', 'es2022,dom',
     '--types', '', '--outDir', out, join(dist, 'index.js'), join(dist, 'ordinary.js')],
    { stdio: 'inherit' },
  );
  for (const entry of ['index', 'ordinary']) {
    const dts = readFileSync(join(out, `${entry}.d.ts`), 'utf8');
    writeFileSync(join(dist, `${entry}.d.ts`), dts + 'export type * from "./types.js";\n');
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

// The declarations must check on their own.
execFileSync(
  tsc,
  ['--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler',
   '--lib', 'es2022,dom', '--types', '', join(dist, 'index.d.ts'), join(dist, 'ordinary.d.ts')],
  { stdio: 'inherit' },
);
console.log(`build-types: ${exported.length} types → ${join(dist, 'types.d.ts')}, index.d.ts, ordinary.d.ts, schema.json`);
