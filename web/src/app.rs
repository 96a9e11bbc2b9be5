//! The root component: holds the state (a reducer), computes the answer from the form
//! while rendering, lays out questions and answers, and is the only place with side
//! effects (`use_effect_with`): focus and scrolling, the shared link, printing, and the
//! browser events it listens to.
//!
//! It takes props so that the same page can later be embedded (a custom element in a
//! shadow root) without its header and footer.

use std::rc::Rc;

use doudi_core::input::Residence;
use doudi_core::{Lang, ParamInForce};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::basis::{basis, BasisProps};
use crate::components::chart::Chart;
use crate::components::footer::{footer, FooterProps};
use crate::components::header::{header, HeaderProps};
use crate::components::household_facts::{household_facts, HouseholdFactsProps};
use crate::components::member_card::MemberCard;
use crate::components::ordinary_section::ordinary_section;
use crate::components::override_notice::{override_notice, OverrideNoticeProps};
use crate::components::params_panel::ParamsPanel;
use crate::components::policy_browser::PolicyBrowser;
use crate::components::results::Results;
use crate::components::saved_households::SavedHouseholds;
use crate::components::settings::{settings, SettingsProps};
use crate::components::situations::{situations, SituationsProps};
use crate::components::summary_bar::{summary_bar, SummaryBarProps};
use crate::compute;
use crate::dom;
use crate::fields::{household_dom_id, FieldRef, Target};
use crate::form::{Form, MemberEdit, Situation, SupportForm, EPIDEMIC_DATE};
use crate::hooks::{use_after_paint, use_answers, use_clauses, use_lang};
use crate::i18n::{self, labels};
use crate::print;
use crate::share;
use crate::state::{Action, Effect, State};
use crate::storage;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The place chosen at first: a jurisdiction's id; by default the first place in the
    /// policies' order (`order` in the places' files).
    #[prop_or_else(i18n::first_place)]
    pub jurisdiction: AttrValue,
    #[prop_or_default]
    pub lang: Lang,
    /// Tighter spacing, for an embed in a narrow column.
    #[prop_or_default]
    pub compact: bool,
    /// In another page (embed.html, `<doudi-calculator>`): grows to its content, with no
    /// fixed bar at the bottom and no answer column scrolling on its own.
    #[prop_or_default]
    pub embedded: bool,
    #[prop_or(true)]
    pub show_header: bool,
    #[prop_or(true)]
    pub show_footer: bool,
    /// The questions are the page's `<main>`; false in `<doudi-calculator>`, which sits
    /// inside the portal's own page (and its `<main>`), so they are a plain `<div>` there.
    #[prop_or(true)]
    pub main_landmark: bool,
    /// Read a household from the address's `#h=` fragment on load and when it changes.
    #[prop_or(true)]
    pub read_fragment: bool,
    /// Dispatch a `doudi-change` event (summary only, web/EMBED.md) on the root element
    /// whenever the answer's summary changes; for embeds.
    #[prop_or_default]
    pub announce: bool,
    /// The date of assessment chosen by the host (`YYYY-MM-DD`, already checked); `None`
    /// leaves it to the form (the 2020 epidemic date). A later change replaces the form's date.
    #[prop_or_default]
    pub as_of: Option<AttrValue>,
    /// Urban or rural chosen by the host; `None` leaves it to the form.
    #[prop_or_default]
    pub residence: Option<Residence>,
    /// Where the app leaves the household for its host (`<doudi-calculator>`'s
    /// `household()`): contract v1 JSON text, or `None` while an answer is wrong or missing.
    #[prop_or_default]
    pub household_out: Option<HouseholdOut>,
}

/// A slot the host reads the household from (the custom element's `household()`); the
/// household goes nowhere unless the host asks. Equal only to itself.
#[derive(Clone, Default)]
pub struct HouseholdOut(pub Rc<std::cell::RefCell<Option<String>>>);

impl PartialEq for HouseholdOut {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Callbacks made once from the dispatcher, so children whose props did not change do not
/// render again.
struct Callbacks {
    place: Callback<String>,
    date: Callback<String>,
    residence: Callback<Residence>,
    add_member: Callback<MouseEvent>,
    remove_member: Callback<usize>,
    edit_member: Callback<(usize, MemberEdit)>,
    support: Callback<SupportForm>,
    assets: Callback<String>,
    set_param: Callback<(String, String)>,
    reset_param: Callback<String>,
    lang: Callback<Lang>,
    big_text: Callback<()>,
    staff: Callback<()>,
    reveal: Callback<Target>,
    share: Callback<()>,
    print: Callback<()>,
    go_answers: Callback<()>,
    open_params: Callback<()>,
    policy: Callback<()>,
    situation: Callback<(Situation, bool)>,
    answer: Callback<(usize, crate::compute::Answer)>,
    reset_params: Callback<()>,
}

impl Callbacks {
    fn new(d: UseReducerDispatcher<State>) -> Callbacks {
        let d = d.to_callback();
        let on = |f: fn(()) -> Action| d.reform(f);
        Callbacks {
            place: d.reform(Action::SetJurisdiction),
            date: d.reform(Action::SetDate),
            residence: d.reform(Action::SetResidence),
            add_member: d.reform(|_: MouseEvent| Action::AddMember),
            remove_member: d.reform(Action::RemoveMember),
            edit_member: d.reform(|(i, m)| Action::EditMember(i, m)),
            support: d.reform(Action::EditSupport),
            assets: d.reform(Action::SetAssets),
            set_param: d.reform(|(id, v)| Action::SetParam(id, v)),
            reset_param: d.reform(Action::ResetParam),
            lang: d.reform(Action::SetLang),
            big_text: on(|_| Action::ToggleBigText),
            staff: on(|_| Action::ToggleStaff),
            reveal: d.reform(Action::Reveal),
            share: on(|_| Action::RequestShare),
            print: on(|_| Action::RequestPrint),
            go_answers: on(|_| Action::Reveal(Target::Answers)),
            open_params: on(|_| {
                Action::Reveal(Target::Field(FieldRef::Param(doudi_core::ids::param::DIBAO_STANDARD_URBAN.into())))
            }),
            policy: on(|_| Action::Reveal(Target::Element("policy-heading".into()))),
            situation: d.reform(|(s, yes)| Action::SetSituation(s, yes)),
            answer: d.reform(|(i, answer)| Action::Answer(i, answer)),
            reset_params: on(|_| Action::ResetParams),
        }
    }
}

fn initial_state(props: &AppProps) -> State {
    let today = dom::today();
    let form = props
        .read_fragment
        .then(|| share::decode_fragment(&dom::location_hash()))
        .flatten()
        .map(|v| Form::from_json(&v, &props.jurisdiction, EPIDEMIC_DATE))
        .unwrap_or_else(|| Form::new(&props.jurisdiction, EPIDEMIC_DATE));
    let mut s = State::new(form, props.lang, today).opened_from_link();
    if let Some(d) = &props.as_of {
        s = s.apply(Action::SetDate(d.to_string()));
    }
    if let Some(r) = props.residence {
        s = s.apply(Action::SetResidence(r));
    }
    s
}

/// The parameters in force for the place and date.
#[derive(Debug, PartialEq)]
pub struct ParamsInfo {
    pub list: Vec<ParamInForce>,
}

/// The standard's source, for "what this estimate rests on": the document and clause in
/// words (never the ids), or the outside source.
fn standard_source(params: &[ParamInForce], residence: Residence, lang: Lang) -> Option<String> {
    let id = match residence {
        Residence::Urban => doudi_core::ids::param::DIBAO_STANDARD_URBAN,
        Residence::Rural => doudi_core::ids::param::DIBAO_STANDARD_RURAL,
    };
    let p = params.iter().find(|p| p.id == id)?;
    let mut parts = Vec::new();
    if let Some(c) = p.clause.as_deref().and_then(crate::policy_text::clause_words) {
        parts.push(c);
    }
    if let Some(s) = &p.source {
        parts.push(s.clone());
    }
    // Chinese punctuation in Chinese (“来源：…；可信度：高”), as the core writes its sources.
    let (colon, sep) = match lang {
        Lang::Zh => ("：", "；"),
        Lang::En => (": ", "; "),
    };
    if let Some(c) = p.confidence {
        parts.push(format!("{}{colon}{}", labels(lang).param_confidence, c.label(lang)));
    }
    (!parts.is_empty()).then(|| parts.join(sep))
}

/// The overrides a form carries, as (parameter label, value typed), for the notice.
fn override_changes(form: &Form, params: &[ParamInForce], lang: Lang) -> Vec<(AttrValue, AttrValue)> {
    let l = labels(lang);
    form.parameters
        .iter()
        .map(|(id, v)| {
            let label = params.iter().find(|p| p.id == *id).map_or_else(|| id.clone(), |p| p.label.clone());
            let value = if v == crate::form::OPEN { l.param_open.to_string() } else { v.clone() };
            (AttrValue::from(label), AttrValue::from(value))
        })
        .collect()
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let props = props.clone();
        move || initial_state(&props)
    });
    let root = use_node_ref();
    let cb = use_memo((), {
        let d = state.dispatcher();
        move |_| Callbacks::new(d)
    });
    // English once its words have arrived (they are not in the first load).
    let lang = use_lang(state.lang);
    let l = labels(lang);
    let form = &state.form;

    // The first frame shows the questions and the result; what nobody sees at first waits
    // for it to be painted.
    let painted = use_after_paint();
    let clauses = use_clauses(painted);
    let answers = use_answers(form, lang);
    let names = Rc::new(form.member_ids(lang));
    let params = use_memo((form.jurisdiction.clone(), form.as_of.clone(), lang), |(j, d, lang)| ParamsInfo {
        list: doudi_core::parameters(j, d, *lang).unwrap_or_default(),
    });
    let errors = answers.errors.clone();
    // Staff's "清除本机记录" (web/saved.js deletes the database) is done, until the next save.
    let cleared = use_state(|| false);

    // What a print would put on paper: the result shown now (drawn at `beforeprint`).
    let sheet = use_node_ref();
    // One copy of the form a render, shared by the chart and the print's snapshot.
    let shared_form = Rc::new(form.clone());
    let printed = use_mut_ref(|| None);
    *printed.borrow_mut() =
        answers.shown.as_ref().map(|s| (lang, shared_form.clone(), names.clone(), s.assessment.clone()));

    // The page's side effects: one requested by the reducer at a time, then listeners.
    {
        let root = root.clone();
        let form = shared_form.clone();
        let d = state.dispatcher();
        use_effect_with(state.effect.clone(), move |effect| match effect.as_ref().map(|e| &e.1) {
            Some(Effect::Reveal(target)) => {
                if let (Some(el), Some(id)) = (root.cast::<web_sys::Element>(), target.dom_id()) {
                    dom::reveal(&el, &id);
                }
            }
            Some(Effect::Share) => {
                let fragment = share::encode_fragment(&form.to_contract());
                match dom::replace_fragment(&fragment) {
                    Some(url) => {
                        let u = url.clone();
                        dom::copy(&url, move |copied| d.dispatch(Action::ShareDone { url: u, copied }));
                    }
                    None => d.dispatch(Action::ShareDone { url: fragment, copied: false }),
                }
            }
            Some(Effect::Print) => dom::print(),
            None => {}
        });
    }
    {
        let d = state.dispatcher();
        let read_fragment = props.read_fragment;
        let jurisdiction = props.jurisdiction.to_string();
        let site = props.show_footer;
        let props_jurisdiction = jurisdiction.clone();
        let cleared = cleared.setter();
        let (sheet, printed) = (sheet.clone(), printed.clone());
        use_effect_with((), move |_| {
            let mut listeners = Vec::new();
            if let Some(w) = dom::window_target() {
                if read_fragment {
                    let d = d.clone();
                    listeners.push(dom::Listener::new(&w, "hashchange", move |_| {
                        if let Some(v) = share::decode_fragment(&dom::location_hash()) {
                            d.dispatch(Action::Restore(Form::from_json(&v, &jurisdiction, EPIDEMIC_DATE)));
                        }
                    }));
                }
                // A household opened from those saved on this device (web/saved.js): read like a link.
                if site {
                    let (d, jurisdiction) = (d.clone(), props_jurisdiction.clone());
                    listeners.push(dom::Listener::new(&w, "doudi-open", move |e| {
                        let h = e.dyn_ref::<web_sys::CustomEvent>().and_then(|e| e.detail().as_string());
                        if let Some(v) = h.and_then(|h| share::decode_fragment(&h)) {
                            d.dispatch(Action::Restore(Form::from_json(&v, &jurisdiction, EPIDEMIC_DATE)));
                            d.dispatch(Action::Reveal(crate::fields::Target::Answers));
                        }
                    }));
                    listeners.push(dom::Listener::new(&w, "doudi-saved", move |_| cleared.set(false)));
                }
                // The printed sheet is drawn here, when a print starts, for the result shown
                // then: nothing is built for it while the household is being typed.
                listeners.push(dom::Listener::new(&w, "beforeprint", move |_| {
                    if let (Some(el), Some((lang, form, names, a))) =
                        (sheet.cast::<web_sys::Element>(), printed.borrow().as_ref())
                    {
                        let time = dom::now();
                        el.set_inner_html(&(print::sheet(*lang, form, names, a) + &print::foot(*lang, &time)));
                    }
                }));
            }
            move || drop(listeners)
        });
    }

    // A host that changes the props later (the custom element's attributes): a changed place,
    // language, date or residence replaces the current one (a date or residence the host
    // stops giving leaves the form's). Not on the first render, where the state already
    // started from them (or from a shared link).
    {
        let d = state.dispatcher();
        type Host = (AttrValue, Lang, Option<AttrValue>, Option<Residence>);
        let last = use_mut_ref(|| None::<Host>);
        let host: Host = (props.jurisdiction.clone(), props.lang, props.as_of.clone(), props.residence);
        use_effect_with(host, move |now| {
            if let Some(old) = last.borrow_mut().replace(now.clone()) {
                let (j, lang, as_of, residence) = now;
                if old.0 != *j {
                    d.dispatch(Action::SetJurisdiction(j.to_string()));
                }
                if old.1 != *lang {
                    d.dispatch(Action::SetLang(*lang));
                }
                if let Some(date) = as_of.as_ref().filter(|a| old.2.as_ref() != Some(*a)) {
                    d.dispatch(Action::SetDate(date.to_string()));
                }
                if let Some(r) = residence.filter(|r| old.3 != Some(*r)) {
                    d.dispatch(Action::SetResidence(r));
                }
            }
        });
    }
    // The household for a host that may ask for it (never sent anywhere from here).
    if let Some(out) = &props.household_out {
        let value = (!answers.stale).then(|| form.to_contract());
        if *out.0.borrow() != value {
            *out.0.borrow_mut() = value;
        }
    }
    {
        let root = root.clone();
        let summary = props
            .announce
            .then(|| answers.shown.as_ref().filter(|_| !answers.stale).map(|s| compute::embed_summary(&s.assessment)))
            .flatten();
        use_effect_with(summary, move |summary| {
            if let (Some(s), Some(el)) = (summary, root.cast::<web_sys::Element>()) {
                dom::announce_change(&el, s);
            }
        });
    }

    let shown = answers.shown.clone();
    // The household as a link's fragment, for the site's folded sections that read it (saved,
    // ordinary rules): written only once one of them has been opened, not at every keystroke
    // of a page where neither is.
    let folds_open = use_state_eq(|| false);
    let on_fold_open = {
        let open = folds_open.setter();
        use_callback((), move |_: (), _| open.set(true))
    };
    let fragment = AttrValue::from(if props.show_footer && *folds_open {
        share::encode_fragment(&form.to_contract())
    } else {
        String::new()
    });
    let headline = shown.as_ref().map(|s| AttrValue::from(crate::components::results::headline(&s.assessment, lang)));
    let place_name = AttrValue::Static(i18n::place_label(&form.jurisdiction, lang));
    let dibao_now = shown.as_ref().and_then(|s| compute::dibao_now(form, &s.assessment));
    // 城镇还是农村 first (it comes first on the page), then the guided start's questions.
    let residence = form
        .residence
        .is_none()
        .then(|| (AttrValue::Static(labels(lang).residence_question), AttrValue::Static("h-residence")));
    // A person's work, where it changes the answer (the work-cost deduction).
    let in_period = shown.as_ref().is_some_and(|s| s.assessment.summary.in_epidemic_period);
    let work =
        form.members.iter().enumerate().filter(|(_, m)| m.work_matters(form.support.dibao, in_period)).map(|(i, _)| {
            let who = names.get(i).cloned().unwrap_or_default();
            (
                AttrValue::from(i18n::fill(labels(lang).work_question, &[&who])),
                AttrValue::from(crate::fields::member_dom_id(i, "work")),
            )
        });
    let unanswered: Vec<(AttrValue, AttrValue)> = residence
        .into_iter()
        .chain(work)
        .chain(Situation::ALL.iter().filter(|s| form.situation(**s).is_none()).map(|s| {
            (AttrValue::Static(crate::components::situations::question(*s, lang)), AttrValue::Static(s.dom_id()))
        }))
        .collect();
    let changes = state.link_overrides.then(|| override_changes(form, &params.list, lang)).filter(|c| !c.is_empty());
    // A link's place this page does not know: the answer is for the page's own until one is chosen.
    let unknown_place = form
        .unknown_place
        .as_ref()
        .map(|p| i18n::fill(labels(lang).unknown_place_notice, &[p.as_str(), place_name.as_str()]));
    let root_class = classes!(
        "doudi",
        state.big_text.then_some("big"),
        props.compact.then_some("compact"),
        props.embedded.then_some("embedded"),
        state.staff.then_some("staff")
    );
    let on_place = cb.place.clone();
    let members = form.members.iter().enumerate().map(|(i, m)| {
        let on_change = cb.edit_member.clone();
        let on_remove = (i > 0).then(|| cb.remove_member.clone());
        let name = names.get(i).cloned().unwrap_or_default();
        html! {
            <MemberCard key={m.key} index={i} member={m.clone()} name={name} {lang}
                jurisdiction={form.jurisdiction.clone()} errors={errors.clone()} {on_change} {on_remove} {painted} />
        }
    });
    let can_add = form.members.len() < crate::form::MAX_MEMBERS;
    let clear_saved = {
        let cleared = cleared.setter();
        use_callback((), move |_: (), _| {
            let cleared = cleared.clone();
            storage::clear(move || cleared.set(true));
        })
    };

    html! {
        <div class={root_class} part="root" lang={i18n::html_lang(lang)} ref={root}>
            <a class="skip-link" href={format!("#{}", crate::fields::ANSWERS_ID)}
                onclick={cb.go_answers.reform(|e: MouseEvent| e.prevent_default())}>{ l.skip_to_answer }</a>
            if props.show_header {
                { header(HeaderProps { lang, big_text: state.big_text, staff: state.staff, on_lang: cb.lang.clone(),
                    on_big_text: cb.big_text.clone(), on_staff: cb.staff.clone(), on_print: cb.print.clone(),
                    on_go: cb.go_answers.clone(), on_clear_saved: clear_saved, cleared: *cleared }) }
            }
            <div class="layout">
                <@{if props.main_landmark { "main" } else { "div" }} class="questions">
                    if let Some(text) = unknown_place {
                        <div class="override-notice" role="alert" id="unknown-place-notice">
                            <p><span class="icon" aria-hidden="true">{ "⚠" }</span><strong>{ text }</strong></p>
                        </div>
                    }
                    if let Some(changes) = changes {
                        { override_notice(OverrideNoticeProps { lang, changes, on_reset: cb.reset_params.clone() }) }
                    }
                    { settings(SettingsProps { lang, jurisdiction: form.jurisdiction.clone().into(), as_of: form.as_of.clone().into(), today: state.today.clone().into(),
                        residence: form.residence, errors: errors.clone(), on_place, on_date: cb.date.clone(),
                        on_residence: cb.residence.clone() }) }
                    <section class="members" aria-labelledby="members-heading">
                        <h2 id="members-heading">{ l.members_heading }</h2>
                        <p class="hint">{ l.members_hint }</p>
                        { for members }
                        if can_add {
                            <button type="button" class="add-member" part="button" id={household_dom_id("members")} onclick={cb.add_member.clone()}>
                                { l.add_member }
                            </button>
                        }
                    </section>
                    { situations(SituationsProps { lang, answers: Situation::ALL.map(|s| form.situation(s)), on_answer: cb.situation.clone() }) }
                    { household_facts(HouseholdFactsProps { lang, support: form.support.clone(), assets: form.assets.clone().into(), errors: errors.clone(),
                        on_support: cb.support.clone(), on_assets: cb.assets.clone() }) }
                    if state.staff {
                        <ParamsPanel {lang} params={params.clone()} overrides={form.parameters.clone()} errors={errors.clone()}
                            on_set={cb.set_param.clone()} on_reset={cb.reset_param.clone()} on_reveal={cb.reveal.clone()} />
                    }
                </@>
                <aside class="answers" part="answer" id="answers" aria-label={l.answers_heading}>
                    <Results {lang} answers={answers.clone()} {clauses} names={names.clone()} params={params.clone()}
                        on_reveal={cb.reveal.clone()} staff={state.staff} place_name={place_name.clone()} {dibao_now}
                        on_answer={cb.answer.clone()} {unanswered} {painted} />
                    if let Some(s) = &shown {
                        { basis(BasisProps { lang, assessment: s.assessment.clone(), staff: state.staff, place_name: place_name.clone(),
                            standard_source: standard_source(&params.list, form.residence.unwrap_or(Residence::Urban), lang).map(AttrValue::from) }) }
                        <Chart {lang} form={shared_form.clone()} on_open_params={cb.open_params.clone()} staff={state.staff}
                            place_name={place_name.clone()} />
                        if props.show_footer {
                            { ordinary_section(lang, fragment.clone(), on_fold_open.clone()) }
                        }
                    }
                </aside>
            </div>
            if painted {
                <PolicyBrowser {lang} jurisdiction={form.jurisdiction.clone()} on_reveal={cb.reveal.clone()} {clauses} />
            }
            if props.show_footer && painted {
                <SavedHouseholds {lang} household={fragment.clone()} on_open={on_fold_open.reform(storage::mount)} />
            }
            if props.show_footer {
                { footer(FooterProps { lang, share: state.share.clone(), on_share: cb.share.clone(), on_print: cb.print.clone(),
                    on_policy: cb.policy.clone() }) }
            }
            if let Some(text) = headline {
                { summary_bar(SummaryBarProps { lang, text, stale: answers.stale, on_go: cb.go_answers.clone() }) }
            }
            <div class="print-sheet" ref={sheet}></div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard's source in the page's "what this estimate rests on", punctuated in the
    /// language of the page.
    #[test]
    fn the_standards_source_is_punctuated_in_its_language() {
        let zh = doudi_core::params::parameters("tianjin", "2026-12-07", Lang::Zh).expect("tianjin");
        let s = standard_source(&zh, Residence::Urban, Lang::Zh).expect("a source");
        assert!(s.ends_with("；可信度：高"), "{s}");
        assert!(!s.contains("; ") && !s.contains(": "), "{s}");
        let en = doudi_core::params::parameters("tianjin", "2026-12-07", Lang::En).expect("tianjin");
        let s = standard_source(&en, Residence::Urban, Lang::En).expect("a source");
        assert!(s.ends_with("; Confidence: high"), "{s}");
    }
}
