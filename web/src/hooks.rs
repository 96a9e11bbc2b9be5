//! The page's custom hooks.

mod use_after_paint;
mod use_answers;
mod use_clauses;
mod use_lang;

pub use use_after_paint::use_after_paint;
pub use use_answers::{use_answers, Answers};
pub use use_clauses::use_clauses;
pub use use_lang::use_lang;
