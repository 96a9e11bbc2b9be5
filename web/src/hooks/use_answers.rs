//! `use_answers`: the assessment and the chart for the form, recomputed only when the form
//! (or, for the sentences, the language) changes, with the last good result kept to show,
//! dimmed, while an answer is wrong or missing.

use std::rc::Rc;

use doudi_core::{Assessment, Lang};
use yew::prelude::*;

use crate::compute::{self, Outcome};
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
    /// What the questions not answered yet would change.
    pub what_ifs: Rc<Vec<compute::WhatIf>>,
}

/// Assesses `form` in `lang` (memoized) and remembers the last good result. (The chart
/// sweeps the form itself, after the frame: [`crate::components::chart`].)
#[hook]
pub fn use_answers(form: &Form, lang: Lang) -> Answers {
    let assessed = use_memo((form.clone(), lang), |(f, l)| {
        let outcome = compute::assess(f, *l);
        let what_ifs = match &outcome {
            Outcome::Ready(a) => compute::what_ifs(f, a),
            _ => Vec::new(),
        };
        let errors = match &outcome {
            Outcome::Invalid(v) => {
                FieldErrors(v.iter().filter_map(|(f, m)| f.dom_id().map(|id| (id, m.clone()))).collect())
            }
            _ => FieldErrors::default(),
        };
        (outcome, Rc::new(errors), Rc::new(what_ifs))
    });
    let last = use_mut_ref(|| None::<Shown>);
    let (outcome, errors, what_ifs) = (*assessed).clone();
    if let Outcome::Ready(a) = &outcome {
        *last.borrow_mut() = Some(Shown { assessment: a.clone(), what_ifs });
    }
    let stale = !matches!(outcome, Outcome::Ready(_));
    let shown = last.borrow().clone();
    Answers { outcome, errors, shown, stale }
}
