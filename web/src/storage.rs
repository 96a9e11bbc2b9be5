//! Households kept on this device, only when asked: the saved-households panel's state and
//! reducer steps (pure, tested natively) and the bridge to `web/saved.js`, a small module
//! loaded the first time the panel is used, which keeps them in IndexedDB (database
//! `doudi`) or, with "forget when the page closes", in the page's memory only.
//!
//! A household is kept as its share link's fragment (`#h=…`, [`crate::share`]): one format
//! for a link and a saved household. On load nothing here runs and no database is opened;
//! the list is read when the user opens it (without creating the database), and the
//! database is created by the first save.

use doudi_core::Lang;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::fields::Target;
use crate::form::{Form, EPIDEMIC_DATE};
use crate::i18n::{self, labels};
use crate::state::{Effect, State};

/// A household saved on this device.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedItem {
    pub id: u32,
    pub name: String,
    /// When it was saved, `YYYY-MM-DD HH:MM` on this device's clock.
    pub saved: String,
    /// The household as a share link's fragment (`#h=…`).
    pub h: String,
}

/// The panel's state.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Saved {
    /// The list as last read; `None` until the user first opens it or saves (nothing is
    /// read before that).
    pub list: Option<Vec<SavedItem>>,
    /// The list is open.
    pub open: bool,
    /// Households are kept in the page's memory only, forgotten when it closes.
    pub forget: bool,
    /// The name typed for the next save; `None`: the suggestion.
    pub name: Option<String>,
    /// The household being renamed, and the name typed.
    pub renaming: Option<(u32, String)>,
    /// What the last action did, said in the status line.
    pub status: Option<Status>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Saved(String),
    Opened(String),
    Renamed(String),
    Deleted(String),
    Cleared,
    Forget(bool),
    /// The browser refused (private mode, storage full or blocked).
    Failed,
}

impl Status {
    pub fn text(&self, lang: Lang) -> String {
        let l = labels(lang);
        match self {
            Status::Saved(n) => i18n::fill(l.saved_done, &[n]),
            Status::Opened(n) => i18n::fill(l.saved_opened, &[n]),
            Status::Renamed(n) => i18n::fill(l.saved_renamed, &[n]),
            Status::Deleted(n) => i18n::fill(l.saved_deleted, &[n]),
            Status::Cleared => l.saved_cleared.into(),
            Status::Forget(true) => l.saved_forget_on.into(),
            Status::Forget(false) => l.saved_forget_off.into(),
            Status::Failed => l.saved_failed.into(),
        }
    }
}

/// What the user did in the panel (or the staff shortcut), and what the store answered.
#[derive(Clone, Debug, PartialEq)]
pub enum SavedAction {
    /// The list was opened or closed.
    Toggle(bool),
    SetName(String),
    /// "保存在本机", at this time (`YYYY-MM-DD HH:MM`), under the name typed or the suggested one.
    Save {
        now: String,
    },
    Open(u32),
    StartRename(u32),
    EditRename(String),
    CommitRename,
    CancelRename,
    Delete(u32),
    ClearAll,
    SetForget(bool),
    /// The store's answer: the list now, whether it forgets, and what to say (`None`
    /// when it failed).
    Listed {
        list: Vec<SavedItem>,
        forget: bool,
        status: Option<Status>,
    },
    Failed,
}

/// What the root asks of the store; it then reads the list back and reports `Listed`.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    List,
    Save { name: String, h: String, saved: String },
    Rename { id: u32, name: String },
    Remove(u32),
    Clear,
    Forget(bool),
}

/// A store request, what to say once it is done, and the element (by id) that takes the
/// focus at once, where the control that asked has gone.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub op: Op,
    pub then: Option<Status>,
    pub focus: Option<String>,
}

/// The "保存在本机" button's id.
pub const SAVE_ID: &str = "saved-save";

/// The id of a saved household's "打开" button.
pub fn open_id(id: u32) -> String {
    format!("saved-open-{id}")
}

/// The name suggested for a save: the place, the number of people and the day (`today`).
pub fn suggested_name(form: &Form, today: &str, lang: Lang) -> String {
    let n = form.members.len().to_string();
    let day = crate::format::date(today, lang);
    i18n::fill(labels(lang).saved_default_name, &[i18n::place_label(&form.jurisdiction, lang), &n, &day])
}

/// `2024-05-01 10:30` → `2024年5月1日 10:30`.
pub fn when(saved: &str, lang: Lang) -> String {
    let (date, time) = saved.split_once(' ').unwrap_or((saved, ""));
    format!("{} {time}", crate::format::date(date, lang)).trim_end().to_string()
}

impl State {
    /// The panel's actions; the store's work is asked for as an [`Effect::Store`].
    pub fn saved_step(mut self, action: SavedAction) -> State {
        let s = &mut self.saved;
        let name_of = |s: &Saved, id: u32| s.list.iter().flatten().find(|i| i.id == id).map(|i| i.name.clone());
        let request = |op, then| Effect::Store(Request { op, then, focus: None });
        match action {
            SavedAction::Toggle(open) => {
                s.open = open;
                if open && s.list.is_none() {
                    return self.with(request(Op::List, None));
                }
            }
            SavedAction::SetName(n) => s.name = Some(n),
            SavedAction::Save { now } => {
                let suggested = suggested_name(&self.form, &self.today, self.lang);
                let s = &mut self.saved;
                let name = s.name.take().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).unwrap_or(suggested);
                let h = crate::share::encode_fragment(&self.form.to_contract());
                s.open = true;
                let then = Some(Status::Saved(name.clone()));
                return self.with(request(Op::Save { name, h, saved: now }, then));
            }
            SavedAction::Open(id) => {
                let Some(item) = s.list.iter().flatten().find(|i| i.id == id).cloned() else { return self };
                let Some(v) = crate::share::decode_fragment(&item.h) else {
                    s.status = Some(Status::Failed);
                    return self;
                };
                s.status = Some(Status::Opened(item.name));
                let form = Form::from_json(&v, &self.form.jurisdiction, EPIDEMIC_DATE);
                return self.apply(crate::state::Action::Restore(form)).with(Effect::Reveal(Target::Answers));
            }
            SavedAction::StartRename(id) => {
                if let Some(name) = name_of(s, id) {
                    s.renaming = Some((id, name));
                    return self.with(Effect::Reveal(Target::Element(format!("saved-rename-{id}"))));
                }
            }
            SavedAction::EditRename(n) => {
                if let Some(r) = &mut s.renaming {
                    r.1 = n;
                }
            }
            SavedAction::CommitRename => {
                if let Some((id, name)) = s.renaming.take() {
                    let name = name.trim().to_string();
                    let back = Effect::Reveal(Target::Element(open_id(id)));
                    if name.is_empty() || name_of(s, id).as_deref() == Some(&name) {
                        return self.with(back);
                    }
                    // The name changes on screen at once; the store's answer follows.
                    if let Some(item) = s.list.iter_mut().flatten().find(|i| i.id == id) {
                        item.name = name.clone();
                    }
                    let then = Some(Status::Renamed(name.clone()));
                    let focus = Some(open_id(id));
                    return self.with(Effect::Store(Request { op: Op::Rename { id, name }, then, focus }));
                }
            }
            SavedAction::CancelRename => {
                if let Some((id, _)) = s.renaming.take() {
                    return self.with(Effect::Reveal(Target::Element(open_id(id))));
                }
            }
            SavedAction::Delete(id) => {
                if let Some(name) = name_of(s, id) {
                    s.renaming = None;
                    let list = s.list.get_or_insert_with(Vec::new);
                    let at = list.iter().position(|i| i.id == id).unwrap_or(0);
                    list.retain(|i| i.id != id);
                    // The focus goes to the next household (or the one before, or the save button).
                    let next = list.get(at).or(list.last()).map_or_else(|| SAVE_ID.to_string(), |i| open_id(i.id));
                    let then = Some(Status::Deleted(name));
                    return self.with(Effect::Store(Request { op: Op::Remove(id), then, focus: Some(next) }));
                }
            }
            SavedAction::ClearAll => {
                s.renaming = None;
                if let Some(list) = &mut s.list {
                    list.clear();
                }
                return self.with(request(Op::Clear, Some(Status::Cleared)));
            }
            SavedAction::SetForget(on) => {
                s.forget = on;
                return self.with(request(Op::Forget(on), Some(Status::Forget(on))));
            }
            SavedAction::Listed { list, forget, status } => {
                s.list = Some(list);
                s.forget = forget;
                if status.is_some() {
                    s.status = status;
                }
            }
            SavedAction::Failed => s.status = Some(Status::Failed),
        }
        self
    }
}

/// The store's answer to `list()`: `{"forget": bool, "items": [{id, name, saved, h}]}`,
/// newest first; items that are not households are left out.
pub fn parse_list(text: &str) -> Option<(Vec<SavedItem>, bool)> {
    let v: Value = serde_json::from_str(text).ok()?;
    let forget = v.get("forget").and_then(Value::as_bool).unwrap_or(false);
    let mut items: Vec<SavedItem> = v
        .get("items")?
        .as_array()?
        .iter()
        .filter_map(|i| {
            let s = |k: &str| i.get(k).and_then(Value::as_str).map(String::from);
            Some(SavedItem {
                id: u32::try_from(i.get("id")?.as_u64()?).ok()?,
                name: s("name")?,
                saved: s("saved").unwrap_or_default(),
                h: s("h")?,
            })
        })
        .collect();
    items.reverse();
    Some((items, forget))
}

// The bridge to web/saved.js (which sets `globalThis.doudiSaved` when it has loaded).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = doudiSaved, js_name = list)]
    fn js_list() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = doudiSaved, js_name = save)]
    fn js_save(name: &str, h: &str, saved: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = doudiSaved, js_name = rename)]
    fn js_rename(id: u32, name: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = doudiSaved, js_name = remove)]
    fn js_remove(id: u32) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = doudiSaved, js_name = clear)]
    fn js_clear() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = doudiSaved, js_name = setForget)]
    fn js_set_forget(on: bool) -> Result<js_sys::Promise, JsValue>;
}

type Waiting = Vec<Box<dyn FnOnce(bool)>>;

thread_local! {
    /// Callers waiting for saved.js; `None` once it has loaded (or failed).
    static WAITING: std::cell::RefCell<Option<Waiting>> = const { std::cell::RefCell::new(Some(Vec::new())) };
}

/// Calls `f(true)` once saved.js has loaded (at once if it has), `f(false)` if it cannot.
fn ready(f: impl FnOnce(bool) + 'static) {
    let mut f = Some(f);
    let first = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let list = w.as_mut()?;
        list.push(Box::new(f.take()?));
        Some(list.len() == 1)
    });
    match (first, f) {
        // Loaded before (or failed to: then the calls fail and say so).
        (None, Some(f)) => return f(js_sys::Reflect::has(&js_sys::global(), &"doudiSaved".into()).unwrap_or(false)),
        (Some(true), _) => {}
        _ => return,
    }
    let finish = |ok: bool| {
        let waiting = WAITING.with(|w| w.borrow_mut().take()).unwrap_or_default();
        for f in waiting {
            f(ok);
        }
    };
    let added = (|| {
        let doc = web_sys::window()?.document()?;
        let script = doc.create_element("script").ok()?;
        script.set_attribute("type", "module").ok()?;
        script.set_attribute("src", "saved.js").ok()?;
        for (event, ok) in [("load", true), ("error", false)] {
            let f = Closure::once_into_js(move |_: JsValue| finish(ok));
            script.add_event_listener_with_callback(event, f.unchecked_ref()).ok()?;
        }
        doc.body()?.append_child(&script).ok()
    })();
    if added.is_none() {
        finish(false);
    }
}

/// Carries out `req`, then reads the list back and hands `done` the action to dispatch.
pub fn run(req: Request, done: impl Fn(SavedAction) + 'static) {
    ready(move |ok| {
        if !ok {
            return done(SavedAction::Failed);
        }
        let step = match &req.op {
            Op::List => Ok(js_sys::Promise::resolve(&JsValue::NULL)),
            Op::Save { name, h, saved } => js_save(name, h, saved),
            Op::Rename { id, name } => js_rename(*id, name),
            Op::Remove(id) => js_remove(*id),
            Op::Clear => js_clear(),
            Op::Forget(on) => js_set_forget(*on),
        };
        let Ok(step) = step else { return done(SavedAction::Failed) };
        let done = std::rc::Rc::new(done);
        let then = req.then;
        let d = done.clone();
        after(
            &step,
            move |_| {
                let Ok(listing) = js_list() else { return d(SavedAction::Failed) };
                let d2 = d.clone();
                after(
                    &listing,
                    move |text| match text.as_string().as_deref().and_then(parse_list) {
                        Some((list, forget)) => d2(SavedAction::Listed { list, forget, status: then }),
                        None => d2(SavedAction::Failed),
                    },
                    move || d(SavedAction::Failed),
                );
            },
            move || done(SavedAction::Failed),
        );
    });
}

/// `ok(value)` once `p` resolves, `fail()` if it rejects. The two closures are left to the
/// promise (one call each at most; saving is rare, so leaking them is fine).
fn after(p: &js_sys::Promise, ok: impl FnOnce(JsValue) + 'static, fail: impl FnOnce() + 'static) {
    let ok = Closure::<dyn FnMut(JsValue)>::once(ok);
    let fail = Closure::<dyn FnMut(JsValue)>::once(move |_: JsValue| fail());
    let _ = p.then2(&ok, &fail);
    ok.forget();
    fail.forget();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;

    fn state() -> State {
        State::new(Form::new("tianjin", "2020-04-15"), Lang::Zh, "2024-05-01".into())
    }

    fn effect(s: &State) -> Option<Effect> {
        s.effect.as_ref().map(|e| e.1.clone())
    }

    fn item(id: u32, name: &str, h: &str) -> SavedItem {
        SavedItem { id, name: name.into(), saved: "2024-05-01 10:30".into(), h: h.into() }
    }

    #[test]
    fn nothing_is_read_until_the_list_is_opened_and_then_once() {
        let s = state();
        assert_eq!(s.saved.list, None);
        assert_eq!(s.effect, None);
        let s = s.apply(Action::Saved(SavedAction::Toggle(true)));
        assert_eq!(effect(&s), Some(Effect::Store(Request { op: Op::List, then: None, focus: None })));
        let s = s.apply(Action::Saved(SavedAction::Listed { list: vec![], forget: false, status: None }));
        let seq = s.effect.as_ref().map(|e| e.0);
        let s = s.apply(Action::Saved(SavedAction::Toggle(false))).apply(Action::Saved(SavedAction::Toggle(true)));
        assert_eq!(s.effect.as_ref().map(|e| e.0), seq, "a list already read is not read again");
    }

    #[test]
    fn a_save_keeps_the_share_links_household_under_the_name_given_or_suggested() {
        let mut s = state();
        s.form.members[0].age = "45".into();
        let h = crate::share::encode_fragment(&s.form.to_contract());
        let saved = s.clone().apply(Action::Saved(SavedAction::Save { now: "2024-05-01 10:30".into() }));
        let expected =
            Op::Save { name: "天津市 1 人 2024年5月1日".into(), h: h.clone(), saved: "2024-05-01 10:30".into() };
        assert_eq!(
            effect(&saved),
            Some(Effect::Store(Request {
                op: expected,
                then: Some(Status::Saved("天津市 1 人 2024年5月1日".into())),
                focus: None
            }))
        );
        let named = s
            .apply(Action::Saved(SavedAction::SetName("  王家 ".into())))
            .apply(Action::Saved(SavedAction::Save { now: "2024-05-01 10:31".into() }));
        assert!(
            matches!(effect(&named), Some(Effect::Store(Request { op: Op::Save { name, .. }, .. })) if name == "王家")
        );
        assert_eq!(named.saved.name, None, "the next save is offered the suggestion again");
    }

    #[test]
    fn opening_restores_the_household_and_shows_the_answer() {
        let mut f = Form::new("chongqing", "2020-03-01");
        f.members[0].age = "70".into();
        let h = crate::share::encode_fragment(&f.to_contract());
        let s = state().apply(Action::Saved(SavedAction::Listed {
            list: vec![item(3, "李家", &h)],
            forget: false,
            status: None,
        }));
        let s = s.apply(Action::Saved(SavedAction::Open(3)));
        assert_eq!(s.form.jurisdiction, "chongqing");
        assert_eq!(s.form.members[0].age, "70");
        assert_eq!(s.saved.status, Some(Status::Opened("李家".into())));
        assert_eq!(effect(&s), Some(Effect::Reveal(Target::Answers)));
    }

    #[test]
    fn rename_and_delete_ask_the_store_and_keep_the_focus_in_the_list() {
        let list = vec![item(1, "甲", "#h=e30"), item(2, "乙", "#h=e30")];
        let s = state().apply(Action::Saved(SavedAction::Listed { list, forget: false, status: None }));
        let s = s.apply(Action::Saved(SavedAction::StartRename(2)));
        assert_eq!(s.saved.renaming, Some((2, "乙".into())));
        let s = s
            .apply(Action::Saved(SavedAction::EditRename("丙".into())))
            .apply(Action::Saved(SavedAction::CommitRename));
        assert_eq!(s.saved.list.as_ref().unwrap()[1].name, "丙");
        assert_eq!(
            effect(&s),
            Some(Effect::Store(Request {
                op: Op::Rename { id: 2, name: "丙".into() },
                then: Some(Status::Renamed("丙".into())),
                focus: Some("saved-open-2".into())
            }))
        );
        let s = s.apply(Action::Saved(SavedAction::Delete(1)));
        assert_eq!(s.saved.list.as_ref().unwrap().len(), 1);
        assert!(
            matches!(effect(&s), Some(Effect::Store(Request { op: Op::Remove(1), focus: Some(f), .. })) if f == "saved-open-2")
        );
        let s = s.apply(Action::Saved(SavedAction::Delete(2)));
        assert!(matches!(effect(&s), Some(Effect::Store(Request { focus: Some(f), .. })) if f == SAVE_ID));
        let s = s.apply(Action::Saved(SavedAction::ClearAll));
        assert!(matches!(effect(&s), Some(Effect::Store(Request { op: Op::Clear, .. }))));
    }

    #[test]
    fn the_stores_list_is_read_newest_first() {
        let text = r##"{"forget":true,"items":[{"id":1,"name":"a","saved":"2024-05-01 10:30","h":"#h=e30"},{"id":2,"name":"b","h":"#h=e30"},{"id":"x"}]}"##;
        let (items, forget) = parse_list(text).expect("a list");
        assert!(forget);
        assert_eq!(items.iter().map(|i| i.id).collect::<Vec<_>>(), [2, 1]);
        assert_eq!(parse_list("null"), None);
        assert_eq!(when("2024-05-01 10:30", Lang::En), "1 May 2024 10:30");
    }
}
