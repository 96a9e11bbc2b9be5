//! The guided start's plain yes/no questions about the household (illness or disability,
//! job loss, COVID-19, no carer): none answered in advance; a "yes" opens the questions
//! about the person it concerns, and one a member's answers already imply is shown as yes.

use doudi_core::Lang;
use yew::prelude::*;

use crate::components::segmented::Segmented;
use crate::form::Situation;
use crate::i18n::labels;

/// Drawn by a plain function, not a component (it is drawn with the page anyway; its
/// fields are components): a component's machinery costs the first load about 400 bytes.
pub struct SituationsProps {
    pub lang: Lang,
    /// The answers, in [`Situation::ALL`]'s order (`None`: not answered).
    pub answers: [Option<bool>; 4],
    pub on_answer: Callback<(Situation, bool)>,
}

/// The question's words.
pub fn question(s: Situation, lang: Lang) -> &'static str {
    let l = labels(lang);
    match s {
        Situation::IllnessOrDisability => l.situation_illness,
        Situation::JobLoss => l.situation_job,
        Situation::Covid => l.situation_covid,
        Situation::NoCarer => l.situation_care,
    }
}

pub fn situations(p: SituationsProps) -> Html {
    let l = labels(p.lang);
    let yes_no = vec![
        (AttrValue::Static("yes"), AttrValue::Static(l.answer_yes)),
        (AttrValue::Static("no"), AttrValue::Static(l.answer_no)),
    ];
    html! {
        <section class="situations" aria-labelledby="situations-heading">
            <h2 id="situations-heading">{ l.situations_heading }</h2>
            <p class="hint">{ l.situations_hint }</p>
            <div class="card">
                { for Situation::ALL.iter().zip(p.answers).map(|(s, answer)| {
                    let s = *s;
                    let on_change = p.on_answer.reform(move |v: String| (s, v == "yes"));
                    let selected = match answer { Some(true) => "yes", Some(false) => "no", None => "" };
                    html! {
                        <div class={classes!("situation", answer.is_none().then_some("unanswered"))}>
                            <Segmented id={s.dom_id()} legend={question(s, p.lang)} options={yes_no.clone()} {selected} {on_change} />
                            if answer == Some(true) {
                                <p class="hint">{ l.situation_yes_note }</p>
                            }
                        </div>
                    }
                }) }
            </div>
        </section>
    }
}
