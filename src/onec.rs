/*!
The calendar as 1C:Enterprise's business calendar classifier (the
`CalendarSuppliedData` XML file that the Standard Subsystems Library imports
into its business calendars).

The file holds three tables in 1C's `Items`/`Item` form (a `Columns`
attribute names the attributes of each `Item`): `Calendars` (`Code`,
`Description`, `BasicCalendarCode`), `CalendarData` (`Calendar`, `Year`,
`DayType`, `Date` as `YYYYMMDD`, `SwapDate`) and `NonWorkingPeriods` (left
empty). Day types are the names of the library's `BusinessCalendarDaysKinds`
enumeration: `Work`, `Saturday`, `Sunday`, `Holiday`, `Nonworking` (never
`Preholiday`: Kazakhstan has no shortened pre-holiday days). A transfer is a
pair of rows that name each other in `SwapDate`: the day off moved onto a
working day takes the weekday kind of the day it came from, and the worked
weekend day is `Work`; a substitute day off and its holiday are paired the
same way; a day off declared with no day worked in return is `Nonworking`.

```
let cal = merzim::Calendar::kazakhstan();
let xml = merzim::onec::business_calendar_xml(&cal, 2026..=2026, merzim::Lang::En)?;
assert!(xml.starts_with("<?xml"));
assert!(xml.contains(r#"<Item Calendar="KZ" Year="2026" DayType="Holiday" Date="20260101" SwapDate=""/>"#));
# Ok::<(), merzim::Error>(())
```
*/

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::calendar::{Calendar, DayKind};
use crate::names::Lang;
use crate::week::Week;
use crate::Result;

/// The calendar's code in the classifier.
pub const CODE: &str = "KZ";

/// The 1C day type of a day of `kind` on `date` (`swap`: the date it was
/// swapped with).
fn day_type(kind: DayKind, date: NaiveDate, swap: Option<NaiveDate>) -> &'static str {
    // The day off moved here keeps the kind of the day it came from.
    let moved_from = |d: NaiveDate| match d.weekday() {
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
        _ => "Nonworking",
    };
    match kind {
        k if k.is_working() => "Work",
        DayKind::Weekend => {
            if date.weekday() == Weekday::Sat {
                "Saturday"
            } else {
                "Sunday"
            }
        }
        DayKind::Holiday | DayKind::ReligiousDayOff => "Holiday",
        DayKind::SubstituteDayOff | DayKind::TransferredDayOff => match swap {
            Some(s) => moved_from(s),
            None => "Nonworking",
        },
        _ => "Nonworking",
    }
}

/// The calendar's days of `years` as a `CalendarSuppliedData` file (see the
/// [module](self)); the calendar's description is in `lang`.
///
/// # Errors
///
/// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) when a year
/// is outside the calendar's range.
pub fn business_calendar_xml(
    calendar: &Calendar,
    years: RangeInclusive<i32>,
    lang: Lang,
) -> Result<String> {
    let week = calendar.week();
    let description = match week {
        Week::SixDay => lang.pick(
            "Қазақстан Республикасы (алты күндік жұмыс аптасы)",
            "Республика Казахстан (шестидневная рабочая неделя)",
            "Republic of Kazakhstan (six-day working week)",
        ),
        _ => lang.pick(
            "Қазақстан Республикасы (бес күндік жұмыс аптасы)",
            "Республика Казахстан (пятидневная рабочая неделя)",
            "Republic of Kazakhstan (five-day working week)",
        ),
    };
    let mut days = Vec::new();
    for y in years {
        for d in calendar.year_days(y)? {
            let swap = if matches!(d.kind, DayKind::Working | DayKind::Weekend) {
                None
            } else {
                calendar.swap_date(d.date)?
            };
            days.push((d.date, d.kind, swap));
        }
    }
    // A holiday names its substitute day off (the substitute names the holiday).
    let back: HashMap<NaiveDate, NaiveDate> = days
        .iter()
        .filter(|(_, k, _)| *k == DayKind::SubstituteDayOff)
        .filter_map(|&(d, _, s)| s.map(|s| (s, d)))
        .collect();
    let mut x = String::with_capacity(64 * days.len() + 512);
    x.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    x.push('\n');
    x.push_str("<CalendarSuppliedData><Calendars>");
    x.push_str(
        r#"<Items Description="Business calendars" Columns="Code,Description,BasicCalendarCode">"#,
    );
    let _ = write!(
        x,
        "\n<Item Code=\"{CODE}\" Description=\"{}\" BasicCalendarCode=\"\"/>\n",
        escape(description)
    );
    x.push_str("</Items></Calendars><CalendarData>");
    x.push_str(r#"<Items Description="Business calendar data" Columns="Calendar,Year,DayType,Date,SwapDate">"#);
    x.push('\n');
    for &(date, kind, swap) in &days {
        let swap = swap.or_else(|| back.get(&date).copied());
        let _ = writeln!(
            x,
            r#"<Item Calendar="{CODE}" Year="{}" DayType="{}" Date="{}" SwapDate="{}"/>"#,
            date.year(),
            day_type(kind, date, swap),
            date.format("%Y%m%d"),
            swap.map(|s| s.format("%Y%m%d").to_string())
                .unwrap_or_default(),
        );
    }
    x.push_str("</Items></CalendarData><NonWorkingPeriods>");
    x.push_str(r#"<Items Description="Non-working periods" Columns="Calendar,Number,Period,Basis,Year"></Items>"#);
    x.push_str("</NonWorkingPeriods></CalendarSuppliedData>\n");
    Ok(x)
}

/// `s` with XML's special characters escaped for an attribute value.
fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            _ => o.push(c),
        }
    }
    o
}
