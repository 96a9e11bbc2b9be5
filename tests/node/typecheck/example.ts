// Type-checked by tests/node/types.test.mjs (tsc --noEmit, strict) against the installed package.
// The `@ts-expect-error` lines must be errors: the declarations are as strict as the contract.
import {
  evaluate,
  init,
  jurisdictions,
  parameters,
  schema,
  sweep,
  version,
  type Assessment,
  type Finding,
  type HouseholdInput,
  type JurisdictionInfo,
  type Lang,
  type MemberInput,
  type ParamInForce,
  type ProgrammeId,
  type Status,
  type SweepPoint,
  type Version,
} from 'doudi';

await init();
await init(new URL('https://example.org/doudi_bg.wasm'));
await init(new Uint8Array(8));
await init(fetch('/doudi_bg.wasm'));

const household: HouseholdInput = {
  jurisdiction: 'tianjin',
  as_of: '2020-04-15',
  residence: 'urban',
  assets: '12000',
  support: { dibao: false, dibao_monthly: null, low_income: false },
  applying: ['dibao'],
  members: [
    { id: 'm1', relation: 'self', age: 45, monthly_income: '1500', work: 'migrant' },
    { relation: 'spouse', age: 43, monthly_income: 0 },
    { relation: 'child', age: 12, covid: 'confirmed', diagnosed_on: '2020-02-10', discharged_on: '2020-03-05' },
  ],
  parameters: { 'dibao.standard.urban': '1010' },
};

const lang: Lang = 'en';
const assessment: Assessment = evaluate(household, { lang });
evaluate(household);
evaluate(household, 'zh-CN');

const first: Finding | undefined = assessment.findings[0];
if (first) {
  const monthly: string | null = first.monthly;
  const program: ProgrammeId = first.program;
  const status: Status = first.status;
  const member: string | null = first.member;
  const months: number | null = first.months;
  const cites: string[] = first.citations.map((c) => `${c.document} ${c.clause}: ${c.text}`);
  const steps: string[] = first.trace.map((t) => `${t.label} ${t.formula} ${t.value}`);
  void [monthly, program, status, member, months, cites, steps];
  // @ts-expect-error monthly is a decimal string or null, never a number
  const wrong: number = first.monthly;
  void wrong;
}
const standard: string | null = assessment.summary.standard;
const counted: string = assessment.summary.counted_income;
const inPeriod: boolean = assessment.summary.in_epidemic_period;
void [standard, counted, inPeriod];

const params: ParamInForce[] = parameters('tianjin', '2020-04-15', { lang: 'en' });
const ids: string[] = params.map((p) => p.id);
const places: JurisdictionInfo[] = jurisdictions();
const programmes: ProgrammeId[] = places.flatMap((j) => j.programmes);
const points: SweepPoint[] = sweep(household, { from: '0', to: '3000', steps: 30 });
const totals: string[] = points.map((p) => p.monthly_total);
const v: Version = version();
const versions: string = `${v.package} ${v.contract} ${v.policy} ${v.policy_version}`;
const inputSchema: Record<string, unknown> = schema().input;
void [ids, programmes, totals, versions, inputSchema];

// A typo in a member is an error in TypeScript too.
// @ts-expect-error agee is not a field of MemberInput
const typo: MemberInput = { agee: 45 };
// @ts-expect-error as_of is required
const noDate: HouseholdInput = { jurisdiction: 'tianjin', members: [{ age: 1 }] };
// @ts-expect-error work is one of none, local, migrant, returned
const badWork: MemberInput = { age: 30, work: 'abroad' };
// @ts-expect-error lang is zh-CN or en
evaluate(household, { lang: 'fr' });
// @ts-expect-error the household is required
evaluate();
void [typo, noDate, badWork];

// A refusal is an Error with the field's path.
try {
  evaluate({ ...household, as_of: '2020-02-30' });
} catch (err) {
  if (err instanceof Error) console.log(err.message);
}
