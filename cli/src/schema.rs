//! `doudi schema [--which input|output|error]`: the JSON Schema of the contract, generated
//! from the core's types with schemars (draft-07), so that it can never drift from the code.

use doudi_core::{Assessment, HouseholdInput, InputError};
use schemars::schema::RootSchema;
use schemars::schema_for;
use serde::Serialize;

use crate::args::{SchemaArgs, Which};
use crate::failure::Failure;

pub fn run(args: &SchemaArgs) -> Result<(), Failure> {
    match args.which {
        Some(which) => crate::evaluate::write_json(&one(which), false),
        None => crate::evaluate::write_json(&all(), false),
    }
}

/// The three schemas, as `doudi schema` prints them.
#[derive(Serialize)]
pub struct Schemas {
    pub input: RootSchema,
    pub output: RootSchema,
    pub error: RootSchema,
}

pub fn all() -> Schemas {
    Schemas { input: one(Which::Input), output: one(Which::Output), error: one(Which::Error) }
}

pub fn one(which: Which) -> RootSchema {
    match which {
        Which::Input => schema_for!(HouseholdInput),
        Which::Output => schema_for!(Assessment),
        Which::Error => schema_for!(InputError),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_input_schema_refuses_unknown_fields() {
        let v = serde_json::to_value(one(Which::Input)).unwrap();
        assert_eq!(v["additionalProperties"], serde_json::json!(false));
        assert!(v["required"].as_array().unwrap().contains(&"members".into()));
    }

    #[test]
    fn the_error_schema_has_the_three_fields() {
        let v = serde_json::to_value(one(Which::Error)).unwrap();
        for field in ["path", "message", "message_zh"] {
            assert!(v["properties"].get(field).is_some(), "{field}");
        }
    }
}
