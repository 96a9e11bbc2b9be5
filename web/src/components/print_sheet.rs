//! The printed sheet, shown only by the print stylesheet; its markup is built as text by
//! [`crate::print::sheet`] (escaped), which keeps this long, static part of the page small.

use std::rc::Rc;

use doudi_core::{Assessment, Lang};
use yew::prelude::*;

use crate::form::Form;

#[derive(Properties, PartialEq)]
pub struct PrintSheetProps {
    pub lang: Lang,
    pub form: Form,
    pub names: Rc<Vec<String>>,
    pub assessment: Option<Rc<Assessment>>,
    pub print_time: AttrValue,
    /// The clauses' words have loaded: the sheet quotes them ([`crate::clauses`]).
    #[prop_or_default]
    pub clauses: bool,
}

#[component]
pub fn PrintSheet(p: &PrintSheetProps) -> Html {
    let Some(a) = &p.assessment else {
        return html! {};
    };
    let markup = crate::print::sheet(p.lang, &p.form, &p.names, a, &p.print_time);
    html! { <div class="print-sheet">{ Html::from_html_unchecked(AttrValue::from(markup)) }</div> }
}
