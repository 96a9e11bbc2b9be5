// The example portal's own script: shows the totals doudi announces (`doudi-change`, only
// programmes, statuses and amounts; web/EMBED.md) above the calculator.
document.addEventListener('doudi-change', (e) => {
  const out = document.getElementById('your-result');
  const s = e.detail;
  if (!out || !s) return;
  out.textContent = `本次测算：每月合计 ${s.monthly_total} 元，一次性合计 ${s.one_off_total} 元。`;
  out.hidden = false;
});
