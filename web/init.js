// Starts the app with no inline script (the CSP forbids them): the <meta name="doudi-app">
// Trunk writes (pattern_script in Trunk.toml) names the hashed loader and .wasm.
const entry = document.querySelector('meta[name="doudi-app"]');
if (!entry) {
  throw new Error('doudi: <meta name="doudi-app"> missing; was the page built by Trunk?');
}
const { default: init } = await import(entry.dataset.js);
await init({ module_or_path: entry.dataset.wasm });

// Offline after the first visit (sw.js), registered once the app runs.
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { scope: './' }).catch(() => {});
}
