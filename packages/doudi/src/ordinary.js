// The npm package's `doudi/ordinary` entry: what the 2020 epidemic measures changed for a
// household. Hand-written glue around the module wasm-bindgen generates (./doudi-ordinary.js),
// a wasm of its own (the doudi-js crate built with its feature `ordinary`), so that the main
// entry carries none of it. Like index.js it adds `init()`, guards the function against use
// before it, and passes values as JSON text (see `json` below).
import initWasm, * as wasm from './doudi-ordinary.js';
import { fileOf, isNode, json, withSecond } from './glue.js';

let loading = null;
let ready = false;

/**
 * Loads this entry's WebAssembly module (not the main entry's: each has its own). Await it
 * once before calling `compareOrdinary`; later calls return the same promise.
 *
 * @param {import('./doudi-ordinary.js').InitInput | Promise<import('./doudi-ordinary.js').InitInput>} [input]
 *   Where the wasm is, as for `init` of `doudi`. Default: `doudi-ordinary_bg.wasm` next to
 *   this module, fetched in a browser, read from disk in Node.
 * @returns {Promise<void>}
 */
export function init(input) {
  loading ??= load(input).then(
    () => {
      ready = true;
    },
    (err) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/**
 * Loads this entry's WebAssembly module synchronously from its bytes or a compiled module.
 *
 * @param {import('./doudi-ordinary.js').SyncInitInput} module
 * @returns {void}
 */
export function initSync(module) {
  wasm.initSync({ module });
  ready = true;
}

/**
 * The household (contract v1 input) under its place's rules and under the ordinary rules (the
 * place's 2020 epidemic measures switched off), per finding side by side, with the difference
 * in money and the measures, with their clauses, that make it: the `ordinary` object of
 * `doudi evaluate --compare ordinary`. Throws an `Error` with `path`, `message` and
 * `messageZh` when the input is refused, as `evaluate` does.
 *
 * @param {import('./types.js').HouseholdInput} household
 * @param {import('./types.js').Options | import('./types.js').Lang} [options]
 * @returns {import('./types.js').Comparison}
 */
export function compareOrdinary(household, options) {
  check();
  return withSecond(wasm.compare_ordinary, json(household), options);
}

function check() {
  if (!ready) throw new Error('doudi/ordinary: call `await init()` (or `initSync(bytes)`) before using it');
}

async function load(input) {
  let source = await input;
  if (isNode) {
    const file = source === undefined ? new URL('./doudi-ordinary_bg.wasm', import.meta.url) : fileOf(source);
    if (file !== null) {
      // Only in Node, and only when asked for a file: browsers and bundlers never load this.
      const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises');
      source = await readFile(file);
    }
  }
  await initWasm(source === undefined ? undefined : { module_or_path: source });
}
