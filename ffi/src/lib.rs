//! C API of merzim.
//!
//! A thin face over the `merzim` crate: it converts C types, catches panics and
//! maps error kinds to status codes. It holds no domain logic. The C
//! documentation is the hand-written header `ffi/include/merzim.h`; keep the two
//! in step (`.ci/ffi.sh` checks that the header declares exactly the exported
//! functions and the same status values as `status.rs`).
//!
//! Every exported function is written with [`ffi_fn!`] (`macros.rs`), which
//! runs its body under `catch_unwind`, so no panic crosses the boundary (the
//! release profile keeps `panic = "unwind"`, which this relies on), and keeps
//! such a caught panic off the host's stderr.
//!
//! - `macros.rs`: `ffi_fn!`, the guard, the quiet panic hook, pointer arguments;
//! - `status.rs`: the status codes, `ErrorKind` → status, `merzim_status_name`;
//! - `error.rs`: `merzim_error`;
//! - `string.rs`: owned strings and the version strings;
//! - `calendar.rs`: calendar handles, working days, the bulk function;
//! - `eval.rs`: the batch contract (`merzim_eval_json*`);
//! - `legal.rs`: legal terms as typed calls (`merzim_legal_due*`).

#![allow(non_camel_case_types)]
#![deny(unsafe_op_in_unsafe_fn)]

#[macro_use]
mod macros;

mod calendar;
mod error;
mod eval;
mod legal;
mod status;
mod string;
