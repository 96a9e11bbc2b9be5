// The example portal's own form, computed by the doudi package (contract v1 in, out).
// The package comes from packages/doudi/dist (built by scripts/js-build.sh); a portal would
// copy those files to its own origin and import them from there.
import { init, evaluate } from '../../packages/doudi/dist/index.js';

await init();

const form = document.getElementById('quick');
const answer = document.getElementById('answer');

function show() {
  const people = Math.max(1, Math.min(30, Number(form.people.value) || 1));
  const members = Array.from({ length: people }, (_, i) => ({ age: i === 0 ? 45 : 30 }));
  members[0].monthly_income = form.income.value === '' ? '0' : form.income.value;
  try {
    const a = evaluate({ jurisdiction: 'tianjin', as_of: '2020-04-15', members });
    const dibao = a.findings.find((f) => f.program === 'dibao');
    answer.textContent = dibao.status === 'eligible'
      ? `可能符合低保：每月 ${dibao.monthly} 元。${dibao.reasons.join(' ')}`
      : `暂不符合低保：${dibao.reasons[0]}`;
  } catch (e) {
    answer.textContent = `请检查填写：${e.messageZh ?? e.message}`;
  }
}

form.addEventListener('input', show);
show();
