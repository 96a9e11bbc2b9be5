// Input limits and short refusals (issue 11): a household over 256 KiB, more than 30 members or
// more than 64 parameters is refused at once; a wrongly typed choice names its field; a
// refusal quotes only the start of a bad value; and the command line says the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, household, loadDoudi, runCli } from './helpers.mjs';

const doudi = await loadDoudi();
await doudi.init();

/** The refusal `fn` throws, as the contract's error object. */
function refusal(fn) {
  try {
    fn();
  } catch (err) {
    return { path: err.path, message: err.message, message_zh: err.messageZh };
  }
  assert.fail('accepted bad input');
}
const refuse = (h) => refusal(() => doudi.evaluate(h));

test('a household over 256 KiB is refused before it is read, however it is made', () => {
  const e = refuse(household({ id: 'x'.repeat(300_000) }));
  assert.equal(e.path, '');
  // Written past the limit, the text is refused before the rest is serialized: "over" it.
  assert.match(e.message, /^the household is (over )?\d+ bytes long; at most 262144 bytes \(256 KiB\) are accepted$/);
  assert.match(e.message_zh, /256 KiB/);
  // A million parameter ids: refused in well under a second (87 s before).
  const parameters = {};
  for (let i = 0; i < 1_000_000; i++) parameters[`p${i}`] = i;
  const started = performance.now();
  const big = refuse(household({}, { parameters }));
  const ms = performance.now() - started;
  assert.equal(big.path, '');
  assert.ok(ms < 5000, `${ms} ms`);
});

test('more than 64 parameters → parameters, before any is checked', () => {
  const parameters = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`p${i}`, i]));
  const e = refuse(household({}, { parameters }));
  assert.deepEqual(e, {
    path: 'parameters',
    message: 'at most 64 parameters (no jurisdiction has more)',
    message_zh: '参数最多 64 个（没有哪个地区的参数比这更多）',
  });
});

test('a 31st member → members, before it is read', () => {
  const members = [...Array.from({ length: 30 }, () => ({ age: 30 })), { age: 'x' }];
  assert.deepEqual(refuse(household({}, { members })), {
    path: 'members',
    message: 'at most 30 members',
    message_zh: '家庭成员最多 30 人',
  });
});

test('a choice of the wrong type names its field', () => {
  assert.equal(refuse(household({ work: 1 })).path, 'members[0].work');
  assert.equal(refuse(household({}, { residence: true })).path, 'residence');
  assert.equal(refuse(household({}, { applying: [null] })).path, 'applying[0]');
  assert.equal(refuse(household({ covid: ['confirmed'] })).path, 'members[0].covid');
  assert.equal(
    refuse(household({ work: 1 })).message,
    'invalid type: integer `1`, expected one of `none`, `local`, `migrant`, `returned`',
  );
});

test('a refusal quotes at most 64 characters of a bad value', () => {
  const long = 'x'.repeat(100_000);
  for (const h of [
    household({ monthly_income: long }),
    household({ age: long }),
    household({ work: long }),
    household({ [long]: 1 }),
    household({}, { as_of: long }),
    household({}, { jurisdiction: long }),
  ]) {
    const e = refuse(h);
    for (const text of [e.path, e.message, e.message_zh]) {
      assert.ok(text.length < 600, `${text.length} characters`);
      assert.ok(!text.includes('x'.repeat(65)), text.slice(0, 200));
    }
  }
});

test('amounts are exact or refused, never rounded', () => {
  const e = refuse(household({ monthly_income: '100000000.00000000000000000000001' }));
  assert.equal(e.path, 'members[0].monthly_income');
  assert.match(e.message, /more than 28 significant digits/);
});

test('the command line refuses the same way', { skip: cli ? false : 'DOUDI_CLI not set' }, () => {
  const bad = [
    household({ work: 1 }),
    household({}, { residence: true }),
    household({ monthly_income: 'x'.repeat(1000) }),
    household({}, { members: Array.from({ length: 31 }, () => ({ age: 30 })) }),
    household({}, { parameters: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`p${i}`, i])) }),
    household({ monthly_income: '1e40' }),
    household({ id: 'x'.repeat(300_000) }),
  ];
  for (const h of bad) {
    const r = runCli(['evaluate', '-'], JSON.stringify(h));
    assert.equal(r.status, 2, r.stderr);
    const { error } = JSON.parse(r.stderr);
    const js = refuse(h);
    if (error.path === '' && js.path === '') {
      // The two texts differ in length (the CLI reads the user's, the package writes its own),
      // and the CLI stops reading at the limit, so it says only that the text is over it.
      assert.match(error.message, /^the household is (over )?\d+ bytes long/);
      assert.match(js.message, /^the household is (over )?\d+ bytes long/);
    } else {
      assert.deepEqual(js, error, JSON.stringify(h).slice(0, 200));
    }
  }
});
