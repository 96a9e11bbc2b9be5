// The example portal's language switch: changing the element's `lang` attribute re-renders
// the calculator in that language and keeps what was typed.
const button = document.getElementById('switch-lang');
const calc = document.querySelector('doudi-calculator');
button?.addEventListener('click', () => {
  const en = calc.getAttribute('lang') !== 'en';
  calc.setAttribute('lang', en ? 'en' : 'zh-CN');
  button.textContent = en ? '中文' : 'English';
});
