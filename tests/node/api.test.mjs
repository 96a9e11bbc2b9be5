// The rest of the API: parameters, jurisdictions, sweep, version, schema; and the command line
// agreeing with the JS API when DOUDI_CLI is given.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli, household, loadDoudi, packageDir, runCli, tianjinFamily } from './helpers.mjs';

const doudi = await loadDoudi();
await doudi.init();

test('jurisdictions: the four places, each with documents and programmes', () => {
  const list = doudi.jurisdictions();
  // The places are the policy files that are not abstract (policies/jurisdictions/*.toml).
  const dir = new URL('../../policies/jurisdictions/', import.meta.url);
  const files = readdirSync(dir)
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))
    .filter((t) => !/^abstract\s*=\s*true/m.test(t))
    .map((t) => t.match(/^id\s*=\s*"([^"]+)"/m)[1]);
  assert.deepEqual(list.map((j) => j.id).sort(), files.sort());
  assert.ok(list.some((j) => j.id === 'tianjin'));
  for (const j of list) {
    assert.deepEqual(Object.keys(j).sort(), ['documents', 'id', 'name', 'name_en', 'programmes']);
    assert.ok(j.documents.length > 0 && j.programmes.includes('dibao'), j.id);
  }
});

test('parameters: every parameter in force, with the fixed ids, values and sources', () => {
  const params = doudi.parameters('tianjin', '2020-04-15');
  const byId = Object.fromEntries(params.map((p) => [p.id, p]));
  for (const id of ['dibao.standard.urban', 'dibao.standard.rural', 'work_cost.amount', 'epidemic.start', 'epidemic.end']) {
    assert.ok(id in byId, id);
  }
  assert.equal(byId['dibao.standard.urban'].value, '1010');
  assert.equal(byId['epidemic.start'].value, '2020-01-24');
  for (const p of params) {
    for (const k of ['id', 'label', 'unit', 'value', 'from', 'clause', 'source', 'confidence']) assert.ok(k in p, `${p.id}.${k}`);
    assert.ok(p.value !== null || typeof p.unknown === 'string', `${p.id}: no value and no word why`);
  }
  // Labels follow the language; values do not.
  const en = doudi.parameters('tianjin', '2020-04-15', { lang: 'en' });
  assert.deepEqual(en.map((p) => p.value), params.map((p) => p.value));
  assert.match(byId['dibao.standard.urban'].label, /[\u4e00-\u9fff]/);
  assert.doesNotMatch(en.find((p) => p.id === 'dibao.standard.urban').label, /[\u4e00-\u9fff]/);
  assert.deepEqual(doudi.parameters('tianjin', '2020-04-15', 'en'), en);
  assert.ok(doudi.parameters('jilin', '2020-04-15').some((p) => p.id === 'minimum_wage.monthly'));
});

test('sweep: steps + 1 points from `from` to `to`; aid falls as income rises', () => {
  const points = doudi.sweep(tianjinFamily(), { from: '0', to: '3000', steps: 30 });
  assert.equal(points.length, 31);
  assert.deepEqual(Object.keys(points[0]).sort(), ['eligible', 'income', 'monthly_total', 'one_off_total']);
  assert.equal(points[0].income, '0.00');
  assert.equal(points[15].income, '1500.00');
  assert.equal(points[30].income, '3000.00');
  // At 1500 it is the worked example.
  assert.equal(points[15].monthly_total, doudi.evaluate(tianjinFamily()).summary.monthly_total);
  assert.equal(points[15].monthly_total, '1530.00');
  for (let i = 1; i < points.length; i++) {
    assert.ok(Number(points[i].monthly_total) <= Number(points[i - 1].monthly_total), `more income, more aid at ${i}`);
  }
  // Numbers are accepted for the range too.
  assert.deepEqual(doudi.sweep(tianjinFamily(), { from: 0, to: 3000, steps: 30 }), points);
});

test('version: package, contract and policy versions', () => {
  const v = doudi.version();
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  assert.equal(v.package, pkg.version);
  assert.equal(v.contract, '1');
  assert.match(v.policy, /^[0-9a-f]{8}$/);
  assert.equal(v.policy_version, `v1-${v.policy}`);
  assert.equal(doudi.evaluate(tianjinFamily()).policy_version, v.policy_version);
});

test('schema: JSON Schemas of every type, the same as the package ships in schema.json', () => {
  const s = doudi.schema();
  assert.deepEqual(Object.keys(s).sort(), ['error', 'input', 'jurisdictions', 'options', 'output', 'parameters', 'sweep', 'sweep_range', 'version']);
  for (const [k, v] of Object.entries(s)) assert.equal(v.$schema, 'http://json-schema.org/draft-07/schema#', k);
  assert.equal(s.input.title, 'HouseholdInput');
  assert.equal(s.input.additionalProperties, false);
  assert.deepEqual([...s.input.required].sort(), ['as_of', 'jurisdiction', 'members']);
  assert.equal(s.output.title, 'Assessment');
  assert.ok(['path', 'message', 'message_zh'].every((k) => k in s.error.properties));
  assert.equal(s.parameters.type, 'array');
  assert.deepEqual(JSON.parse(readFileSync(join(packageDir, 'schema.json'), 'utf8')), s);
});

test('init: a second call is a no-op; the module is loaded once', async () => {
  await doudi.init();
  await doudi.init(new Uint8Array([0, 1, 2])); // ignored: already loaded
  assert.equal(doudi.version().contract, '1');
});

test('the command line and the JS API agree', { skip: cli ? false : 'DOUDI_CLI not set' }, () => {
  // The same assessment, field for field.
  const h = tianjinFamily();
  for (const lang of ['zh', 'en']) {
    const r = runCli(['evaluate', '--lang', lang, '-'], JSON.stringify(h));
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), doudi.evaluate(h, lang === 'zh' ? 'zh-CN' : 'en'));
  }
  // The same refusals: path and message.
  const bad = [
    household({}, { jurisdiction: 'beijing' }),
    household({}, { parameters: { 'dibao.standard.city': '1000' } }),
    household({ monthly_income: -1 }),
    household({ monthly_income: '1,500' }),
    household({ age: 131 }),
    household({}, { as_of: '2020-02-30' }),
    household({}, { members: [] }),
    household({}, { members: Array.from({ length: 31 }, () => ({ age: 30 })) }),
    household({ covid: 'confirmed', diagnosed_on: '2020-03-01', discharged_on: '2020-02-01' }),
    { jurisdiction: 'tianjin', as_of: '2020-04-15', members: [{ agee: 45 }] },
  ];
  for (const h of bad) {
    const r = runCli(['evaluate', '-'], JSON.stringify(h));
    assert.equal(r.status, 2, JSON.stringify(h));
    const { error } = JSON.parse(r.stderr);
    let thrown;
    try {
      doudi.evaluate(h);
    } catch (err) {
      thrown = err;
    }
    assert.deepEqual({ path: thrown.path, message: thrown.message, message_zh: thrown.messageZh }, error);
  }
  // The same parameters and the same contract schemas.
  const p = runCli(['params', '--jurisdiction', 'tianjin', '--as-of', '2020-04-15'], '');
  assert.equal(p.status, 0, p.stderr);
  assert.deepEqual(JSON.parse(p.stdout), doudi.parameters('tianjin', '2020-04-15'));
  const s = runCli(['schema'], '');
  assert.equal(s.status, 0, s.stderr);
  const { input, output, error } = doudi.schema();
  assert.deepEqual(JSON.parse(s.stdout), { input, output, error });
});

test('the headline: what a household would actually receive, one-off and fixed-term sums apart (tests/data/headlines.json)', () => {
  const data = JSON.parse(readFileSync(new URL('../data/headlines.json', import.meta.url), 'utf8'));
  for (const h of data.households) {
    const s = doudi.evaluate(h.household).summary;
    assert.equal(s.receive.headline, h.headline, h.name);
    assert.equal(s.monthly_total, h.monthly_total, h.name);
    assert.equal(s.one_off_total, h.one_off_total, h.name);
    assert.equal(s.receive.ongoing_monthly, s.monthly_total, h.name);
  }
});
