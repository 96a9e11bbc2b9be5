//! The raw household as it arrives (contract v1, "Input"): field names, types and
//! defaults exactly as the contract writes them, with no meaning checked yet.
//! [`crate::household`] turns it into a validated [`crate::household::Household`].
//!
//! Unknown fields are refused (`deny_unknown_fields`) so that a typo is never silently
//! ignored. Optional fields accept `null` as "absent".

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{de, Deserialize, Deserializer, Serialize};

use crate::money;

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
    pub members: Vec<MemberInput>,
    /// Overrides of policy parameters: parameter id → value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name {
            $(#[serde(rename = $text)] $variant,)+
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }
        }
    };
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
                money::decimal_from_f64(v).map(Money).ok_or_else(|| E::custom("not a finite amount"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
                money::parse_decimal(v).map(Money).ok_or_else(|| E::custom(format!("\"{v}\" is not an amount in yuan")))
            }
        }
        d.deserialize_any(V)
    }
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
