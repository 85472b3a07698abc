//! The thread-safety the C header promises, as compile-time facts: the types
//! behind a `merzim_calendar` handle, and what crosses threads in the bulk and
//! batch paths, are `Send + Sync`.

use merzim::batch::{Evaluator, Id, Request, Response};
use merzim::{
    BulkError, Calendar, CompiledChain, Error, OfficeTime, Recompute, Regulation, Schedule, Term,
    Zone,
};

fn send_sync<T: Send + Sync>() {}

#[test]
fn shared_types_are_send_and_sync() {
    send_sync::<Calendar>();
    send_sync::<OfficeTime>();
    send_sync::<Evaluator>();
    send_sync::<Regulation>();
    send_sync::<CompiledChain>();
    send_sync::<Recompute>();
    send_sync::<Request>();
    send_sync::<Response>();
    send_sync::<Id>();
    send_sync::<Error>();
    send_sync::<BulkError>();
    send_sync::<Schedule>();
    send_sync::<Term>();
    send_sync::<Zone>();
}
