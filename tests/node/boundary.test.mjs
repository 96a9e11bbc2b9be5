// Values cross into the wasm as JSON text (the package's glue writes it): what JSON text alone
// would lose or refuse arrives as the JS value it was, and what JSON cannot carry is refused
// with its path, as before the change to text.
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
    return err;
  }
  assert.fail('accepted bad input');
}

test('a number with 17 significant digits arrives exactly (JSON text could round it)', () => {
  const a = doudi.evaluate(household({}, { parameters: { 'dibao.standard.urban': 1010.0000000000001 } }), 'en');
  const said = a.assumptions.map((x) => x.text).join('\n');
  assert.match(said, /1010\.0000000000001\b/);
  // Integers beyond 2^53 are floats, as they were: not an age.
  assert.match(refused(() => doudi.evaluate(household({ age: 2 ** 53 + 2 }))).message, /floating point `9007199254740994\.0`/);
});

test('a string that starts with NUL is not mistaken for a number', () => {
  const e = refused(() => doudi.evaluate(household({}, { jurisdiction: '\u0000tianjin' })));
  assert.equal(e.path, 'jurisdiction');
  assert.ok(e.message.includes('"\u0000tianjin"'), e.message);
});

test('undefined is null, a Map is an object, a BigInt in i64/u64 is an integer', () => {
  assert.equal(doudi.evaluate(household({ work: undefined, age: 40n })).summary.members, 1);
  const h = new Map(Object.entries(household()));
  assert.equal(doudi.evaluate(h).jurisdiction, 'tianjin');
  assert.equal(refused(() => doudi.evaluate(household({}, { jurisdiction: undefined }))).message, 'invalid type: null, expected a string');
});

test('a Map key that is not a string, a Set, a lone surrogate', () => {
  const e = refused(() => doudi.evaluate(household({}, { parameters: new Map([[1.5, '1']]) })));
  assert.equal(e.path, 'parameters.?');
  assert.equal(e.message, 'invalid type: floating point `1.5`, expected a string');
  assert.equal(refused(() => doudi.evaluate(household({}, { applying: new Set(['dibao']) }))).path, 'applying');
  assert.match(refused(() => doudi.evaluate(household({}, { jurisdiction: 'a\ud800' }))).message, /"a\ufffd"/);
});

test('a bad second argument is reported after the household\'s shape, before its values', () => {
  // The household's shape first …
  assert.equal(refused(() => doudi.evaluate(household({ age: 'x' }), NaN)).path, 'members[0].age');
  // … then the options, even when the household's values are wrong too …
  assert.equal(refused(() => doudi.evaluate(household({ age: 200 }), NaN)).path, '');
  assert.equal(refused(() => doudi.sweep(household({ age: 200 }), { from: NaN })).path, 'from');
  // … and only then the household's values.
  assert.equal(refused(() => doudi.evaluate(household({ age: 200 }), 'en')).path, 'members[0].age');
});

test('errors inside structs read from arrays, and choices read from objects, keep their paths', () => {
  assert.equal(refused(() => doudi.evaluate(household({}, { members: [[null, 'boss']] }))).path, 'members[0][1]');
  assert.equal(refused(() => doudi.evaluate(household({}, { residence: { urban: 5 } }))).path, 'residence.urban');
  assert.equal(refused(() => doudi.evaluate(household({ zzz: 1, age: 'x' }))).path, 'members[0].age');
  assert.equal(refused(() => doudi.evaluate(household(), { lang: { en: 5 } })).path, 'lang.en');
  assert.equal(refused(() => doudi.sweep(household(), ['0', 'x', 2])).path, '[1]');
});
