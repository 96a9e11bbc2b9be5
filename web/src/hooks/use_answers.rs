//! `use_answers`: the assessment and the chart for the form, recomputed only when the form
//! (or, for the sentences, the language) changes, with the last good result kept to show,
//! dimmed, while an answer is wrong or missing.

use std::rc::Rc;

use doudi_core::{Assessment, Lang};
use yew::prelude::*;

use crate::compute::{self, ChartData, Outcome};
use crate::fields::FieldErrors;
use crate::form::Form;

/// What the answer column shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Answers {
    /// The outcome for the form as it stands.
    pub outcome: Outcome,
    /// Messages for wrong answers, by control id.
    pub errors: Rc<FieldErrors>,
    /// The result to show: the current one, or the last good one.
    pub shown: Option<Shown>,
    /// True when `shown` is not the current form's (an answer is wrong or missing).
    pub stale: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub assessment: Rc<Assessment>,
    pub chart: Rc<ChartData>,
}

/// Assesses `form` in `lang` (memoized), sweeps it for the chart (memoized on the form
/// alone), and remembers the last good pair.
#[hook]
pub fn use_answers(form: &Form, lang: Lang) -> Answers {
    let assessed = use_memo((form.clone(), lang), |(f, l)| {
        let outcome = compute::assess(f, *l);
        let errors = match &outcome {
            Outcome::Invalid(v) => {
                FieldErrors(v.iter().filter_map(|(f, m)| f.dom_id().map(|id| (id, m.clone()))).collect())
            }
            _ => FieldErrors::default(),
        };
        (outcome, Rc::new(errors))
    });
    let chart = use_memo(form.clone(), compute::chart);
    let last = use_mut_ref(|| None::<Shown>);
    let (outcome, errors) = (*assessed).clone();
    if let Outcome::Ready(a) = &outcome {
        *last.borrow_mut() = Some(Shown { assessment: a.clone(), chart: chart.clone() });
    }
    let stale = !matches!(outcome, Outcome::Ready(_));
    let shown = last.borrow().clone();
    Answers { outcome, errors, shown, stale }
}
