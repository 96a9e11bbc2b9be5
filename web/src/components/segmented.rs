//! A choice of a few options as a row of buttons (radio buttons in a fieldset, so the
//! keyboard's arrow keys and screen readers work as with any radio group).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SegmentedProps {
    /// The fieldset's id, and the radio group's name.
    pub id: AttrValue,
    pub legend: AttrValue,
    /// (value, label) pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub selected: AttrValue,
    pub on_change: Callback<String>,
    /// `chips` for the large place chips.
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[component]
pub fn Segmented(p: &SegmentedProps) -> Html {
    let err_id = format!("{}-err", p.id);
    html! {
        <fieldset id={p.id.clone()} class={classes!("segmented", p.class.clone())}
            aria-describedby={p.error.as_ref().map(|_| err_id.clone())}>
            <legend>{ p.legend.clone() }</legend>
            <div class="segments">
                { for p.options.iter().map(|(value, label)| {
                    let id = format!("{}-{}", p.id, value);
                    let onchange = {
                        let cb = p.on_change.clone();
                        let value = value.to_string();
                        Callback::from(move |_: Event| cb.emit(value.clone()))
                    };
                    html! {
                        <span class="segment">
                            <input type="radio" id={id.clone()} name={p.id.clone()} value={value.clone()}
                                checked={*value == p.selected} {onchange} />
                            <label for={id}>{ label.clone() }</label>
                        </span>
                    }
                }) }
            </div>
            if let Some(e) = &p.error {
                <p class="field-error" id={err_id}><span class="icon" aria-hidden="true">{ "⚠" }</span>{ e.clone() }</p>
            }
        </fieldset>
    }
}
