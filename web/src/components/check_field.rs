//! A tick box with its label; a large target for fingers.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub on_change: Callback<bool>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

#[component]
pub fn CheckField(p: &CheckFieldProps) -> Html {
    let onchange = {
        let cb = p.on_change.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.checked());
        })
    };
    let hint_id = format!("{}-hint", p.id);
    html! {
        <div class="check">
            <input type="checkbox" id={p.id.clone()} checked={p.checked} {onchange}
                aria-describedby={p.hint.as_ref().map(|_| hint_id.clone())} />
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            if let Some(h) = &p.hint {
                <p class="hint" id={hint_id}>{ h.clone() }</p>
            }
        </div>
    }
}
