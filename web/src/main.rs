//! The doudi site: a Yew page where a household sees, as it types, the aid it may get,
//! the amounts, the reasons and the clauses behind them. Everything is computed here, in
//! the browser, by `doudi-core`; nothing is sent anywhere.
//!
//! Pure logic (form, fields, share, compute, plot, format, i18n, state's reducer) has no
//! DOM access and is tested natively with `cargo test -p doudi-web`.

mod app;
mod components;
mod compute;
mod dom;
mod fields;
mod form;
mod format;
mod hooks;
mod i18n;
mod markup;
mod plot;
mod policy_text;
mod print;
mod share;
mod state;

use wasm_bindgen::JsCast;

/// The element the page mounts into (`index.html`).
const ROOT_ID: &str = "doudi";

fn main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let root = document.get_element_by_id(ROOT_ID).or_else(|| document.body().map(|b| b.unchecked_into()));
    if let Some(root) = root {
        yew::Renderer::<app::App>::with_root_and_props(root, yew::props!(app::AppProps {})).render();
    }
}
