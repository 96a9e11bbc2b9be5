// The embed's side of the portal protocol (web/EMBED.md), imported by init.js only in
// embed.html: the page's own first load does not carry it.
// The frame's side of web/EMBED.md. Its height goes to the parent with targetOrigin "*"
// (a number and nothing else); everything else only to the origin named by `?parent=`
// (exactly an origin: scheme, host, port; https, or http on loopback), and messages are
// read only from that origin and from the parent window.
export function startFrame() {
  const parent = window.parent;
  if (parent === window) return;
  const given = new URLSearchParams(location.search).get('parent');
  let portal = null;
  try {
    const u = new URL(given);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
    if (u.origin === given && (u.protocol === 'https:' || (u.protocol === 'http:' && loopback))) portal = u.origin;
  } catch {
    // no or bad parent: height only
  }

  let height = -1;
  const postHeight = (force) => {
    const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === height && !force) return;
    height = h;
    parent.postMessage({ type: 'doudi:height', version: 1, height: h }, '*');
  };
  const observer = new ResizeObserver(() => postHeight(false));
  observer.observe(document.documentElement);

  let summary = null;
  const postChange = () => {
    if (portal && summary) parent.postMessage({ type: 'doudi:change', version: 1, summary }, portal);
  };
  document.addEventListener('doudi-change', (e) => {
    summary = e.detail;
    postChange();
  });

  window.addEventListener('message', (e) => {
    if (!portal || e.origin !== portal || e.source !== parent) return;
    const m = e.data;
    if (m && m.type === 'doudi:hello' && m.version === 1) {
      postHeight(true);
      postChange();
    }
  });
}
