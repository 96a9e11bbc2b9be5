// Every class of bad input the contract names is refused whole: a JS Error with the field's
// path, the contract's message, and messageZh.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { household, loadDoudi } from './helpers.mjs';

const doudi = await loadDoudi();
await doudi.init();

/** The Error `fn` throws; fails if it returns. */
function refused(fn) {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof Error, 'an Error');
    assert.equal(typeof err.path, 'string');
    assert.ok(typeof err.message === 'string' && err.message.length > 0, 'a message');
    assert.ok(typeof err.messageZh === 'string' && err.messageZh.length > 0, 'a messageZh');
    return err;
  }
  assert.fail('accepted bad input');
}
const refuse = (h) => refused(() => doudi.evaluate(h));

test('unknown jurisdiction → jurisdiction', () => {
  const e = refuse(household({}, { jurisdiction: 'beijing' }));
  assert.equal(e.path, 'jurisdiction');
  assert.match(e.message, /beijing/);
  assert.match(e.messageZh, /beijing/);
});

test('unknown parameter id → parameters…', () => {
  const e = refuse(household({}, { parameters: { 'dibao.standard.city': '1000' } }));
  assert.ok(e.path.startsWith('parameters'), e.path);
  assert.equal(e.path, 'parameters.dibao.standard.city');
});

test('negative amount', () => {
  assert.equal(refuse(household({ monthly_income: -1 })).path, 'members[0].monthly_income');
  assert.equal(refuse(household({}, { assets: '-0.01' })).path, 'assets');
  assert.equal(refuse(household({}, { support: { dibao: true, dibao_monthly: -5 } })).path, 'support.dibao_monthly');
});

test('non-numeric amount', () => {
  assert.equal(refuse(household({ monthly_income: '1,500' })).path, 'members[0].monthly_income');
  assert.equal(refuse(household({ monthly_income: true })).path, 'members[0].monthly_income');
  assert.equal(refuse(household({}, { support: { dibao: true, dibao_monthly: 'abc' } })).path, 'support.dibao_monthly');
});

test('a number JSON cannot carry (NaN, Infinity) is refused, not read as absent', () => {
  assert.equal(refuse(household({ monthly_income: NaN })).path, 'members[0].monthly_income');
  assert.equal(refuse(household({}, { assets: Infinity })).path, 'assets');
});

test('what JSON cannot carry (a Symbol, a function, a huge BigInt) is refused with its path', () => {
  assert.equal(refuse(household({ age: Symbol('x') })).path, 'members[0].age');
  assert.equal(refuse(household({ age: () => 40 })).path, 'members[0].age');
  assert.equal(refuse(household({ monthly_income: 2n ** 70n })).path, 'members[0].monthly_income');
});

test('arrays and objects nested too deep are refused, and the module stays usable', () => {
  const h = household({}, { parameters: {} });
  let o = h.parameters;
  for (let i = 0; i < 100000; i++) o = o.x = {};
  const e = refuse(h);
  assert.match(e.path, /^parameters(\.x)+$/);
  assert.match(e.message, /nested more than 128/);
  assert.equal(doudi.evaluate(household()).summary.members, 1);
});

test('age 131 → members[0].age; other ages outside 0–130 too', () => {
  assert.equal(refuse(household({ age: 131 })).path, 'members[0].age');
  assert.equal(refuse(household({ age: -1 })).path, 'members[0].age');
  assert.equal(refuse(household({ age: 4.5 })).path, 'members[0].age');
  const h = household();
  h.members.push({ age: 131 });
  assert.equal(refuse(h).path, 'members[1].age');
});

test('impossible date 2020-02-30 → as_of', () => {
  const e = refuse(household({}, { as_of: '2020-02-30' }));
  assert.equal(e.path, 'as_of');
  assert.equal(refuse(household({}, { as_of: '2020-4-15' })).path, 'as_of');
  assert.equal(refuse(household({ covid: 'confirmed', diagnosed_on: '2020-13-01' })).path, 'members[0].diagnosed_on');
});

test('no members → members', () => {
  assert.equal(refuse(household({}, { members: [] })).path, 'members');
  const h = household();
  delete h.members;
  assert.equal(refuse(h).path, 'members');
});

test('31 members → members (30 are fine)', () => {
  const members = (n) => Array.from({ length: n }, () => ({ age: 30 }));
  assert.equal(refuse(household({}, { members: members(31) })).path, 'members');
  assert.equal(doudi.evaluate(household({}, { members: members(30) })).summary.members, 30);
});

test('discharge before diagnosis → members[0].discharged_on', () => {
  const e = refuse(household({ covid: 'confirmed', diagnosed_on: '2020-03-01', discharged_on: '2020-02-01' }));
  assert.equal(e.path, 'members[0].discharged_on');
});

test('unknown field → members[0].agee (a typo is never ignored)', () => {
  const e = refuse({ jurisdiction: 'tianjin', as_of: '2020-04-15', members: [{ agee: 45 }] });
  assert.equal(e.path, 'members[0].agee');
  assert.match(e.messageZh, /agee/);
  assert.equal(refuse(household({}, { member: [] })).path, 'member');
  assert.equal(refuse(household({}, { support: { dibaoo: true } })).path, 'support.dibaoo');
});

test('unknown choices name their field', () => {
  assert.equal(refuse(household({ work: 'abroad' })).path, 'members[0].work');
  assert.equal(refuse(household({}, { applying: ['pension'] })).path, 'applying[0]');
});

test('not a household at all → the whole input ("")', () => {
  for (const bad of [undefined, null, 5, 'tianjin', []]) {
    const e = refuse(bad);
    assert.ok(e.path === '' || e.path === '[0]', `${String(bad)}: ${e.path}`);
  }
});

test('a bad language option → lang', () => {
  assert.equal(refused(() => doudi.evaluate(household(), 'fr')).path, 'lang');
  assert.equal(refused(() => doudi.evaluate(household(), { lang: 'fr' })).path, 'lang');
  assert.equal(refused(() => doudi.evaluate(household(), { language: 'en' })).path, 'language');
});

test('parameters: unknown jurisdiction, impossible date, not a string', () => {
  assert.equal(refused(() => doudi.parameters('beijing', '2020-04-15')).path, 'jurisdiction');
  assert.equal(refused(() => doudi.parameters('tianjin', '2020-02-30')).path, 'as_of');
  assert.equal(refused(() => doudi.parameters(undefined, '2020-04-15')).path, 'jurisdiction');
  assert.equal(refused(() => doudi.parameters('tianjin', 20200415)).path, 'as_of');
});

test('sweep: a bad household or a bad range', () => {
  const range = { from: '0', to: '3000', steps: 10 };
  assert.equal(refused(() => doudi.sweep(household({ age: 131 }), range)).path, 'members[0].age');
  assert.equal(refused(() => doudi.sweep(household(), { ...range, steps: 0 })).path, 'steps');
  assert.equal(refused(() => doudi.sweep(household(), { ...range, steps: 1001 })).path, 'steps');
  assert.equal(refused(() => doudi.sweep(household(), { ...range, from: '-1' })).path, 'from');
  assert.equal(refused(() => doudi.sweep(household(), { ...range, to: '-1', from: '0' })).path, 'to');
  assert.equal(refused(() => doudi.sweep(household(), { from: '0', to: '3000' })).path, 'steps');
  assert.equal(refused(() => doudi.sweep(household(), { ...range, from: 'abc' })).path, 'from');
});

test('a refused call leaves the module usable', () => {
  refuse(household({ age: 131 }));
  assert.equal(doudi.evaluate(household()).jurisdiction, 'tianjin');
});
