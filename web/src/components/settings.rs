//! Place, date and urban/rural: what every answer depends on, asked first.

use doudi_core::input::Residence;
use doudi_core::Lang;
use yew::prelude::*;

use crate::components::segmented::Segmented;
use crate::components::text_field::TextField;
use crate::fields::FieldErrors;
use crate::format;
use crate::i18n::{self, labels};

use crate::form::EPIDEMIC_DATE;

/// Drawn by a plain function, not a component (it is drawn with the page anyway; its
/// fields are components): a component's machinery costs the first load about 400 bytes.
pub struct SettingsProps {
    pub lang: Lang,
    pub jurisdiction: AttrValue,
    pub as_of: AttrValue,
    pub today: AttrValue,
    /// `None` until answered (no choice shown selected).
    pub residence: Option<Residence>,
    pub errors: std::rc::Rc<FieldErrors>,
    pub on_place: Callback<String>,
    pub on_date: Callback<String>,
    pub on_residence: Callback<Residence>,
}

/// The date question's answers: the epidemic's policies, today's, or another day.
const EPIDEMIC: &str = "epidemic";
const TODAY: &str = "today";
const OTHER: &str = "other";

pub fn settings(p: SettingsProps) -> Html {
    let l = labels(p.lang);
    let places = i18n::places()
        .into_iter()
        .map(|id| (AttrValue::Static(id), AttrValue::Static(i18n::place_label(id, p.lang))))
        .collect::<Vec<_>>();
    let residences = Residence::ALL
        .iter()
        .map(|r| (AttrValue::Static(r.as_str()), AttrValue::Static(i18n::residence_label(*r, p.lang))))
        .collect::<Vec<_>>();
    let on_residence =
        p.on_residence.reform(|v: String| if v == "rural" { Residence::Rural } else { Residence::Urban });
    // The day is asked in words; "another date" (an empty date until one is typed) opens
    // the date field.
    let choice = if p.as_of == EPIDEMIC_DATE {
        EPIDEMIC
    } else if p.as_of == p.today {
        TODAY
    } else {
        OTHER
    };
    let dates = vec![
        (AttrValue::Static(EPIDEMIC), AttrValue::Static(l.date_epidemic)),
        (AttrValue::Static(TODAY), AttrValue::from(i18n::fill(l.date_today, &[&format::date(&p.today, p.lang)]))),
        (AttrValue::Static(OTHER), AttrValue::Static(l.date_other)),
    ];
    let on_choice = {
        let today = p.today.clone();
        p.on_date.reform(move |v: String| match v.as_str() {
            EPIDEMIC => EPIDEMIC_DATE.to_string(),
            TODAY => today.to_string(),
            _ => String::new(),
        })
    };
    html! {
        <section class="settings" aria-labelledby="settings-heading">
            <h2 id="settings-heading" class="visually-hidden">{ l.settings_heading }</h2>
            <Segmented id="h-jurisdiction" legend={l.place} options={places} selected={p.jurisdiction.clone()}
                on_change={p.on_place.clone()} class="chips" error={p.errors.get("h-jurisdiction").map(AttrValue::from)} />
            <Segmented id="h-date-choice" legend={l.date} options={dates} selected={choice} on_change={on_choice}
                class="stacked" />
            if choice == OTHER {
                <div class="follow-up">
                    <TextField id="h-as_of" label={l.date_other_label} kind="date" value={p.as_of.clone()} on_change={p.on_date.clone()}
                        error={p.errors.get("h-as_of").map(AttrValue::from)} />
                </div>
            }
            <p class="hint">{ l.date_hint }</p>
            <Segmented id="h-residence" legend={l.residence} options={residences} selected={p.residence.map_or("", Residence::as_str)}
                on_change={on_residence} />
        </section>
    }
}
