// The npm package's entry point: hand-written glue around the module wasm-bindgen generates
// (./doudi.js), kept thin on purpose. It adds `init()`, which finds the WebAssembly in a
// browser and in Node, and guards every function against use before `init()`. The functions
// themselves, their types and their documentation come from the Rust crate `doudi-js`.
import initWasm, * as wasm from './doudi.js';

let loading = null;
let ready = false;

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
 * Loads the WebAssembly module synchronously from its bytes or a compiled module (for
 * workers, or Node with `readFileSync`).
 *
 * @param {import('./doudi.js').SyncInitInput} module
 * @returns {void}
 */
export function initSync(module) {
  wasm.initSync({ module });
  ready = true;
}

/** @type {typeof wasm.evaluate} */
export const evaluate = (household, options) => (check(), wasm.evaluate(household, options));
/** @type {typeof wasm.parameters} */
export const parameters = (jurisdiction, asOf, options) => (check(), wasm.parameters(jurisdiction, asOf, options));
/** @type {typeof wasm.jurisdictions} */
export const jurisdictions = () => (check(), wasm.jurisdictions());
/** @type {typeof wasm.sweep} */
export const sweep = (household, range) => (check(), wasm.sweep(household, range));
/** @type {typeof wasm.schema} */
export const schema = () => (check(), wasm.schema());
/** @type {typeof wasm.version} */
export const version = () => (check(), wasm.version());

function check() {
  if (!ready) throw new Error('doudi: call `await init()` (or `initSync(bytes)`) before using it');
}

const isNode = typeof process === 'object' && process !== null && typeof process.versions?.node === 'string';

async function load(input) {
  let source = await input;
  if (isNode) {
    const file = source === undefined ? new URL('./doudi_bg.wasm', import.meta.url) : fileOf(source);
    if (file !== null) {
      // Only in Node, and only when asked for a file: browsers and bundlers never load this.
      const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises');
      source = await readFile(file);
    }
  }
  await initWasm(source === undefined ? undefined : { module_or_path: source });
}

/** A `file:` URL or a path to read from disk, or null for anything `fetch` or `WebAssembly` takes. */
function fileOf(source) {
  if (typeof URL === 'function' && source instanceof URL) return source.protocol === 'file:' ? source : null;
  if (typeof source !== 'string') return null;
  // A scheme has two letters or more; `C:\…` is a Windows path.
  if (/^[a-z][a-z0-9+.-]+:/i.test(source)) return source.startsWith('file:') ? new URL(source) : null;
  return source;
}
