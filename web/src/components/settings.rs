//! Place, date and urban/rural: what every answer depends on, asked first.

use doudi_core::input::Residence;
use doudi_core::Lang;
use yew::prelude::*;

use crate::components::segmented::Segmented;
use crate::components::text_field::TextField;
use crate::fields::FieldErrors;
use crate::i18n::{self, labels};

/// The epidemic-period date offered as one tap.
pub const EPIDEMIC_DATE: &str = "2020-04-15";

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub lang: Lang,
    pub jurisdiction: AttrValue,
    pub as_of: AttrValue,
    pub today: AttrValue,
    pub residence: Residence,
    pub errors: std::rc::Rc<FieldErrors>,
    pub on_place: Callback<String>,
    pub on_date: Callback<String>,
    pub on_residence: Callback<Residence>,
}

#[component]
pub fn Settings(p: &SettingsProps) -> Html {
    let l = labels(p.lang);
    let places = i18n::PLACES
        .iter()
        .map(|id| (AttrValue::Static(id), AttrValue::Static(i18n::place_label(id, p.lang))))
        .collect::<Vec<_>>();
    let residences = Residence::ALL
        .iter()
        .map(|r| (AttrValue::Static(r.as_str()), AttrValue::Static(i18n::residence_label(*r, p.lang))))
        .collect::<Vec<_>>();
    let on_residence =
        p.on_residence.reform(|v: String| if v == "rural" { Residence::Rural } else { Residence::Urban });
    let quick = |date: AttrValue, label: &'static str| {
        let pressed = date == p.as_of;
        let onclick = p.on_date.reform(move |_: MouseEvent| date.to_string());
        html! { <button type="button" class="chip-button" aria-pressed={pressed.to_string()} {onclick}>{ label }</button> }
    };
    html! {
        <section class="settings" aria-labelledby="settings-heading">
            <h2 id="settings-heading" class="visually-hidden">{ l.settings_heading }</h2>
            <Segmented id="h-jurisdiction" legend={l.place} options={places} selected={p.jurisdiction.clone()}
                on_change={p.on_place.clone()} class="chips" error={p.errors.get("h-jurisdiction").map(AttrValue::from)} />
            <div class="date-row">
                <TextField id="h-as_of" label={l.date} kind="date" value={p.as_of.clone()} on_change={p.on_date.clone()}
                    error={p.errors.get("h-as_of").map(AttrValue::from)} />
                <div class="quick-dates">
                    { quick(AttrValue::Static(EPIDEMIC_DATE), l.date_epidemic) }
                    { quick(p.today.clone(), l.date_today) }
                </div>
            </div>
            <Segmented id="h-residence" legend={l.residence} options={residences} selected={p.residence.as_str()}
                on_change={on_residence} />
        </section>
    }
}
