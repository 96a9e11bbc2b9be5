//! The page's state and every change to it, as plain actions and one reducer
//! (`State::apply`). The assessment is not state: it is computed from `form` while
//! rendering. Side effects (focus, the URL, the clipboard, printing) are requested here as
//! one numbered [`Effect`] and carried out by a `use_effect_with` in the root component.

use std::rc::Rc;

use doudi_core::input::Residence;
use doudi_core::Lang;
use yew::Reducible;

use crate::fields::{FieldRef, Target};
use crate::form::{Form, MemberEdit, Situation, SupportForm, MAX_MEMBERS};

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub form: Form,
    pub lang: Lang,
    pub big_text: bool,
    pub staff: bool,
    /// The last side effect asked for, numbered so that a repeat counts.
    pub effect: Option<(u32, Effect)>,
    /// The shared link, once written.
    pub share: Share,
    /// Today, from the page's clock (the engine reads none), for the "今天" button.
    pub today: String,
    /// The household came from a link that changed policy parameters by hand: the page
    /// says so until they are reset (or the household changes place).
    pub link_overrides: bool,
    seq: u32,
}

/// A side effect the root carries out after rendering.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Take the user to something: open what hides it, scroll, focus.
    Reveal(Target),
    /// Write the household into the address's fragment and copy the link.
    Share,
    Print,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Share {
    Idle,
    /// The link, and whether it reached the clipboard.
    Done {
        url: String,
        copied: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetJurisdiction(String),
    SetDate(String),
    SetResidence(Residence),
    AddMember,
    RemoveMember(usize),
    /// One person's answer changed (the applicant stays the applicant).
    EditMember(usize, MemberEdit),
    EditSupport(SupportForm),
    SetAssets(String),
    /// An override typed or chosen; empty text removes it.
    SetParam(String, String),
    ResetParam(String),
    /// Back to the policy's own values: every override dropped.
    ResetParams,
    /// A guided yes/no question answered; "yes" takes the user to its first question.
    SetSituation(Situation, bool),
    /// A member's question answered from a result card ("is there someone able to support
    /// them?", "can they look after themselves?").
    Answer(usize, crate::compute::Answer),
    SetLang(Lang),
    ToggleBigText,
    ToggleStaff,
    Reveal(Target),
    /// A household read from a link.
    Restore(Form),
    RequestShare,
    ShareDone {
        url: String,
        copied: bool,
    },
    RequestPrint,
}

impl State {
    pub fn new(form: Form, lang: Lang, today: String) -> State {
        State {
            form,
            lang,
            big_text: false,
            staff: false,
            effect: None,
            share: Share::Idle,
            today,
            link_overrides: false,
            seq: 0,
        }
    }

    /// A household read from a link: a parameter it overrides is marked as staff's.
    pub fn opened_from_link(mut self) -> State {
        self.link_overrides = !self.form.parameters.is_empty();
        self
    }

    /// The state after `action`. A link shown earlier is withdrawn once the household
    /// changes: it no longer says what the page shows.
    pub fn apply(self, action: Action) -> State {
        let before = self.form.clone();
        let mut next = self.step(action);
        if next.form != before && matches!(next.share, Share::Done { .. }) {
            next.share = Share::Idle;
        }
        next
    }

    fn step(mut self, action: Action) -> State {
        let form = &mut self.form;
        match action {
            Action::SetJurisdiction(j) => {
                // A place chosen: the link's unknown one is no longer in question.
                form.unknown_place = None;
                if form.jurisdiction != j {
                    form.jurisdiction = j;
                    // Overrides belong to a place's parameters; another place has others.
                    form.parameters.clear();
                }
            }
            Action::SetDate(d) => form.as_of = d,
            Action::SetResidence(r) => form.residence = Some(r),
            Action::AddMember => {
                if form.members.len() < MAX_MEMBERS {
                    form.add_member();
                    let index = form.members.len() - 1;
                    return self.with(Effect::Reveal(Target::Field(FieldRef::Member { index, field: "age".into() })));
                }
            }
            Action::RemoveMember(i) => {
                if i > 0 && i < form.members.len() {
                    form.remove_member(i);
                    // Focus moves to the card before, never into nothing.
                    let index = i - 1;
                    return self.with(Effect::Reveal(Target::Field(FieldRef::Member { index, field: "age".into() })));
                }
            }
            Action::EditMember(i, edit) => {
                if let Some(slot) = form.members.get_mut(i) {
                    let (key, relation) = (slot.key, slot.relation);
                    edit.apply(slot);
                    slot.key = key;
                    if i == 0 {
                        slot.relation = relation;
                    }
                }
            }
            Action::EditSupport(s) => form.support = s,
            Action::SetAssets(a) => form.assets = a,
            Action::SetParam(id, value) => {
                if value.trim().is_empty() {
                    form.parameters.remove(&id);
                } else {
                    form.parameters.insert(id, value);
                }
            }
            Action::ResetParam(id) => {
                form.parameters.remove(&id);
            }
            Action::ResetParams => {
                form.parameters.clear();
                self.link_overrides = false;
            }
            Action::Answer(i, answer) => {
                if let Some(m) = form.members.get_mut(i) {
                    answer.apply(m);
                }
            }
            Action::SetSituation(s, yes) => {
                form.set_situation(s, yes);
                if yes {
                    let field = FieldRef::Member { index: 0, field: s.first_field().into() };
                    return self.with(Effect::Reveal(Target::Field(field)));
                }
            }
            Action::SetLang(l) => self.lang = l,
            Action::ToggleBigText => self.big_text = !self.big_text,
            Action::ToggleStaff => self.staff = !self.staff,
            Action::Reveal(t) => {
                if matches!(t, Target::Field(FieldRef::Param(_))) {
                    self.staff = true;
                }
                return self.with(Effect::Reveal(t));
            }
            Action::Restore(f) => {
                self.form = f;
                self.share = Share::Idle;
                self.link_overrides = !self.form.parameters.is_empty();
            }
            Action::RequestShare => return self.with(Effect::Share),
            Action::ShareDone { url, copied } => self.share = Share::Done { url, copied },
            Action::RequestPrint => return self.with(Effect::Print),
        }
        self
    }

    fn with(mut self, e: Effect) -> State {
        self.seq += 1;
        self.effect = Some((self.seq, e));
        self
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use doudi_core::input::Relation;

    fn state() -> State {
        State::new(Form::new("tianjin", "2020-04-15"), Lang::Zh, "2024-05-01".into())
    }

    #[test]
    fn adding_a_member_focuses_its_age() {
        let s = state().apply(Action::AddMember);
        assert_eq!(s.form.members.len(), 2);
        assert_eq!(
            s.effect,
            Some((1, Effect::Reveal(Target::Field(FieldRef::Member { index: 1, field: "age".into() }))))
        );
        let s = s.apply(Action::AddMember);
        assert_eq!(s.effect.as_ref().map(|r| r.0), Some(2), "each request is new");
    }

    #[test]
    fn the_applicant_stays() {
        let s = state().apply(Action::AddMember).apply(Action::RemoveMember(0));
        assert_eq!(s.form.members.len(), 2);
        let s = s.apply(Action::RemoveMember(1));
        assert_eq!(s.form.members.len(), 1);
        let s = s.apply(Action::EditMember(0, MemberEdit::Text(|m, _| m.relation = Relation::Child, String::new())));
        assert_eq!(s.form.members[0].relation, Relation::SelfPerson, "the applicant is always self");
        let s = s.apply(Action::EditMember(0, MemberEdit::Text(|m, v| m.age = v, "45".into())));
        assert_eq!(s.form.members[0].age, "45");
        let s = s.apply(Action::EditMember(7, MemberEdit::Text(|m, v| m.age = v, "45".into())));
        assert_eq!(s.form.members.len(), 1, "an edit of a gone card is ignored");
    }

    #[test]
    fn typed_text_is_kept_as_typed() {
        let s = state().apply(Action::EditMember(0, MemberEdit::Text(|m, v| m.monthly_income = v, "-100".into())));
        assert_eq!(s.form.members[0].monthly_income, "-100");
    }

    #[test]
    fn overrides_are_set_reset_and_dropped_with_the_place() {
        let s = state().apply(Action::SetParam("dibao.standard.urban".into(), "1100".into()));
        assert_eq!(s.form.parameters.get("dibao.standard.urban").map(String::as_str), Some("1100"));
        let s2 = s.clone().apply(Action::ResetParam("dibao.standard.urban".into()));
        assert!(s2.form.parameters.is_empty());
        let s3 = s.clone().apply(Action::SetParam("dibao.standard.urban".into(), " ".into()));
        assert!(s3.form.parameters.is_empty());
        let s4 = s.apply(Action::SetJurisdiction("jilin".into()));
        assert!(s4.form.parameters.is_empty());
    }

    #[test]
    fn choosing_a_place_ends_the_links_unknown_one() {
        let mut s = state();
        s.form.unknown_place = Some("mars".into());
        let place = s.form.jurisdiction.clone();
        let same = s.apply(Action::SetJurisdiction(place));
        assert_eq!(same.form.unknown_place, None, "choosing the place shown settles it too");
    }

    #[test]
    fn asking_for_a_parameter_opens_staff_mode() {
        let s = state().apply(Action::Reveal(Target::Field(FieldRef::Param("minimum_wage.monthly".into()))));
        assert!(s.staff);
        assert!(matches!(s.effect, Some((_, Effect::Reveal(Target::Field(FieldRef::Param(_)))))));
        let s = state().apply(Action::Reveal(Target::Answers));
        assert!(!s.staff);
    }

    #[test]
    fn share_and_print_are_requests() {
        let s = state().apply(Action::RequestShare);
        assert_eq!(s.effect, Some((1, Effect::Share)));
        let s = s.apply(Action::ShareDone { url: "http://x/#h=e30".into(), copied: true });
        assert_eq!(s.share, Share::Done { url: "http://x/#h=e30".into(), copied: true });
        let s = s.apply(Action::RequestPrint);
        assert_eq!(s.effect, Some((2, Effect::Print)));
        let edited = s.clone().apply(Action::SetAssets("100".into()));
        assert_eq!(edited.share, Share::Idle, "a changed household withdraws the old link");
        let restored = s.apply(Action::Restore(Form::new("jilin", "2020-04-15")));
        assert_eq!(restored.form.jurisdiction, "jilin");
        assert_eq!(restored.share, Share::Idle);
    }

    #[test]
    fn a_link_with_overrides_is_marked_until_they_are_reset() {
        let mut f = Form::new("tianjin", "2020-04-15");
        f.parameters.insert("dibao.standard.urban".into(), "600".into());
        let s = State::new(f.clone(), Lang::Zh, "2024-05-01".into()).opened_from_link();
        assert!(s.link_overrides);
        let s = s.apply(Action::ResetParams);
        assert!(!s.link_overrides && s.form.parameters.is_empty());
        let s = s.apply(Action::Restore(f));
        assert!(s.link_overrides, "a link read later is marked too");
        assert!(!state().opened_from_link().link_overrides, "a link without overrides is not");
    }

    #[test]
    fn a_yes_to_a_guided_question_goes_to_its_first_question() {
        let s = state().apply(Action::SetSituation(Situation::Covid, true));
        assert_eq!(s.form.situation(Situation::Covid), Some(true));
        assert_eq!(
            s.effect,
            Some((1, Effect::Reveal(Target::Field(FieldRef::Member { index: 0, field: "covid".into() }))))
        );
        let s = s.apply(Action::SetSituation(Situation::JobLoss, false));
        assert_eq!(s.form.situation(Situation::JobLoss), Some(false));
        assert_eq!(s.effect.map(|e| e.0), Some(1), "a no asks for nothing more");
    }

    #[test]
    fn toggles() {
        let s = state().apply(Action::ToggleBigText).apply(Action::ToggleStaff).apply(Action::SetLang(Lang::En));
        assert!(s.big_text && s.staff);
        assert_eq!(s.lang, Lang::En);
    }
}
