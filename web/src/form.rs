//! The household as the page holds it while people type, and its contract v1 JSON.
//!
//! Every typed figure stays text ([`String`]) so that a wrong value stays on screen for
//! correction; only [`Form::to_input`] turns text into the contract's numbers. A few
//! switches exist only on the page (`disabled`, `unemployed`, `in_hospital`): ticked, they
//! reveal follow-up questions; unticked, those answers are not sent.
//!
//! The input is built as the engine's own type ([`HouseholdInput`]), not parsed from JSON,
//! so the page carries no second deserializer of the contract.
//!
//! [`Form::from_json`] reads a household back (a shared link) leniently: whatever it does
//! not understand is left at its default, never refused.

use std::collections::BTreeMap;

use doudi_core::ids::Kind;
use doudi_core::input::{
    Applying, Covid, DisabilityType, HouseholdInput, Hukou, Insurance, MemberInput, Money, Relation, Residence,
    SelfCare, SupportInput, Work,
};
use doudi_core::Lang;
use serde_json::Value;

use crate::fields::FieldRef;
use crate::format::{normalize_number, whole_number};
use crate::i18n::{self, labels, Labels};

/// The most members the page lets people add (contract v1 allows 30).
pub const MAX_MEMBERS: usize = 30;

/// The date a new form is assessed on: a day within the 2020 epidemic period, which the
/// page offers in words ("按 2020 年疫情期间的政策") as the first answer to "on which day's
/// policies"; the notices' measures hold only within that period.
pub const EPIDEMIC_DATE: &str = "2020-04-15";

/// The plain yes/no questions of the guided start, about the household as a whole: each
/// `None` until answered (never pre-answered), each "yes" opening the questions about the
/// people it concerns. Page-only: not part of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Situation {
    /// 疾病、残疾.
    IllnessOrDisability,
    /// 失业、因疫情没了收入.
    JobLoss,
    /// 新冠确诊、隔离.
    Covid,
    /// 孤儿、无人照料.
    NoCarer,
}

impl Situation {
    pub const ALL: [Situation; 4] =
        [Situation::IllnessOrDisability, Situation::JobLoss, Situation::Covid, Situation::NoCarer];

    /// The id of its control (`h-situation-illness`).
    pub fn dom_id(self) -> &'static str {
        match self {
            Situation::IllnessOrDisability => "h-situation-illness",
            Situation::JobLoss => "h-situation-job",
            Situation::Covid => "h-situation-covid",
            Situation::NoCarer => "h-situation-care",
        }
    }

    /// The first member question a "yes" takes the user to.
    pub fn first_field(self) -> &'static str {
        match self {
            Situation::IllnessOrDisability => "disabled",
            Situation::JobLoss => "epidemic_job_loss",
            Situation::Covid => "covid",
            Situation::NoCarer => "orphan",
        }
    }

    /// Whether a member's answers already say yes to it (a shared link, or answers given
    /// without the guided question).
    pub fn seen_in(self, m: &MemberForm) -> bool {
        match self {
            Situation::IllnessOrDisability => {
                m.disabled || m.serious_illness_tier.is_some() || m.self_care.is_some_and(|c| c != SelfCare::Full)
            }
            Situation::JobLoss => m.unemployed || m.epidemic_job_loss || m.stranded,
            Situation::Covid => m.covid != Covid::None || m.isolated,
            Situation::NoCarer => m.orphan || m.unsupported_child || m.difficult_child || m.carer_unavailable,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub jurisdiction: String,
    /// `YYYY-MM-DD` (an `<input type=date>` value); empty until chosen.
    pub as_of: String,
    /// `None` until answered: the contract then reads `urban`, which the page does not take as
    /// an answer (the standards differ: Chongqing's 低保, Tianjin's 特困), so it stays among
    /// the questions not answered yet.
    pub residence: Option<Residence>,
    pub members: Vec<MemberForm>,
    pub support: SupportForm,
    /// Money assets as typed; empty = unknown.
    pub assets: String,
    /// Parameter overrides as typed, by id. A date parameter's "open" is [`OPEN`].
    pub parameters: BTreeMap<String, String>,
    /// The guided start's yes/no answers, in [`Situation::ALL`]'s order; `None` = not yet
    /// answered.
    pub situations: [Option<bool>; 4],
    /// A place a shared link named that this page does not know (the form fell back to the
    /// page's own place): said at the top until a place is chosen.
    pub unknown_place: Option<String>,
    /// The key the next added member gets (keys keep cards stable when one is removed).
    next_key: u32,
}

/// How an "open" (no end) date parameter is held in [`Form::parameters`].
pub const OPEN: &str = "open";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SupportForm {
    pub dibao: bool,
    pub dibao_monthly: String,
    pub income_above_standard_since: String,
    pub low_income: bool,
    pub poverty_registered: bool,
    pub applying_dibao: bool,
    pub applying_tekun: bool,
}

/// A change to one person's answers, made to the person as the page holds them when it
/// arrives: a control sends the field's setter and the value, not a changed copy of the
/// person taken when the card was drawn, so the part of a card whose own answers did not
/// change need not be drawn again to stay current.
#[derive(Clone, Debug)]
pub enum MemberEdit {
    Text(fn(&mut MemberForm, String), String),
    Flag(fn(&mut MemberForm, bool), bool),
}

impl MemberEdit {
    pub fn apply(self, m: &mut MemberForm) {
        match self {
            MemberEdit::Text(set, v) => set(m, v),
            MemberEdit::Flag(set, v) => set(m, v),
        }
    }
}

impl PartialEq for MemberEdit {
    fn eq(&self, other: &MemberEdit) -> bool {
        match (self, other) {
            (MemberEdit::Text(f, a), MemberEdit::Text(g, b)) => std::ptr::fn_addr_eq(*f, *g) && a == b,
            (MemberEdit::Flag(f, a), MemberEdit::Flag(g, b)) => std::ptr::fn_addr_eq(*f, *g) && a == b,
            _ => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MemberForm {
    /// Stable identity for rendering; not part of the contract.
    pub key: u32,
    pub relation: Relation,
    pub age: String,
    pub monthly_income: String,
    /// `None` until answered (the contract then reads `none`). It changes an answer only for
    /// a person with income in a household on 低保 in the epidemic (the work-cost deduction),
    /// where the page asks it among the questions not answered yet.
    pub work: Option<Work>,
    /// Page switch: holds a disability certificate (reveals grade and type).
    pub disabled: bool,
    pub disability_grade: Option<u8>,
    pub disability_type: Option<DisabilityType>,
    pub serious_illness_tier: Option<u32>,
    /// `None` until answered (the contract then reads `full`, which the page does not tell as
    /// a fact: [`crate::compute::what_ifs`]).
    pub self_care: Option<SelfCare>,
    pub covid: Covid,
    pub diagnosed_on: String,
    /// A confirmed patient still in hospital (no discharge date is sent); `None` until
    /// answered. Asked only where a rule counts the months in hospital.
    pub in_hospital: Option<bool>,
    pub discharged_on: String,
    pub isolated: bool,
    pub carer_unavailable: bool,
    pub stranded: bool,
    pub epidemic_job_loss: bool,
    /// Page switch: unemployed (reveals registration, insurance, months without income).
    pub unemployed: bool,
    pub unemployed_registered: bool,
    pub unemployment_insurance: Insurance,
    pub months_without_income: String,
    /// `None`: the contract's default by age.
    pub able_to_work: Option<bool>,
    /// `None` until answered (the contract then reads `local`, which the engine says as taken).
    pub hukou: Option<Hukou>,
    pub entitled_group: bool,
    pub tekun: bool,
    /// Has a relative obliged and able to support them; `None` until answered (the engine
    /// then reads its default, yes, and the page says what "no" would change).
    pub has_able_supporter: Option<bool>,
    pub orphan: bool,
    pub unsupported_child: bool,
    pub difficult_child: bool,
}

impl MemberForm {
    pub fn new(key: u32, relation: Relation) -> MemberForm {
        MemberForm {
            key,
            relation,
            age: String::new(),
            monthly_income: String::new(),
            work: None,
            disabled: false,
            disability_grade: None,
            disability_type: None,
            serious_illness_tier: None,
            self_care: None,
            covid: Covid::None,
            diagnosed_on: String::new(),
            in_hospital: None,
            discharged_on: String::new(),
            isolated: false,
            carer_unavailable: false,
            stranded: false,
            epidemic_job_loss: false,
            unemployed: false,
            unemployed_registered: false,
            unemployment_insurance: Insurance::None,
            months_without_income: String::new(),
            able_to_work: None,
            hukou: None,
            entitled_group: false,
            tekun: false,
            has_able_supporter: None,
            orphan: false,
            unsupported_child: false,
            difficult_child: false,
        }
    }

    /// Whether to ask if someone can support this person: asked of adults whom 特困供养 may
    /// concern (60 or older, or disabled), of a worker from elsewhere who lost work to the
    /// epidemic (外来务工人员 "得不到家庭支持", the same answer), and kept once answered. A
    /// child is asked about instead as an orphan or a child without care (the guided start's
    /// last question).
    /// Whether the work question changes this person's answer while unanswered: only the
    /// income of a migrant or returning worker in a household on 低保, within the epidemic
    /// period, has a work cost deducted (000 二（五）, 003, 004), so only then is it asked.
    pub fn work_matters(&self, on_dibao: bool, in_period: bool) -> bool {
        let income = doudi_core::money::parse_decimal(&normalize_number(&self.monthly_income));
        self.work.is_none() && on_dibao && in_period && income.is_some_and(|d| d > rust_decimal::Decimal::ZERO)
    }

    pub fn asks_supporter(&self) -> bool {
        let age = whole_number(&self.age);
        self.has_able_supporter.is_some()
            || age.is_some_and(|a| a >= 18 && (a >= 60 || self.disabled))
            || (self.hukou.is_some_and(|h| h != Hukou::Local) && self.epidemic_job_loss)
    }

    /// The answers behind "more about this person" ([`crate::components::member_more`]), for
    /// telling whether that part of the card must be drawn again. Every field is named (no
    /// `..`), so a field added to `MemberForm` does not compile until it is placed: here if
    /// "more" shows it, among the `_` if only the card's first lines do.
    pub fn more_answers(&self) -> impl PartialEq + '_ {
        let MemberForm {
            key: _,
            relation: _,
            age: _,
            monthly_income: _,
            work: _,
            has_able_supporter: _,
            disabled,
            disability_grade,
            disability_type,
            serious_illness_tier,
            self_care,
            covid,
            diagnosed_on,
            in_hospital,
            discharged_on,
            isolated,
            carer_unavailable,
            stranded,
            epidemic_job_loss,
            unemployed,
            unemployed_registered,
            unemployment_insurance,
            months_without_income,
            able_to_work,
            hukou,
            entitled_group,
            tekun,
            orphan,
            unsupported_child,
            difficult_child,
        } = self;
        (
            (disabled, disability_grade, disability_type, serious_illness_tier, self_care, covid),
            (diagnosed_on, in_hospital, discharged_on, isolated, carer_unavailable, stranded),
            (epidemic_job_loss, unemployed, unemployed_registered, unemployment_insurance, months_without_income),
            (able_to_work, hukou, entitled_group, tekun, orphan, unsupported_child, difficult_child),
        )
    }

    /// How many of the "more" answers differ from their defaults (shown on the closed group).
    pub fn more_answered(&self) -> usize {
        let d = MemberForm::new(self.key, self.relation);
        [
            self.disabled != d.disabled,
            self.serious_illness_tier.is_some(),
            self.self_care != d.self_care,
            self.covid != d.covid,
            self.isolated,
            self.carer_unavailable,
            self.stranded,
            self.epidemic_job_loss,
            self.unemployed,
            self.able_to_work.is_some(),
            self.hukou != d.hukou,
            self.entitled_group,
            self.tekun,
            self.orphan,
            self.unsupported_child,
            self.difficult_child,
        ]
        .iter()
        .filter(|b| **b)
        .count()
    }
}

/// Why a form cannot be assessed yet.
#[derive(Clone, Debug, PartialEq)]
pub enum Problems {
    /// Answers still to give (no mistake made): an empty age, no date.
    Incomplete(Vec<(FieldRef, String)>),
    /// Answers that are wrong, each with a plain message.
    Invalid(Vec<(FieldRef, String)>),
}

impl Form {
    /// A household of one applicant in `jurisdiction` on `as_of`.
    pub fn new(jurisdiction: &str, as_of: &str) -> Form {
        Form {
            jurisdiction: jurisdiction.to_string(),
            as_of: as_of.to_string(),
            residence: None,
            members: vec![MemberForm::new(0, Relation::SelfPerson)],
            support: SupportForm::default(),
            assets: String::new(),
            parameters: BTreeMap::new(),
            situations: [None; 4],
            unknown_place: None,
            next_key: 1,
        }
    }

    /// Adds a member after the last (the spouse first, then children); at most [`MAX_MEMBERS`].
    pub fn add_member(&mut self) {
        if self.members.len() >= MAX_MEMBERS {
            return;
        }
        let has_spouse = self.members.iter().any(|m| m.relation == Relation::Spouse);
        let relation = if has_spouse { Relation::Child } else { Relation::Spouse };
        self.members.push(MemberForm::new(self.next_key, relation));
        self.next_key += 1;
    }

    /// The guided question's answer: as given, or yes where a member's answers already say so.
    pub fn situation(&self, s: Situation) -> Option<bool> {
        let i = Situation::ALL.iter().position(|x| *x == s).unwrap_or(0);
        if self.members.iter().any(|m| s.seen_in(m)) {
            return Some(true);
        }
        self.situations[i]
    }

    pub fn set_situation(&mut self, s: Situation, answer: bool) {
        let i = Situation::ALL.iter().position(|x| *x == s).unwrap_or(0);
        self.situations[i] = Some(answer);
    }

    /// Removes a member; never the applicant (index 0).
    pub fn remove_member(&mut self, index: usize) {
        if index > 0 && index < self.members.len() {
            self.members.remove(index);
        }
    }

    /// The ids the page gives members, so that the engine's sentences name people as the
    /// user knows them: `申请人`, `配偶`, `子女（第3位）` when a relation repeats.
    pub fn member_ids(&self, lang: Lang) -> Vec<String> {
        let l = labels(lang);
        let names: Vec<&str> = self
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| if i == 0 { l.applicant } else { i18n::relation_label(m.relation, lang) })
            .collect();
        names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                if names.iter().filter(|n| *n == name).count() > 1 {
                    format!("{name}{}", i18n::fill(l.for_member, &[&i18n::fill(l.member_n, &[&(i + 1).to_string()])]))
                } else {
                    name.to_string()
                }
            })
            .collect()
    }

    /// The household as contract v1 input, and what keeps it from being assessed yet.
    ///
    /// The page checks what the engine cannot phrase well itself (an empty age, a figure
    /// that is not a number, a whole number of years); everything else (ranges, dates,
    /// parameter values) is the engine's to judge. An answer that cannot be read is left
    /// out of the input, so a link can still carry the rest. Defaults are left out too.
    /// `ids`: the members' ids, or `None` to leave them to the engine's `m1`, `m2`.
    pub fn to_input(&self, ids: Option<&[String]>, lang: Lang) -> (HouseholdInput, Option<Problems>) {
        let l = labels(lang);
        let counts_months = counts_covid_months(&self.jurisdiction);
        let mut b = Builder { missing: Vec::new(), invalid: Vec::new(), bad_number: l.bad_number, counts_months };
        if self.as_of.trim().is_empty() {
            b.missing.push((FieldRef::Household("as_of".into()), l.req_missing_date.to_string()));
        }
        let s = &self.support;
        let support = SupportInput {
            dibao: s.dibao.then_some(true),
            dibao_monthly: if s.dibao {
                b.money(FieldRef::Household("support.dibao_monthly".into()), &s.dibao_monthly)
            } else {
                None
            },
            low_income: s.low_income.then_some(true),
            poverty_registered: s.poverty_registered.then_some(true),
            income_above_standard_since: if s.dibao { text(&s.income_above_standard_since) } else { None },
        };
        let applying: Vec<Applying> = [(s.applying_dibao, Applying::Dibao), (s.applying_tekun, Applying::Tekun)]
            .into_iter()
            .filter_map(|(on, a)| on.then_some(a))
            .collect();
        let assets = b.money(FieldRef::Household("assets".into()), &self.assets);
        let members = self
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| member_input(&mut b, i, m, ids.and_then(|ids| ids.get(i)), l))
            .collect();
        let mut params = BTreeMap::new();
        for (id, t) in &self.parameters {
            let t = t.trim();
            let value = match (doudi_core::ids::param_kind(id), t) {
                (_, "") => continue,
                (Some(Kind::Date), OPEN) => Value::Null,
                (Some(Kind::Bool), "true") => Value::Bool(true),
                (Some(Kind::Bool), "false") => Value::Bool(false),
                (Some(Kind::Number), t) => Value::from(normalize_number(t)),
                (_, t) => Value::from(t),
            };
            params.insert(id.clone(), value);
        }
        let input = HouseholdInput {
            jurisdiction: self.jurisdiction.clone(),
            as_of: self.as_of.trim().to_string(),
            residence: self.residence,
            assets,
            support: (support != SupportInput::default()).then_some(support),
            applying: (!applying.is_empty()).then_some(applying),
            members,
            parameters: (!params.is_empty()).then_some(params),
        };
        let problems = if !b.invalid.is_empty() {
            Some(Problems::Invalid(b.invalid))
        } else if !b.missing.is_empty() {
            Some(Problems::Incomplete(b.missing))
        } else {
            None
        };
        (input, problems)
    }

    /// Whether the form can be assessed as it stands.
    #[cfg(test)]
    pub fn check(&self, lang: Lang) -> Result<(), Problems> {
        match self.to_input(None, lang).1 {
            None => Ok(()),
            Some(p) => Err(p),
        }
    }

    /// The household as compact contract v1 JSON text (for a link): what
    /// [`Form::to_input`] builds, answers that cannot be read left out.
    pub fn to_contract(&self) -> String {
        crate::share::household_json(&self.to_input(None, Lang::Zh).0)
    }

    /// Reads a household back from JSON (a shared link). Unknown or odd values fall back to
    /// defaults; the jurisdiction falls back to `default_jurisdiction`, the date to `today`.
    pub fn from_json(v: &Value, default_jurisdiction: &str, today: &str) -> Form {
        let text = |v: Option<&Value>| -> String {
            match v {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                _ => String::new(),
            }
        };
        let flag = |v: Option<&Value>| v.and_then(Value::as_bool).unwrap_or(false);
        let named = v.get("jurisdiction").and_then(Value::as_str);
        let jurisdiction = named.filter(|j| i18n::places().contains(j)).unwrap_or(default_jurisdiction);
        let as_of = Some(text(v.get("as_of"))).filter(|s| !s.is_empty()).unwrap_or_else(|| today.to_string());
        let mut form = Form::new(jurisdiction, &as_of);
        form.unknown_place = named.filter(|j| !i18n::places().contains(j)).map(|j| j.chars().take(40).collect());
        form.residence = pick(v.get("residence"), Residence::ALL, Residence::as_str);
        form.assets = text(v.get("assets"));
        let s = v.get("support");
        let sget = |k: &str| s.and_then(|s| s.get(k));
        form.support = SupportForm {
            dibao: flag(sget("dibao")),
            dibao_monthly: text(sget("dibao_monthly")),
            income_above_standard_since: text(sget("income_above_standard_since")),
            low_income: flag(sget("low_income")),
            poverty_registered: flag(sget("poverty_registered")),
            applying_dibao: false,
            applying_tekun: false,
        };
        for a in v.get("applying").and_then(Value::as_array).into_iter().flatten() {
            match a.as_str() {
                Some("dibao") => form.support.applying_dibao = true,
                Some("tekun") => form.support.applying_tekun = true,
                _ => {}
            }
        }
        let members: Vec<&Value> = v
            .get("members")
            .and_then(Value::as_array)
            .map(|a| a.iter().take(MAX_MEMBERS).collect())
            .unwrap_or_default();
        if !members.is_empty() {
            form.members = members
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let get = |k: &str| m.get(k);
                    let default_relation = if i == 0 { Relation::SelfPerson } else { Relation::Other };
                    let mut f = MemberForm::new(i as u32, default_relation);
                    if i > 0 {
                        f.relation = pick(get("relation"), Relation::ALL, Relation::as_str)
                            .filter(|r| *r != Relation::SelfPerson)
                            .unwrap_or(Relation::Other);
                    }
                    f.age = text(get("age"));
                    f.monthly_income = text(get("monthly_income"));
                    f.work = pick(get("work"), Work::ALL, Work::as_str);
                    f.disability_grade = get("disability_grade")
                        .and_then(Value::as_u64)
                        .filter(|g| (1..=4).contains(g))
                        .map(|g| g as u8);
                    f.disability_type = pick(get("disability_type"), DisabilityType::ALL, DisabilityType::as_str);
                    f.disabled = f.disability_grade.is_some() || f.disability_type.is_some();
                    f.serious_illness_tier = get("serious_illness_tier")
                        .and_then(Value::as_u64)
                        .filter(|t| *t == 1000 || *t == 1500)
                        .map(|t| t as u32);
                    f.self_care = pick(get("self_care"), SelfCare::ALL, SelfCare::as_str);
                    f.covid = pick(get("covid"), Covid::ALL, Covid::as_str).unwrap_or(Covid::None);
                    f.diagnosed_on = text(get("diagnosed_on"));
                    f.discharged_on = text(get("discharged_on"));
                    f.in_hospital = (!f.diagnosed_on.is_empty()).then_some(f.discharged_on.is_empty());
                    f.isolated = flag(get("isolated"));
                    f.carer_unavailable = flag(get("carer_unavailable"));
                    f.stranded = flag(get("stranded"));
                    f.epidemic_job_loss = flag(get("epidemic_job_loss"));
                    f.unemployed_registered = flag(get("unemployed_registered"));
                    f.unemployment_insurance = pick(get("unemployment_insurance"), Insurance::ALL, Insurance::as_str)
                        .unwrap_or(Insurance::None);
                    f.months_without_income = text(get("months_without_income"));
                    f.unemployed = f.unemployed_registered
                        || f.unemployment_insurance != Insurance::None
                        || !f.months_without_income.is_empty();
                    f.able_to_work = get("able_to_work").and_then(Value::as_bool);
                    f.hukou = pick(get("hukou"), Hukou::ALL, Hukou::as_str);
                    f.entitled_group = flag(get("entitled_group"));
                    f.tekun = flag(get("tekun"));
                    f.has_able_supporter = get("has_able_supporter").and_then(Value::as_bool);
                    f.orphan = flag(get("orphan"));
                    f.unsupported_child = flag(get("unsupported_child"));
                    f.difficult_child = flag(get("difficult_child"));
                    f
                })
                .collect();
            form.next_key = form.members.len() as u32;
        }
        if let Some(Value::Object(params)) = v.get("parameters") {
            for (id, value) in params {
                let t = match value {
                    Value::Null => OPEN.to_string(),
                    Value::Bool(b) => b.to_string(),
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    _ => continue,
                };
                form.parameters.insert(id.clone(), t);
            }
        }
        form
    }
}

/// Collects the page's own refusals while the input is built.
struct Builder {
    missing: Vec<(FieldRef, String)>,
    invalid: Vec<(FieldRef, String)>,
    bad_number: &'static str,
    /// The place has a rule that counts a patient's months from diagnosis to discharge.
    counts_months: bool,
}

impl Builder {
    /// Typed money: empty is absent; text that is not a number is refused at its field.
    fn money(&mut self, at: FieldRef, typed: &str) -> Option<Money> {
        let n = normalize_number(typed);
        if n.is_empty() {
            return None;
        }
        match doudi_core::money::parse_decimal(&n) {
            Some(d) => Some(Money(d)),
            None => {
                self.invalid.push((at, self.bad_number.to_string()));
                None
            }
        }
    }
}

fn text(t: &str) -> Option<String> {
    let t = t.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn member_input(b: &mut Builder, i: usize, m: &MemberForm, id: Option<&String>, l: &Labels) -> MemberInput {
    let at = |field: &str| FieldRef::Member { index: i, field: field.into() };
    let age = if m.age.trim().is_empty() {
        b.missing.push((at("age"), l.req_missing_age.to_string()));
        None
    } else {
        let a = whole_number(&m.age);
        if a.is_none() {
            b.invalid.push((at("age"), l.bad_whole_years.to_string()));
        }
        a
    };
    let months_without_income = if m.unemployed && !m.months_without_income.trim().is_empty() {
        match whole_number(&m.months_without_income) {
            Some(n) if n >= 0 => Some(n),
            _ => {
                b.invalid.push((at("months_without_income"), l.bad_whole_months.to_string()));
                None
            }
        }
    } else {
        None
    };
    let confirmed = m.covid == Covid::Confirmed;
    // Where no rule counts months in hospital, neither question is asked nor sent.
    let months = confirmed && b.counts_months;
    if months && m.in_hospital.is_none() {
        b.missing.push((at("in_hospital"), l.req_missing_in_hospital.to_string()));
    }
    if months && m.in_hospital == Some(false) && m.discharged_on.trim().is_empty() {
        b.missing.push((at("discharged_on"), l.req_missing_discharged.to_string()));
    }
    let on = |b: bool| b.then_some(true);
    MemberInput {
        id: id.cloned(),
        relation: (i > 0).then_some(m.relation),
        age,
        birth_date: None,
        monthly_income: b.money(at("monthly_income"), &m.monthly_income),
        work: m.work,
        epidemic_job_loss: on(m.epidemic_job_loss),
        months_without_income,
        unemployed_registered: on(m.unemployed && m.unemployed_registered),
        unemployment_insurance: (m.unemployed && m.unemployment_insurance != Insurance::None)
            .then_some(m.unemployment_insurance),
        hukou: m.hukou,
        covid: (m.covid != Covid::None).then_some(m.covid),
        diagnosed_on: if months { text(&m.diagnosed_on) } else { None },
        discharged_on: if months && m.in_hospital == Some(false) { text(&m.discharged_on) } else { None },
        isolated: on(m.isolated),
        disability_grade: if m.disabled { m.disability_grade.map(i64::from) } else { None },
        disability_type: if m.disabled { m.disability_type } else { None },
        serious_illness_tier: m.serious_illness_tier.map(i64::from),
        orphan: on(m.orphan),
        unsupported_child: on(m.unsupported_child),
        difficult_child: on(m.difficult_child),
        entitled_group: on(m.entitled_group),
        able_to_work: m.able_to_work,
        has_able_supporter: m.has_able_supporter,
        self_care: m.self_care,
        carer_unavailable: on(m.carer_unavailable),
        tekun: on(m.tekun),
        stranded: on(m.stranded),
    }
}

/// Whether `jurisdiction` has a rule that counts a COVID-19 patient's months from diagnosis
/// to discharge (Chongqing 001 一（五）: `temp_relief_covid`'s `patients_monthly`), so that
/// the diagnosis and discharge are asked there and only there.
/// Whether the place's rules ask for a serious illness's tier (the one-person 低保 of a
/// seriously ill member, where the place's file provides it).
pub fn asks_illness_tier(jurisdiction: &str) -> bool {
    let Ok(p) = doudi_core::embedded_policies() else { return false };
    p.jurisdiction(jurisdiction)
        .and_then(|j| j.programme(doudi_core::ProgrammeId::DibaoSinglePerson))
        .is_some_and(|prog| prog.provisions.contains_key("severe_illness"))
}

pub fn counts_covid_months(jurisdiction: &str) -> bool {
    let Ok(p) = doudi_core::embedded_policies() else { return false };
    p.jurisdictions.iter().filter(|j| j.id == jurisdiction).flat_map(|j| &j.programmes).any(|prog| {
        prog.id == doudi_core::ProgrammeId::TempReliefCovid && prog.provisions.contains_key("patients_monthly")
    })
}

fn pick<T: Copy>(v: Option<&Value>, all: &[T], name: fn(T) -> &'static str) -> Option<T> {
    let s = v?.as_str()?;
    all.iter().copied().find(|x| name(*x) == s)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    /// A Tianjin household of three on 2020-04-15, the applicant earning `income`; shared by
    /// the page's other unit tests.
    pub(crate) fn tianjin_three(income: &str) -> Form {
        let mut f = Form::new("tianjin", "2020-04-15");
        f.members[0].age = "45".into();
        f.members[0].monthly_income = income.into();
        f.add_member();
        f.members[1].age = "40".into();
        f.add_member();
        f.members[2].age = "10".into();
        f
    }

    /// The same household, the child with a grade 2 disability (fully self-reliant): found
    /// eligible for 低保 at 1500, and for what 低保 would open (困难残疾人生活补贴, 价格临时补贴).
    pub(crate) fn tianjin_three_disabled_child(income: &str) -> Form {
        let mut f = tianjin_three(income);
        f.members[2].disabled = true;
        f.members[2].disability_grade = Some(2);
        f.members[2].self_care = Some(SelfCare::Full);
        f
    }

    #[test]
    fn a_simple_household_becomes_compact_contract_json() {
        let f = tianjin_three("1,500");
        assert_eq!(
            serde_json::from_str::<Value>(&f.to_contract()).expect("JSON"),
            json!({
                "jurisdiction": "tianjin", "as_of": "2020-04-15",
                "members": [
                    {"age": 45, "monthly_income": "1500"},
                    {"relation": "spouse", "age": 40},
                    {"relation": "child", "age": 10}
                ]
            })
        );
        assert!(f.check(Lang::Zh).is_ok());
        let parsed = doudi_core::parse_json(&f.to_contract()).expect("valid contract");
        assert_eq!(parsed, f.to_input(None, Lang::Zh).0);
    }

    #[test]
    fn ids_name_people_as_the_user_knows_them() {
        let f = tianjin_three("0");
        assert_eq!(f.member_ids(Lang::Zh), ["申请人", "配偶", "子女"]);
        let mut g = f.clone();
        g.add_member();
        assert_eq!(g.member_ids(Lang::Zh)[2..], ["子女（第 3 位）", "子女（第 4 位）"]);
        assert_eq!(g.member_ids(Lang::En)[..2], ["Applicant", "Spouse"]);
        let (input, problems) = g.to_input(Some(&g.member_ids(Lang::Zh)), Lang::Zh);
        assert_eq!(input.members[1].id.as_deref(), Some("配偶"));
        assert!(matches!(problems, Some(Problems::Incomplete(_))), "the added member has no age yet");
    }

    #[test]
    fn follow_ups_are_sent_only_when_their_box_is_ticked() {
        let mut f = tianjin_three("0");
        f.jurisdiction = "chongqing".into();
        f.members[1].disability_grade = Some(1);
        f.members[1].months_without_income = "4".into();
        f.members[1].discharged_on = "2020-03-01".into();
        let json = |f: &Form| serde_json::from_str::<Value>(&f.to_contract()).expect("JSON");
        let v = json(&f);
        assert_eq!(v["members"][1].get("disability_grade"), None);
        assert_eq!(v["members"][1].get("months_without_income"), None);
        f.members[1].disabled = true;
        f.members[1].unemployed = true;
        f.members[1].covid = Covid::Confirmed;
        f.members[1].diagnosed_on = "2020-02-10".into();
        let v = json(&f);
        assert_eq!(v["members"][1]["disability_grade"], 1);
        assert_eq!(v["members"][1]["months_without_income"], 4);
        assert_eq!(v["members"][1].get("discharged_on"), None, "not answered yet");
        assert!(
            matches!(f.check(Lang::Zh), Err(Problems::Incomplete(v)) if v[0].0 == FieldRef::Member { index: 1, field: "in_hospital".into() }),
            "where months are counted, \"still in hospital?\" is asked, not assumed"
        );
        f.members[1].in_hospital = Some(true);
        assert!(f.check(Lang::Zh).is_ok());
        assert_eq!(json(&f)["members"][1].get("discharged_on"), None, "still in hospital");
        f.members[1].in_hospital = Some(false);
        assert_eq!(json(&f)["members"][1]["discharged_on"], "2020-03-01");
        // Tianjin counts no months: neither the diagnosis nor the discharge is asked or sent.
        f.jurisdiction = "tianjin".into();
        assert_eq!(json(&f)["members"][1].get("diagnosed_on"), None);
        assert_eq!(json(&f)["members"][1].get("discharged_on"), None);
        f.members[1].in_hospital = None;
        assert!(f.check(Lang::Zh).is_ok());
    }

    #[test]
    fn empty_answers_are_incomplete_and_wrong_ones_invalid() {
        let mut f = Form::new("tianjin", "2020-04-15");
        match f.check(Lang::Zh) {
            Err(Problems::Incomplete(v)) => assert_eq!(v[0].0, FieldRef::Member { index: 0, field: "age".into() }),
            other => panic!("{other:?}"),
        }
        f.members[0].age = "forty".into();
        match f.check(Lang::Zh) {
            Err(Problems::Invalid(v)) => assert_eq!(
                v,
                vec![(FieldRef::Member { index: 0, field: "age".into() }, "请填写整数，例如 45".to_string())]
            ),
            other => panic!("{other:?}"),
        }
        f.members[0].age = "45".into();
        f.as_of.clear();
        assert!(matches!(f.check(Lang::En), Err(Problems::Incomplete(_))));
    }

    #[test]
    fn the_applicant_cannot_be_removed() {
        let mut f = tianjin_three("0");
        f.remove_member(0);
        assert_eq!(f.members.len(), 3);
        let key = f.members[2].key;
        f.remove_member(1);
        assert_eq!(f.members.len(), 2);
        assert_eq!(f.members[1].key, key, "cards keep their keys");
        f.remove_member(9);
        assert_eq!(f.members.len(), 2);
    }

    /// 城镇还是农村 starts unanswered (Chongqing's 低保 standards are 620 and 496, Tianjin's
    /// 特困 1870 and 1530): the engine is sent none and reads `urban`, the contract's default;
    /// an answer, 城镇 too, is sent and kept in a link; a link without one opens unanswered.
    /// Work starts unanswered and is asked only where it counts: a person with income in a
    /// household on 低保, in the epidemic period (the work-cost deduction).
    #[test]
    fn work_is_asked_only_where_the_work_cost_counts() {
        let mut f = tianjin_three("1500");
        assert_eq!(f.members[0].work, None);
        assert_eq!(f.to_input(None, Lang::Zh).0.members[0].work, None);
        assert!(!f.members[0].work_matters(f.support.dibao, true), "not on 低保");
        f.support.dibao = true;
        assert!(f.members[0].work_matters(true, true));
        assert!(!f.members[0].work_matters(true, false), "outside the epidemic period");
        assert!(!f.members[1].work_matters(true, true), "no income");
        f.members[0].work = Some(Work::None);
        assert!(!f.members[0].work_matters(true, true), "answered");
        assert_eq!(f.to_input(None, Lang::Zh).0.members[0].work, Some(Work::None));
    }

    #[test]
    fn urban_or_rural_is_asked_not_pre_answered() {
        let mut f = Form::new("chongqing", "2020-04-15");
        f.members[0].age = "45".into();
        assert_eq!(f.residence, None);
        assert_eq!(f.to_input(None, Lang::Zh).0.residence, None);
        assert!(!f.to_contract().contains("residence"), "{}", f.to_contract());
        f.residence = Some(Residence::Urban);
        assert_eq!(f.to_input(None, Lang::Zh).0.residence, Some(Residence::Urban));
        let v: Value = serde_json::from_str(&f.to_contract()).unwrap();
        assert_eq!(v["residence"], "urban");
        assert_eq!(Form::from_json(&v, "tianjin", "2024-01-01").residence, Some(Residence::Urban));
        assert_eq!(Form::from_json(&json!({"jurisdiction": "chongqing"}), "tianjin", "2024-01-01").residence, None);
    }

    #[test]
    fn a_household_survives_json_and_back() {
        let mut f = tianjin_three("1500");
        f.residence = Some(Residence::Rural);
        f.assets = "12000".into();
        f.support.dibao = true;
        f.support.dibao_monthly = "800".into();
        f.support.applying_tekun = true;
        f.members[1].disabled = true;
        f.members[1].disability_grade = Some(2);
        f.members[1].disability_type = Some(DisabilityType::Visual);
        f.members[2].orphan = true;
        f.members[2].hukou = Some(Hukou::ResidencePermit);
        f.members[0].unemployed = true;
        f.members[0].unemployed_registered = true;
        f.members[0].months_without_income = "3".into();
        f.members[0].has_able_supporter = Some(false);
        f.members[1].has_able_supporter = Some(true);
        f.parameters.insert("dibao.standard.urban".into(), "1100".into());
        f.parameters.insert("epidemic.end".into(), OPEN.into());
        let v: Value = serde_json::from_str(&f.to_contract()).expect("JSON");
        let back = Form::from_json(&v, "chongqing", "2024-01-01");
        assert_eq!(back, f);
    }

    #[test]
    fn no_question_is_answered_before_the_user_answers_it() {
        let f = Form::new("tianjin", EPIDEMIC_DATE);
        let m = &f.members[0];
        assert_eq!(m.has_able_supporter, None);
        assert_eq!(m.in_hospital, None);
        assert_eq!(f.situations, [None; 4]);
        assert_eq!(m.more_answered(), 0);
        let v: Value = serde_json::from_str(&f.to_contract()).expect("JSON");
        assert_eq!(v["members"][0].get("has_able_supporter"), None, "left to the engine until asked");
        let mut g = f.clone();
        assert_eq!(g.situation(Situation::Covid), None);
        g.members[0].isolated = true;
        assert_eq!(g.situation(Situation::Covid), Some(true), "an answer below says yes already");
        g.set_situation(Situation::JobLoss, false);
        assert_eq!(g.situation(Situation::JobLoss), Some(false));
        assert!(counts_covid_months("chongqing") && !counts_covid_months("jilin") && !counts_covid_months("tianjin"));
    }

    #[test]
    fn a_figure_that_is_not_a_number_is_refused_at_its_field_and_left_out() {
        let mut f = tianjin_three("lots");
        f.assets = "12,000元".into();
        let (input, problems) = f.to_input(None, Lang::Zh);
        assert_eq!(input.members[0].monthly_income, None);
        assert_eq!(input.assets.map(|m| m.0), Some(rust_decimal::Decimal::from(12000)));
        match problems {
            Some(Problems::Invalid(v)) => {
                assert_eq!(
                    v,
                    vec![(
                        FieldRef::Member { index: 0, field: "monthly_income".into() },
                        "请填写数字，例如 1010 或 1010.5".to_string()
                    )]
                )
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn odd_json_falls_back_to_defaults() {
        let f = Form::from_json(
            &json!({"jurisdiction": "mars", "members": [{"age": "x", "work": "astronaut"}, 3]}),
            "tianjin",
            "2024-01-01",
        );
        assert_eq!(f.jurisdiction, "tianjin");
        // The page says the link's place is unknown, rather than answer for Tianjin silently.
        assert_eq!(f.unknown_place.as_deref(), Some("mars"));
        assert_eq!(Form::from_json(&json!({"jurisdiction": "jilin"}), "tianjin", "2024-01-01").unknown_place, None);
        assert_eq!(f.as_of, "2024-01-01");
        assert_eq!(f.members.len(), 2);
        assert_eq!(f.members[0].age, "x", "a bad value stays visible for correction");
        assert_eq!(f.members[0].work, None);
        assert_eq!(f.members[1].relation, Relation::Other);
        let empty = Form::from_json(&json!(null), "jilin", "2024-01-01");
        assert_eq!(empty, Form::new("jilin", "2024-01-01"));
    }
}
