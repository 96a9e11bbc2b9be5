// Type-checked by tests/node/types.test.mjs: the `doudi/ordinary` entry's declarations.
import { compareOrdinary, init, type Comparison, type ComparisonRow } from 'doudi/ordinary';

await init();
const c: Comparison = compareOrdinary({ jurisdiction: 'tianjin', as_of: '2020-04-15', members: [{ age: 40 }] }, { lang: 'en' });
const monthly: string = c.difference.ongoing_monthly;
const rows: ComparisonRow[] = c.findings;
const first = rows[0];
if (first) {
  const o: string | null | undefined = first.ordinary?.monthly;
  const sentence: string | undefined = first.sentence;
  const status: 'eligible' | 'ineligible' | 'needs_info' | 'discretionary' | 'referral' = first.epidemic.status;
  void status;
  void [o, sentence];
}
void monthly;
// @ts-expect-error: the household is contract input
compareOrdinary({ jurisdiction: 'tianjin' });
