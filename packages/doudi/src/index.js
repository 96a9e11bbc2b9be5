// The npm package's entry point: hand-written glue around the module wasm-bindgen generates
// (./doudi.js), kept thin on purpose. It adds `init()`, which finds the WebAssembly in a
// browser and in Node, guards every function against use before `init()`, and passes values
// to and from the wasm as JSON text (see `json` below and the `doudi-js` crate's docs).
import initWasm, * as wasm from './doudi.js';
import { loader, json, reply, string, withSecond } from './glue.js';

const wasmLoader = loader(initWasm, wasm.initSync, () => new URL('./doudi_bg.wasm', import.meta.url), 'doudi');

/**
 * Loads the WebAssembly module. Await it once before calling anything else; later calls
 * return the same promise.
 *
 * @param {import('./doudi.js').InitInput | Promise<import('./doudi.js').InitInput>} [input]
 *   Where the wasm is: a URL or URL string, a `Request` or a `Response` (`fetch(url)`), its
 *   bytes (`ArrayBuffer`, `Uint8Array`) or a compiled `WebAssembly.Module`. In Node, a
 *   `file:` URL or a file path is read from disk. Default: `doudi_bg.wasm` next to this
 *   module, fetched in a browser, read from disk in Node.
 * @returns {Promise<void>}
 */
export function init(input) {
  return wasmLoader.init(input);
}

/**
 * Loads the WebAssembly module synchronously from its bytes or a compiled module (for
 * workers, or Node with `readFileSync`).
 *
 * @param {import('./doudi.js').SyncInitInput} module
 * @returns {void}
 */
export function initSync(module) {
  wasmLoader.initSync(module);
}

/**
 * Assesses a household (contract v1 input) and returns the assessment (contract v1 output).
 * Throws an `Error` with `path`, `message` and `messageZh` when the input is refused.
 *
 * @param {import('./types.js').HouseholdInput} household
 * @param {import('./types.js').Options | import('./types.js').Lang} [options]
 * @returns {import('./types.js').Assessment}
 */
export function evaluate(household, options) {
  check();
  return withSecond(wasm.evaluate, json(household), options);
}

/**
 * Every parameter of `jurisdiction` in force on `asOf` (`YYYY-MM-DD`): value, unit, source.
 *
 * @param {string} jurisdiction
 * @param {string} asOf
 * @param {import('./types.js').Options | import('./types.js').Lang} [options]
 * @returns {import('./types.js').ParamInForce[]}
 */
export function parameters(jurisdiction, asOf, options) {
  check();
  return reply(wasm.parameters(string(jurisdiction, 'jurisdiction'), string(asOf, 'as_of'), json(options)));
}

/**
 * Every place doudi knows, with its documents and programmes.
 *
 * @returns {import('./types.js').JurisdictionInfo[]}
 */
export function jurisdictions() {
  check();
  return reply(wasm.jurisdictions());
}

/**
 * The household's total aid as the first member's monthly income runs from `range.from` to
 * `range.to` (inclusive) in `range.steps` intervals (1 to 1000): `steps + 1` points.
 *
 * @param {import('./types.js').HouseholdInput} household
 * @param {import('./types.js').SweepRange} range
 * @returns {import('./types.js').SweepPoint[]}
 */
export function sweep(household, range) {
  check();
  return withSecond(wasm.sweep, json(household), range);
}

/**
 * The JSON Schemas (draft-07) of every type this API takes or returns, generated from the Rust
 * types when the crate was built: `input`, `output` and `error` (as `doudi schema` prints them),
 * `options`, `parameters`, `jurisdictions`, `sweep_range`, `sweep`, `version`.
 *
 * @returns {import('./types.js').Schemas}
 */
export function schema() {
  check();
  return JSON.parse(wasm.schema());
}

/**
 * The package's version, the contract's version and the embedded policies' version.
 *
 * @returns {import('./types.js').Version}
 */
export function version() {
  check();
  return reply(wasm.version());
}

function check() {
  wasmLoader.check();
}


