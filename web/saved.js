// Households kept on this device, only when asked (web/src/storage.rs loads this file the
// first time the saved-households panel is used; nothing here runs on page load).
// IndexedDB database "doudi", store "households": {id, name, saved, h}, where h is the
// share link's fragment (#h=…, web/src/share.rs). Each call opens the database and closes
// it again, so "delete all" (deleteDatabase) is never blocked by this page.
// "Forget when the page closes" (localStorage "doudi.forget" = "1", no household in it)
// keeps the households in this page's memory only: nothing is written to disk, so nothing
// is left when the tab closes, the browser crashes or the page reloads.
const DB = 'doudi';
const STORE = 'households';
const FLAG = 'doudi.forget';
const idb = globalThis.indexedDB;

const flag = () => {
  try {
    return localStorage.getItem(FLAG) === '1';
  } catch {
    return false;
  }
};
// The forget mode's households (null: the database is used).
let memory = flag() ? [] : null;
let next = 1;

const done = (r) =>
  new Promise((ok, no) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  });

/** Whether the database exists; never creates it. */
async function exists() {
  if (idb.databases) return (await idb.databases()).some((d) => d.name === DB);
  // No databases(): open it, and abort the upgrade that would create it.
  const db = await open(false);
  db?.close();
  return Boolean(db);
}

/** The database (created only when `create`), or null. */
function open(create) {
  return new Promise((ok, no) => {
    const r = idb.open(DB, 1);
    r.onupgradeneeded = (e) => {
      if (!create && e.oldVersion === 0) r.transaction.abort();
      else r.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    };
    r.onsuccess = () => {
      r.result.onversionchange = () => r.result.close();
      ok(r.result);
    };
    r.onerror = (e) => {
      e.preventDefault();
      if (!create && r.error?.name === 'AbortError') ok(null);
      else no(r.error);
    };
  });
}

/** Runs `f(store)` in one transaction, then closes the database. */
async function run(mode, f, create = mode === 'readwrite') {
  if (!create && !(await exists())) return undefined;
  const db = await open(create);
  if (!db) return undefined;
  try {
    const tx = db.transaction(STORE, mode);
    const complete = new Promise((ok, no) => {
      tx.oncomplete = ok;
      tx.onerror = tx.onabort = () => no(tx.error);
    });
    const result = await done(f(tx.objectStore(STORE)));
    await complete;
    return result;
  } finally {
    db.close();
  }
}

const item = (id) => memory.find((r) => r.id === id);

/** Every saved household, oldest first. */
async function all() {
  if (memory) return memory.slice();
  return (await run('readonly', (s) => s.getAll())) ?? [];
}

/** The list as JSON text for the page: {forget, items}. */
async function list() {
  return JSON.stringify({ forget: forget(), items: await all() });
}

/** Saves a household; resolves to its id. */
async function save(name, h, saved) {
  if (memory) {
    memory.push({ id: next, name, saved, h });
    return next++;
  }
  return run('readwrite', (s) => s.add({ name, saved, h }));
}

async function rename(id, name) {
  if (memory) {
    if (item(id)) item(id).name = name;
    return;
  }
  const r = await run('readonly', (s) => s.get(id));
  if (r) await run('readwrite', (s) => s.put({ ...r, name }));
}

async function remove(id) {
  if (memory) memory = memory.filter((r) => r.id !== id);
  else await run('readwrite', (s) => s.delete(id), false);
}

/** Deletes everything: the database itself and this page's list. */
async function clear() {
  if (memory) memory = [];
  await done(idb.deleteDatabase(DB));
}

const forget = () => Boolean(memory);

/**
 * Forget mode on: the saved households move into this page's memory and the database is
 * deleted. Off: they are written back to the database (the user asked to keep them).
 */
async function setForget(on) {
  if (on === forget()) return;
  if (on) {
    const kept = await all();
    await done(idb.deleteDatabase(DB));
    memory = kept;
    next = Math.max(0, ...kept.map((r) => r.id)) + 1;
    localStorage.setItem(FLAG, '1');
  } else {
    const kept = memory;
    memory = null;
    localStorage.removeItem(FLAG);
    for (const r of kept) await save(r.name, r.h, r.saved);
  }
}

// One call at a time, in the order the page made them, so a list read after a change
// always sees it.
let queue = Promise.resolve();
const serial = (f) => (...args) => (queue = queue.then(() => f(...args), () => f(...args)));

globalThis.doudiSaved = {
  list: serial(list),
  save: serial(save),
  rename: serial(rename),
  remove: serial(remove),
  clear: serial(clear),
  setForget: serial(setForget),
};
