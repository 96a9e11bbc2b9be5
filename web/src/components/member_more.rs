//! "More about this person": the questions that matter only for some, grouped, each
//! follow-up shown once its box is ticked. A native `<details>`, so it opens with the
//! keyboard and stays as the user left it.

use std::rc::Rc;

use doudi_core::input::{Covid, DisabilityType, Hukou, Insurance, SelfCare};
use doudi_core::Lang;
use yew::prelude::*;

use crate::components::check_field::CheckField;
use crate::components::segmented::Segmented;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::fields::{member_dom_id, FieldErrors};
use crate::form::{MemberEdit, MemberForm};
use crate::i18n::{self, labels};

#[derive(Properties)]
pub struct MemberMoreProps {
    pub index: usize,
    pub member: MemberForm,
    pub lang: Lang,
    pub jurisdiction: AttrValue,
    pub errors: Rc<FieldErrors>,
    /// The page's own edit callback, with this person's index (the same at every render).
    pub on_change: Callback<(usize, MemberEdit)>,
    /// The first frame has been painted: the folded questions are drawn only then (closed,
    /// they are not seen in the first frame, and drawing them would hold it back).
    #[prop_or(true)]
    pub painted: bool,
}

/// Drawn again only when an answer it shows changed ([`MemberForm::more_answers`]): not at
/// every keystroke into the age or income above it. Its controls send [`MemberEdit`]s, so
/// a copy of the person it was drawn with never goes stale.
impl PartialEq for MemberMoreProps {
    fn eq(&self, o: &MemberMoreProps) -> bool {
        self.index == o.index
            && self.member.more_answers() == o.member.more_answers()
            && self.lang == o.lang
            && self.jurisdiction == o.jurisdiction
            && self.errors == o.errors
            && self.on_change == o.on_change
            && self.painted == o.painted
    }
}

fn options<T: Copy>(
    all: &[T],
    value: fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> Vec<(AttrValue, AttrValue)> {
    all.iter().map(|x| (AttrValue::Static(value(*x)), AttrValue::Static(label(*x)))).collect()
}

fn find<T: Copy>(all: &[T], value: fn(T) -> &'static str, v: &str) -> Option<T> {
    all.iter().copied().find(|x| value(*x) == v)
}

#[component]
pub fn MemberMore(p: &MemberMoreProps) -> Html {
    let l = labels(p.lang);
    let lang = p.lang;
    let i = p.index;
    let m = &p.member;
    let id = |f: &str| AttrValue::from(member_dom_id(i, f));
    let err = |f: &str| p.errors.get(&member_dom_id(i, f)).map(AttrValue::from);
    let text = |f: fn(&mut MemberForm, String)| p.on_change.reform(move |v: String| (i, MemberEdit::Text(f, v)));
    let tick = |f: fn(&mut MemberForm, bool)| p.on_change.reform(move |v: bool| (i, MemberEdit::Flag(f, v)));
    let check = |field: &str, label: &'static str, checked: bool, f: fn(&mut MemberForm, bool)| {
        html! { <CheckField id={id(field)} {label} {checked} on_change={tick(f)} /> }
    };
    let answered = m.more_answered();
    let illness_tier = crate::form::asks_illness_tier(&p.jurisdiction);

    let grades = (1..=4u8)
        .map(|g| (AttrValue::from(g.to_string()), AttrValue::from(i18n::fill(l.grade_n, &[&g.to_string()]))))
        .collect::<Vec<_>>();
    let mut types = vec![(AttrValue::Static(""), AttrValue::Static(l.choose))];
    types.extend(options(DisabilityType::ALL, DisabilityType::as_str, |t| i18n::disability_type_label(t, lang)));
    let tiers = vec![
        (AttrValue::Static(""), AttrValue::Static(l.illness_none)),
        (AttrValue::Static("1000"), AttrValue::Static(l.illness_1000)),
        (AttrValue::Static("1500"), AttrValue::Static(l.illness_1500)),
    ];
    let able = vec![
        (AttrValue::Static("auto"), AttrValue::Static(l.able_auto)),
        (AttrValue::Static("yes"), AttrValue::Static(l.able_yes)),
        (AttrValue::Static("no"), AttrValue::Static(l.able_no)),
    ];
    let able_selected = match m.able_to_work {
        None => "auto",
        Some(true) => "yes",
        Some(false) => "no",
    };

    html! {
        <details class="more" id={format!("m{i}-more")}>
            <summary>
                <span class="more-title">{ l.more }</span>
                if answered > 0 {
                    <span class="badge">{ answered }</span>
                }
                <span class="more-hint">{ l.more_hint }</span>
            </summary>
            if p.painted {
                <div class="more-groups">
                    <fieldset class="group">
                        <legend>{ l.group_health }</legend>
                        { check("disabled", l.disabled, m.disabled, |m, v| m.disabled = v) }
                        if m.disabled {
                            <div class="follow-up">
                                <Segmented id={id("disability_grade")} legend={l.disability_grade} options={grades}
                                    selected={m.disability_grade.map(|g| g.to_string()).unwrap_or_default()}
                                    on_change={text(|m, v| m.disability_grade = v.parse().ok())} error={err("disability_grade")} />
                                <SelectField id={id("disability_type")} label={l.disability_type} options={types}
                                    selected={m.disability_type.map(DisabilityType::as_str).unwrap_or("")}
                                    on_change={text(|m, v| m.disability_type = find(DisabilityType::ALL, DisabilityType::as_str, &v))}
                                    error={err("disability_type")} />
                            </div>
                        }
                        if illness_tier {
                            <SelectField id={id("serious_illness_tier")} label={l.illness_tier} options={tiers}
                                selected={m.serious_illness_tier.map(|t| t.to_string()).unwrap_or_default()}
                                on_change={text(|m, v| m.serious_illness_tier = v.parse().ok())} error={err("serious_illness_tier")} />
                        }
                        <Segmented id={id("self_care")} legend={l.self_care}
                            options={options(SelfCare::ALL, SelfCare::as_str, |s| i18n::self_care_label(s, lang))}
                            selected={m.self_care.map_or("", SelfCare::as_str)}
                            on_change={text(|m, v| m.self_care = find(SelfCare::ALL, SelfCare::as_str, &v))} />
                    </fieldset>

                    <fieldset class="group">
                        <legend>{ l.group_covid }</legend>
                        <Segmented id={id("covid")} legend={l.covid}
                            options={options(Covid::ALL, Covid::as_str, |c| i18n::covid_label(c, lang))}
                            selected={m.covid.as_str()}
                            on_change={text(|m, v| m.covid = find(Covid::ALL, Covid::as_str, &v).unwrap_or(Covid::None))} error={err("covid")} />
                        if m.covid == Covid::Confirmed && crate::form::counts_covid_months(&p.jurisdiction) {
                            <div class="follow-up">
                                <TextField id={id("diagnosed_on")} label={l.diagnosed_on} kind="date" value={m.diagnosed_on.clone()}
                                    on_change={text(|m, v| m.diagnosed_on = v)} error={err("diagnosed_on")} />
                                <Segmented id={id("in_hospital")} legend={l.in_hospital}
                                    options={vec![(AttrValue::Static("yes"), AttrValue::Static(l.in_hospital_yes)), (AttrValue::Static("no"), AttrValue::Static(l.in_hospital_no))]}
                                    selected={match m.in_hospital { Some(true) => "yes", Some(false) => "no", None => "" }}
                                    on_change={text(|m, v| m.in_hospital = Some(v == "yes"))} error={err("in_hospital")} />
                                if m.in_hospital == Some(false) {
                                    <TextField id={id("discharged_on")} label={l.discharged_on} kind="date" value={m.discharged_on.clone()}
                                        on_change={text(|m, v| m.discharged_on = v)} error={err("discharged_on")} />
                                }
                            </div>
                        }
                        { check("isolated", l.isolated, m.isolated, |m, v| m.isolated = v) }
                        { check("carer_unavailable", l.carer_unavailable, m.carer_unavailable, |m, v| m.carer_unavailable = v) }
                        { check("stranded", l.stranded, m.stranded, |m, v| m.stranded = v) }
                    </fieldset>

                    <fieldset class="group">
                        <legend>{ l.group_work }</legend>
                        { check("epidemic_job_loss", l.epidemic_job_loss, m.epidemic_job_loss, |m, v| m.epidemic_job_loss = v) }
                        { check("unemployed", l.unemployed, m.unemployed, |m, v| m.unemployed = v) }
                        if m.unemployed {
                            <div class="follow-up">
                                { check("unemployed_registered", l.unemployed_registered, m.unemployed_registered, |m, v| m.unemployed_registered = v) }
                                <Segmented id={id("unemployment_insurance")} legend={l.unemployment_insurance}
                                    options={options(Insurance::ALL, Insurance::as_str, |x| i18n::insurance_label(x, lang))}
                                    selected={m.unemployment_insurance.as_str()}
                                    on_change={text(|m, v| m.unemployment_insurance = find(Insurance::ALL, Insurance::as_str, &v).unwrap_or(Insurance::None))} />
                                <TextField id={id("months_without_income")} label={l.months_without_income} inputmode="numeric"
                                    value={m.months_without_income.clone()} on_change={text(|m, v| m.months_without_income = v)}
                                    error={err("months_without_income")} class="short" />
                            </div>
                        }
                        <Segmented id={id("able_to_work")} legend={l.able_to_work} options={able} selected={able_selected}
                            on_change={text(|m, v| m.able_to_work = match v.as_str() { "yes" => Some(true), "no" => Some(false), _ => None })} />
                    </fieldset>

                    <fieldset class="group">
                        <legend>{ l.group_identity }</legend>
                        <Segmented id={id("hukou")} legend={l.hukou}
                            options={options(Hukou::ALL, Hukou::as_str, |h| i18n::hukou_label(h, lang))}
                            selected={m.hukou.map_or("", Hukou::as_str)}
                            on_change={text(|m, v| m.hukou = find(Hukou::ALL, Hukou::as_str, &v))} error={err("hukou")} />
                        { check("entitled_group", l.entitled_group, m.entitled_group, |m, v| m.entitled_group = v) }
                        { check("tekun", l.tekun_now, m.tekun, |m, v| m.tekun = v) }
                    </fieldset>

                    <fieldset class="group">
                        <legend>{ l.group_children }</legend>
                        { check("orphan", l.orphan, m.orphan, |m, v| m.orphan = v) }
                        { check("unsupported_child", l.unsupported_child, m.unsupported_child, |m, v| m.unsupported_child = v) }
                        { check("difficult_child", l.difficult_child, m.difficult_child, |m, v| m.difficult_child = v) }
                    </fieldset>
                </div>
            }
        </details>
    }
}
