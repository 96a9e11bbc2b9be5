//! The raw household as it arrives (contract v1, "Input"): field names, types and
//! defaults exactly as the contract writes them, with no meaning checked yet.
//! [`crate::household`] turns it into a validated [`crate::household::Household`].
//!
//! Unknown fields are refused (`deny_unknown_fields`) so that a typo is never silently
//! ignored, and so is a key given twice. Optional fields accept `null` as "absent".
//!
//! Limits, each refused at once, before the rest is read: a text of more than
//! [`MAX_INPUT_BYTES`] (see [`check_size`]), more than [`crate::household::MAX_MEMBERS`]
//! members, more than [`MAX_PARAMETERS`] parameter overrides.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{de, Deserialize, Deserializer, Serialize};

use crate::error::{clip, InputError};
use crate::household::MAX_MEMBERS;
use crate::money;

/// The largest household text accepted, in bytes (256 KiB). The largest household the contract
/// allows (30 members with every field, every parameter overridden, indented) is under 64 KiB.
pub const MAX_INPUT_BYTES: usize = 256 * 1024;

/// The most parameter overrides accepted: no jurisdiction has more parameters (a test checks).
pub const MAX_PARAMETERS: usize = 64;

/// The refusal of a 31st member (its Chinese is in [`InputError::from_serde`]).
pub(crate) const TOO_MANY_MEMBERS: &str = "at most 30 members";
/// The refusal of more than [`MAX_PARAMETERS`] overrides.
pub(crate) const TOO_MANY_PARAMETERS: &str = "at most 64 parameters (no jurisdiction has more)";

/// Refuses a household text of more than [`MAX_INPUT_BYTES`] before it is read at all.
pub fn check_size(bytes: usize) -> Result<(), InputError> {
    if bytes <= MAX_INPUT_BYTES {
        return Ok(());
    }
    Err(InputError::new(
        "",
        format!("the household is {bytes} bytes long; at most {MAX_INPUT_BYTES} bytes (256 KiB) are accepted"),
        format!("输入过长（{bytes} 字节），最多接受 {MAX_INPUT_BYTES} 字节（256 KiB）"),
    ))
}

/// A household, as sent by the CLI, the JS API or the page.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HouseholdInput {
    /// `tianjin`, `tianjin-dongli`, `chongqing`, `jilin`.
    pub jurisdiction: String,
    /// The day the assessment is for, `YYYY-MM-DD`.
    pub as_of: String,
    /// `urban` (default) or `rural`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence: Option<Residence>,
    /// Household money assets in yuan; absent = unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assets: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<SupportInput>,
    /// Programmes the household is newly applying for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applying: Option<Vec<Applying>>,
    /// The people counted together; the first is the applicant. 1 to 30.
    #[serde(deserialize_with = "members")]
    pub members: Vec<MemberInput>,
    /// Overrides of policy parameters: parameter id → value.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "parameters")]
    pub parameters: Option<BTreeMap<String, serde_json::Value>>,
}

/// The household's current support.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SupportInput {
    /// Receives 低保 now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dibao: Option<bool>,
    /// Current monthly 低保金.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dibao_monthly: Option<Money>,
    /// A recognised 低收入家庭.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low_income: Option<bool>,
    /// 建档立卡贫困户.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poverty_registered: Option<bool>,
    /// For a 低保 household: the day its per-capita income first rose above the standard through work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income_above_standard_since: Option<String>,
}

/// One person of the household.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MemberInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// Whole years on `as_of`, 0–130; required unless `birth_date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_income: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work: Option<Work>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epidemic_job_loss: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_without_income: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unemployed_registered: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unemployment_insurance: Option<Insurance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hukou: Option<Hukou>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covid: Option<Covid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnosed_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discharged_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isolated: Option<bool>,
    /// Grade on the 残疾人证, 1–4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disability_grade: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disability_type: Option<DisabilityType>,
    /// Tianjin 分类救助 重病 tier: 1000 or 1500.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serious_illness_tier: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orphan: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsupported_child: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficult_child: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entitled_group: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub able_to_work: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_able_supporter: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_care: Option<SelfCare>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carer_unavailable: Option<bool>,
    /// Extension: this person receives 特困供养 now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tekun: Option<bool>,
    /// Extension: stranded here by traffic controls (暂时滞留), away from home.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stranded: Option<bool>,
}

macro_rules! choice {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name {
            $(#[serde(rename = $text)] $variant,)+
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The contract's words, in the order of [`Self::ALL`].
            pub const NAMES: &'static [&'static str] = &[$($text),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }
        }
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                d.deserialize_any(Choice { all: $name::ALL, names: $name::NAMES })
            }
        }
    };
}

/// Reads a choice as serde reads a unit-only enum (its word, or `{"word": null}`), whatever the
/// JSON holds: a number or a list is a type error at the choice's own path (serde_json's enum
/// reader calls a number in a text "not valid JSON"), and an unknown word is quoted clipped.
struct Choice<T: 'static> {
    all: &'static [T],
    names: &'static [&'static str],
}

impl<T: Copy> Choice<T> {
    fn word<E: de::Error>(&self, word: &str) -> Result<T, E> {
        match self.names.iter().position(|n| *n == word) {
            Some(i) => Ok(self.all[i]),
            None => Err(E::unknown_variant(&clip(word), self.names)),
        }
    }
}

impl<'de, T: Copy> de::Visitor<'de> for Choice<T> {
    type Value = T;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        // As serde lists a field's variants: `a` or `b`; one of `a`, `b`, `c`.
        match self.names {
            [a, b] => write!(f, "`{a}` or `{b}`"),
            names => {
                f.write_str("one of ")?;
                for (i, n) in names.iter().enumerate() {
                    write!(f, "{}`{n}`", if i == 0 { "" } else { ", " })?;
                }
                Ok(())
            }
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        self.word(v)
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        // The first key decides, in a text and in a value alike (a value's map could say its
        // length first, a text cannot).
        let single = || de::Error::invalid_value(de::Unexpected::Map, &"map with a single key");
        let Some(word) = map.next_key::<String>()? else { return Err(single()) };
        let choice = self.word(&word)?;
        map.next_value::<()>()?;
        if map.next_key::<de::IgnoredAny>()?.is_some() {
            return Err(single());
        }
        Ok(choice)
    }
}

/// `members`: refused as soon as a member beyond the 30th begins, without reading it.
fn members<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<MemberInput>, D::Error> {
    struct V;
    impl<'de> de::Visitor<'de> for V {
        type Value = Vec<MemberInput>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<MemberInput>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(4).min(MAX_MEMBERS));
            loop {
                if out.len() == MAX_MEMBERS {
                    return match seq.next_element::<de::IgnoredAny>()? {
                        Some(_) => Err(de::Error::custom(TOO_MANY_MEMBERS)),
                        None => Ok(out),
                    };
                }
                match seq.next_element()? {
                    Some(m) => out.push(m),
                    None => return Ok(out),
                }
            }
        }
    }
    d.deserialize_seq(V)
}

/// Parameter overrides as given: parameter id → value.
type Parameters = BTreeMap<String, serde_json::Value>;

/// `parameters`: a map whose keys are each given once, of at most [`MAX_PARAMETERS`] entries
/// (refused at the next key, before its value is read); `null` is absent.
pub(crate) fn parameters<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Parameters>, D::Error> {
    struct Map;
    impl<'de> de::Visitor<'de> for Map {
        type Value = Parameters;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map")
        }
        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    return Err(de::Error::custom(format_args!("duplicate field `{}`", clip(&key))));
                }
                if out.len() == MAX_PARAMETERS {
                    return Err(de::Error::custom(TOO_MANY_PARAMETERS));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    struct Opt;
    impl<'de> de::Visitor<'de> for Opt {
        type Value = Option<Parameters>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("option")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_map(Map).map(Some)
        }
    }
    d.deserialize_option(Opt)
}

choice!(Residence { Urban = "urban", Rural = "rural" });
choice!(Applying { Dibao = "dibao", Tekun = "tekun" });
choice!(Relation {
    SelfPerson = "self", Spouse = "spouse", Child = "child", Parent = "parent",
    Grandparent = "grandparent", Grandchild = "grandchild", Sibling = "sibling", Other = "other",
});
choice!(
    /// `migrant` 外出务工, `returned` 返岗复工, `local` working without either.
    Work { None = "none", Local = "local", Migrant = "migrant", Returned = "returned" }
);
choice!(Insurance { None = "none", Insured = "insured", Receiving = "receiving" });
choice!(Hukou { Local = "local", ResidencePermit = "residence_permit", None = "none" });
choice!(Covid { None = "none", Confirmed = "confirmed", Deceased = "deceased" });
choice!(DisabilityType {
    Physical = "physical", Intellectual = "intellectual", Mental = "mental", Visual = "visual",
    Hearing = "hearing", Speech = "speech", Multiple = "multiple",
});
choice!(SelfCare { Full = "full", Partial = "partial", None = "none" });

/// An amount of yuan: a JSON number or a decimal string (`1010`, `"1010.5"`).
/// Sign and size are checked by validation, so that the message can name the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(into = "String")]
pub struct Money(pub Decimal);

impl From<Money> for String {
    fn from(m: Money) -> String {
        m.0.normalize().to_string()
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Money;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an amount in yuan (a number or a decimal string such as \"1010.5\")")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
                Ok(Money(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
                Ok(Money(Decimal::from(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
                if !v.is_finite() {
                    return Err(E::custom("not a finite amount"));
                }
                // ryu's shortest round-trip text (`0.1` stays 0.1), then read exactly.
                amount(ryu::Buffer::new().format_finite(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
                amount(v)
            }
        }
        d.deserialize_any(V)
    }
}

/// An amount's text, read exactly; a refusal quotes only the start of a text that is no number.
fn amount<E: de::Error>(v: &str) -> Result<Money, E> {
    money::parse_exact(v).map(Money).map_err(|e| match e {
        money::DecimalError::NotANumber => E::custom(format_args!("\"{}\" is not an amount in yuan", clip(v))),
        money::DecimalError::TooLarge => E::custom(money::TOO_LARGE),
        money::DecimalError::TooPrecise => E::custom(money::TOO_PRECISE),
    })
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Money {
    fn schema_name() -> String {
        "Money".into()
    }
    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        use schemars::schema::*;
        let number = SchemaObject { instance_type: Some(InstanceType::Number.into()), ..Default::default() };
        let string = SchemaObject {
            instance_type: Some(InstanceType::String.into()),
            string: Some(Box::new(StringValidation {
                pattern: Some(r"^-?[0-9]+(\.[0-9]+)?$".into()),
                ..Default::default()
            })),
            ..Default::default()
        };
        SchemaObject {
            metadata: Some(Box::new(Metadata {
                description: Some("Yuan: a JSON number or a decimal string; must be 0 or more.".into()),
                ..Default::default()
            })),
            subschemas: Some(Box::new(SubschemaValidation {
                one_of: Some(vec![number.into(), string.into()]),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}
