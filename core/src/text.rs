//! Bilingual text: every sentence the engine writes exists in Chinese and English,
//! and an assessment is rendered in the one language the caller asks for.

use serde::{Deserialize, Serialize};

/// The language of an assessment's sentences. Chinese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN", alias = "zh")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Parses `zh`, `zh-CN`, `en` (case-insensitive); anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh_cn" | "cn" => Some(Lang::Zh),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }
}

/// One sentence in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text { zh: zh.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    pub fn into_lang(self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// Something that can be said in either language: an eager [`Text`], a rendered `String`,
/// or a closure that formats only the language asked for (what [`t!`] makes).
pub trait Say {
    fn say(self, lang: Lang) -> String;
}

impl Say for Text {
    fn say(self, lang: Lang) -> String {
        self.into_lang(lang)
    }
}

impl Say for String {
    fn say(self, _: Lang) -> String {
        self
    }
}

impl<F: FnOnce(Lang) -> String> Say for F {
    fn say(self, lang: Lang) -> String {
        self(lang)
    }
}

/// `t!("中文 {x}", "English {x}")`: a sentence in both languages, formatted lazily in the
/// one language asked for (a closure implementing [`Say`]).
#[macro_export]
macro_rules! t {
    ($zh:literal, $en:literal $(,)?) => {
        (|lang: $crate::text::Lang| -> String {
            match lang {
                $crate::text::Lang::Zh => format!($zh),
                $crate::text::Lang::En => format!($en),
            }
        })
    };
    ($zh:literal, $en:literal, $($arg:tt)*) => {
        (|lang: $crate::text::Lang| -> String {
            match lang {
                $crate::text::Lang::Zh => format!($zh, $($arg)*),
                $crate::text::Lang::En => format!($en, $($arg)*),
            }
        })
    };
}

/// `tx!("中文", "English")`: an eager [`Text`] (both languages formatted), for values that
/// are chosen among branches or kept.
#[macro_export]
macro_rules! tx {
    ($zh:literal, $en:literal $(,)?) => {
        $crate::text::Text::new(format!($zh), format!($en))
    };
    ($zh:literal, $en:literal, $($arg:tt)*) => {
        $crate::text::Text::new(format!($zh, $($arg)*), format!($en, $($arg)*))
    };
}

impl Say for crate::ids::ParamId {
    fn say(self, _: Lang) -> String {
        self.as_str().to_string()
    }
}

impl Say for &str {
    fn say(self, _: Lang) -> String {
        self.to_string()
    }
}

/// One of two sentences, chosen now and formatted only if said: `Either::A(t!(…))` or
/// `Either::B(t!(…))` where an eager [`Text`] would format both languages of the branch taken.
pub enum Either<A, B> {
    A(A),
    B(B),
}

impl<A: Say, B: Say> Say for Either<A, B> {
    fn say(self, lang: Lang) -> String {
        match self {
            Either::A(a) => a.say(lang),
            Either::B(b) => b.say(lang),
        }
    }
}

/// `fx!("{} × {}", a, b)`: a formula or figure for a trace, the same in both languages,
/// formatted only when the trace is written (a closure implementing [`Say`]).
#[macro_export]
macro_rules! fx {
    ($($arg:tt)*) => {
        (|_: $crate::text::Lang| -> String { format!($($arg)*) })
    };
}

/// `2020-04-15` as a person reads it in `lang`: `2020年4月15日`, `15 Apr 2020`; anything that
/// is not a day ([`crate::dates::parse_date`]) as it came. The page's and the command line's dates.
pub fn day_words(iso: &str, lang: Lang) -> String {
    match (crate::dates::parse_date(iso), lang) {
        (Some(d), Lang::Zh) => format!("{:#}", crate::dates::Day::of(d)),
        (Some(d), Lang::En) => crate::dates::Day::of(d).to_string(),
        (None, _) => iso.to_string(),
    }
}
