//! A household in a link: `#h=` followed by the household's compact contract JSON in
//! URL-safe base64 (no padding). The fragment never reaches a server, so a shared link
//! uploads nothing; the page writes it only when the user asks for a link.

use doudi_core::input::{HouseholdInput, MemberInput, Money};
use serde_json::Value;

/// The fragment's key.
const KEY: &str = "h=";

/// `#h=…` for a household's JSON text.
pub fn encode_fragment(household_json: &str) -> String {
    format!("#{KEY}{}", base64url_encode(household_json.as_bytes()))
}

/// A household as compact contract v1 JSON, absent fields left out. Written by hand (not
/// by serde) because a derived serializer costs more of the page's size budget than this.
pub fn household_json(h: &HouseholdInput) -> String {
    let mut w = Obj::default();
    w.str("jurisdiction", &h.jurisdiction);
    w.str("as_of", &h.as_of);
    w.opt_str("residence", h.residence.map(|r| r.as_str()));
    w.money("assets", h.assets);
    if let Some(s) = &h.support {
        let mut o = Obj::default();
        o.bool("dibao", s.dibao);
        o.money("dibao_monthly", s.dibao_monthly);
        o.bool("low_income", s.low_income);
        o.bool("poverty_registered", s.poverty_registered);
        o.opt_str("income_above_standard_since", s.income_above_standard_since.as_deref());
        w.raw("support", &o.end());
    }
    if let Some(a) = &h.applying {
        let items: Vec<String> = a.iter().map(|x| quote(x.as_str())).collect();
        w.raw("applying", &format!("[{}]", items.join(",")));
    }
    let members: Vec<String> = h.members.iter().map(member_json).collect();
    w.raw("members", &format!("[{}]", members.join(",")));
    if let Some(p) = &h.parameters {
        let mut o = Obj::default();
        for (id, v) in p {
            let v = match v {
                Value::Null => "null".to_string(),
                Value::Bool(b) => b.to_string(),
                Value::Number(n) => n.to_string(),
                Value::String(s) => quote(s),
                _ => continue,
            };
            o.raw(id, &v);
        }
        w.raw("parameters", &o.end());
    }
    w.end()
}

fn member_json(m: &MemberInput) -> String {
    let mut o = Obj::default();
    o.opt_str("id", m.id.as_deref());
    o.opt_str("relation", m.relation.map(|x| x.as_str()));
    o.int("age", m.age);
    o.opt_str("birth_date", m.birth_date.as_deref());
    o.money("monthly_income", m.monthly_income);
    o.opt_str("work", m.work.map(|x| x.as_str()));
    o.bool("epidemic_job_loss", m.epidemic_job_loss);
    o.int("months_without_income", m.months_without_income);
    o.bool("unemployed_registered", m.unemployed_registered);
    o.opt_str("unemployment_insurance", m.unemployment_insurance.map(|x| x.as_str()));
    o.opt_str("hukou", m.hukou.map(|x| x.as_str()));
    o.opt_str("covid", m.covid.map(|x| x.as_str()));
    o.opt_str("diagnosed_on", m.diagnosed_on.as_deref());
    o.opt_str("discharged_on", m.discharged_on.as_deref());
    o.bool("isolated", m.isolated);
    o.int("disability_grade", m.disability_grade);
    o.opt_str("disability_type", m.disability_type.map(|x| x.as_str()));
    o.int("serious_illness_tier", m.serious_illness_tier);
    o.bool("orphan", m.orphan);
    o.bool("unsupported_child", m.unsupported_child);
    o.bool("difficult_child", m.difficult_child);
    o.bool("entitled_group", m.entitled_group);
    o.bool("able_to_work", m.able_to_work);
    o.bool("has_able_supporter", m.has_able_supporter);
    o.opt_str("self_care", m.self_care.map(|x| x.as_str()));
    o.bool("carer_unavailable", m.carer_unavailable);
    o.bool("tekun", m.tekun);
    o.bool("stranded", m.stranded);
    o.end()
}

/// A JSON object being written, fields in order.
#[derive(Default)]
struct Obj(Vec<String>);

impl Obj {
    fn raw(&mut self, key: &str, value: &str) {
        self.0.push(format!("{}:{value}", quote(key)));
    }
    fn str(&mut self, key: &str, v: &str) {
        self.raw(key, &quote(v));
    }
    fn opt_str(&mut self, key: &str, v: Option<&str>) {
        if let Some(v) = v {
            self.str(key, v);
        }
    }
    fn bool(&mut self, key: &str, v: Option<bool>) {
        if let Some(v) = v {
            self.raw(key, if v { "true" } else { "false" });
        }
    }
    fn int(&mut self, key: &str, v: Option<i64>) {
        if let Some(v) = v {
            self.raw(key, &v.to_string());
        }
    }
    /// Money as the contract's decimal string (`"1500"`).
    fn money(&mut self, key: &str, v: Option<Money>) {
        if let Some(Money(d)) = v {
            self.str(key, &d.normalize().to_string());
        }
    }
    fn end(self) -> String {
        format!("{{{}}}", self.0.join(","))
    }
}

/// A JSON string literal.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The household JSON in a fragment (`#h=…` or `h=…`, possibly among other `&`-separated
/// parts), or `None` when there is none or it is damaged.
pub fn decode_fragment(fragment: &str) -> Option<Value> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    let data = f.split('&').find_map(|part| part.strip_prefix(KEY))?;
    let bytes = base64url_decode(data)?;
    let v: Value = serde_json::from_slice(&bytes).ok()?;
    v.is_object().then_some(v)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// RFC 4648 §5 base64url, without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Decodes base64url with or without padding; also accepts `+` and `/` (plain base64).
pub fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        } as u32)
    };
    if s.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    for chunk in s.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn base64url_matches_the_rfc_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(plain.as_bytes()), coded);
            assert_eq!(base64url_decode(coded).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("-_8="), Some(vec![0xfb, 0xff]));
        assert_eq!(base64url_decode("+/8"), Some(vec![0xfb, 0xff]));
        assert_eq!(base64url_decode("Z"), None);
        assert_eq!(base64url_decode("Zm9v!"), None);
    }

    #[test]
    fn the_hand_written_json_is_the_contract() {
        let h = json!({
            "jurisdiction": "jilin", "as_of": "2020-04-15", "residence": "rural", "assets": "12000.5",
            "support": {"dibao": true, "dibao_monthly": "800", "income_above_standard_since": "2020-03-01"},
            "applying": ["dibao", "tekun"],
            "members": [
                {"id": "申请人 \"甲\"\\", "age": 45, "monthly_income": "1500", "work": "migrant", "months_without_income": 3,
                 "unemployed_registered": true, "unemployment_insurance": "none", "hukou": "residence_permit",
                 "covid": "confirmed", "diagnosed_on": "2020-02-10", "discharged_on": "2020-03-05", "disability_grade": 2,
                 "disability_type": "visual", "has_able_supporter": false, "self_care": "partial", "able_to_work": false},
                {"relation": "child", "age": 10, "orphan": true, "serious_illness_tier": 1000}
            ],
            "parameters": {"dibao.standard.urban": "600", "epidemic.end": null, "dibao.exit_suspended": true}
        });
        let input = doudi_core::parse_value(h.clone()).expect("a valid household");
        let text = household_json(&input);
        let back: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back, h);
    }

    #[test]
    fn a_household_round_trips_through_the_fragment() {
        let h = json!({"jurisdiction": "tianjin", "as_of": "2020-04-15", "members": [{"age": 45, "monthly_income": "1500", "id": "申请人"}]});
        let frag = encode_fragment(&h.to_string());
        assert!(frag.starts_with("#h="));
        assert!(frag[3..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{frag}");
        assert_eq!(decode_fragment(&frag), Some(h.clone()));
        assert_eq!(decode_fragment(&format!("lang=en&{}", &frag[1..])), Some(h));
    }

    #[test]
    fn damaged_fragments_are_ignored() {
        assert_eq!(decode_fragment(""), None);
        assert_eq!(decode_fragment("#c-000-2.5.4"), None);
        assert_eq!(decode_fragment("#h=%%%"), None);
        assert_eq!(decode_fragment(&format!("#h={}", base64url_encode(b"[1,2]"))), None);
        assert_eq!(decode_fragment(&format!("#h={}", base64url_encode(b"{\"a\":"))), None);
    }
}
