//! The household as a whole: current support, applications in progress, assets.

use std::rc::Rc;

use doudi_core::Lang;
use yew::prelude::*;

use crate::components::check_field::CheckField;
use crate::components::text_field::TextField;
use crate::fields::{household_dom_id, FieldErrors};
use crate::form::SupportForm;
use crate::i18n::labels;

/// Drawn by a plain function, not a component (it is drawn with the page anyway; its
/// fields are components): a component's machinery costs the first load about 400 bytes.
pub struct HouseholdFactsProps {
    pub lang: Lang,
    pub support: SupportForm,
    pub assets: AttrValue,
    pub errors: Rc<FieldErrors>,
    pub on_support: Callback<SupportForm>,
    pub on_assets: Callback<String>,
}

pub fn household_facts(p: HouseholdFactsProps) -> Html {
    let l = labels(p.lang);
    let s = &p.support;
    let id = |path: &str| AttrValue::from(household_dom_id(path));
    let err = |path: &str| p.errors.get(&household_dom_id(path)).map(AttrValue::from);
    let tick = |f: fn(&mut SupportForm, bool)| {
        let s = p.support.clone();
        p.on_support.reform(move |v: bool| {
            let mut s = s.clone();
            f(&mut s, v);
            s
        })
    };
    let text = |f: fn(&mut SupportForm, String)| {
        let s = p.support.clone();
        p.on_support.reform(move |v: String| {
            let mut s = s.clone();
            f(&mut s, v);
            s
        })
    };
    html! {
        <section class="household" aria-labelledby="household-heading">
            <h2 id="household-heading">{ l.household_heading }</h2>
            <div class="card">
                <CheckField id={id("support.dibao")} label={l.on_dibao} checked={s.dibao} on_change={tick(|s, v| s.dibao = v)} />
                if s.dibao {
                    <div class="follow-up">
                        <TextField id={id("support.dibao_monthly")} label={l.dibao_monthly} inputmode="decimal"
                            value={s.dibao_monthly.clone()} on_change={text(|s, v| s.dibao_monthly = v)}
                            error={err("support.dibao_monthly")} class="short" />
                        <TextField id={id("support.income_above_standard_since")} label={l.income_above_since} kind="date"
                            value={s.income_above_standard_since.clone()} on_change={text(|s, v| s.income_above_standard_since = v)}
                            error={err("support.income_above_standard_since")} />
                    </div>
                }
                <CheckField id={id("support.low_income")} label={l.low_income} checked={s.low_income} on_change={tick(|s, v| s.low_income = v)} />
                <CheckField id={id("support.poverty_registered")} label={l.poverty_registered} checked={s.poverty_registered}
                    on_change={tick(|s, v| s.poverty_registered = v)} />
                <fieldset class="group plain">
                    <legend>{ l.applying }</legend>
                    <CheckField id={id("applying.dibao")} label={l.applying_dibao} checked={s.applying_dibao} on_change={tick(|s, v| s.applying_dibao = v)} />
                    <CheckField id={id("applying.tekun")} label={l.applying_tekun} checked={s.applying_tekun} on_change={tick(|s, v| s.applying_tekun = v)} />
                </fieldset>
                <TextField id={id("assets")} label={l.assets} inputmode="decimal" hint={AttrValue::Static(l.assets_hint)}
                    value={p.assets.clone()} on_change={p.on_assets.clone()} error={err("assets")} class="short" />
            </div>
        </section>
    }
}
