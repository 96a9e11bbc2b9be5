//! The page's components, one per file. Each takes plain props and `Callback`s and never
//! sees the reducer's `Action`s; only the root (`app.rs`) dispatches.

pub mod basis;
pub mod chart;
pub mod check_field;
pub mod finding_card;
pub mod flow;
pub mod footer;
pub mod header;
pub mod household_facts;
pub mod member_card;
pub mod member_more;
pub mod ordinary_section;
pub mod override_notice;
pub mod params_panel;
pub mod policy_browser;
pub mod results;
pub mod saved_households;
pub mod segmented;
pub mod select_field;
pub mod settings;
pub mod situations;
pub mod summary_bar;
pub mod text_field;
pub mod why;
