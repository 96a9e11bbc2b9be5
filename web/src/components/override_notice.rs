//! A shared link that carries parameters changed by hand (staff's what-if, a local
//! standard): said at the top, each change named, with one tap back to the policy's values.

use doudi_core::Lang;
use yew::prelude::*;

use crate::i18n::{self, labels};

/// Drawn by a plain function, not a component (it is drawn with the page anyway): a
/// component's machinery costs the first load about 400 bytes of wasm.
pub struct OverrideNoticeProps {
    pub lang: Lang,
    /// Each change as (parameter label, value as typed).
    pub changes: Vec<(AttrValue, AttrValue)>,
    pub on_reset: Callback<()>,
}

pub fn override_notice(p: OverrideNoticeProps) -> Html {
    let l = labels(p.lang);
    let items: Vec<String> =
        p.changes.iter().map(|(label, value)| i18n::fill(l.override_item, &[label, value])).collect();
    html! {
        <div class="override-notice" role="alert" id="override-notice">
            <p><span class="icon" aria-hidden="true">{ "⚠" }</span><strong>{ i18n::fill(l.override_notice, &[&items.join(l.print_list_sep)]) }</strong></p>
            <p>{ l.override_note }</p>
            <button type="button" onclick={p.on_reset.reform(|_: MouseEvent| ())}>{ l.override_reset }</button>
        </div>
    }
}
