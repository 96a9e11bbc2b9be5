//! A labelled text box (also dates), with an optional hint under it (so boxes side by side
//! line up) and, when its answer is wrong, the message right under it (icon and words, not
//! colour alone).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// `text` (default) or `date`.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    /// `decimal`, `numeric` …: the phone keyboard to show.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
}

#[component]
pub fn TextField(p: &TextFieldProps) -> Html {
    let oninput = {
        let cb = p.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.value());
        })
    };
    let hint_id = format!("{}-hint", p.id);
    let err_id = format!("{}-err", p.id);
    let mut described = Vec::new();
    if p.hint.is_some() {
        described.push(hint_id.clone());
    }
    if p.error.is_some() {
        described.push(err_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = p.error.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("invalid"), p.class.clone())}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <input id={p.id.clone()} type={p.kind.clone()} value={p.value.clone()} {oninput}
                inputmode={p.inputmode.clone()} autocomplete="off"
                aria-invalid={invalid.then_some("true")} aria-describedby={described} />
            if let Some(h) = &p.hint {
                <p class="hint below" id={hint_id}>{ h.clone() }</p>
            }
            if let Some(e) = &p.error {
                <p class="field-error" id={err_id}><span class="icon" aria-hidden="true">{ "⚠" }</span>{ e.clone() }</p>
            }
        </div>
    }
}
