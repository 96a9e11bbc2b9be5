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

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The element the page mounts into (`index.html`).
const ROOT_ID: &str = "doudi";

fn main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // A page of doudi's own (it carries Trunk's <meta name="doudi-app">) mounts the app; on a
    // portal that loaded the module for <doudi-calculator>, the element mounts it instead.
    let own_page = document.query_selector("meta[name=doudi-app]").ok().flatten().is_some();
    let root = document.get_element_by_id(ROOT_ID).or_else(|| document.body().map(|b| b.unchecked_into()));
    let Some(root) = root.filter(|_| own_page) else { return };
    // embed.html (the same page, copied by Trunk's post_build hook): the calculator alone,
    // place and language from the query, no header, footer or fragment (web/EMBED.md).
    let props = if dom::pathname().ends_with("/embed.html") {
        embed_props(dom::query_param("jurisdiction"), dom::query_param("lang"))
    } else {
        yew::props!(app::AppProps {})
    };
    yew::Renderer::<app::App>::with_root_and_props(root, props).render();
}

/// The props of an embed (embed.html, `<doudi-calculator>`): a known place (else Tianjin),
/// `en` or Chinese, compact, no header, footer or fragment, announcing its summary.
fn embed_props(jurisdiction: Option<String>, lang: Option<String>) -> app::AppProps {
    let jurisdiction = jurisdiction
        .filter(|j| doudi_core::jurisdictions().unwrap_or_default().iter().any(|k| k.id == *j))
        .unwrap_or_else(|| "tianjin".into());
    let lang = match lang.as_deref() {
        Some("en") => doudi_core::Lang::En,
        _ => doudi_core::Lang::Zh,
    };
    yew::props!(app::AppProps {
        jurisdiction,
        lang,
        compact: true,
        show_header: false,
        show_footer: false,
        read_fragment: false,
        announce: true,
    })
}

/// The props of `<doudi-calculator>`: an embed's, without a `<main>` of its own (it sits
/// in the portal's page, inside the portal's `<main>`).
fn element_props(jurisdiction: Option<String>, lang: Option<String>) -> app::AppProps {
    app::AppProps { main_landmark: false, ..embed_props(jurisdiction, lang) }
}

/// The app inside `<doudi-calculator>`'s shadow root (web/doudi-element.js).
#[wasm_bindgen]
pub struct Embed {
    handle: yew::AppHandle<app::App>,
}

#[wasm_bindgen]
impl Embed {
    /// Mounts the calculator on `root` (a div in the shadow root).
    #[wasm_bindgen(constructor)]
    pub fn new(root: web_sys::Element, jurisdiction: Option<String>, lang: Option<String>) -> Embed {
        Embed {
            handle: yew::Renderer::<app::App>::with_root_and_props(root, element_props(jurisdiction, lang)).render(),
        }
    }

    /// New attributes: the place and language change, the household stays.
    pub fn update(&mut self, jurisdiction: Option<String>, lang: Option<String>) {
        self.handle.update(element_props(jurisdiction, lang));
    }

    /// Unmounts the app.
    pub fn destroy(self) {
        self.handle.destroy();
    }
}
