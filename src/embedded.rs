//! The embedded holiday data as Rust, written by `build.rs` from `holidays/*.toml`
//! with the parser of `data.rs`: the library starts without parsing TOML.

use chrono::NaiveDate;

use crate::data::{Act, Dataset, HolidayKind, HolidayRule, KurbanDate, YearStatus};
use crate::names::Names;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("build.rs wrote valid dates")
}

include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));
