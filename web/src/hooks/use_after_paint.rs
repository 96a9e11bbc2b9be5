//! `use_after_paint`: false while the page draws itself the first time, true once the
//! browser has painted it, so that work nobody sees at first (the chart's sweep, the policy
//! texts, the print sheet) does not hold back the first result.

use yew::prelude::*;

use crate::dom;

/// Whether the first frame has been painted (re-renders the component once when it has).
#[hook]
pub fn use_after_paint() -> bool {
    let painted = use_state(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| dom::after_paint(move || painted.set(true)));
    }
    *painted
}
