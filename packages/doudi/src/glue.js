// Glue shared by the package's entries (index.js, `doudi`; ordinary.js, `doudi/ordinary`):
// values to and from the wasm as JSON text, the contract's refusals, and where the wasm is.
// packages/doudi/tools/inline-glue.mjs writes it into each entry in place of the entry's
// `import … from './glue.js'`, so that each entry is one file and loads nothing of the other.

/**
 * Calls `fn(first, second)`, the second argument as JSON. When the second cannot be JSON, the
 * first is still checked first (`fn` without a second only checks it), so that errors come in
 * the order they always have: the household's shape, then the second argument, then the rest.
 */
export function withSecond(fn, first, value) {
  let second;
  try {
    second = json(value);
  } catch (err) {
    reply(fn(first));
    throw err;
  }
  return reply(fn(first, second));
}

/** The wasm's answer, `{"Ok": …}` or `{"Err": {path, message, message_zh}}`: the result, or thrown. */
export function reply(text) {
  const r = JSON.parse(text);
  if ('Err' in r) throw refusal(r.Err.path, r.Err.message, r.Err.message_zh);
  return r.Ok;
}

/** The contract's refusal as an `Error`: `message`, plus `path` and `messageZh`. */
export function refusal(path, message, messageZh = `输入有误：${message}`) {
  return Object.assign(new Error(message), { path, messageZh });
}

export function string(value, path) {
  if (typeof value !== 'string') throw refusal(path, 'expected a string', '请填写文字');
  return value;
}

/** How deeply arrays and objects may nest in an argument (serde_json's own limit), so that a
 * hostile input cannot overflow the wasm stack. */
const MAX_DEPTH = 128;
const EXPECTED = 'expected a JSON value (object, array, string, finite number, boolean or null)';
const bits = new BigUint64Array(1);
const float = new Float64Array(bits.buffer);
// A lone surrogate cannot be UTF-8: it reaches Rust as U+FFFD.
const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const text = (s) => JSON.stringify(s.replace(lone, '\ufffd'));
const at = (path, key) => (path ? `${path}.${key}` : key);

/** The contract's limit on a household's text (bytes of UTF-8; a string's UTF-16 length is
 * never more than its UTF-8 length, so text past this many units is past the limit too). */
const MAX_TEXT = 256 * 1024;
let room = MAX_TEXT;
/** `s`, counted against the argument's text: past the limit the argument is refused at once,
 * in the core's words, before the rest is written (a million keys cost milliseconds, not seconds). */
function spend(s) {
  room -= s.length;
  if (room < 0) {
    throw refusal(
      '',
      `the household is over ${MAX_TEXT} bytes long; at most ${MAX_TEXT} bytes (256 KiB) are accepted`,
      `输入过长（超过 ${MAX_TEXT} 字节），最多接受 ${MAX_TEXT} 字节（256 KiB）`,
    );
  }
  return s;
}

/**
 * `value` as the JSON text the wasm reads: `null` for `undefined`, own enumerable properties of
 * objects, entries of a `Map`, integers of a `BigInt` in i64/u64, and refusals (with the path)
 * of what JSON cannot carry: `NaN`, `Infinity`, a `Symbol`, a function, bytes, another iterable,
 * nesting deeper than `MAX_DEPTH`. A number that is not a safe integer is written as its exact
 * bits (NUL and 16 hex digits, in a string; a string starting with NUL gets a second one), which
 * the wasm puts back: JSON text would round some of them.
 */
export function json(v, path = '', depth = 0) {
  if (depth === 0) room = MAX_TEXT;
  if (v == null) return spend('null');
  switch (typeof v) {
    case 'boolean':
      return spend(`${v}`);
    case 'bigint':
      if (v >= -(2n ** 63n) && v < 2n ** 64n) return spend(`${v}`);
      throw refusal(path, "Couldn't deserialize i64 or u64 from a BigInt outside i64::MIN..u64::MAX bounds");
    case 'number':
      if (Number.isSafeInteger(v)) return spend(`${v}`);
      if (!isFinite(v)) throw refusal(path, `${v !== v ? 'NaN' : v > 0 ? 'inf' : '-inf'} is not a finite number`);
      float[0] = v;
      return spend(`"\\u0000${bits[0].toString(16)}"`);
    case 'string':
      return spend(text(v[0] === '\0' ? '\0' + v : v));
  }
  if (Array.isArray(v)) {
    nest(path, depth);
    return `[${Array.from({ length: v.length }, (_, i) => json(v[i], `${path}[${i}]`, depth + 1))}]`;
  }
  if (v instanceof Uint8Array || v instanceof ArrayBuffer) throw refusal(path, `invalid type: byte array, ${EXPECTED}`);
  if (typeof v !== 'object' || (Symbol.iterator in v && !(v instanceof Map))) {
    throw refusal(path, `invalid type: JsValue(${debug(v)}), ${EXPECTED}`);
  }
  nest(path, depth);
  const out = [];
  for (const [k, x] of v instanceof Map ? v : ownEntries(v)) {
    if (typeof k !== 'string') throw refusal(at(path, '?'), `invalid type: ${unexpected(k)}, expected a string`);
    const key = k.replace(lone, '\ufffd');
    out.push(spend(text(key)) + ':' + json(x, at(path, key), depth + 1));
  }
  return `{${out}}`;
}

/** An object's own enumerable string-keyed entries, in `Object.entries`' order, one at a time:
 * an argument refused part-way (see `spend`) never lists a million keys first. */
function* ownEntries(o) {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) yield [k, o[k]];
}

function nest(path, depth) {
  if (depth >= MAX_DEPTH) throw refusal(path, `arrays and objects nested more than ${MAX_DEPTH} deep`);
}

/** How Rust (wasm-bindgen) prints a JS value that JSON cannot carry. */
function debug(v) {
  switch (typeof v) {
    case 'symbol':
      return v.description === undefined ? 'Symbol' : `Symbol(${v.description})`;
    case 'function':
      return typeof v.name === 'string' && v.name !== '' ? `Function(${v.name})` : 'Function';
  }
  if (v instanceof Error) return `${v.name}: ${v.message}\n${v.stack}`;
  const s = Object.prototype.toString.call(v);
  const name = /\[object ([^\]]+)\]/.exec(s)?.[1];
  if (name !== 'Object') return name ?? s;
  try {
    return `Object(${JSON.stringify(v)})`;
  } catch {
    return 'Object';
  }
}

/** How serde names a `Map` key that is not a string. */
function unexpected(k) {
  if (k == null) return 'unit value';
  switch (typeof k) {
    case 'boolean':
      return `boolean \`${k}\``;
    case 'number':
      return `floating point \`${rustFloat(k)}\``;
  }
  if (k instanceof Uint8Array || k instanceof ArrayBuffer) return 'byte array';
  return `JsValue(${debug(k)})`;
}

/** A number as Rust's `{}` prints an f64 (no exponent), with `.0` when it has no point. */
function rustFloat(x) {
  if (!isFinite(x)) return x !== x ? 'NaN' : x > 0 ? 'inf' : '-inf';
  const [m, e] = Math.abs(x).toExponential().split('e');
  const digits = m.replace('.', '');
  const exp = +e;
  const s =
    exp < 0
      ? `0.${'0'.repeat(-exp - 1)}${digits}`
      : exp + 1 >= digits.length
        ? digits + '0'.repeat(exp + 1 - digits.length) + '.0'
        : `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return (x < 0 || Object.is(x, -0) ? '-' : '') + s;
}

export const isNode = typeof process === 'object' && process !== null && typeof process.versions?.node === 'string';

/** An entry's `init`, `initSync` and `check` (throws until one of them has worked), around its wasm. */
export function loader(initWasm, initWasmSync, defaultWasm, name) {
  let loading = null;
  let ready = false;
  async function load(input) {
    let source = await input;
    if (isNode) {
      const file = source === undefined ? defaultWasm() : fileOf(source);
      if (file !== null) {
        const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises');
        source = await readFile(file);
      }
    }
    await initWasm(source === undefined ? undefined : { module_or_path: source });
  }
  return {
    init(input) {
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
    },
    initSync(module) {
      initWasmSync({ module });
      ready = true;
    },
    check() {
      if (!ready) throw new Error(`${name}: call \`await init()\` (or \`initSync(bytes)\`) before using it`);
    },
  };
}

/** A `file:` URL or a path to read from disk, or null for anything `fetch` or `WebAssembly` takes. */
export function fileOf(source) {
  if (typeof URL === 'function' && source instanceof URL) return source.protocol === 'file:' ? source : null;
  if (typeof source !== 'string') return null;
  // A scheme has two letters or more; `C:\…` is a Windows path.
  if (/^[a-z][a-z0-9+.-]+:/i.test(source)) return source.startsWith('file:') ? new URL(source) : null;
  return source;
}
