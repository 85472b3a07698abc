//! The JSON text of a result line, written field by field: the same text as
//! serde's serialisation of [`TermResponse`] and [`RegulationResponse`]
//! (a test compares the two on many answers), without escaping the dates,
//! instants and durations that merzim itself wrote and that need none (the
//! texts from data, warnings and explanations, go through serde_json). A
//! batch answer is mostly such fields, and escaping them byte by byte was
//! most of a line's cost.

use serde::Serialize;

use super::response::{RegulationResponse, SkippedResponse, TermResponse};

/// A JSON object being written.
struct Object {
    out: String,
    first: bool,
}

impl Object {
    fn new(capacity: usize) -> Object {
        let mut out = String::with_capacity(capacity);
        out.push('{');
        Object { out, first: true }
    }

    fn key(&mut self, name: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(name);
        self.out.push_str("\":");
    }

    /// A string field that merzim wrote itself (a date, an RFC 3339
    /// instant, a duration in English): ASCII without quotes, backslashes or
    /// control characters, so written as it is.
    fn string(&mut self, name: &str, value: &str) {
        debug_assert!(
            value
                .bytes()
                .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\'),
            "{value:?}"
        );
        self.key(name);
        self.out.push('"');
        self.out.push_str(value);
        self.out.push('"');
    }

    fn opt_string(&mut self, name: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.string(name, v);
        }
    }

    fn raw(&mut self, name: &str, json: &str) {
        self.key(name);
        self.out.push_str(json);
    }

    fn bool(&mut self, name: &str, value: bool) {
        self.raw(name, if value { "true" } else { "false" });
    }

    /// Any other value, through serde_json.
    fn value(&mut self, name: &str, value: &impl Serialize) -> Result<(), serde_json::Error> {
        self.key(name);
        self.out.push_str(&serde_json::to_string(value)?);
        Ok(())
    }

    fn end(mut self) -> String {
        self.out.push('}');
        self.out
    }
}

/// The fields every answer ends with, in this order.
struct Remarks<'a> {
    provisional: bool,
    data_as_of: Option<&'a str>,
    warnings: &'a [String],
    warning_codes: &'a [String],
    explain: Option<&'a [SkippedResponse]>,
}

impl Object {
    /// `"name": [{…}, …]`: one object per item, its fields written by `fields`.
    fn objects<T>(&mut self, name: &str, items: &[T], fields: impl Fn(&mut Object, &T)) {
        self.key(name);
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            let mut inner = Object {
                out: std::mem::take(&mut self.out),
                first: true,
            };
            inner.out.push('{');
            fields(&mut inner, item);
            self.out = inner.end();
        }
        self.out.push(']');
    }

    /// Writes `r` and closes the object.
    fn remarks(mut self, r: Remarks<'_>) -> Result<String, serde_json::Error> {
        self.bool("provisional", r.provisional);
        self.opt_string("data_as_of", r.data_as_of);
        if !r.warnings.is_empty() {
            self.value("warnings", &r.warnings)?;
        }
        if !r.warning_codes.is_empty() {
            self.value("warning_codes", &r.warning_codes)?;
        }
        if let Some(e) = r.explain {
            self.value("explain", &e)?;
        }
        Ok(self.end())
    }
}

/// The JSON line of a term answer.
pub(super) fn term(r: &TermResponse) -> Result<String, serde_json::Error> {
    let mut o = Object::new(160);
    o.raw("id", r.id.as_json());
    o.string("registered", &r.registered);
    o.opt_string("day_one", r.day_one.as_deref());
    o.string("last_day", &r.last_day);
    o.string("due", &r.due);
    o.opt_string("handoff", r.handoff.as_deref());
    o.remarks(Remarks {
        provisional: r.provisional,
        data_as_of: r.data_as_of.as_deref(),
        warnings: &r.warnings,
        warning_codes: &r.warning_codes,
        explain: r.explain.as_deref(),
    })
}

/// The JSON line of a regulation answer.
pub(super) fn regulation(r: &RegulationResponse) -> Result<String, serde_json::Error> {
    let mut o = Object::new(256 + r.steps.len() * 128);
    o.raw("id", r.id.as_json());
    o.objects("steps", &r.steps, |step, s| {
        step.raw("number", itoa(s.number).as_str());
        step.string("duration", &s.duration);
        step.string("start", &s.start);
        step.string("end", &s.end);
    });
    o.string("end", &r.end);
    o.opt_string("term_due", r.term_due.as_deref());
    if !r.alternatives.is_empty() {
        o.objects("alternatives", &r.alternatives, |alt, a| {
            alt.string("term", &a.term);
            alt.string("due", &a.due);
        });
    }
    if let Some(w) = r.within_term {
        o.bool("within_term", w);
    }
    o.opt_string("refusal_due", r.refusal_due.as_deref());
    o.opt_string("handoff", r.handoff.as_deref());
    o.opt_string("storage_until", r.storage_until.as_deref());
    o.remarks(Remarks {
        provisional: r.provisional,
        data_as_of: r.data_as_of.as_deref(),
        warnings: &r.warnings,
        warning_codes: &r.warning_codes,
        explain: r.explain.as_deref(),
    })
}

fn itoa(n: u32) -> String {
    n.to_string()
}
