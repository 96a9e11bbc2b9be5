// doudi-frame.js: puts the doudi calculator in an iframe that is always as tall as its
// content. Protocol: EMBED.md (version 1). Use either
//   <script type="module" src="https://doudi.example/doudi-frame.js"
//     data-jurisdiction="tianjin" data-lang="zh-CN"></script>
// (the iframe goes right after the script; data-src defaults to embed.html beside this
// file, data-target="#id" puts it elsewhere) or
//   import { mount } from 'https://doudi.example/doudi-frame.js';
//   mount(element, { jurisdiction: 'tianjin', lang: 'zh-CN', onChange(summary) {} });
// The iframe element fires a bubbling `doudi-change` event (detail: the summary).

/** Puts the calculator into `target` (an Element); returns the iframe. */
export function mount(target, options = {}) {
  const url = new URL(options.src ?? new URL('embed.html', import.meta.url), document.baseURI);
  const lang = options.lang === 'en' ? 'en' : 'zh-CN';
  if (options.jurisdiction) url.searchParams.set('jurisdiction', options.jurisdiction);
  url.searchParams.set('lang', lang);
  url.searchParams.set('parent', location.origin);
  const frame = document.createElement('iframe');
  frame.title = options.title ?? (lang === 'en' ? 'Safety-net support calculator' : '兜底保障测算');
  frame.src = url.href;
  frame.loading = 'eager';
  frame.setAttribute('scrolling', 'no');
  Object.assign(frame.style, { display: 'block', width: '100%', height: '40em', border: '0', overflow: 'hidden' });

  window.addEventListener('message', (e) => {
    // Only the frame itself, from doudi's origin.
    if (e.source !== frame.contentWindow || e.origin !== url.origin) return;
    const m = e.data;
    if (!m || m.version !== 1) return;
    if (m.type === 'doudi:height' && Number.isFinite(m.height) && m.height >= 0) {
      frame.style.height = `${Math.min(Math.ceil(m.height), 100000)}px`;
    } else if (m.type === 'doudi:change' && m.summary && typeof m.summary === 'object') {
      frame.dispatchEvent(new CustomEvent('doudi-change', { bubbles: true, detail: m.summary }));
      options.onChange?.(m.summary);
    }
  });
  frame.addEventListener('load', () => frame.contentWindow?.postMessage({ type: 'doudi:hello', version: 1 }, url.origin));
  target.append(frame);
  return frame;
}

// <script type="module" src=".../doudi-frame.js" data-…>: mount beside each such tag once.
for (const s of document.querySelectorAll('script[type="module"][src]')) {
  if (s.src !== import.meta.url || s.dataset.doudiMounted) continue;
  s.dataset.doudiMounted = '1';
  const box = document.createElement('div');
  box.className = 'doudi-frame';
  const target = s.dataset.target ? document.querySelector(s.dataset.target) : null;
  if (target) target.append(box);
  else s.after(box);
  mount(box, { src: s.dataset.src, jurisdiction: s.dataset.jurisdiction, lang: s.dataset.lang, title: s.dataset.title });
}
