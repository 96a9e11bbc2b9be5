// The 摸排 page (screen.html): picks a roster file (or takes one dropped), hands it to the
// worker (screen-worker.js), draws what comes back: the totals per programme, the worklist
// with its filters, export and print, the refused rows, and the what-if with its chart.
// The file is never sent anywhere: the worker reads it from the File object. Amounts are the
// decimal strings Rust formats; this script does no arithmetic on money.

const $ = (id) => document.getElementById(id);
const WORKLIST_ROWS = 200;

let worker = null;
let file = null;
let waiting = null; // {resolve, reject} of the running job
const replies = new Map(); // query type → resolve

function startWorker() {
  worker = new Worker(new URL('screen-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    if (data.type === 'progress') return progress(data);
    if (data.type === 'ready') return;
    if (data.type === 'screened' || data.type === 'compared') {
      const w = waiting;
      waiting = null;
      return w?.resolve(data);
    }
    if (data.type === 'cancelled') {
      const w = waiting;
      waiting = null;
      return w?.reject({ cancelled: true });
    }
    if (data.type === 'error') {
      if (waiting) {
        const w = waiting;
        waiting = null;
        return w.reject(data.error);
      }
      const r = replies.get(data.request);
      replies.delete(data.request);
      return r?.(null, data.error);
    }
    const r = replies.get(data.type);
    replies.delete(data.type);
    r?.(data);
  };
}

/** A query to the worker, answered by a message of the same type. */
function ask(message) {
  return new Promise((resolve, reject) => {
    replies.set(message.type, (data, error) => (error ? reject(error) : resolve(data)));
    worker.postMessage(message);
  });
}

/** A long job (screen, compare) with the progress bar and the cancel button. */
function job(message, words) {
  $('run').hidden = false;
  $('progress').value = 0;
  $('run-text').textContent = words;
  $('cancel').disabled = false;
  $('cancel').hidden = false;
  return new Promise((resolve, reject) => {
    waiting = { resolve, reject, words };
    worker.postMessage(message);
  }).finally(() => {
    // Nothing left to cancel: the button goes, the words of the run stay.
    $('cancel').disabled = true;
    $('cancel').hidden = true;
  });
}

function progress({ done, total, households }) {
  $('progress').value = total ? Math.round((done / total) * 100) : 0;
  $('run-text').textContent = `${waiting?.words ?? ''}已读 ${households.toLocaleString('zh-CN')} 户（${$('progress').value}%）`;
}

$('cancel').addEventListener('click', () => {
  if (!waiting) return;
  $('cancel').disabled = true;
  $('run-text').textContent = '正在取消…';
  worker.postMessage({ type: 'cancel' });
});

function cancelled() {
  $('run-text').textContent = file ? `已取消。下面仍是“${file.name}”的结果。` : '已取消。';
}

function el(tag, text, attrs = {}) {
  const e = document.createElement(tag);
  if (text != null) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function row(cells, link) {
  const tr = el('tr');
  cells.forEach((c, i) => tr.append(el(i === 0 && typeof c === 'object' ? 'th' : 'td', typeof c === 'object' ? c.text : c, typeof c === 'object' ? { scope: 'row' } : {})));
  if (link !== undefined) {
    const td = el('td');
    if (link) {
      const a = el('a', '查看', { href: 'index.html' + link, target: '_blank', rel: 'noopener noreferrer' });
      td.append(a);
    }
    tr.append(td);
  }
  return tr;
}

const count = (n) => Number(n).toLocaleString('zh-CN');

// 1. Loading.
$('file').addEventListener('change', () => {
  if ($('file').files[0]) load($('file').files[0]);
});
const drop = $('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const f = e.dataTransfer?.files?.[0];
  if (f) load(f);
});
$('margin').addEventListener('change', () => {
  if (file) load(file);
});

async function load(f) {
  if (waiting) return;
  $('fatal').hidden = true;
  const margin = $('margin').value.trim() || '0';
  let data;
  try {
    data = await job({ type: 'screen', file: f, margin, kind: $('kind').value, program: $('program').value, limit: WORKLIST_ROWS }, `正在分析“${f.name}”：`);
  } catch (e) {
    if (e?.cancelled) cancelled();
    else showFatal(e);
    return;
  }
  file = f;
  const s = data.summary;
  if (s.fatal) {
    for (const id of ['errors', 'totals', 'worklist', 'whatif']) $(id).hidden = true;
    showFatal(s.fatal);
    $('run-text').textContent = '名册无法读取。';
    return;
  }
  $('run-text').textContent = `已分析 ${count(s.households)} 户，用时 ${data.seconds.toFixed(2)} 秒。`;
  $('run').dataset.seconds = String(data.seconds);
  $('run').dataset.memory = String(data.memory);
  $('progress').value = 100;
  drawErrors(s);
  drawTotals(s);
  drawPrograms(s);
  drawWorklist(data.worklist);
  $('worklist').hidden = false;
  await prepareWhatIf(s);
}

function showFatal(e) {
  $('fatal').hidden = false;
  $('fatal').textContent = `无法读取这份名册：${e.message ?? e}`;
}

function drawErrors(s) {
  const list = $('error-list');
  list.replaceChildren();
  $('errors').hidden = s.refused === 0;
  $('errors-note').textContent =
    `${count(s.refused)} 行没有计入，其余各行照常分析。` + (s.refused > s.errors.length ? `下面列出前 ${s.errors.length} 行。` : '');
  for (const e of s.errors) list.append(el('li', `第 ${e.line} 行，${e.field}：${e.message}`));
}

// 2. Totals.
function drawTotals(s) {
  $('totals').hidden = false;
  $('totals-note').textContent =
    `共 ${count(s.households)} 户，其中 ${count(s.refused)} 户无法读取。` +
    `工作清单 ${count(s.listed)} 户：可能符合但未享受 ${count(s.missed)} 户，接近门槛 ${count(s.near)} 户，` +
    `低保将停发 ${count(s.ending)} 户，低保渐退 ${count(s.tapering)} 户。`;
  const body = $('totals-body');
  body.replaceChildren();
  for (const p of s.programmes) {
    body.append(row([{ text: p.name }, count(p.households), count(p.persons), p.monthly, p.fixed_term, p.one_off]));
    body.lastChild.dataset.program = p.id;
  }
  if (!s.programmes.length) body.append(row([{ text: '没有家庭可领取任何项目' }, '', '', '', '', '']));
}

function drawPrograms(s) {
  const select = $('program');
  const was = select.value;
  select.replaceChildren(el('option', '全部项目', { value: '' }));
  for (const p of s.worklist_programs) select.append(el('option', p.name, { value: p.id }));
  select.value = s.worklist_programs.some((p) => p.id === was) ? was : '';
}

// 3. The worklist.
function drawWorklist(w) {
  const body = $('worklist-body');
  body.replaceChildren();
  for (const r of w.rows) {
    body.append(row([r.at_stake, String(r.line), r.id ?? '', r.missed, r.near, r.current_words], r.link));
    body.lastChild.dataset.line = r.line;
  }
  $('worklist-count').textContent =
    w.total === 0 ? '没有符合条件的家庭。' : w.total > w.rows.length ? `共 ${count(w.total)} 户，表中按每月涉及金额从高到低列出前 ${w.rows.length} 户；完整清单请导出 CSV。` : `共 ${count(w.total)} 户，按每月涉及金额从高到低排列。`;
}

async function refilter() {
  const data = await ask({ type: 'worklist', kind: $('kind').value, program: $('program').value, limit: WORKLIST_ROWS });
  drawWorklist(data.worklist);
}
$('kind').addEventListener('change', refilter);
$('program').addEventListener('change', refilter);

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = el('a', null, { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

$('export').addEventListener('click', async () => {
  const data = await ask({ type: 'export', kind: $('kind').value, program: $('program').value });
  download('工作清单.csv', data.csv);
});
$('print').addEventListener('click', () => {
  document.body.classList.add('printing-worklist');
  window.print();
  document.body.classList.remove('printing-worklist');
});

// 4. What-if.
let params = [];
const DEFAULT_SETS = [{ id: 'dibao.standard.urban', op: '+=', value: '50' }];

/**
 * The parameters of every place (and day) in the roster, merged by id: each with its value in
 * each place that has it, `[{id, label, unit, values: [{name, value}]}]`, in the order first met.
 */
async function placesParameters(places) {
  const merged = new Map();
  for (const place of places) {
    let list;
    try {
      list = (await ask({ type: 'parameters', jurisdiction: place.jurisdiction, as_of: place.as_of })).list;
    } catch {
      list = [];
    }
    for (const p of Array.isArray(list) ? list : []) {
      if (!merged.has(p.id)) merged.set(p.id, { id: p.id, label: p.label, unit: p.unit, values: [] });
      merged.get(p.id).values.push({ name: place.name ?? place.jurisdiction, shown: p.shown });
    }
  }
  return [...merged.values()];
}


async function prepareWhatIf(s) {
  if (!s.places?.length) return;
  params = await placesParameters(s.places);
  $('whatif').hidden = false;
  if (!$('sets').children.length) DEFAULT_SETS.forEach(addSet);
}

let setCount = 0;
function addSet(initial = { id: 'dibao.standard.urban', op: '+=', value: '50' }) {
  const n = ++setCount;
  const box = el('fieldset', null, { class: 'set' });
  box.append(el('legend', `调整 ${n}`));
  const param = el('select', null, { id: `set-${n}-id` });
  for (const p of params) {
    // One place: 现为 1010 元; several: 现为 天津市 1010 元，重庆市 620 元.
    // The value in words comes from the engine (staff's `parameters`): 620 元/人/月, 2023年1月8日, 否, 未知.
    const now = p.values.length === 1 ? p.values[0].shown : p.values.map((v) => `${v.name} ${v.shown}`).join('，');
    param.append(el('option', `${p.label}（现为 ${now}）`, { value: p.id }));
  }
  param.value = params.some((p) => p.id === initial.id) ? initial.id : params[0]?.id ?? '';
  const op = el('select', null, { id: `set-${n}-op` });
  for (const [v, t] of [['+=', '增加'], ['-=', '减少'], ['=', '改为']]) op.append(el('option', t, { value: v }));
  op.value = initial.op;
  const value = el('input', null, { id: `set-${n}-value`, type: 'text', autocomplete: 'off', value: initial.value });
  const field = (label, input) => {
    const p = el('p', null, { class: 'field' });
    p.append(el('label', label, { for: input.id }), input);
    return p;
  };
  const remove = el('button', '删除这一项', { type: 'button', class: 'button' });
  remove.addEventListener('click', () => box.remove());
  box.append(field('参数', param), field('怎样调整', op), field('数值（日期写成 2020-06-30，不设结束写 null）', value), remove);
  $('sets').append(box);
}
$('add-set').addEventListener('click', () => addSet({ id: params[0]?.id ?? '', op: '=', value: '' }));

const BANDS = ['减少 500 元及以上', '减少 100–499.99 元', '减少 0.01–99.99 元', '不变', '增加 0.01–99.99 元', '增加 100–499.99 元', '增加 500 元及以上'];

$('compare').addEventListener('click', async () => {
  if (!file) return;
  const sets = [...$('sets').querySelectorAll('fieldset.set')].map((box) => {
    const [id, op, value] = box.querySelectorAll('select, input');
    return { id: id.value, op: op.value, value: value.value.trim() };
  });
  $('compare-error').hidden = true;
  if (waiting) return;
  let data;
  try {
    data = await job({ type: 'compare', file, sets }, '正在测算：');
  } catch (e) {
    if (e?.cancelled) cancelled();
    else {
      $('compare-error').hidden = false;
      $('compare-error').textContent = `无法测算：${e.message ?? e}`;
    }
    return;
  }
  const s = data.summary;
  $('run-text').textContent = `已测算 ${count(s.report.households)} 户，用时 ${data.seconds.toFixed(2)} 秒。`;
  $('compare').dataset.seconds = String(data.seconds);
  const r = s.report;
  $('compare-result').hidden = false;
  $('cmp-monthly').textContent = `${s.monthly_difference} 元`;
  $('cmp-yearly').textContent = `${s.yearly_difference} 元`;
  $('cmp-oneoff').textContent = `${s.one_off_difference} 元`;
  $('cmp-note').textContent =
    `调整前每月 ${s.monthly_before} 元，调整后每月 ${s.monthly_after} 元。已计算 ${count(r.households - r.refused)} 户：` +
    `增加 ${count(r.gaining)} 户，减少 ${count(r.losing)} 户，不变 ${count(r.unchanged)} 户；${count(r.status_changed)} 户有项目的结论改变。` +
    (r.not_applied ? `${count(r.not_applied)} 户所在地区没有这个参数，按原政策计算。` : '') +
    (r.refused ? `${count(r.refused)} 行无法读取，未计入。` : '');
  drawChart(r.bands.map((b) => b.households));
  const body = $('changes-body');
  body.replaceChildren();
  for (const c of s.changes) body.append(row([String(c.line), c.id ?? '', c.before, c.after, c.monthly, c.statuses], c.link));
  if (!s.changes.length) body.append(row(['', '没有家庭的待遇改变', '', '', '', ''], ''));
});

function drawChart(counts) {
  const svg = $('chart');
  const NS = 'http://www.w3.org/2000/svg';
  svg.replaceChildren();
  const max = Math.max(1, ...counts);
  const [w, h, left, bottom, top] = [700, 300, 10, 70, 30];
  const slot = (w - left * 2) / counts.length;
  counts.forEach((n, i) => {
    const height = Math.round(((h - bottom - top) * n) / max);
    const x = left + i * slot + slot * 0.15;
    const rect = document.createElementNS(NS, 'rect');
    for (const [k, v] of Object.entries({ x, y: h - bottom - height, width: slot * 0.7, height, class: i < 3 ? 'bar lose' : i === 3 ? 'bar same' : 'bar gain' })) rect.setAttribute(k, v);
    const value = document.createElementNS(NS, 'text');
    for (const [k, v] of Object.entries({ x: x + slot * 0.35, y: h - bottom - height - 6, class: 'value' })) value.setAttribute(k, v);
    value.textContent = count(n);
    const label = document.createElementNS(NS, 'text');
    for (const [k, v] of Object.entries({ x: x + slot * 0.35, y: h - bottom + 22, class: 'label' })) label.setAttribute(k, v);
    const [verb, ...rest] = BANDS[i].split(' ');
    label.textContent = verb;
    const label2 = document.createElementNS(NS, 'text');
    for (const [k, v] of Object.entries({ x: x + slot * 0.35, y: h - bottom + 44, class: 'label' })) label2.setAttribute(k, v);
    label2.textContent = rest.join(' ');
    svg.append(rect, value, label, label2);
  });
  $('chart-desc').textContent = counts.map((n, i) => `${BANDS[i]}：${count(n)} 户`).join('；') + '。';
}

// Start: the worker, and the template once it can write it.
startWorker();
ask({ type: 'template' }).then(({ csv }) => {
  const a = $('template');
  a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  a.removeAttribute('aria-disabled');
});
