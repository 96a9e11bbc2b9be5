//! Households kept on this device, only when asked: the bridge to `web/saved.js`, a small
//! module loaded the first time the saved-households panel is opened (or staff's
//! "清除本机记录" is tapped), never on page load, which draws the panel and keeps the
//! households in IndexedDB (database `doudi`) or, with "关闭页面时忘记", in the page's
//! memory only. A saved household is its share link's fragment (`#h=…`, [`crate::share`]),
//! which the app leaves in the panel's `data-h`; opening one sends it back as a
//! `doudi-open` event (`app.rs`), read like a link.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = doudiSaved, js_name = mount)]
    fn js_mount(el: &web_sys::Element) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = doudiSaved, js_name = clear)]
    fn js_clear() -> Result<js_sys::Promise, JsValue>;
}

thread_local! {
    /// The `<script>` that loads saved.js, once asked for.
    static SCRIPT: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

/// Calls `f` once saved.js has loaded (at once if it has). If it cannot load (offline before
/// it was ever fetched), nothing happens: the panel stays empty and nothing is stored.
fn ready(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    if js_sys::Reflect::has(&w, &"doudiSaved".into()).unwrap_or(false) {
        return f();
    }
    let script = SCRIPT.with(|s| {
        let mut s = s.borrow_mut();
        if s.is_none() {
            let doc = w.document()?;
            let script = doc.create_element("script").ok()?;
            script.set_attribute("type", "module").ok()?;
            script.set_attribute("src", "saved.js").ok()?;
            doc.body()?.append_child(&script).ok()?;
            *s = Some(script);
        }
        s.clone()
    });
    if let Some(script) = script {
        let f = Closure::once_into_js(move |_: JsValue| f());
        let _ = script.add_event_listener_with_callback("load", f.unchecked_ref());
    }
}

/// Draws the saved-households panel in `el` (loading saved.js first).
pub fn mount(el: web_sys::Element) {
    ready(move || {
        let _ = js_mount(&el);
    });
}

/// Deletes every household saved on this device (the database itself); `done()` after.
pub fn clear(done: impl FnOnce() + 'static) {
    ready(move || {
        let Ok(p) = js_clear() else { return };
        let ok = Closure::<dyn FnMut(JsValue)>::once(move |_: JsValue| done());
        let _ = p.then(&ok);
        // Called at most once, by the promise; clearing is rare, so leaking it is fine.
        ok.forget();
    });
}
