// The npm package's `doudi/ordinary` entry: what the 2020 epidemic measures changed for a
// household. Hand-written glue around the module wasm-bindgen generates (./doudi-ordinary.js),
// a wasm of its own (the doudi-js crate built with its feature `ordinary`), so that the main
// entry carries none of it. Like index.js it adds `init()`, guards the function against use
// before it, and passes values as JSON text (see `json` below).
import initWasm, * as wasm from './doudi-ordinary.js';
import { loader, json, withSecond } from './glue.js';

const wasmLoader = loader(initWasm, wasm.initSync, () => new URL('./doudi-ordinary_bg.wasm', import.meta.url), 'doudi/ordinary');

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
  return wasmLoader.init(input);
}

/**
 * Loads this entry's WebAssembly module synchronously from its bytes or a compiled module.
 *
 * @param {import('./doudi-ordinary.js').SyncInitInput} module
 * @returns {void}
 */
export function initSync(module) {
  wasmLoader.initSync(module);
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
  wasmLoader.check();
}

