// The example portal's own script: shows the totals doudi announces (`doudi-change`, only
// programmes, statuses and amounts; web/EMBED.md) above the calculator.
document.addEventListener('doudi-change', (e) => {
  const out = document.getElementById('your-result');
  const s = e.detail;
  if (!out || !s) return;
  // `headline` keeps one-off and fixed-term sums apart from the ongoing monthly amount.
  out.textContent = `本次测算：${s.headline}`;
  out.hidden = false;
});
