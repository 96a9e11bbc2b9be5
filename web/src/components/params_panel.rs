//! Staff mode's parameters panel: every parameter in force for the place and date, its
//! value, unit, source and confidence; any of them can be changed for this estimate
//! (marked as changed, with a reset), and one with no known value is asked for here, with
//! its choices as buttons where the policy data lists them.

use std::collections::BTreeMap;
use std::rc::Rc;

use doudi_core::ids::{param_kind, Kind};
use doudi_core::policy::ParamValue;
use doudi_core::{Lang, ParamInForce};
use yew::prelude::*;

use crate::app::ParamsInfo;
use crate::components::segmented::Segmented;
use crate::fields::{param_dom_id, FieldErrors, Target};
use crate::form::OPEN;
use crate::format;
use crate::i18n::{self, labels};

#[derive(Properties, PartialEq)]
pub struct ParamsPanelProps {
    pub lang: Lang,
    pub params: Rc<ParamsInfo>,
    pub overrides: BTreeMap<String, String>,
    pub errors: Rc<FieldErrors>,
    pub on_set: Callback<(String, String)>,
    pub on_reset: Callback<String>,
    pub on_reveal: Callback<Target>,
}

/// A parameter value as the input holds it (`1010`, `2020-01-24`, `open`, `true`).
fn as_text(v: ParamValue) -> String {
    match v {
        ParamValue::Number(d) => d.normalize().to_string(),
        ParamValue::Date(d) => d.to_string(),
        ParamValue::Open => OPEN.to_string(),
        ParamValue::Bool(b) => b.to_string(),
    }
}

/// Whether a note of the policy data reads in `lang`: any note in English; in Chinese, one
/// mostly in Chinese (more Chinese characters than Latin letters).
fn in_language(text: &str, lang: Lang) -> bool {
    match lang {
        Lang::En => true,
        Lang::Zh => {
            let cjk = text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
            let latin = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
            cjk > latin
        }
    }
}

#[component]
pub fn ParamsPanel(p: &ParamsPanelProps) -> Html {
    let l = labels(p.lang);
    html! {
        <section class="params-panel" id="params" aria-labelledby="params-heading">
            <h2 id="params-heading">{ l.params_heading }</h2>
            <p class="hint">{ l.params_hint }</p>
            { for p.params.list.iter().map(|param| row(p, param)) }
        </section>
    }
}

fn row(p: &ParamsPanelProps, param: &ParamInForce) -> Html {
    let l = labels(p.lang);
    let lang = p.lang;
    let id = param.id.clone();
    let dom = param_dom_id(&id);
    let overridden = p.overrides.get(&id);
    let kind = param_kind(&id).unwrap_or(Kind::Number);
    let policy_text = param.value.map(as_text).unwrap_or_default();
    let current = overridden.cloned().unwrap_or_else(|| policy_text.clone());
    let missing = param.value.is_none() && overridden.is_none();
    let error = p.errors.get(&dom);
    let set = {
        let id = id.clone();
        p.on_set.reform(move |v: String| (id.clone(), v))
    };
    let unit = i18n::unit_label(&param.unit, lang);
    let shown_value = match param.value {
        Some(v) => match v {
            ParamValue::Date(d) => format::date(&d.to_string(), lang),
            ParamValue::Open => l.param_open.to_string(),
            ParamValue::Bool(b) => if b { l.param_true } else { l.param_false }.to_string(),
            ParamValue::Number(_) => format!("{} {unit}", v.display(lang)),
        },
        None => "—".to_string(),
    };
    let err_id = format!("{dom}-err");
    let input = match kind {
        Kind::Bool => html! {
            <Segmented id={dom.clone()} legend={l.param_value}
                options={vec![(AttrValue::Static("true"), AttrValue::Static(l.param_true)), (AttrValue::Static("false"), AttrValue::Static(l.param_false))]}
                selected={current.clone()} on_change={set.clone()} />
        },
        Kind::Date => {
            let oninput = set.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
            let open_pressed = current == OPEN;
            let set_open = set.reform(|_: MouseEvent| OPEN.to_string());
            html! {
                <div class="param-input">
                    <label for={dom.clone()}>{ l.param_value }</label>
                    <input type="date" id={dom.clone()} value={if open_pressed { String::new() } else { current.clone() }} {oninput}
                        aria-invalid={error.as_ref().map(|_| "true")} aria-describedby={error.as_ref().map(|_| err_id.clone())} />
                    if id == "epidemic.end" {
                        <button type="button" class="chip-button" aria-pressed={open_pressed.to_string()} onclick={set_open}>{ l.param_open }</button>
                    }
                </div>
            }
        }
        Kind::Number => {
            let oninput = set.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
            html! {
                <div class="param-input">
                    <label for={dom.clone()}>{ l.param_value }{ " (" }{ unit }{ ")" }</label>
                    <input type="text" inputmode="decimal" id={dom.clone()} value={current.clone()} {oninput} autocomplete="off"
                        aria-invalid={error.as_ref().map(|_| "true")} aria-describedby={error.as_ref().map(|_| err_id.clone())} />
                </div>
            }
        }
    };
    let choices = (!param.choices.is_empty()).then(|| {
        html! {
            <div class="choices">
                { for param.choices.iter().map(|c| {
                    let v = as_text(c.value);
                    let pressed = v == current;
                    let onclick = set.reform(move |_: MouseEvent| v.clone());
                    let label = match lang { Lang::Zh => c.label.clone(), Lang::En => c.label_en.clone() };
                    html! { <button type="button" class="chip-button" aria-pressed={pressed.to_string()} {onclick}>{ label }</button> }
                }) }
            </div>
        }
    });
    let clause_link = param.clause.as_deref().and_then(doudi_core::policy::ClauseRef::parse).map(|r| {
        // The document and clause in words (the id is the link's target, not its text).
        let label = crate::policy_text::clause_words(&r.to_string()).unwrap_or_else(|| r.to_string());
        let target = Target::Clause { document: r.document.clone(), clause: r.clause.clone() };
        let onclick = p.on_reveal.reform(move |e: MouseEvent| {
            e.prevent_default();
            target.clone()
        });
        html! { <a href={format!("#{}", crate::fields::clause_dom_id(&r.document, &r.clause))} {onclick}>{ label }</a> }
    });
    let reset = {
        let id = id.clone();
        p.on_reset.reform(move |_: MouseEvent| id.clone())
    };
    html! {
        <div class={classes!("param", overridden.map(|_| "modified"), missing.then_some("param-missing"))} id={format!("row-{dom}")}>
            <h3 class="param-label">
                { param.label.clone() }
                <code class="param-id">{ id.clone() }</code>
            </h3>
            <p class="param-value">
                { shown_value }
                if let Some(from) = &param.from {
                    <span class="from">{ " · " }{ i18n::fill(l.param_from, &[&format::date(from, lang)]) }</span>
                }
                if overridden.is_some() {
                    <span class="tag modified-tag"><span class="icon" aria-hidden="true">{ "✎" }</span>{ l.param_modified }</span>
                }
                if missing {
                    <span class="tag missing-tag"><span class="icon" aria-hidden="true">{ "？" }</span>{ l.param_no_value }</span>
                }
            </p>
            { choices.unwrap_or_default() }
            { input }
            if let Some(e) = &error {
                <p class="field-error" id={err_id.clone()}><span class="icon" aria-hidden="true">{ "⚠" }</span>{ e.clone() }</p>
            }
            if overridden.is_some() {
                <button type="button" class="secondary" onclick={reset} aria-label={i18n::fill(l.param_reset_name, &[&param.label])}>{ l.param_reset }</button>
            }
            <dl class="param-source">
                if param.clause.is_some() || param.source.is_some() {
                    <div><dt>{ l.param_source }</dt><dd>
                        { clause_link.unwrap_or_default() }
                        if let Some(s) = &param.source { { " " }{ s.clone() } }
                    </dd></div>
                }
                if let Some(c) = param.confidence {
                    <div><dt>{ l.param_confidence }</dt><dd>{ c.label(lang) }</dd></div>
                }
            </dl>
            // The policy data's notes are in English only for some parameters: in Chinese,
            // only the ones written in Chinese are shown.
            if let Some(u) = param.unknown.as_ref().filter(|u| missing && in_language(u, lang)) {
                <p class="hint">{ u.clone() }</p>
            }
            if let Some(n) = param.note.as_ref().filter(|n| in_language(n, lang)) {
                <p class="hint">{ n.clone() }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_notes_stay_out_of_the_chinese_panel() {
        assert!(!in_language("No city's 2020 standard was found: enter the local standard.", Lang::Zh));
        assert!(in_language("No city's 2020 standard was found: enter the local standard.", Lang::En));
        assert!(!in_language(
            "各地可根据疫情形势决定: off unless the locality decided it; switch it on here",
            Lang::Zh
        ));
        assert!(in_language("按当地标准", Lang::Zh));
    }
}
