// Contract v1 through the JS API: the worked examples, money as decimal strings, one finding
// per programme, plain objects out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { household, loadDoudi, tianjinFamily } from './helpers.mjs';

const doudi = await loadDoudi();
await doudi.init();

const finding = (a, program, member = null) => a.findings.find((f) => f.program === program && f.member === member);
const MONEY = /^-?[0-9]+\.[0-9]{2}$/;

test('worked example: Tianjin household of three, income 1500 → 低保 1530.00 a month', () => {
  const a = doudi.evaluate(tianjinFamily());
  const dibao = finding(a, 'dibao');
  assert.equal(dibao.status, 'eligible');
  assert.equal(dibao.monthly, '1530.00');
  assert.deepEqual(
    {
      members: a.summary.members,
      counted_income: a.summary.counted_income,
      per_capita_income: a.summary.per_capita_income,
      standard: a.summary.standard,
      in_epidemic_period: a.summary.in_epidemic_period,
    },
    { members: 3, counted_income: '1500.00', per_capita_income: '500.00', standard: '1010.00', in_epidemic_period: true },
  );
  assert.equal(a.jurisdiction, 'tianjin');
  assert.equal(a.as_of, '2020-04-15');
  assert.match(a.policy_version, /^v1-/);
});

test('worked example: 3 × 600 − 820 = 980.00 with the standard overridden to 600', () => {
  const h = household({ monthly_income: 820 }, { parameters: { 'dibao.standard.urban': '600' } });
  h.members.push({ relation: 'spouse', age: 48 }, { relation: 'parent', age: 76 });
  const a = doudi.evaluate(h);
  assert.equal(finding(a, 'dibao').monthly, '980.00'); // not (600 − 273.33) × 3
  assert.equal(a.summary.per_capita_income, '273.33');
  assert.ok(a.assumptions.some((x) => x.id === 'override.dibao.standard.urban'));
});

test('money in as a number or a decimal string gives the same assessment', () => {
  const asString = doudi.evaluate(tianjinFamily());
  const h = tianjinFamily();
  h.members[0].monthly_income = 1500;
  assert.deepEqual(doudi.evaluate(h), asString);
  h.members[0].monthly_income = '1500.00';
  assert.deepEqual(doudi.evaluate(h), asString);
});

test('every amount out is a decimal string with two decimals, or null', () => {
  for (const j of doudi.jurisdictions()) {
    const h = household({ monthly_income: '333.333', work: 'migrant', covid: 'confirmed', diagnosed_on: '2020-02-10' }, {
      jurisdiction: j.id,
      support: { dibao: true, dibao_monthly: '1000.005' },
    });
    const a = doudi.evaluate(h);
    for (const k of ['counted_income', 'per_capita_income', 'monthly_total', 'one_off_total']) assert.match(a.summary[k], MONEY, k);
    for (const f of a.findings) {
      for (const k of ['monthly', 'one_off', 'total', 'cap']) {
        assert.ok(f[k] === null || MONEY.test(f[k]), `${j.id} ${f.program}.${k} = ${JSON.stringify(f[k])}`);
      }
      assert.ok(f.months === null || Number.isInteger(f.months));
    }
  }
});

test('one finding per programme (per member for a per-person programme), with every contract field', () => {
  const statuses = new Set(['eligible', 'ineligible', 'needs_info', 'discretionary', 'referral']);
  const fields = ['program', 'name', 'member', 'status', 'monthly', 'one_off', 'months', 'total', 'cap', 'reasons', 'trace', 'citations', 'missing'];
  for (const j of doudi.jurisdictions()) {
    const a = doudi.evaluate({ ...tianjinFamily(), jurisdiction: j.id });
    assert.deepEqual([...new Set(a.findings.map((f) => f.program))].sort(), [...j.programmes].sort(), j.id);
    for (const f of a.findings) {
      for (const k of fields) assert.ok(k in f, `${j.id} ${f.program} has no ${k}`);
      assert.ok(statuses.has(f.status));
      // Every finding quotes its clause, but 特困 where no document of the place holds the
      // general rule: it then names the national source as an assumption (tekun.national_rule).
      const national = f.program === 'tekun' && a.assumptions.some((x) => x.id === 'tekun.national_rule');
      assert.ok(f.citations.length > 0 || national, `${j.id} ${f.program} cites nothing`);
      for (const t of f.trace) assert.deepEqual(Object.keys(t).sort(), ['formula', 'label', 'value']);
      for (const c of f.citations) for (const k of ['document', 'clause', 'text']) assert.equal(typeof c[k], 'string');
    }
    for (const x of a.assumptions) assert.deepEqual(Object.keys(x).sort(), ['id', 'text']);
  }
});

test('objects out are plain JSON: no Map, no undefined, null for absent', () => {
  const a = doudi.evaluate(tianjinFamily());
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
  const walk = (v) => {
    assert.notEqual(v, undefined);
    if (v !== null && typeof v === 'object') {
      assert.ok(Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype, 'a plain object');
      Object.values(v).forEach(walk);
    }
  };
  walk(a);
  assert.equal(finding(a, 'dibao').member, null);
  assert.equal(finding(a, 'dibao').one_off, null);
});

test('lang: Chinese by default, English on request (option or bare string)', () => {
  const zh = doudi.evaluate(tianjinFamily());
  const en = doudi.evaluate(tianjinFamily(), { lang: 'en' });
  assert.equal(zh.lang, 'zh-CN');
  assert.equal(en.lang, 'en');
  assert.match(finding(zh, 'dibao').reasons[0], /[\u4e00-\u9fff]/);
  assert.doesNotMatch(finding(en, 'dibao').reasons[0], /[\u4e00-\u9fff]/);
  assert.deepEqual(doudi.evaluate(tianjinFamily(), 'en'), en);
  assert.deepEqual(doudi.evaluate(tianjinFamily(), { lang: 'zh-CN' }), zh);
  assert.deepEqual(doudi.evaluate(tianjinFamily(), {}), zh);
  assert.deepEqual(doudi.evaluate(tianjinFamily(), null), zh);
  // Amounts do not depend on the language.
  assert.deepEqual(en.findings.map((f) => f.monthly), zh.findings.map((f) => f.monthly));
});

test('the same household always gives the same assessment, and the input is not changed', () => {
  const h = tianjinFamily();
  const copy = structuredClone(h);
  assert.deepEqual(doudi.evaluate(h), doudi.evaluate(h));
  assert.deepEqual(h, copy);
});

test('a field set to undefined or null is absent, as in JSON', () => {
  const plain = doudi.evaluate(tianjinFamily());
  const h = tianjinFamily();
  h.residence = undefined;
  h.assets = null;
  h.members[1].monthly_income = undefined;
  assert.deepEqual(doudi.evaluate(h), plain);
});
