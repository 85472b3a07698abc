//! Prints the calendar's non-working weekdays and working weekend days as ISO
//! dates, for comparisons with other tools (`benches/numpy_busday.py`).
//!
//! ```text
//! cargo run --release --example export_holidays -- 2015 2027
//! ```
//!
//! Output lines: `off YYYY-MM-DD` (a Monday-Friday day off) and
//! `work YYYY-MM-DD` (a Saturday or Sunday made a working day).

use chrono::{Datelike, NaiveDate, Weekday};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let from: i32 = args.next().map_or(Ok(2015), |a| a.parse())?;
    let to: i32 = args.next().map_or(Ok(2027), |a| a.parse())?;
    let cal = merzim::Calendar::kazakhstan();
    let mut d = NaiveDate::from_ymd_opt(from, 1, 1).ok_or("bad year")?;
    let last = NaiveDate::from_ymd_opt(to, 12, 31).ok_or("bad year")?;
    while d <= last {
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        match (cal.is_working_day(d)?, weekend) {
            (false, false) => println!("off {d}"),
            (true, true) => println!("work {d}"),
            _ => {}
        }
        d = d.succ_opt().ok_or("date overflow")?;
    }
    Ok(())
}
