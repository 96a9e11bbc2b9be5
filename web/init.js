// Starts the Yew app without any inline script, so the page's CSP can forbid them.
// Trunk replaces <link data-trunk rel="rust"> with a <meta name="doudi-app"> that
// names the hashed wasm-bindgen loader and .wasm file (see pattern_script in
// Trunk.toml). Module scripts run after parsing, so the <meta> is in the DOM.
const entry = document.querySelector('meta[name="doudi-app"]');
if (!entry) {
  throw new Error('doudi: <meta name="doudi-app"> missing; was the page built by Trunk?');
}
const { default: init } = await import(entry.dataset.js);
await init({ module_or_path: entry.dataset.wasm });

// Offline after the first visit: sw.js (copied next to index.html) caches what the page
// loads from its own origin. Registered after the app has started, so it never delays it.
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { scope: './' }).catch(() => {
    // No offline copy (private mode, file://): the page works the same online.
  });
}
