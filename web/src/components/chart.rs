//! "If income changes": the household's monthly aid against the first person's monthly
//! income, as an inline SVG drawn here (no chart library), the stretches where more income
//! means less money in all shaded and labelled, the household's point marked, and the
//! same told in a sentence for screen readers and for people who do not read charts.

use std::rc::Rc;

use doudi_core::Lang;
use yew::prelude::*;

use crate::compute::{self, ChartData};
use crate::dom;
use crate::form::Form;
use crate::format;
use crate::i18n::{self, labels};
use crate::plot;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub lang: Lang,
    /// The household as the form stands; the chart is swept from it after the frame that
    /// shows the new amount (a keystroke waits for the amount, not for the sweep's decisions).
    pub form: Rc<Form>,
    pub on_open_params: Callback<()>,
    /// Staff may enter the missing standard; residents are told it is local.
    #[prop_or_default]
    pub staff: bool,
    #[prop_or_default]
    pub place_name: AttrValue,
}

/// The chart in words: its sentences one after another (with a space between them in
/// English, as Chinese needs none).
pub fn describe(r: &plot::Reading, lang: Lang) -> String {
    let l = labels(lang);
    let mut out = vec![i18n::fill(l.chart_desc_start, &[&format::money(doudi_core::assessment::Amount(r.start))])];
    // A fall where the aid stops (a cliff at the zero point) is told with it, not again.
    let at_zero = |f: &&crate::compute::Fall| r.zero_from.is_some_and(|z| format::whole(z) == format::whole(f.at));
    match r.zero_from {
        Some(z) => {
            out.push(i18n::fill(l.chart_desc_zero, &[&format::whole(z)]));
            if let Some(f) = r.falls.iter().find(at_zero) {
                let (before, after) = (format::whole(f.before), format::whole(f.after));
                out.push(match f.back {
                    Some(back) => i18n::fill(l.chart_desc_loss_then, &[&before, &after, &format::whole(back)]),
                    None => i18n::fill(l.chart_desc_loss_then_open, &[&before, &after]),
                });
            }
        }
        None if r.start > rust_decimal::Decimal::ZERO => out.push(l.chart_desc_never_zero.to_string()),
        None => {}
    }
    out.push(i18n::fill(
        l.chart_desc_now,
        &[
            &format::money(doudi_core::assessment::Amount(r.current.0)),
            &format::money(doudi_core::assessment::Amount(r.current.1)),
        ],
    ));
    if r.falls.is_empty() {
        out.push(l.chart_desc_no_loss.to_string());
    }
    for f in r.falls.iter().filter(|f| !at_zero(f)) {
        let (at, before, after) = (format::whole(f.at), format::whole(f.before), format::whole(f.after));
        out.push(match f.back {
            Some(back) => i18n::fill(l.chart_desc_loss, &[&at, &before, &after, &format::whole(back)]),
            None => i18n::fill(l.chart_desc_loss_open, &[&at, &before, &after]),
        });
    }
    out.join(match lang {
        Lang::Zh => "",
        Lang::En => " ",
    })
}

/// The chart's data, compared by identity: a new sweep is a new `Rc`, so the drawing below
/// is made once per sweep (and language), not again at every render of the page.
struct Swept(Rc<ChartData>);

impl PartialEq for Swept {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The figure for a sweep: the SVG, the sentence and the range's note.
fn figure(s: &compute::Sweep, lang: Lang) -> Html {
    let l = labels(lang);
    let g = plot::plot(s);
    let words = plot::ChartWords { title: l.chart_heading, loss: l.chart_loss, you: l.chart_you, x_axis: l.chart_x };
    html! {
        <figure class="chart-figure">
            { Html::from_html_unchecked(AttrValue::from(plot::svg(&g, &words))) }
            <figcaption>
                <p class="chart-y">{ l.chart_y }</p>
                <p id="chart-desc">{ describe(&g.reading, lang) }</p>
                <p class="hint">{ i18n::fill(l.chart_range, &[&format::whole(s.range_end)]) }</p>
            </figcaption>
        </figure>
    }
}

#[component]
pub fn Chart(p: &ChartProps) -> Html {
    let l = labels(p.lang);
    let data = use_sweep(&p.form);
    let drawn = use_memo((Swept(data.clone()), p.lang), |(d, lang)| match &*d.0 {
        ChartData::Ready(s) => figure(s, *lang),
        _ => html! {},
    });
    let content = match &*data {
        ChartData::Unavailable => html! {},
        ChartData::NeedsStandard if p.staff => html! {
            <div class="chart-missing">
                <p>{ l.chart_needs_standard }</p>
                <button type="button" class="secondary" onclick={p.on_open_params.reform(|_: MouseEvent| ())}>{ l.chart_open_params }</button>
            </div>
        },
        ChartData::NeedsStandard => html! {
            <div class="chart-missing">
                <p>{ i18n::fill(l.chart_needs_local, &[&p.place_name]) }</p>
                <p class="hint">{ l.ask_local }</p>
            </div>
        },
        ChartData::Ready(_) => (*drawn).clone(),
    };
    html! {
        <section class="chart" aria-labelledby="chart-heading">
            <h2 id="chart-heading">{ l.chart_heading }</h2>
            { content }
        </section>
    }
}

/// The chart's data for `form`, swept once the frame after a change has been painted; until
/// then (and while the form cannot be assessed) the last chart stays. Of several changes
/// before a sweep runs, only the last is swept.
#[hook]
fn use_sweep(form: &Rc<Form>) -> Rc<ChartData> {
    let data = use_state(|| Rc::new(ChartData::Unavailable));
    let latest = use_mut_ref(|| 0u64);
    {
        let data = data.clone();
        use_effect_with(form.clone(), move |form| {
            let mine = {
                let mut n = latest.borrow_mut();
                *n += 1;
                *n
            };
            let form = form.clone();
            dom::after_paint(move || {
                if *latest.borrow() != mine {
                    return;
                }
                let swept = compute::chart(&form);
                if !matches!(swept, ChartData::Unavailable) && **data != swept {
                    data.set(Rc::new(swept));
                }
            });
        });
    }
    (*data).clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    /// The sentences follow one another as each language writes them: with a space in
    /// English, none in Chinese.
    #[test]
    fn the_chart_in_words_spaces_its_sentences_in_english_only() {
        let r = plot::Reading {
            start: Decimal::from(840),
            zero_from: Some(Decimal::from(840)),
            current: (Decimal::ZERO, Decimal::from(840)),
            falls: vec![],
        };
        assert_eq!(
            describe(&r, Lang::En),
            "With no income for the first person, the household's aid is about 840.00 yuan a month. \
             At about 840 yuan of income the monthly aid falls to 0. \
             The income entered now is 0.00 yuan, with 840.00 yuan of aid a month. \
             Over the range shown, earning more never lowers income plus aid."
        );
        assert_eq!(
            describe(&r, Lang::Zh),
            "第一位成员没有收入时，全家每月救助约 840.00 元。收入达到约 840 元时，每月救助降为 0。\
             现在填写的收入是 0.00 元，对应每月救助 840.00 元。在图中的范围内，多挣钱总能让收入加救助的总数增加或不变。"
        );
    }

    /// A fall says where it is, from what to what, and the income that makes it up — or that
    /// the range shown does not reach one.
    #[test]
    fn a_fall_in_words_says_where_how_far_and_until_when() {
        let cents = |c: i64| Decimal::new(c, 2);
        let fall = |back| crate::compute::Fall { at: cents(62000), before: cents(142599), after: cents(62000), back };
        let mut r = plot::Reading {
            start: Decimal::from(806),
            zero_from: Some(Decimal::from(620)),
            current: (Decimal::ZERO, Decimal::from(806)),
            falls: vec![fall(Some(cents(142599)))],
        };
        // Where the aid stops, the fall is told with it, once.
        let zh = describe(&r, Lang::Zh);
        assert!(
            zh.contains("收入达到约 620 元时，每月救助降为 0。这时收入加救助的总数从约 1,426 元降到约 620 元；收入要到约 1,426 元，总数才回到原来的水平。现在填写的收入"),
            "{zh}"
        );
        assert_eq!(zh.matches("收入达到约 620 元时").count(), 1, "{zh}");
        assert!(!zh.contains("多挣钱总能"), "{zh}");
        let en = describe(&r, Lang::En);
        assert!(
            en.contains("At about 620 yuan of income the monthly aid falls to 0. Income plus aid then falls from about 1,426 to about 620 yuan; it takes about 1,426 yuan of income to get back to where it was. The income entered now"),
            "{en}"
        );
        // A fall elsewhere (the aid drops but does not stop) is a sentence of its own.
        r.zero_from = Some(Decimal::from(900));
        let zh = describe(&r, Lang::Zh);
        assert!(
            zh.ends_with("收入达到约 620 元时，收入加救助的总数从约 1,426 元降到约 620 元；收入要到约 1,426 元，总数才回到原来的水平。"),
            "{zh}"
        );
        r.falls = vec![fall(None)];
        assert!(describe(&r, Lang::Zh).ends_with("降到约 620 元，在图中的范围内没有回到原来的水平。"));
        r.zero_from = Some(Decimal::from(620));
        assert!(describe(&r, Lang::Zh).contains(
            "每月救助降为 0。这时收入加救助的总数从约 1,426 元降到约 620 元，在图中的范围内没有回到原来的水平。"
        ));
    }
}
