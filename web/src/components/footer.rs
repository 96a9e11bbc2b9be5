//! The footer: what happens to the answers (nothing leaves the device), the disclaimer,
//! the policy texts, a link to share (written only when asked, with its privacy note) and
//! printing, and exactly what the page keeps on this device (only when asked).

use doudi_core::Lang;
use yew::prelude::*;

use crate::i18n::labels;
use crate::state::Share;

/// Drawn by a plain function, not a component (it is drawn with the page anyway): a
/// component's machinery costs the first load about 400 bytes of wasm.
pub struct FooterProps {
    pub lang: Lang,
    pub share: Share,
    pub on_share: Callback<()>,
    pub on_print: Callback<()>,
    pub on_policy: Callback<()>,
}

pub fn footer(p: FooterProps) -> Html {
    let l = labels(p.lang);
    let on_policy = p.on_policy.reform(|e: MouseEvent| {
        e.prevent_default();
    });
    let select_all = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    html! {
        <footer class="footer">
            <p class="local">{ l.footer_local }</p>
            <p class="disclaimer">{ l.footer_disclaimer }</p>
            <div class="footer-actions">
                <a href="#policy" class="button secondary" onclick={on_policy}>{ l.policy_link }</a>
                <button type="button" class="secondary" onclick={p.on_share.reform(|_: MouseEvent| ())} aria-describedby="share-note">{ l.share }</button>
                <button type="button" class="secondary" onclick={p.on_print.reform(|_: MouseEvent| ())}>{ l.print }</button>
            </div>
            <p class="hint" id="share-note">{ l.share_note }</p>
            <p class="hint kept">{ l.footer_kept }</p>
            if let Share::Done { url, copied } = &p.share {
                <div class="share-result" role="status">
                    <label for="share-url">{ if *copied { l.share_done } else { l.share_manual } }</label>
                    <input id="share-url" type="text" readonly=true value={url.clone()} onfocus={select_all} />
                </div>
            }
        </footer>
    }
}
