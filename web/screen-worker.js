// The 摸排 page's worker (a module worker of screen.js): reads the roster File in chunks
// (File.stream()) and hands each chunk to doudi-staff's Session (Rust, compiled to wasm by
// web/post-build.sh as doudi-staff.js + doudi-staff_bg.wasm), which decides every household
// and keeps only the tallies and the worklist. Nothing is fetched but the wasm, and nothing
// is stored. Every amount and word about a household comes formatted from Rust.
//
// Messages in: {type: 'template'} · {type: 'parameters', jurisdiction, as_of} ·
//   {type: 'screen', file, margin} · {type: 'compare', file, sets} · {type: 'cancel'} ·
//   {type: 'worklist', kind, program, limit} · {type: 'export', kind, program}.
// Messages out: {type: 'ready'} · {type: 'progress', done, total, households} ·
//   {type: 'screened' | 'compared', summary, seconds, memory, worklist?} · {type: 'cancelled'} ·
//   {type: 'error', error} and a reply {type, ...} to each query. A cancel is read between two
//   chunks (the read awaits the file); the roster screened before stays for the worklist.
import init, { Session, template, parameters } from './doudi-staff.js';

const ready = init({ module_or_path: new URL('doudi-staff_bg.wasm', import.meta.url) });
let screened = null;
let cancel = false;
const CANCELLED = Symbol('cancelled');

/** CSV unless the name says JSONL, or the first character is `{`. */
async function isCsv(file) {
  const name = file.name.toLowerCase();
  if (/\.(jsonl|ndjson|json)$/.test(name)) return false;
  if (name.endsWith('.csv')) return true;
  const head = new TextDecoder().decode(await file.slice(0, 64).arrayBuffer());
  return !head.replace(/^\uFEFF/, '').trimStart().startsWith('{');
}

/** Streams `file` through a new session; reports progress at most every 100 ms. */
async function run(file, margin, sets) {
  const started = performance.now();
  const session = new Session(await isCsv(file), margin, JSON.stringify(sets));
  const reader = file.stream().getReader();
  let done = 0;
  let last = 0;
  cancel = false;
  for (;;) {
    const { value, done: end } = await reader.read();
    if (cancel) {
      reader.cancel();
      session.free();
      throw CANCELLED;
    }
    if (end) break;
    const households = session.push(value);
    done += value.length;
    const now = performance.now();
    if (now - last > 100) {
      last = now;
      postMessage({ type: 'progress', done, total: file.size, households });
    }
  }
  session.finish();
  const seconds = (performance.now() - started) / 1000;
  return { session, seconds };
}

const memory = (exports) => exports.memory.buffer.byteLength;

onmessage = async ({ data }) => {
  if (data.type === 'cancel') {
    cancel = true;
    return;
  }
  let exports;
  try {
    exports = await ready;
  } catch (e) {
    postMessage({ type: 'error', error: { message: '无法启动计算模块：' + e } });
    return;
  }
  try {
    switch (data.type) {
      case 'template':
        postMessage({ type: 'template', csv: template() });
        break;
      case 'parameters':
        postMessage({ type: 'parameters', list: JSON.parse(parameters(data.jurisdiction, data.as_of)) });
        break;
      case 'screen': {
        const { session, seconds } = await run(data.file, data.margin, []);
        screened?.free();
        screened = session;
        postMessage({
          type: 'screened',
          summary: JSON.parse(session.summary()),
          worklist: JSON.parse(session.worklist(data.kind ?? 'all', data.program ?? '', data.limit ?? 200)),
          seconds,
          memory: memory(exports),
        });
        break;
      }
      case 'compare': {
        const { session, seconds } = await run(data.file, '0', data.sets);
        const summary = JSON.parse(session.summary());
        session.free();
        postMessage({ type: 'compared', summary, seconds, memory: memory(exports) });
        break;
      }
      case 'worklist':
        if (screened) postMessage({ type: 'worklist', worklist: JSON.parse(screened.worklist(data.kind, data.program, data.limit)) });
        break;
      case 'export':
        if (screened) postMessage({ type: 'export', csv: screened.export(data.kind, data.program) });
        break;
    }
  } catch (e) {
    if (e === CANCELLED) {
      postMessage({ type: 'cancelled' });
      return;
    }
    // A Session refuses bad changes with the contract's error as JSON text.
    let error = { message: String(e) };
    try {
      error = JSON.parse(e).error;
      error = { path: error.path, message: error.message_zh };
    } catch {}
    postMessage({ type: 'error', request: data.type, error });
  }
};

ready.then(
  () => postMessage({ type: 'ready' }),
  (e) => postMessage({ type: 'error', error: { message: '无法启动计算模块：' + e } }),
);
