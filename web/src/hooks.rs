//! The page's custom hooks.

mod use_answers;

pub use use_answers::{use_answers, Answers};
