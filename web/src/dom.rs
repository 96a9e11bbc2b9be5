//! The page's few touches of the browser, each small and failure-tolerant: the clock
//! (the engine reads none), the URL fragment, focus and scrolling, the clipboard, printing
//! and event listeners. Called only from effects in the root component.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, EventTarget, FocusOptions, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition,
};

/// Today on this device, `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Now on this device, `YYYY-MM-DD HH:MM`.
pub fn now() -> String {
    let d = js_sys::Date::new_0();
    format!("{} {:02}:{:02}", today(), d.get_hours(), d.get_minutes())
}

/// The fragment of the page's address (`#h=…`), or empty.
pub fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The page's address with `fragment` in place of its own, written to the address bar
/// without a reload or a history entry. Returns the new address.
pub fn replace_fragment(fragment: &str) -> Option<String> {
    let w = web_sys::window()?;
    let href = w.location().href().ok()?;
    let base = href.split('#').next().unwrap_or(&href);
    let url = format!("{base}{fragment}");
    w.history().ok()?.replace_state_with_url(&JsValue::NULL, "", Some(&url)).ok()?;
    Some(url)
}

/// Copies `text`; `done(true)` once it is on the clipboard, `done(false)` if the browser refuses.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        done(false);
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let ok = {
        let done = done.clone();
        Closure::<dyn FnMut(JsValue)>::once(move |_: JsValue| {
            if let Some(f) = done.borrow_mut().take() {
                f(true);
            }
        })
    };
    let fail = Closure::<dyn FnMut(JsValue)>::once(move |_: JsValue| {
        if let Some(f) = done.borrow_mut().take() {
            f(false);
        }
    });
    let _ = clipboard.write_text(text).then2(&ok, &fail);
    // Each is called at most once, by the promise; a share is rare, so leaking them is fine.
    ok.forget();
    fail.forget();
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Takes the user to the element `id` inside `root`: opens every `<details>` around it,
/// scrolls it into view and focuses it (or the first control inside it).
pub fn reveal(root: &Element, id: &str) {
    let selector = format!("[id=\"{}\"]", id.replace('"', ""));
    let Ok(Some(el)) = root.query_selector(&selector) else {
        return;
    };
    let mut parent = el.parent_element();
    while let Some(p) = parent {
        if p.tag_name().eq_ignore_ascii_case("details") {
            let _ = p.set_attribute("open", "");
        }
        if p == *root {
            break;
        }
        parent = p.parent_element();
    }
    let focusable = if el.matches("input, select, textarea, button, a[href], [tabindex]").unwrap_or(false) {
        Some(el.clone())
    } else {
        el.query_selector("input:checked, input, select, textarea, button, a[href]").ok().flatten()
    };
    // A heading goes to the top of the screen (what follows it is what the user wants);
    // a control to the middle (its label above and its message below stay in view).
    let heading = matches!(el.tag_name().as_str(), "H1" | "H2" | "H3");
    // Focus first without scrolling (a focus scroll would cut the smooth one short), then scroll.
    if let Some(f) = focusable.and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
        let focus = FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = f.focus_with_options(&focus);
    }
    let opts = ScrollIntoViewOptions::new();
    opts.set_behavior(ScrollBehavior::Smooth);
    opts.set_block(if heading { ScrollLogicalPosition::Start } else { ScrollLogicalPosition::Center });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// An event listener that is removed when dropped.
pub struct Listener {
    target: EventTarget,
    event: &'static str,
    callback: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    pub fn new(target: &EventTarget, event: &'static str, f: impl FnMut(web_sys::Event) + 'static) -> Listener {
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(f);
        let _ = target.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
        Listener { target: target.clone(), event, callback }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.event, self.callback.as_ref().unchecked_ref());
    }
}

/// The window as an event target.
pub fn window_target() -> Option<EventTarget> {
    web_sys::window().map(Into::into)
}

/// Announces the embed summary (web/EMBED.md) as a bubbling, composed `doudi-change` event on
/// `el`, its `detail` the parsed JSON; the embed's own script passes it on.
pub fn announce_change(el: &Element, summary_json: &str) {
    let Ok(detail) = js_sys::JSON::parse(summary_json) else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict("doudi-change", &init) {
        let _ = el.dispatch_event(&e);
    }
}

/// The page's query parameter `name`, if present.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// The page's path (`/embed.html`).
pub fn pathname() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

/// Calls `f` once the browser has painted the current frame (the next animation frame, then
/// a task after it), for work that need not hold back the first paint.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let task = Closure::once_into_js(f);
    let frame = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
        }
    });
    let _ = w.request_animation_frame(frame.unchecked_ref());
}

thread_local! {
    /// The scripts [`add_script_once`] has added (by their address's global).
    static ADDED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Adds `<script src>` to the page once (a later call does nothing), the address read from
/// `globalThis[url_global]` when an embedding page set it (the custom element names files
/// beside its own) or else `default`, then calls `done` once it has run. A script that cannot
/// load (the network dropped after the first load, before the service worker had stored it) is
/// taken out and added again after [`RETRY_SECONDS`], then every minute, so that the words
/// arrive when the network is back; `done` runs only on the load that worked. For the words
/// the first load leaves out ([`crate::clauses`], [`crate::i18n`]), whose callers first check
/// they are not here yet.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn add_script_once(url_global: &'static str, default: &str, done: impl FnOnce() + 'static) {
    let first = ADDED.with(|a| {
        let mut a = a.borrow_mut();
        let first = !a.contains(&url_global);
        if first {
            a.push(url_global);
        }
        first
    });
    if !first {
        return;
    }
    let Some(w) = web_sys::window() else { return };
    let src = js_sys::Reflect::get(&w, &url_global.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| default.to_string());
    add_script(std::rc::Rc::from(src), std::rc::Rc::new(std::cell::Cell::new(Some(Box::new(done)))), 0);
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
/// How long [`add_script_once`] waits before its first tries again; after these, a minute.
const RETRY_SECONDS: [i32; 3] = [2, 10, 30];

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
type Done = std::rc::Rc<std::cell::Cell<Option<Box<dyn FnOnce()>>>>;

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn add_script(src: std::rc::Rc<str>, done: Done, failures: usize) {
    let Some(w) = web_sys::window() else { return };
    let Some(doc) = w.document() else { return };
    let Some(head) = doc.head() else { return };
    let Ok(script) = doc.create_element("script") else { return };
    let _ = script.set_attribute("src", &src);
    let on_load = {
        let done = done.clone();
        Closure::once_into_js(move |_: JsValue| {
            if let Some(done) = done.take() {
                done();
            }
        })
    };
    let on_error = {
        let script = script.clone();
        Closure::once_into_js(move |_: JsValue| {
            script.remove();
            let again = Closure::once_into_js(move || add_script(src, done, failures + 1));
            let seconds = RETRY_SECONDS.get(failures).copied().unwrap_or(60);
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), seconds * 1000);
            }
        })
    };
    let _ = script.add_event_listener_with_callback("load", on_load.unchecked_ref());
    let _ = script.add_event_listener_with_callback("error", on_error.unchecked_ref());
    let _ = head.append_child(&script);
}
