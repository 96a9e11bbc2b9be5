//! Where on the page an answer lives: the engine names a field by its contract path
//! (`members[1].age`, `support.dibao_monthly`, `parameters.dibao.standard.urban`) or, in a
//! finding's `missing`, by a parameter id (`dibao.standard.urban`). [`FieldRef`] reads
//! both, and gives the id of the control that holds the answer, so that an error is shown
//! at its field and a "what is missing" button can take the user there.

/// A field of the household form, or a policy parameter.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FieldRef {
    /// `members[index].field`.
    Member { index: usize, field: String },
    /// A household field by its contract path: `as_of`, `assets`, `support.dibao_monthly`.
    Household(String),
    /// A policy parameter by id.
    Param(String),
    /// The input as a whole (no path).
    Whole,
}

impl FieldRef {
    /// Reads an error path or a `missing` entry. A bare id that is not a household path is a
    /// parameter id (the engine lists needed parameters by id).
    pub fn parse(path: &str) -> FieldRef {
        let path = path.trim();
        if path.is_empty() || path == "." {
            return FieldRef::Whole;
        }
        if let Some(rest) = path.strip_prefix("members[") {
            if let Some((index, tail)) = rest.split_once(']') {
                if let Ok(index) = index.parse::<usize>() {
                    let field = tail.strip_prefix('.').unwrap_or("");
                    // A nested path (none today) keeps only its first segment.
                    let field = field.split('.').next().unwrap_or("");
                    let field = if field.is_empty() { "age" } else { field };
                    return FieldRef::Member { index, field: field.to_string() };
                }
            }
            return FieldRef::Household("members".into());
        }
        if let Some(id) = path.strip_prefix("parameters.") {
            return FieldRef::Param(id.to_string());
        }
        const HOUSEHOLD: [&str; 8] =
            ["jurisdiction", "as_of", "residence", "assets", "applying", "members", "support", "parameters"];
        let head = path.split(['.', '[']).next().unwrap_or("");
        if HOUSEHOLD.contains(&head) {
            return FieldRef::Household(path.to_string());
        }
        FieldRef::Param(path.to_string())
    }

    /// The id of the control that holds this answer, or `None` for the whole input.
    pub fn dom_id(&self) -> Option<String> {
        match self {
            FieldRef::Member { index, field } => Some(member_dom_id(*index, field)),
            FieldRef::Household(path) => Some(household_dom_id(path)),
            FieldRef::Param(id) => Some(param_dom_id(id)),
            FieldRef::Whole => None,
        }
    }
}

/// `m0-monthly_income`: a member's control. `birth_date` is asked as the age.
pub fn member_dom_id(index: usize, field: &str) -> String {
    let field = if field == "birth_date" { "age" } else { field };
    format!("m{index}-{field}")
}

/// `h-support-dibao_monthly`: a household control. A path into `applying` or `support`
/// as a whole goes to its first control.
pub fn household_dom_id(path: &str) -> String {
    let path = match path.split('[').next().unwrap_or(path) {
        "support" => "support.dibao",
        "applying" => "applying.dibao",
        "members" => "members.add",
        p => p,
    };
    format!("h-{}", path.replace('.', "-"))
}

/// `p-dibao.standard.urban`: a parameter's control in the parameters panel.
pub fn param_dom_id(id: &str) -> String {
    format!("p-{id}")
}

/// `c-000-2.5.4`: a clause in the policy browser.
pub fn clause_dom_id(document: &str, clause: &str) -> String {
    format!("c-{document}-{clause}")
}

/// `f-dibao`: the first card of a programme; `f-dibao-2` the card for member 2 after it.
pub fn finding_dom_id(program: &str, member: Option<usize>) -> String {
    match member {
        Some(i) => format!("f-{program}-{i}"),
        None => format!("f-{program}"),
    }
}

/// Something the page can take the user to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Field(FieldRef),
    Clause {
        document: String,
        clause: String,
    },
    /// Any element, by its id (a result card, a heading).
    Element(String),
    /// The answer column's heading.
    Answers,
}

impl Target {
    pub fn dom_id(&self) -> Option<String> {
        match self {
            Target::Field(f) => f.dom_id(),
            Target::Clause { document, clause } => Some(clause_dom_id(document, clause)),
            Target::Element(id) => Some(id.clone()),
            Target::Answers => Some(ANSWERS_ID.to_string()),
        }
    }
}

/// The id of the answer column's heading.
pub const ANSWERS_ID: &str = "answers-heading";

/// Messages to show at controls, by control id (a few at most: a list is enough).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldErrors(pub Vec<(String, String)>);

impl FieldErrors {
    /// The message for the control `id`, if its answer is wrong.
    pub fn get(&self, id: &str) -> Option<String> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, m)| m.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_paths_go_to_the_members_control() {
        let f = FieldRef::parse("members[1].age");
        assert_eq!(f, FieldRef::Member { index: 1, field: "age".into() });
        assert_eq!(f.dom_id().as_deref(), Some("m1-age"));
        assert_eq!(FieldRef::parse("members[0].monthly_income").dom_id().as_deref(), Some("m0-monthly_income"));
        assert_eq!(FieldRef::parse("members[2].birth_date").dom_id().as_deref(), Some("m2-age"));
        assert_eq!(FieldRef::parse("members[3]").dom_id().as_deref(), Some("m3-age"));
    }

    #[test]
    fn household_paths_and_parameters() {
        assert_eq!(FieldRef::parse("support.dibao_monthly").dom_id().as_deref(), Some("h-support-dibao_monthly"));
        assert_eq!(FieldRef::parse("assets").dom_id().as_deref(), Some("h-assets"));
        assert_eq!(FieldRef::parse("as_of").dom_id().as_deref(), Some("h-as_of"));
        assert_eq!(FieldRef::parse("applying[0]").dom_id().as_deref(), Some("h-applying-dibao"));
        assert_eq!(FieldRef::parse("members").dom_id().as_deref(), Some("h-members-add"));
        assert_eq!(FieldRef::parse("parameters.dibao.standard.urban"), FieldRef::Param("dibao.standard.urban".into()));
        assert_eq!(FieldRef::parse("dibao.standard.urban"), FieldRef::Param("dibao.standard.urban".into()));
        assert_eq!(FieldRef::parse("minimum_wage.monthly").dom_id().as_deref(), Some("p-minimum_wage.monthly"));
        assert_eq!(FieldRef::parse(""), FieldRef::Whole);
        assert_eq!(FieldRef::Whole.dom_id(), None);
    }

    #[test]
    fn targets_name_their_elements() {
        assert_eq!(
            Target::Clause { document: "000".into(), clause: "2.5.4".into() }.dom_id().as_deref(),
            Some("c-000-2.5.4")
        );
        assert_eq!(finding_dom_id("dibao", None), "f-dibao");
        assert_eq!(finding_dom_id("tekun", Some(2)), "f-tekun-2");
        assert_eq!(Target::Answers.dom_id().as_deref(), Some(ANSWERS_ID));
    }
}
