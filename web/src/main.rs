//! The doudi site: a Yew page where a household sees, as it types, the aid it may get,
//! the amounts, the reasons and the clauses behind them. Everything is computed here, in
//! the browser, by `doudi-core`; nothing is sent anywhere.
//!
//! Pure logic (form, fields, share, compute, plot, format, i18n, state's reducer) has no
//! DOM access and is tested natively with `cargo test -p doudi-web`.

mod app;
mod clauses;
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
mod storage;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use doudi_core::input::Residence;

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

/// The props of an embed (embed.html, `<doudi-calculator>`): a known place (else the first),
/// `en` or Chinese, compact, embedded, no header, footer or fragment, announcing its summary.
fn embed_props(jurisdiction: Option<String>, lang: Option<String>) -> app::AppProps {
    let jurisdiction = jurisdiction
        .filter(|j| doudi_core::jurisdictions().unwrap_or_default().iter().any(|k| k.id == *j))
        .map(yew::AttrValue::from)
        .unwrap_or_else(crate::i18n::first_place);
    let lang = match lang.as_deref() {
        Some("en") => doudi_core::Lang::En,
        _ => doudi_core::Lang::Zh,
    };
    yew::props!(app::AppProps {
        jurisdiction,
        lang,
        compact: true,
        embedded: true,
        show_header: false,
        show_footer: false,
        read_fragment: false,
        announce: true,
    })
}

/// What `<doudi-calculator>`'s attributes say (web/doudi-element.js).
struct Attributes {
    jurisdiction: Option<String>,
    lang: Option<String>,
    as_of: Option<String>,
    residence: Option<String>,
    compact: bool,
}

/// The props of `<doudi-calculator>`: an embed's, without a `<main>` of its own (it sits
/// in the portal's page, inside the portal's `<main>`), compact only when asked, with the
/// date (a real `YYYY-MM-DD` date, else ignored) and residence (`urban`, `rural`, else
/// ignored) the attributes give, leaving the household where `household()` reads it.
fn element_props(a: Attributes, out: &app::HouseholdOut) -> app::AppProps {
    app::AppProps {
        main_landmark: false,
        compact: a.compact,
        as_of: a.as_of.filter(|d| is_date(d)).map(yew::AttrValue::from),
        residence: a.residence.and_then(|r| Residence::ALL.iter().copied().find(|k| k.as_str() == r)),
        household_out: Some(out.clone()),
        ..embed_props(a.jurisdiction, a.lang)
    }
}

/// `YYYY-MM-DD`, a day that exists.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num =
        |r: std::ops::Range<usize>| s.get(r).filter(|t| t.bytes().all(|c| c.is_ascii_digit()))?.parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else { return false };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// The app inside `<doudi-calculator>`'s shadow root (web/doudi-element.js).
#[wasm_bindgen]
pub struct Embed {
    handle: yew::AppHandle<app::App>,
    household: app::HouseholdOut,
}

#[wasm_bindgen]
impl Embed {
    /// Mounts the calculator on `root` (a div in the shadow root) with the element's
    /// attributes.
    #[wasm_bindgen(constructor)]
    pub fn new(
        root: web_sys::Element,
        jurisdiction: Option<String>,
        lang: Option<String>,
        as_of: Option<String>,
        residence: Option<String>,
        compact: bool,
    ) -> Embed {
        let household = app::HouseholdOut::default();
        let props = element_props(Attributes { jurisdiction, lang, as_of, residence, compact }, &household);
        Embed { handle: yew::Renderer::<app::App>::with_root_and_props(root, props).render(), household }
    }

    /// New attributes: the place, language, date, residence and spacing change; the
    /// household stays.
    pub fn update(
        &mut self,
        jurisdiction: Option<String>,
        lang: Option<String>,
        as_of: Option<String>,
        residence: Option<String>,
        compact: bool,
    ) {
        let props = element_props(Attributes { jurisdiction, lang, as_of, residence, compact }, &self.household);
        self.handle.update(props);
    }

    /// The household typed so far as a contract v1 JSON object, or `null` while an answer
    /// is wrong or missing. Only the portal's own call gets it.
    pub fn household(&self) -> JsValue {
        match self.household.0.borrow().as_deref() {
            Some(text) => js_sys::JSON::parse(text).unwrap_or(JsValue::NULL),
            None => JsValue::NULL,
        }
    }

    /// Unmounts the app.
    pub fn destroy(self) {
        self.handle.destroy();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        for ok in ["2020-04-15", "2020-02-29", "2000-02-29", "1999-12-31"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "",
            "2020-4-15",
            "2020-04-31",
            "2019-02-29",
            "1900-02-29",
            "2020-13-01",
            "2020-00-10",
            "20200415xx",
            "2020-04-1a",
            "２020-04-15",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
