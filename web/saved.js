// "保存在本机": households kept on this device, only when asked. Loaded by the app
// (web/src/storage.rs) the first time the saved-households panel is opened or staff's
// "清除本机记录" is tapped, never on page load, so it costs the first load nothing; it
// draws the panel inside the app's <div class="saved-ui"> and keeps its own words (below,
// both languages) for the same reason.
//
// IndexedDB database "doudi", store "households": {id, name, saved, h}, where h is the
// share link's fragment (#h=…, web/src/share.rs) that the app keeps in the div's data-h.
// Reading the list never creates the database (indexedDB.databases(), or an aborted
// upgrade where that is missing); the first save does. Each call opens the database and
// closes it again, so "delete all" (deleteDatabase) is never blocked by this page.
// "关闭页面时忘记" (localStorage "doudi.forget" = "1", no household in it) keeps the
// households in this page's memory only: nothing is written to disk, so nothing is left
// when the tab closes, the browser crashes or the page reloads.
const DB = 'doudi';
const STORE = 'households';
const FLAG = 'doudi.forget';
const idb = globalThis.indexedDB;

const WORDS = {
  zh: {
    name: '保存的名称',
    people: '{} {} 人 {}',
    places: { tianjin: '天津市', 'tianjin-dongli': '东丽区', chongqing: '重庆市', jilin: '吉林省' },
    save: '保存在本机',
    hint: '只在您点“保存在本机”时保存，存在这台设备的浏览器里，不上传，随时可以删除。',
    list: '已保存的家庭（{}）',
    empty: '本机没有保存的家庭。',
    when: '保存于 {}',
    open: '打开',
    rename: '改名',
    del: '删除',
    newName: '新名称',
    renameOk: '保存名称',
    cancel: '取消',
    clear: '全部删除',
    clearHint: '删除本机保存的全部家庭，不留任何记录。',
    forget: '关闭页面时忘记',
    forgetHint:
      '适合多人共用的电脑。勾选后，保存的家庭只留在这个页面里，不写入本机，关闭或刷新页面后就没有了；本机只记下这个选择。',
    saved: '已保存“{}”。',
    opened: '已打开“{}”。',
    renamed: '已改名为“{}”。',
    deleted: '已删除“{}”。',
    cleared: '已全部删除，本机没有留下任何家庭记录。',
    forgetOn: '关闭页面时会忘记保存的家庭；本机已不存任何家庭记录。',
    forgetOff: '保存的家庭会留在本机，直到您删除。',
    failed: '这个浏览器不允许在本机保存（可能是无痕模式或存储已满）。',
  },
  en: {
    name: 'Name to save under',
    people: '{}, {} people, {}',
    places: { tianjin: 'Tianjin', 'tianjin-dongli': 'Dongli (Tianjin)', chongqing: 'Chongqing', jilin: 'Jilin' },
    save: 'Save on this device',
    hint: 'Saved only when you tap “Save on this device”, in this device’s browser, never uploaded; delete it at any time.',
    list: 'Saved households ({})',
    empty: 'No household is saved on this device.',
    when: 'Saved {}',
    open: 'Open',
    rename: 'Rename',
    del: 'Delete',
    newName: 'New name',
    renameOk: 'Save the name',
    cancel: 'Cancel',
    clear: 'Delete all',
    clearHint: 'Deletes every household saved on this device, leaving nothing behind.',
    forget: 'Forget when this page closes',
    forgetHint:
      'For a shared computer. When ticked, saved households stay in this page only, are not written to the device, and are gone once the page is closed or reloaded; the device keeps only this choice.',
    saved: 'Saved “{}”.',
    opened: 'Opened “{}”.',
    renamed: 'Renamed to “{}”.',
    deleted: 'Deleted “{}”.',
    cleared: 'All deleted: nothing is left on this device.',
    forgetOn: 'Saved households will be forgotten when the page closes; none is kept on the device.',
    forgetOff: 'Saved households stay on this device until you delete them.',
    failed: 'This browser does not allow saving on this device (private browsing, or storage full?).',
  },
};

// --- the store -------------------------------------------------------------------------

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

/** Runs `f(store)` in one transaction, then closes the database; never creates it unless `create`. */
async function run(mode, f, create) {
  if (!create && idb.databases && !(await idb.databases()).some((d) => d.name === DB)) return undefined;
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

const all = async () => (memory ? memory.slice() : ((await run('readonly', (s) => s.getAll())) ?? []));

async function add(name, h, saved) {
  if (memory) memory.push({ id: next++, name, saved, h });
  else await run('readwrite', (s) => s.add({ name, saved, h }), true);
  // The top bar's "✓ 本机记录已清除" is no longer true.
  dispatchEvent(new Event('doudi-saved'));
}

async function rename(id, name) {
  const m = memory?.find((r) => r.id === id);
  if (m) m.name = name;
  else if (!memory) await run('readwrite', (s) => s.put({ ...items.find((r) => r.id === id), name }), false);
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

/**
 * Forget mode on: the saved households move into this page's memory and the database is
 * deleted. Off: they are written back to the database (the user asked to keep them).
 */
async function setForget(on) {
  if (on === Boolean(memory)) return;
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
    for (const r of kept) await add(r.name, r.h, r.saved);
  }
}

// --- the panel -------------------------------------------------------------------------

// Its look (style.css has the rest); a stylesheet built here, which the CSP allows.
const CSS = `.saved .saved-new{display:flex;flex-wrap:wrap;align-items:flex-end;gap:0 0.6em} .saved .saved-new .field{flex:0 1 20em;margin-bottom:0.5em} .saved .saved-new button{margin-bottom:0.5em} .saved .saved-status{font-weight:700} .saved .saved-status:empty{display:none} .saved .saved-list{list-style:none;margin:0 0 1em;padding:0} .saved .saved-list li{border-top:1px solid var(--line);padding:0.6em 0} .saved .saved-item{margin:0 0 0.4em;overflow-wrap:anywhere} .saved .saved-item .hint{display:block} .saved .saved-actions{display:flex;flex-wrap:wrap;gap:0.5em}`;
try {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
} catch {
  // An older browser: the panel works unstyled.
}

let root = null; // the app's <div class="saved-ui">
let top = null; // inside it: the name and the save button; the status line; the list
let statusLine = null;
let bottom = null;
let items = null; // the list as last read, oldest first
let status = '';
let renaming = null; // the id being renamed
let typed = null; // the name typed for the next save (null: the suggestion)

const fill = (t, ...args) => args.reduce((s, a) => s.replace('{}', a), t);
const words = () => WORDS[root.dataset.lang === 'en' ? 'en' : 'zh'];
const now = () => {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};
/** `2024-05-01 10:30` → `2024年5月1日 10:30` / `1 May 2024 10:30`. */
function when(s) {
  const [y, m, d, time = ''] = s.split(/[- ]/);
  const month = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')[m - 1];
  const day = root.dataset.lang === 'en' ? `${+d} ${month} ${y}` : `${y}年${+m}月${+d}日`;
  return `${day} ${time}`.trim();
}
/** The name offered: the household's place and people (from its link), and today. */
function suggestion() {
  let h = {};
  try {
    const b = atob(root.dataset.h.slice(3).replace(/-/g, '+').replace(/_/g, '/'));
    h = JSON.parse(new TextDecoder().decode(Uint8Array.from(b, (c) => c.charCodeAt(0))));
  } catch {
    // no household yet
  }
  return fill(words().people, words().places[h.jurisdiction] ?? '', h.members?.length ?? 1, when(now().slice(0, 10))).trim();
}

/** An element: `el('button', {id, onclick}, 'text', child…)`. */
function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'value' || k === 'checked') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...children.filter((c) => c != null));
  return e;
}

/** Does `f`, then reads the list back, says `say` (a template and its name) and redraws. */
async function act(f, say, focus) {
  let ok = true;
  try {
    await f();
    items = await all();
    status = say;
  } catch {
    ok = false;
    status = root ? words().failed : '';
  }
  draw(focus);
  return ok;
}

function row(r) {
  const w = words();
  const nameId = `saved-name-${r.id}`;
  if (renaming === r.id) {
    const input = el('input', { id: `saved-rename-${r.id}`, type: 'text', value: r.name, autocomplete: 'off', maxlength: 80 });
    const commit = () => {
      const name = input.value.trim();
      renaming = null;
      if (!name || name === r.name) return draw(`saved-open-${r.id}`);
      r.name = name;
      act(() => rename(r.id, name), fill(words().renamed, name), `saved-open-${r.id}`);
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        commit();
      } else if (e.key === 'Escape') {
        renaming = null;
        draw(`saved-open-${r.id}`);
      }
    });
    return el(
      'li',
      null,
      el('div', { class: 'field' }, el('label', { for: input.id }, w.newName), input),
      el(
        'div',
        { class: 'saved-actions' },
        el('button', { type: 'button', onclick: commit }, w.renameOk),
        el('button', { type: 'button', class: 'secondary', onclick: () => ((renaming = null), draw(`saved-open-${r.id}`)) }, w.cancel),
      ),
    );
  }
  const button = (text, onclick, id) => el('button', { type: 'button', id, 'aria-describedby': nameId, onclick }, text);
  return el(
    'li',
    null,
    el('p', { class: 'saved-item', id: nameId }, el('strong', null, r.name), el('span', { class: 'hint' }, fill(w.when, when(r.saved)))),
    el(
      'div',
      { class: 'saved-actions' },
      button(w.open, () => {
        root.dispatchEvent(new CustomEvent('doudi-open', { bubbles: true, detail: r.h }));
        status = fill(words().opened, r.name);
        draw();
      }, `saved-open-${r.id}`),
      button(w.rename, () => {
        renaming = r.id;
        draw(`saved-rename-${r.id}`);
      }, `saved-rename-button-${r.id}`),
      button(w.del, () => {
        const list = items.filter((x) => x.id !== r.id).reverse();
        const at = items.slice().reverse().findIndex((x) => x.id === r.id);
        const then = list[at] ?? list[list.length - 1];
        items = items.filter((x) => x.id !== r.id);
        act(() => remove(r.id), fill(words().deleted, r.name), then ? `saved-open-${then.id}` : 'saved-save');
      }, `saved-delete-${r.id}`),
    ),
  );
}

/** Draws the panel, keeping the focus where it was (or moving it to `focus`, an id). */
function draw(focus) {
  if (!root) return;
  const w = words();
  const keep = focus ?? (root.contains(document.activeElement) ? document.activeElement.id : null);
  const name = el('input', {
    id: 'saved-name-new',
    type: 'text',
    value: typed ?? suggestion(),
    autocomplete: 'off',
    maxlength: 80,
    'aria-describedby': 'saved-hint',
    oninput: (e) => (typed = e.target.value),
    onkeydown: (e) => e.key === 'Enter' && (e.preventDefault(), save()),
  });
  const save = () => {
    const n = name.value.trim() || suggestion();
    typed = null;
    act(() => add(n, root.dataset.h, now()), fill(words().saved, n), 'saved-save');
  };
  const forget = el('input', {
    type: 'checkbox',
    id: 'saved-forget',
    checked: Boolean(memory),
    'aria-describedby': 'saved-forget-hint',
    onchange: (e) => {
      const on = e.target.checked;
      act(() => setForget(on), on ? words().forgetOn : words().forgetOff, 'saved-forget');
    },
  });
  const list = items ?? [];
  statusLine.textContent = status;
  top.replaceChildren(
    el(
      'div',
      { class: 'saved-new' },
      el('div', { class: 'field' }, el('label', { for: name.id }, w.name), name),
      el('button', { type: 'button', id: 'saved-save', 'aria-describedby': 'saved-hint', onclick: save }, w.save),
    ),
    el('p', { class: 'hint', id: 'saved-hint' }, w.hint),
  );
  bottom.replaceChildren(
    el('h3', null, fill(w.list, list.length)),
    list.length ? el('ul', { class: 'saved-list' }, ...list.slice().reverse().map(row)) : el('p', null, w.empty),
    el('button', { type: 'button', id: 'saved-clear', 'aria-describedby': 'saved-clear-hint', onclick: () => act(clear, words().cleared, 'saved-clear') }, w.clear),
    el('p', { class: 'hint', id: 'saved-clear-hint' }, w.clearHint),
    el(
      'div',
      { class: 'check' },
      forget,
      el('label', { for: 'saved-forget' }, w.forget),
      el('p', { class: 'hint', id: 'saved-forget-hint' }, w.forgetHint),
    ),
  );
  const target = keep && document.getElementById(keep);
  if (target) {
    target.focus({ preventScroll: !focus });
    if (focus) target.scrollIntoView({ block: 'center' });
  }
}

// One call at a time, in the order the page made them.
let queue = Promise.resolve();
const serial = (f) => (...args) => (queue = queue.then(() => f(...args), () => f(...args)));

globalThis.doudiSaved = {
  /** Draws the panel in `div` (its data-lang and data-h from the app). */
  mount: serial(async (div) => {
    if (root === div) return;
    root = div;
    top = el('div');
    statusLine = el('p', { class: 'saved-status', role: 'status' });
    bottom = el('div');
    div.replaceChildren(top, statusLine, bottom);
    // Another language: drawn again; another household: another name offered (unless one was typed).
    new MutationObserver((changes) => {
      if (changes.some((c) => c.attributeName === 'data-lang')) draw();
      else if (typed === null) document.getElementById('saved-name-new').value = suggestion();
    }).observe(div, { attributeFilter: ['data-lang', 'data-h'] });
    items = await all().catch(() => []);
    draw();
  }),
  /** Staff's "清除本机记录": deletes everything, and says so in the panel if it is drawn. */
  clear: serial(async () => {
    if (!(await act(clear, root ? words().cleared : ''))) throw new Error('not deleted');
  }),
};
