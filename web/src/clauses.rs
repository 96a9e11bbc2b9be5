//! The clauses' words, loaded after the first result. The site's wasm leaves them out of
//! its embedded policies (doudi-core's `lazy-clauses`, about 14 KB brotli of the first
//! load); `web/post-build.sh` writes them beside the page as `clauses.js`
//! (`globalThis.doudiClauses`, from `policies/documents/*.toml` by
//! `policies/tools/clauses_js.py`), which [`load`] adds once the first result is painted
//! and the service worker keeps for offline use. Until then a citation shows its document
//! and clause without the quoted words; once loaded, the places that quote a clause (a
//! card's "为什么？", the print sheet, the policy browser) read its words with [`text`] as
//! they are drawn, and are drawn again: the assessment itself is not recomputed, nor filled
//! on each keystroke. The custom element names the file's address beside its own
//! (`globalThis.doudiClausesUrl`, `doudi-element.js`). Natively (unit tests) the policies
//! carry the words themselves and nothing is loaded.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::JsValue;

    fn table() -> Option<JsValue> {
        let w = web_sys::window()?;
        let t = js_sys::Reflect::get(&w, &"doudiClauses".into()).ok()?;
        t.is_object().then_some(t)
    }

    pub fn loaded() -> bool {
        table().is_some()
    }

    pub fn text(key: &str) -> Option<String> {
        js_sys::Reflect::get(&table()?, &key.into()).ok()?.as_string()
    }

    pub fn load(done: impl FnOnce() + 'static) {
        if loaded() {
            return done();
        }
        crate::dom::add_script_once("doudiClausesUrl", "clauses.js", done);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn loaded() -> bool {
        true
    }
    pub fn text(_: &str) -> Option<String> {
        None
    }
    pub fn load(done: impl FnOnce() + 'static) {
        done()
    }
}

/// Whether the words are here (always, natively).
pub fn loaded() -> bool {
    imp::loaded()
}

/// Loads `clauses.js` once, then calls `done` (at once if it is loaded; while it cannot load,
/// offline before it was ever fetched, citations keep their labels and it is tried again:
/// [`crate::dom::add_script_once`]).
pub fn load(done: impl FnOnce() + 'static) {
    imp::load(done)
}

/// A clause's words (`000`, `2.5.3`), from the embedded policies or, in the site, `clauses.js`.
pub fn text(document: &str, clause: &str, embedded: &str) -> String {
    if !embedded.is_empty() {
        return embedded.to_string();
    }
    imp::text(&format!("{document}:{clause}")).unwrap_or_default()
}
