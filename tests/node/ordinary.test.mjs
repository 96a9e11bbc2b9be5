// The package's `doudi/ordinary` entry: compareOrdinary(household, options) is the `ordinary`
// object of `doudi evaluate --compare ordinary`, byte for byte, and its figures are the two
// runs of the command line with the 2020 provisions on (`doudi evaluate`) and off (the
// comparison's ordinary side; for the work-cost deduction also the same household with the
// deduction's amount set to 0). Worked example from the documents: a Tianjin 低保 household of
// two (a migrant worker earning 1,200 a month, and a parent of 70), 2020-04-15, standard 1,010
// a person. Under 转发国发明电〔2020〕9号 二（五）第4句 ("核定家庭收入时每月扣减务工成本500元")
// its counted income is 1,200 − 500 = 700, so 低保 is 2 × 1,010 − 700 = 1,320.00 a month; under
// the ordinary rules 2 × 1,010 − 1,200 = 820.00: 500.00 more a month.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { cli, loadDoudi, packageDir, prefix, runCli, tianjinFamily } from './helpers.mjs';

const require = createRequire(join(prefix, 'package.json'));
const ordinary = await import(pathToFileURL(require.resolve('doudi/ordinary')).href);
await ordinary.init();
const doudi = await loadDoudi();
await doudi.init();

const WORK_COST = {
  jurisdiction: 'tianjin',
  as_of: '2020-04-15',
  support: { dibao: true, dibao_monthly: 800 },
  members: [{ age: 40, monthly_income: 1200, work: 'migrant' }, { age: 70 }],
};

/** `doudi ARGS` on `household`: the JSON it prints. */
function cliJson(args, household) {
  const r = runCli(args, JSON.stringify(household));
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('the work-cost deduction: 1,320.00 a month with it, 820.00 without, 500.00 more (000 二（五）第4句)', () => {
  const c = ordinary.compareOrdinary(WORK_COST);
  // 低保, and the price subsidy of each member (its amount not yet known).
  assert.deepEqual(c.epidemic, { eligible: 3, ongoing_monthly: '1320.00', fixed_term_total: '0.00', one_off_total: '0.00', amounts_unknown: 2 });
  assert.equal(c.ordinary.ongoing_monthly, '820.00');
  assert.deepEqual(c.difference, { ongoing_monthly: '500.00', fixed_term: '0.00', one_off: '0.00' });
  const changed = c.findings.filter((r) => r.changed);
  assert.equal(changed.length, 1);
  const [dibao] = changed;
  assert.equal(dibao.program, 'dibao');
  assert.equal(dibao.epidemic.monthly, '1320.00');
  assert.equal(dibao.ordinary.monthly, '820.00');
  assert.deepEqual(dibao.difference, { ongoing_monthly: '500.00', fixed_term: '0.00', one_off: '0.00' });
  assert.deepEqual(dibao.measures, ['dibao.work_cost_fixed']);
  assert.equal(
    dibao.sentence,
    '疫情期间务工成本扣减（转发国发明电〔2020〕9号 二（五）第4句）：最低生活保障（低保）每月多 500.00 元',
  );
  const m = c.measures.find((x) => x.key === 'dibao.work_cost_fixed');
  assert.equal(m.kind, 'provision');
  assert.equal(m.changes, true);
  assert.equal(m.citations[0].document_id, '000');
  assert.equal(m.citations[0].clause_id, '2.5.4');
  assert.match(m.citations[0].text, /每月扣减务工成本500元/);
  // Unchanged rows carry no sentence; the headline is the ordinary rules' own.
  assert.ok(c.findings.filter((r) => !r.changed).every((r) => !('sentence' in r) && r.measures.length === 0));
  assert.match(c.headline, /820\.00/);
});

test('in English: the same figures, the core\'s English sentence', () => {
  const c = ordinary.compareOrdinary(WORK_COST, { lang: 'en' });
  assert.deepEqual(c.difference, ordinary.compareOrdinary(WORK_COST).difference);
  assert.equal(
    c.findings.find((r) => r.changed).sentence,
    "the epidemic's work-cost deduction (转发国发明电〔2020〕9号 section 2, item 5, sentence 4): Minimum living allowance (dibao) 500.00 yuan more a month",
  );
  assert.deepEqual(ordinary.compareOrdinary(WORK_COST, 'en'), c);
});

test('equal to the command line: `doudi evaluate --compare ordinary` (zh-CN and en), on both sides', { skip: !cli && 'DOUDI_CLI is not set' }, () => {
  const households = [
    WORK_COST,
    tianjinFamily(),
    { jurisdiction: 'chongqing', as_of: '2020-04-15', members: [{ age: 16, relation: 'self', orphan: true }] },
    { jurisdiction: 'jilin', as_of: '2020-04-15', members: [{ age: 45, monthly_income: 300 }, { age: 44 }] },
  ];
  for (const h of households) {
    for (const lang of ['zh-CN', 'en']) {
      const withOrdinary = cliJson(['evaluate', '--compare', 'ordinary', '--lang', lang], h);
      const plain = cliJson(['evaluate', '--lang', lang], h);
      const c = ordinary.compareOrdinary(h, { lang });
      assert.deepEqual(c, withOrdinary.ordinary, `${h.jurisdiction} ${lang}`);
      // The epidemic side is the plain run's receipt.
      const r = plain.summary.receive;
      assert.equal(c.epidemic.ongoing_monthly, r.ongoing_monthly, `${h.jurisdiction} ${lang}`);
      assert.equal(c.epidemic.fixed_term_total, r.fixed_term_total);
      assert.equal(c.epidemic.one_off_total, r.one_off_total);
      // And the assessment beside it is the main entry's.
      const { ordinary: _, ...assessment } = withOrdinary;
      assert.deepEqual(doudi.evaluate(h, { lang }), assessment);
    }
  }
});

test('the provisions off: the ordinary side is the command line\'s run with the work cost set to 0', { skip: !cli && 'DOUDI_CLI is not set' }, () => {
  const off = cliJson(['evaluate'], { ...WORK_COST, parameters: { 'work_cost.amount': '0' } });
  const on = cliJson(['evaluate'], WORK_COST);
  const c = ordinary.compareOrdinary(WORK_COST);
  assert.equal(on.summary.monthly_total, '1320.00');
  assert.equal(off.summary.monthly_total, '820.00');
  assert.equal(c.epidemic.ongoing_monthly, on.summary.monthly_total);
  assert.equal(c.ordinary.ongoing_monthly, off.summary.monthly_total);
  const dibao = (a) => a.findings.find((f) => f.program === 'dibao').monthly;
  assert.equal(c.findings.find((r) => r.program === 'dibao').ordinary.monthly, dibao(off));
});

test('a household the measures do not change: every row unchanged, difference 0.00', () => {
  const c = ordinary.compareOrdinary(tianjinFamily());
  assert.ok(c.findings.length > 0);
  assert.ok(c.findings.every((r) => !r.changed));
  assert.deepEqual(c.difference, { ongoing_monthly: '0.00', fixed_term: '0.00', one_off: '0.00' });
  assert.equal(c.epidemic.ongoing_monthly, c.ordinary.ongoing_monthly);
});

test('refusals: the same Error as evaluate (path, message, messageZh), household first', () => {
  const bad = { jurisdiction: 'tianjin', as_of: '2020-04-15', members: [{ age: -1 }] };
  const caught = (f) => {
    try {
      f();
    } catch (e) {
      return { error: e instanceof Error, path: e.path, message: e.message, messageZh: e.messageZh };
    }
    assert.fail('no error');
  };
  assert.deepEqual(caught(() => ordinary.compareOrdinary(bad)), caught(() => doudi.evaluate(bad)));
  assert.deepEqual(caught(() => ordinary.compareOrdinary(bad, { lang: 'fr' })), caught(() => doudi.evaluate(bad, { lang: 'fr' })));
  assert.deepEqual(caught(() => ordinary.compareOrdinary(WORK_COST, { lang: 'fr' })), caught(() => doudi.evaluate(WORK_COST, { lang: 'fr' })));
  assert.deepEqual(caught(() => ordinary.compareOrdinary(WORK_COST, { x: NaN })), caught(() => doudi.evaluate(WORK_COST, { x: NaN })));
  assert.deepEqual(caught(() => ordinary.compareOrdinary(null)), caught(() => doudi.evaluate(null)));
  const deep = [];
  let v = deep;
  for (let i = 0; i < 200; i++) v = v[0] = [];
  assert.equal(caught(() => ordinary.compareOrdinary(deep)).error, true);
});

test('its own files: the subpath has its own wasm; the main entry has no compareOrdinary', () => {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.exports['./ordinary'], { types: './ordinary.d.ts', default: './ordinary.js' });
  for (const f of ['ordinary.js', 'ordinary.d.ts', 'doudi-ordinary.js', 'doudi-ordinary_bg.wasm']) {
    assert.ok(existsSync(join(packageDir, f)), f);
  }
  assert.equal('compareOrdinary' in doudi, false);
  assert.deepEqual(Object.keys(ordinary).sort(), ['compareOrdinary', 'init', 'initSync']);
  // One file each: the shared glue is written into both, neither imports the other.
  const src = readFileSync(join(packageDir, 'ordinary.js'), 'utf8');
  assert.doesNotMatch(src, /from '\.\/(glue|index|doudi)\.js'/);
  assert.doesNotMatch(readFileSync(join(packageDir, 'index.js'), 'utf8'), /glue\.js|ordinary/);
});

test('before init: a clear Error; initSync from the bytes', () => {
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import * as o from 'doudi/ordinary'; import { readFileSync } from 'node:fs';
try { o.compareOrdinary({}); } catch (e) { console.log(e.message); }
o.initSync(readFileSync(${JSON.stringify(join(packageDir, 'doudi-ordinary_bg.wasm'))}));
console.log(o.compareOrdinary(${JSON.stringify(WORK_COST)}).difference.ongoing_monthly);`,
    ],
    { cwd: prefix, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n'), ['doudi/ordinary: call `await init()` (or `initSync(bytes)`) before using it', '500.00']);
});

test('README: the `doudi/ordinary` example runs and prints what its comments say', () => {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  const section = readme.split(/^## What the 2020 measures changed: `doudi\/ordinary`$/m)[1];
  const code = section?.match(/^```js\n([\s\S]*?)^```$/m)?.[1];
  assert.ok(code, 'the section has a ```js block');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: prefix, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const promised = [...code.matchAll(/console\.log\(.*\); \/\/ (.*?)(?: \(.*\))?$/gm)].map((m) => m[1]);
  assert.deepEqual(r.stdout.trim().split('\n'), promised);
});
