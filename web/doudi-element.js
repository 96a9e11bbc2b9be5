// <doudi-calculator jurisdiction="tianjin" lang="zh-CN" as-of="2020-04-15" residence="urban"
// compact></doudi-calculator>: the calculator in a shadow root on the portal's own page
// (web/EMBED.md). Every attribute may be set at first or changed later; the household stays.
// Load this module (not hashed; web/post-build.sh writes this build's hashed file names
// below) from doudi's site; the app, its wasm and style.css are fetched beside it. Style
// from outside with the custom properties --doudi-accent, --doudi-accent-dark,
// --doudi-font-size, --doudi-radius, and ::part(root), ::part(answer), ::part(card),
// ::part(button). The element fires a bubbling `doudi-change` event whose detail is the
// summary; household() returns what was typed (contract v1 JSON) when the portal asks,
// else it stays here.
const JS = '__DOUDI_JS__';
const WASM = '__DOUDI_WASM__';
const CSS = '__DOUDI_CSS__';
const here = (file) => new URL(file, import.meta.url).href;
// Where the app finds the clauses' words it loads after its first result (web/src/clauses.rs).
globalThis.doudiClausesUrl ??= here('clauses.js');
// And the English words it loads when English is asked for (web/src/i18n.rs).
globalThis.doudiLabelsEnUrl ??= here('labels-en.js');

let ready;
/** Loads the app and its stylesheet once for every element on the page. */
function load() {
  ready ??= (async () => {
    const [app, css] = await Promise.all([import(here(JS)), fetch(here(CSS)).then((r) => r.text())]);
    await app.default({ module_or_path: here(WASM) });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return { Embed: app.Embed, sheet };
  })();
  return ready;
}

class DoudiCalculator extends HTMLElement {
  static observedAttributes = ['jurisdiction', 'lang', 'as-of', 'residence', 'compact'];

  /** The attributes, in the order `Embed`'s constructor and `update` take them. */
  attrs() {
    const get = (name) => this.getAttribute(name);
    return [get('jurisdiction'), get('lang'), get('as-of'), get('residence'), this.hasAttribute('compact')];
  }

  /**
   * The household typed so far, as a contract v1 JSON object (a fresh copy), or null while
   * an answer is wrong or missing or the calculator has not loaded yet.
   */
  household() {
    return this.app?.household() ?? null;
  }

  async connectedCallback() {
    if (this.app || this.loading) return;
    this.loading = true;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const { Embed, sheet } = await load();
    this.loading = false;
    if (!this.isConnected || this.app) return;
    shadow.adoptedStyleSheets = [sheet];
    const root = document.createElement('div');
    shadow.replaceChildren(root);
    this.app = new Embed(root, ...this.attrs());
  }

  attributeChangedCallback() {
    this.app?.update(...this.attrs());
  }

  disconnectedCallback() {
    this.app?.destroy();
    this.app = null;
  }
}

if (!customElements.get('doudi-calculator')) customElements.define('doudi-calculator', DoudiCalculator);
