//! On a phone, a bar fixed at the bottom with the answer in one line; a tap goes to it.

use doudi_core::Lang;
use yew::prelude::*;

use crate::i18n::labels;

/// Drawn by a plain function, not a component (it is drawn with the page anyway): a
/// component's machinery costs the first load about 400 bytes of wasm.
pub struct SummaryBarProps {
    pub lang: Lang,
    /// The headline ([`crate::components::results::headline`]).
    pub text: AttrValue,
    pub stale: bool,
    pub on_go: Callback<()>,
}

pub fn summary_bar(p: SummaryBarProps) -> Html {
    let l = labels(p.lang);
    let text = p.text.clone();
    html! {
        <div class={classes!("summary-bar", p.stale.then_some("stale"))}>
            <button type="button" onclick={p.on_go.reform(|_: MouseEvent| ())}>
                <span class="summary-text">{ text }</span>
                if p.stale {
                    <span class="stale-tag">{ l.stale }</span>
                }
                <span class="go">{ l.summary_bar_go }<span aria-hidden="true">{ " ↓" }</span></span>
            </button>
        </div>
    }
}
