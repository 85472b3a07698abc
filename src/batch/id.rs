//! The caller's id of a batch line, echoed back exactly as it was sent.

use std::fmt;

use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

/// The `id` of a batch line: a JSON string or number, kept as its exact JSON
/// text so that it comes back byte for byte (an integer beyond 64 bits stays
/// that integer, `1e2` stays `1e2`). `null` when the id could not be read.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Id(Box<str>);

impl Id {
    /// The JSON `null`: a line whose id could not be read.
    pub fn null() -> Id {
        Id("null".into())
    }

    /// The id as JSON text (`"a1"`, `7`, `null`).
    pub fn as_json(&self) -> &str {
        &self.0
    }

    /// Whether this is the JSON `null`.
    pub fn is_null(&self) -> bool {
        &*self.0 == "null"
    }

    /// An id from raw JSON text, accepted only if it is a JSON string or number.
    pub(super) fn from_raw(raw: &RawValue) -> Option<Id> {
        let text = raw.get().trim();
        let first = text.chars().next()?;
        (first == '"' || first == '-' || first.is_ascii_digit()).then(|| Id(text.into()))
    }
}

impl From<&str> for Id {
    /// A string id (`Id::from("a1")` is the JSON `"a1"`).
    fn from(s: &str) -> Id {
        Id(serde_json::to_string(s)
            .unwrap_or_else(|_| "null".into())
            .into())
    }
}

impl From<i64> for Id {
    fn from(n: i64) -> Id {
        Id(n.to_string().into())
    }
}

impl Default for Id {
    fn default() -> Id {
        Id::null()
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match RawValue::from_string(self.0.to_string()) {
            Ok(raw) => raw.serialize(s),
            Err(_) => s.serialize_unit(),
        }
    }
}

impl schemars::JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The caller's id, echoed back exactly as sent (its JSON text); null when it could not be read.",
            "type": ["string", "number", "null"]
        })
    }
}
