//! One person of the household: relation, age, income and work on the card, the rest
//! behind "more" ([`MemberMore`]). The applicant's card has no remove button.

use std::rc::Rc;

use doudi_core::input::{Relation, Work};
use doudi_core::Lang;
use yew::prelude::*;

use crate::components::member_more::MemberMore;
use crate::components::segmented::Segmented;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::fields::{member_dom_id, FieldErrors};
use crate::form::{MemberEdit, MemberForm};
use crate::i18n::{self, labels};

#[derive(Properties, PartialEq)]
pub struct MemberCardProps {
    pub index: usize,
    pub member: MemberForm,
    /// How the page names this person (`申请人`, `配偶`).
    pub name: AttrValue,
    pub lang: Lang,
    pub jurisdiction: AttrValue,
    pub errors: Rc<FieldErrors>,
    /// The person as edited, with `index`. The page's own callbacks, the same at every
    /// render, so that typing for one person does not draw the others' cards again.
    pub on_change: Callback<(usize, MemberEdit)>,
    /// Removes the person at `index`; `None` for the applicant, who cannot be removed.
    #[prop_or_default]
    pub on_remove: Option<Callback<usize>>,
    /// The first frame has been painted ([`MemberMore`] draws its folded questions then).
    #[prop_or(true)]
    pub painted: bool,
}

#[component]
pub fn MemberCard(p: &MemberCardProps) -> Html {
    let l = labels(p.lang);
    let i = p.index;
    let id = |f: &str| AttrValue::from(member_dom_id(i, f));
    let err = |f: &str| p.errors.get(&member_dom_id(i, f)).map(AttrValue::from);
    let edit = |f: fn(&mut MemberForm, String)| p.on_change.reform(move |v: String| (i, MemberEdit::Text(f, v)));
    let relations = Relation::ALL
        .iter()
        .filter(|r| **r != Relation::SelfPerson)
        .map(|r| (AttrValue::Static(r.as_str()), AttrValue::Static(i18n::relation_label(*r, p.lang))))
        .collect::<Vec<_>>();
    let works = Work::ALL
        .iter()
        .map(|w| (AttrValue::Static(w.as_str()), AttrValue::Static(i18n::work_label(*w, p.lang))))
        .collect::<Vec<_>>();
    let heading_id = format!("m{i}-heading");
    let number = i18n::fill(l.member_n, &[&(i + 1).to_string()]);
    html! {
        <article class="card member" part="card" aria-labelledby={heading_id.clone()}>
            <div class="card-head">
                <h3 id={heading_id}>
                    <span class="member-number">{ number }</span>
                    <span class="member-name">{ p.name.clone() }</span>
                </h3>
                if let Some(remove) = &p.on_remove {
                    <button type="button" class="remove" onclick={remove.reform(move |_: MouseEvent| i)}
                        aria-label={i18n::fill(l.remove_member_name, &[&p.name])}>
                        { l.remove_member }
                    </button>
                }
            </div>
            <div class="member-basics">
                if i > 0 {
                    <SelectField id={id("relation")} label={l.relation} options={relations} selected={p.member.relation.as_str()}
                        on_change={edit(|m, v| m.relation = Relation::ALL.iter().copied().find(|r| r.as_str() == v).unwrap_or(Relation::Other))} />
                }
                <TextField id={id("age")} label={l.age} value={p.member.age.clone()} inputmode="numeric"
                    on_change={edit(|m, v| m.age = v)} error={err("age")} class="short" />
                <TextField id={id("monthly_income")} label={l.monthly_income} value={p.member.monthly_income.clone()}
                    inputmode="decimal" hint={AttrValue::Static(l.monthly_income_hint)}
                    on_change={edit(|m, v| m.monthly_income = v)} error={err("monthly_income")} class="short" />
            </div>
            <Segmented id={id("work")} legend={l.work} options={works} selected={p.member.work.map_or("", Work::as_str)}
                on_change={edit(|m, v| m.work = Work::ALL.iter().copied().find(|w| w.as_str() == v))}
                error={err("work")} />
            if p.member.asks_supporter() {
                <div class="field-question">
                    <Segmented id={id("has_able_supporter")} legend={l.has_able_supporter}
                        options={vec![(AttrValue::Static("yes"), AttrValue::Static(l.answer_yes)), (AttrValue::Static("no"), AttrValue::Static(l.answer_no))]}
                        selected={match p.member.has_able_supporter { Some(true) => "yes", Some(false) => "no", None => "" }}
                        on_change={edit(|m, v| m.has_able_supporter = Some(v == "yes"))} error={err("has_able_supporter")} />
                    <p class="hint">{ l.supporter_hint }</p>
                </div>
            }
            <MemberMore index={i} member={p.member.clone()} lang={p.lang} jurisdiction={p.jurisdiction.clone()}
                errors={p.errors.clone()} on_change={p.on_change.clone()} painted={p.painted} />
        </article>
    }
}
