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

/// saved.js: not asked for yet, on its way (with who waits for it), or loaded (or not).
enum Script {
    Idle,
    Loading(Vec<Box<dyn FnOnce(bool)>>),
    Done(bool),
}

thread_local! {
    static SCRIPT: std::cell::RefCell<Script> = const { std::cell::RefCell::new(Script::Idle) };
}

/// Calls `f(true)` once saved.js has loaded (at once if it has), `f(false)` if it cannot.
fn ready(f: impl FnOnce(bool) + 'static) {
    let done = SCRIPT.with(|s| {
        let mut s = s.borrow_mut();
        match &mut *s {
            Script::Done(ok) => return Err((*ok, f)),
            Script::Loading(waiting) => waiting.push(Box::new(f)),
            Script::Idle => *s = Script::Loading(vec![Box::new(f)]),
        }
        Ok(matches!(&*s, Script::Loading(w) if w.len() == 1))
    });
    let first = match done {
        Err((ok, f)) => return f(ok),
        Ok(first) => first,
    };
    if !first {
        return;
    }
    let finish = |ok: bool| {
        let waiting = SCRIPT.with(|s| std::mem::replace(&mut *s.borrow_mut(), Script::Done(ok)));
        if let Script::Loading(waiting) = waiting {
            for f in waiting {
                f(ok);
            }
        }
    };
    let added = (|| {
        let doc = web_sys::window()?.document()?;
        let script = doc.create_element("script").ok()?;
        script.set_attribute("type", "module").ok()?;
        script.set_attribute("src", "saved.js").ok()?;
        for (event, ok) in [("load", true), ("error", false)] {
            let f = Closure::once_into_js(move |_: JsValue| finish(ok));
            script.add_event_listener_with_callback(event, f.unchecked_ref()).ok()?;
        }
        doc.body()?.append_child(&script).ok()
    })();
    if added.is_none() {
        finish(false);
    }
}

/// Draws the saved-households panel in `el` (loading saved.js first).
pub fn mount(el: web_sys::Element) {
    ready(move |ok| {
        if ok {
            let _ = js_mount(&el);
        }
    });
}

/// Deletes every household saved on this device (the database itself); `done()` after.
pub fn clear(done: impl FnOnce() + 'static) {
    ready(move |ok| {
        let Some(p) = ok.then(js_clear).and_then(Result::ok) else { return };
        let ok = Closure::<dyn FnMut(JsValue)>::once(move |_: JsValue| done());
        let _ = p.then(&ok);
        // Called at most once, by the promise; clearing is rare, so leaking it is fine.
        ok.forget();
    });
}
