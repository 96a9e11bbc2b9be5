//! `use_lang`: the language the page shows when `asked` is ([`crate::i18n::shown`]): asks for
//! the English words the first time English is asked for, and re-renders the component when
//! they arrive; Chinese until then.

use doudi_core::Lang;
use yew::prelude::*;

use crate::i18n;

#[hook]
pub fn use_lang(asked: Lang) -> Lang {
    let arrived = use_state(|| false);
    {
        let arrived = arrived.clone();
        use_effect_with(asked, move |asked| {
            if *asked == Lang::En && i18n::shown(Lang::En) != Lang::En {
                i18n::load_en(move || arrived.set(true));
            }
        });
    }
    i18n::shown(asked)
}
