//! On a phone, a bar fixed at the bottom with the answer in one line; a tap goes to it.

use doudi_core::Lang;
use yew::prelude::*;

use crate::compute::Totals;
use crate::format;
use crate::i18n::{self, labels};

#[derive(Properties, PartialEq)]
pub struct SummaryBarProps {
    pub lang: Lang,
    pub totals: Totals,
    pub stale: bool,
    pub on_go: Callback<()>,
}

#[component]
pub fn SummaryBar(p: &SummaryBarProps) -> Html {
    let l = labels(p.lang);
    let t = &p.totals;
    let text =
        i18n::fill(l.summary_bar, &[&t.eligible.to_string(), &format::money(t.monthly), &format::money(t.one_off)]);
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
