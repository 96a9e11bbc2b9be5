// Starts the app with no inline script (the CSP forbids them): the <meta name="doudi-app">
// Trunk writes (pattern_script in Trunk.toml) names the hashed loader and .wasm.
const entry = document.querySelector('meta[name="doudi-app"]');
if (!entry) {
  throw new Error('doudi: <meta name="doudi-app"> missing; was the page built by Trunk?');
}

// embed.html (a copy of this page, Trunk.toml's post_build hook) runs inside a portal's
// iframe: it talks to the portal by the protocol in web/EMBED.md (frame-protocol.js, loaded
// only there: the page itself does not carry it), set up before the app starts so its
// first answer is not missed.
const embedded = location.pathname.endsWith('/embed.html');
if (embedded) (await import('./frame-protocol.js')).startFrame();

// The boot page (index.html) stays until the app has drawn itself; meanwhile the wasm
// streams in (compiled as it arrives) and the bar shows how much has come.
const boot = document.getElementById('doudi-boot');
const root = document.getElementById('doudi');
if (boot && root) {
  new MutationObserver((_, observer) => {
    if (root.firstElementChild) {
      boot.remove();
      observer.disconnect();
    }
  }).observe(root, { childList: true });
}
try {
  const [{ default: init }, wasm] = await Promise.all([import(entry.dataset.js), fetchWasm(entry.dataset.wasm)]);
  await init({ module_or_path: wasm });
} catch (err) {
  const status = boot?.querySelector('[data-failed]');
  if (status) status.textContent = status.dataset.failed;
  throw err;
}

// Offline after the first visit (sw.js), registered once the app runs; not in an embed.
if (!embedded && 'serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { scope: './' }).catch(() => {});
}

/**
 * The wasm as a Response that counts its bytes into the boot page's progress bar as it
 * streams (decompressed bytes against the raw size post-build.sh writes into the <meta>),
 * with the integrity Trunk's <link rel="preload"> names, so the preloaded copy is the
 * one used.
 */
async function fetchWasm(url) {
  const preload = document.querySelector(`link[rel="preload"][href="${url}"]`);
  const integrity = preload?.getAttribute('integrity') || undefined;
  const response = await fetch(url, { integrity, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`doudi: ${url}: HTTP ${response.status}`);
  const bar = document.getElementById('doudi-boot-progress');
  const size = Number(entry.dataset.wasmSize) || 0;
  if (!bar || !size || !response.body) return response;
  let seen = 0;
  const counter = new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      bar.value = Math.min(99, Math.round((seen / size) * 100));
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), {
    headers: { 'Content-Type': 'application/wasm' },
  });
}
