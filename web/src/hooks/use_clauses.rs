//! `use_clauses`: whether the clauses' words have loaded ([`crate::clauses`]); asks for them
//! once the first frame is painted, and re-renders the component when they arrive.

use yew::prelude::*;

use crate::clauses;

#[hook]
pub fn use_clauses(painted: bool) -> bool {
    let ready = use_state(clauses::loaded);
    {
        let ready = ready.clone();
        use_effect_with(painted, move |painted| {
            if *painted && !*ready {
                clauses::load(move || ready.set(true));
            }
        });
    }
    *ready
}
