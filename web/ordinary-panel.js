// "2020 年疫情措施对这户的作用": what the 2020 epidemic measures do for this household.
// Loaded by the app (web/src/components/ordinary_section.rs) the first time the folded
// section is opened, never on page load, so it costs the first load nothing. It draws, in the
// app's <div class="ordinary-ui">, the household under the 2020 rules and under the ordinary
// rules (the place's epidemic measures switched off), per programme side by side, with the
// difference and the clause that makes it. The figures and the sentences are the npm
// package's `doudi/ordinary` entry's (compareOrdinary: the core's own comparison and words,
// `doudi evaluate --compare ordinary`), loaded from doudi-ordinary/ (copied by post-build.sh)
// at the same time. Money stays the decimal text the core writes; nothing is computed here.
//
// The household is the share link's fragment the app keeps in the div's data-h (#h= and
// base64url contract JSON, web/src/share.rs); data-lang is zh-CN or en. Whenever either
// changes (the household is edited, the language switched), the panel is drawn again. Its
// words, both languages, are its own (as web/saved.js's are), to keep them off the first load.

const WORDS = {
  'zh-CN': {
    intro: '把 2020 年疫情期间的特别措施全部去掉，按常规规定重新测算同一户，逐项对比。',
    loading: '正在加载对比…',
    failed: '对比没有加载完成，请检查网络后再打开一次。',
    none: '疫情期间的措施没有改变本户的测算结果。',
    epidemic: '2020 年规定',
    ordinary: '常规规定',
    total: '全户合计',
    monthly: '每月 {} 元',
    fixed: '限期合计 {} 元',
    oneOff: '一次性 {} 元',
    months: '共 {} 个月',
    difference: '相差（疫情期间比常规）：',
    diffMonthly: '每月 {} 元',
    diffFixed: '限期合计 {} 元',
    diffOneOff: '一次性 {} 元',
    same: '没有变化',
    sameRows: '其余 {} 项在两种规定下相同',
    absent: '没有此项',
    notCounted: '（不计入合计）',
    unknown: '金额待定',
    unknownCount: '另有 {} 项金额待定',
    status: {
      eligible: '可能符合',
      ineligible: '不符合',
      needs_info: '需补充信息',
      discretionary: '需个案研究',
      referral: '服务转介',
    },
    clause: '依据：{} {}',
    // The programmes' names as the page's cards name them (web/src/i18n.rs, `programme`;
    // tests/browser/ordinary.test.mjs keeps them equal).
    names: {
      dibao: '每月低保金',
      dibao_single_person: '重残重病人员单独纳入低保',
      dibao_taper: '收入增加后的低保渐退',
      tekun: '特困人员供养',
      temp_relief_covid: '疫情临时救助',
      temp_relief_unemployed: '失业人员临时救助',
      temp_relief_advance: '先行救助',
      temp_relief_migrant: '外来人员临时救助',
      price_subsidy: '价格临时补贴',
      orphan_support: '孤儿、事实无人抚养儿童生活费',
      disability_living_subsidy: '困难残疾人生活补贴',
      severe_disability_care_subsidy: '重度残疾人护理补贴',
      care_referral: '照料和关爱服务',
    },
    headline: '按常规规定：{}',
    comma: '，',
  },
  en: {
    intro: 'The same household assessed again with the 2020 epidemic measures taken out (the ordinary rules), programme by programme.',
    loading: 'Loading the comparison…',
    failed: 'The comparison did not load; check the connection and open it again.',
    none: 'The epidemic measures do not change this household’s result.',
    epidemic: '2020 epidemic rules',
    ordinary: 'Ordinary rules',
    total: 'Whole household',
    monthly: '{} yuan a month',
    fixed: '{} yuan fixed-term in all',
    oneOff: '{} yuan one-off',
    months: 'for {} months',
    difference: 'Difference (epidemic less ordinary): ',
    diffMonthly: '{} yuan a month',
    diffFixed: '{} yuan fixed-term',
    diffOneOff: '{} yuan one-off',
    same: 'No change',
    sameRows: 'The other {}, the same under both',
    absent: 'No such programme',
    notCounted: ' (not counted in the totals)',
    unknown: 'amount not yet known',
    unknownCount: '{} more, amount not yet known',
    status: {
      eligible: 'May apply',
      ineligible: 'Does not apply',
      needs_info: 'Needs information',
      discretionary: 'Case by case',
      referral: 'Referral',
    },
    clause: 'Clause: {} {}',
    names: {
      dibao: 'Monthly minimum living allowance',
      dibao_single_person: 'Dibao for a severely disabled or ill person alone',
      dibao_taper: 'Gradual exit from dibao',
      tekun: 'Support for people in extreme poverty',
      temp_relief_covid: 'Temporary relief (epidemic)',
      temp_relief_unemployed: 'Temporary relief for the unemployed',
      temp_relief_advance: 'Advance relief for new applicants',
      temp_relief_migrant: 'Temporary relief for people from elsewhere',
      price_subsidy: 'Temporary price subsidy',
      orphan_support: 'Living allowance for orphans and children without care',
      disability_living_subsidy: 'Living subsidy for disabled people in difficulty',
      severe_disability_care_subsidy: 'Care subsidy for severely disabled people',
      care_referral: 'Care and support services',
    },
    headline: 'Under the ordinary rules: {}',
    comma: ', ',
  },
};

const fill = (t, ...xs) => xs.reduce((s, x) => s.replace('{}', x), t);

/** The comparison's module, loaded once (null until asked). */
let api = null;
function comparison() {
  api ??= import('./doudi-ordinary/ordinary.js').then(async (m) => {
    await m.init();
    return m;
  });
  api.catch(() => {
    api = null;
  });
  return api;
}

/** The household in a share link's fragment, or null. */
function household(h) {
  const m = /^#?h=([A-Za-z0-9_-]+)$/.exec(h ?? '');
  if (!m) return null;
  try {
    const b64 = m[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/** `<tag class=…>` with its children (strings become text). */
function el(tag, cls, ...children) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  for (const c of children) if (c != null) e.append(c);
  return e;
}

/**
 * A money figure as the core wrote it ("1030.00"), in thousands as the page shows amounts
 * ("1,030.00"): by its digits, never through a float.
 */
const money = (x) => String(x).replace(/^([-+]?)(\d+)/, (_, sign, int) => sign + int.replace(/\B(?=(\d{3})+$)/g, ','));
/** A money figure signed for a difference ("+1,500.00"). */
const signed = (x) => (x.startsWith('-') ? money(x).replace('-', '−') : `+${money(x)}`);
const zero = (x) => /^-?0+(\.0+)?$/.test(x);

/** One side of a finding: status, then its amounts. */
function side(w, s) {
  if (!s) return [w.absent];
  const lines = [w.status[s.status] ?? s.status];
  if (s.monthly) lines.push(fill(w.monthly, money(s.monthly)));
  if (s.one_off && !zero(s.one_off)) lines.push(fill(w.oneOff, money(s.one_off)));
  if (s.months && s.total) lines.push(fill(w.months, s.months) + w.comma + fill(w.fixed, money(s.total)));
  if (!s.counted && s.status === 'eligible') lines[0] += w.notCounted;
  return lines;
}

/** The two sides as a two-column list, headed by which rules. */
function sides(w, e, o) {
  const col = (head, lines) => el('div', 'ordinary-side', el('dt', null, head), ...lines.map((l) => el('dd', null, l)));
  return el('dl', 'ordinary-sides', col(w.epidemic, e), col(w.ordinary, o));
}

/** The money difference in words, or "no change". */
function difference(w, d) {
  if (!d) return w.unknown;
  const parts = [
    [d.ongoing_monthly, w.diffMonthly],
    [d.fixed_term, w.diffFixed],
    [d.one_off, w.diffOneOff],
  ]
    .filter(([x]) => !zero(x))
    .map(([x, t]) => fill(t, signed(x)));
  return parts.length ? w.difference + parts.join(w.comma) : w.same;
}

/** The whole household's figures on one side. */
function totals(w, f) {
  const lines = [fill(w.monthly, money(f.ongoing_monthly))];
  if (!zero(f.fixed_term_total)) lines.push(fill(w.fixed, money(f.fixed_term_total)));
  if (!zero(f.one_off_total)) lines.push(fill(w.oneOff, money(f.one_off_total)));
  if (f.amounts_unknown > 0) lines.push(fill(w.unknownCount, f.amounts_unknown));
  return lines;
}

function draw(ui, c, w) {
  const name = (id) => w.names[id] ?? id;
  const out = [el('p', 'ordinary-intro', w.intro)];
  const whole = el('div', 'ordinary-row ordinary-total', el('h3', null, w.total), sides(w, totals(w, c.epidemic), totals(w, c.ordinary)));
  whole.append(el('p', 'ordinary-diff', difference(w, c.difference)));
  if (c.headline) whole.append(el('p', 'ordinary-headline', fill(w.headline, c.headline)));
  out.push(whole);
  if (!c.findings.some((r) => r.changed)) out.push(el('p', 'ordinary-none', w.none));
  // The rows that differ first, in the answer's order; the others folded, in the same order.
  const changed = el('div', 'ordinary-list');
  const same = el('div', 'ordinary-list');
  for (const r of c.findings) {
    const title = r.member ? `${name(r.program)}（${r.member}）` : name(r.program);
    const li = el('div', r.changed ? 'ordinary-row changed' : 'ordinary-row', el('h3', null, title));
    li.dataset.program = r.program;
    if (r.member) li.dataset.member = r.member;
    li.append(sides(w, side(w, r.epidemic), side(w, r.ordinary)));
    li.append(el('p', 'ordinary-diff', r.changed ? difference(w, r.difference) : w.same));
    if (r.sentence) li.append(el('p', 'ordinary-why', r.sentence));
    // The clauses of the measures that make the difference, in the law's words.
    for (const key of r.measures) {
      const m = c.measures.find((x) => x.key === key);
      for (const cite of m?.citations ?? []) {
        li.append(el('p', 'ordinary-clause', `“${cite.text}”`), el('p', 'ordinary-source', fill(w.clause, cite.document, cite.clause)));
      }
    }
    (r.changed ? changed : same).append(li);
  }
  if (changed.firstChild) out.push(changed);
  if (same.firstChild) {
    const n = same.childElementCount;
    const fold = el('details', 'ordinary-same', el('summary', null, fill(w.sameRows, n)), same);
    // Kept open across redraws (every edit of the household redraws the panel).
    fold.open = ui.querySelector('.ordinary-same')?.open ?? false;
    out.push(fold);
  }
  ui.replaceChildren(...out);
}

/** Draws the section `d` for its current household; a later call wins over one still waiting. */
async function update(d) {
  const ui = d.querySelector('.ordinary-ui');
  if (!ui) return;
  const lang = ui.dataset.lang === 'en' ? 'en' : 'zh-CN';
  const w = WORDS[lang];
  const h = household(ui.dataset.h);
  const ticket = (d.doudiTicket = (d.doudiTicket ?? 0) + 1);
  if (!ui.firstChild) ui.replaceChildren(el('p', 'ordinary-status', w.loading));
  let m;
  try {
    m = await comparison();
  } catch {
    if (ticket === d.doudiTicket) ui.replaceChildren(el('p', 'ordinary-status', w.failed));
    return;
  }
  if (ticket !== d.doudiTicket) return;
  if (!h) return ui.replaceChildren(el('p', 'ordinary-status', w.none));
  try {
    draw(ui, m.compareOrdinary(h, { lang }), w);
  } catch (e) {
    // The household is not complete yet: the core's own words, as the answer shows them.
    ui.replaceChildren(el('p', 'ordinary-status', lang === 'en' ? e.message : (e.messageZh ?? e.message)));
  }
}

/** Draws the section `d` and follows its household from then on: the app keeps the panel's
 * <div> and sets its data-h (and data-lang) at every edit, so a changed attribute is drawn
 * as soon as it is set, while open. */
function watch(d) {
  if (!d.doudiWatched) {
    d.doudiWatched = true;
    // Attributes only: the panel's own drawing inside the div is no change of household.
    new MutationObserver(() => d.open && update(d)).observe(d, { subtree: true, attributeFilter: ['data-h', 'data-lang'] });
  }
  update(d);
}

const SECTION = 'details.ordinary';
for (const d of document.querySelectorAll(`${SECTION}[open]`)) watch(d);
// Opened later (or again, or a section drawn anew): drawn for the household it has now.
document.addEventListener(
  'toggle',
  (e) => {
    const d = e.target;
    if (d instanceof HTMLDetailsElement && d.open && d.matches(SECTION)) watch(d);
  },
  true,
);
