/*!
The batch contract: one JSON object in, one out.

The CLI's `batch`, the C API's `merzim_eval_json`, the Python package's
`evaluate_json` and the HTTP service are thin faces over [`Evaluator`], and
stream many lines with [`Stream`]: the contract is implemented
once, here, so they can never disagree. Its JSON Schema is
`docs/batch-request.schema.json` and `docs/batch-response.schema.json`
([`request_schema`], [`response_schema`]).

A term case:

```
use merzim::batch::Evaluator;
let ev = Evaluator::new(merzim::Calendar::kazakhstan());
let out = ev.evaluate_json(r#"{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days", "channel": "portal"}"#);
// … and the date the data was last checked, `"data_as_of":"YYYY-MM-DD"}`.
assert!(out.starts_with(r#"{"id":"a1","registered":"2026-03-20","day_one":"2026-03-20","last_day":"2026-04-23","due":"2026-04-23T18:30:00+05:00","provisional":false,"data_as_of":""#));
let bad = ev.evaluate_json(r#"{"id": "a2", "submitted": "2031-01-05T10:00", "term": "1 working day"}"#);
assert!(bad.contains(r#""kind":"out_of_coverage""#));
```
*/

mod evaluator;
mod id;
mod request;
mod response;
mod schema;
mod stream;
mod write;

pub use evaluator::Evaluator;
pub use id::Id;
pub use request::{RegulationRequest, Request, TermRequest, MAX_LINE_BYTES};
pub use response::{
    AlternativeResponse, ErrorBody, ErrorResponse, RegulationResponse, Response, SkippedResponse,
    StepResponse, TermResponse,
};
pub use schema::{request_schema, response_schema, schema_fields};
pub use stream::{Stream, StreamSummary};
