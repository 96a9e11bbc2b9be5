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
