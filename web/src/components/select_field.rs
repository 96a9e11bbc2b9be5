//! A labelled drop-down list.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, label) pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub selected: AttrValue,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[component]
pub fn SelectField(p: &SelectFieldProps) -> Html {
    let onchange = {
        let cb = p.on_change.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            cb.emit(select.value());
        })
    };
    let err_id = format!("{}-err", p.id);
    let invalid = p.error.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <select id={p.id.clone()} {onchange} aria-invalid={invalid.then_some("true")}
                aria-describedby={p.error.as_ref().map(|_| err_id.clone())}>
                { for p.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == p.selected}>{ label.clone() }</option>
                }) }
            </select>
            if let Some(e) = &p.error {
                <p class="field-error" id={err_id}><span class="icon" aria-hidden="true">{ "⚠" }</span>{ e.clone() }</p>
            }
        </div>
    }
}
