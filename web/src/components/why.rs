//! "Why?": a finding's trace (each figure, its formula, its value) and the clauses it
//! quotes, each linked to the clause in the policy browser.

use doudi_core::assessment::{Citation, TraceStep};
use doudi_core::Lang;
use yew::prelude::*;

use crate::fields::{clause_dom_id, Target};
use crate::i18n::labels;

#[derive(Properties, PartialEq)]
pub struct WhyProps {
    pub lang: Lang,
    pub trace: Vec<TraceStep>,
    pub citations: Vec<Citation>,
    pub on_reveal: Callback<Target>,
    /// Staff see each figure's formula; residents its label and value.
    #[prop_or_default]
    pub staff: bool,
    /// The conditions as a flow (worked out only once opened), and the outcome they lead to.
    #[prop_or(Callback::from(|_| Vec::new()))]
    pub flow: Callback<(), Vec<crate::components::flow::Step>>,
    #[prop_or_default]
    pub outcome: AttrValue,
    /// The clauses' words have loaded ([`crate::clauses`]): drawn again to quote them.
    #[prop_or_default]
    pub clauses: bool,
}

#[component]
pub fn Why(p: &WhyProps) -> Html {
    let l = labels(p.lang);
    // The figures and clauses are drawn only once opened: a page of results holds a score
    // of these, and a phone need not build them all before showing the first answer.
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    if !*open {
        return html! {
            <details class="why" {ontoggle}>
                <summary>{ l.why }</summary>
            </details>
        };
    }
    html! {
        <details class="why" open=true {ontoggle}>
            <summary>{ l.why }</summary>
            { crate::components::flow::view(p.lang, &p.flow.emit(()), &p.outcome) }
            if !p.trace.is_empty() && !p.staff {
                <div class="table-wrap">
                    <table class="trace plain" role="table">
                        <caption>{ l.trace_resident_caption }</caption>
                        <tbody role="rowgroup">
                            { for p.trace.iter().map(|t| html! {
                                <tr role="row">
                                    <th scope="row" role="rowheader">{ t.label.clone() }</th>
                                    <td class="value" role="cell">{ t.value.clone() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if !p.trace.is_empty() && p.staff {
                <div class="table-wrap">
                    // Explicit roles keep it a table for screen readers when a phone's
                    // stylesheet stacks its rows.
                    <table class="trace" role="table">
                        <caption>{ l.trace_caption }</caption>
                        <thead role="rowgroup"><tr role="row">
                            <th scope="col" role="columnheader">{ l.trace_label }</th>
                            <th scope="col" role="columnheader">{ l.trace_formula }</th>
                            <th scope="col" role="columnheader">{ l.trace_value }</th>
                        </tr></thead>
                        <tbody role="rowgroup">
                            { for p.trace.iter().map(|t| html! {
                                <tr role="row">
                                    <th scope="row" role="rowheader">{ t.label.clone() }</th>
                                    <td class="formula" role="cell">{ t.formula.clone() }</td>
                                    <td class="value" role="cell">{ t.value.clone() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if !p.citations.is_empty() {
                <h5 class="citations-heading">{ l.citations_heading }</h5>
                { for p.citations.iter().map(|c| {
                    let target = Target::Clause { document: c.document_id.to_string(), clause: c.clause_id.to_string() };
                    let onclick = p.on_reveal.reform(move |e: MouseEvent| {
                        e.prevent_default();
                        target.clone()
                    });
                    html! {
                        <figure class="citation">
                            <blockquote lang="zh-CN">{ crate::clauses::text(&c.document_id, &c.clause_id, &c.text) }</blockquote>
                            <figcaption>
                                <span class="doc" lang="zh-CN">{ c.document.clone() }</span>
                                { " · " }
                                <span class="clause" lang="zh-CN">{ c.clause.clone() }</span>
                                { " · " }
                                <a href={format!("#{}", clause_dom_id(&c.document_id, &c.clause_id))} {onclick}>{ l.see_clause }</a>
                            </figcaption>
                        </figure>
                    }
                }) }
            }
        </details>
    }
}
