//! Golden tests of the calendar against officially published figures
//! (the officially published production calendars and the transfer acts cited in
//! `holidays/`, see `holidays/SOURCES.md`).

use chrono::{Datelike, NaiveDate, Weekday};
use merzim::{Calendar, DayKind, ErrorKind, Horizon, Week};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Five-day working days per month. Every figure published by MTSZN / egov-based
/// sources that is current (not later superseded) equals these
/// (the published figures and their sources are listed in `docs/BALANCE.md` and
/// `holidays/SOURCES.md`); 2026 includes the 2026 Constitution change
/// (31 August a working day), 2027 is the statutory calendar (provisional).
const MONTHS: &[(i32, [u32; 12])] = &[
    (2014, [19, 20, 17, 22, 19, 21, 22, 21, 21, 23, 20, 20]),
    (2015, [19, 20, 18, 22, 18, 22, 22, 20, 21, 22, 21, 20]),
    (2016, [18, 21, 19, 21, 19, 22, 20, 22, 21, 21, 22, 19]),
    (2017, [20, 20, 19, 20, 20, 22, 20, 22, 20, 22, 22, 18]),
    (2018, [21, 20, 18, 21, 20, 21, 21, 21, 20, 23, 22, 18]),
    (2019, [20, 20, 17, 22, 20, 20, 22, 21, 21, 23, 21, 19]),
    (2020, [20, 20, 18, 22, 18, 22, 21, 20, 22, 22, 21, 20]),
    (2021, [18, 20, 19, 22, 18, 22, 20, 21, 22, 21, 22, 20]),
    (2022, [18, 20, 19, 21, 19, 22, 20, 22, 22, 20, 22, 21]),
    (2023, [20, 20, 19, 20, 20, 21, 20, 22, 21, 21, 22, 20]),
    (2024, [21, 21, 17, 22, 20, 20, 22, 21, 21, 22, 21, 21]),
    (2025, [20, 20, 17, 22, 19, 20, 22, 21, 21, 22, 20, 22]),
    (2026, [19, 20, 18, 22, 17, 22, 22, 21, 22, 21, 21, 22]),
    (2027, [18, 20, 18, 22, 18, 22, 21, 22, 22, 20, 22, 22]),
];

#[test]
fn working_days_per_month_and_year_five_day_week() {
    let cal = Calendar::kazakhstan();
    for (year, months) in MONTHS {
        for (m, &expected) in months.iter().enumerate() {
            assert_eq!(
                cal.working_days_in_month(*year, m as u32 + 1).unwrap(),
                expected,
                "{year}-{:02}",
                m + 1
            );
        }
        assert_eq!(
            cal.working_days_in_year(*year).unwrap(),
            months.iter().sum::<u32>(),
            "{year}"
        );
    }
    assert_eq!(cal.working_days_in_year(2025).unwrap(), 246);
    assert_eq!(cal.working_days_in_month(2026, 1).unwrap(), 19);
}

/// Six-day week figures published and agreeing with the statutory rule (the
/// Ministry of Labour's 2024 balance of working time, reproduced at
/// <https://help.inbuh.kz/6801/>, except June, which assumed Kurban Ait on
/// Monday 17 June before it was fixed on Sunday 16 June; see the next test;
/// other months from the news items listed in `holidays/SOURCES.md`).
#[test]
fn working_days_six_day_week() {
    let cal = Calendar::kazakhstan_six_day();
    let published: &[(i32, u32, u32)] = &[
        (2024, 1, 25),
        (2024, 2, 25),
        (2024, 3, 22),
        (2024, 4, 26),
        (2024, 5, 24),
        (2024, 7, 26),
        (2024, 8, 26),
        (2024, 9, 25),
        (2024, 10, 26),
        (2024, 11, 26),
        (2024, 12, 25),
        (2026, 1, 24),
        (2026, 3, 22),
        (2025, 8, 25),
        (2022, 3, 23),
        (2025, 12, 26),
        (2025, 10, 26),
        (2022, 1, 23),
        (2022, 12, 26),
        (2023, 4, 25),
        (2025, 1, 24),
        (2025, 11, 25),
        (2023, 10, 25),
        (2022, 5, 23),
    ];
    for &(y, m, n) in published {
        assert_eq!(
            cal.working_days_in_month(y, m).unwrap(),
            n,
            "six-day {y}-{m:02}"
        );
    }
    assert_eq!(cal.working_days_in_year(2021).unwrap(), 297);
    // Reconciled (holidays/SOURCES.md): July 2021 has 25 six-day working days
    // (the 2021 transfer applied to the five-day week only; a published 24
    // counted it), July 2022 has 24 (a published 25 contradicts its own list
    // of seven days off: 3, 6, 9, 10, 17, 24, 31 July).
    assert_eq!(cal.working_days_in_month(2021, 7).unwrap(), 25);
    assert_eq!(cal.working_days_in_month(2022, 7).unwrap(), 24);
    // The 2025 order (Sunday 5 January worked for Friday 3 January) applied
    // to the six-day week too.
    assert!(!cal.is_working_day(d("2025-01-03")).unwrap());
    assert!(cal.is_working_day(d("2025-01-05")).unwrap());
    // Six-day: Saturday works, a Saturday holiday gets no substitute.
    assert!(cal.is_working_day(d("2026-03-07")).unwrap());
    assert!(!cal.is_working_day(d("2026-03-21")).unwrap());
    assert!(cal.is_working_day(d("2024-05-04")).unwrap());
    // Transfer acts do not apply: 2024-05-08 is a working day.
    assert!(cal.is_working_day(d("2024-05-08")).unwrap());
    assert_eq!(cal.week(), Week::SixDay);
}

/// Non-working Monday–Friday dates and working weekend days, per year, as the
/// transfer acts and the Law on holidays give them (`holidays/SOURCES.md`).
const WEEKDAYS_OFF: &[(i32, &str, &str)] = &[
    (2014, "01-01 01-02 01-03 01-07 03-10 03-21 03-24 03-25 05-01 05-02 05-07 05-08 05-09 07-07 09-01 12-01 12-16 12-17", "2014-05-04 2014-05-11"),
    (2015, "01-01 01-02 01-07 03-09 03-23 03-24 03-25 05-01 05-07 05-11 07-06 08-31 09-24 12-01 12-16 12-17", ""),
    (2016, "01-01 01-04 01-07 03-07 03-08 03-21 03-22 03-23 05-02 05-09 05-10 07-06 08-30 09-12 12-01 12-16 12-19", "2016-03-05"),
    (2017, "01-02 01-03 03-08 03-20 03-21 03-22 03-23 05-01 05-08 05-09 07-06 07-07 08-30 09-01 12-01 12-18 12-19", "2017-03-18 2017-07-01"),
    (2018, "01-01 01-02 03-08 03-09 03-21 03-22 03-23 04-30 05-01 05-07 05-08 05-09 07-06 08-21 08-30 08-31 12-03 12-17 12-18 12-31", "2018-03-03 2018-04-28 2018-05-05 2018-08-25 2018-12-29"),
    (2019, "01-01 01-02 01-07 03-08 03-21 03-22 03-25 05-01 05-07 05-09 05-10 07-08 08-30 12-02 12-16 12-17", "2019-05-04"),
    (2020, "01-01 01-02 01-03 01-07 03-09 03-23 03-24 03-25 05-01 05-07 05-08 07-06 07-31 08-31 12-01 12-16 12-17 12-18", "2020-01-05 2020-05-11 2020-12-20"),
    (2021, "01-01 01-04 01-07 03-08 03-22 03-23 03-24 05-03 05-07 05-10 07-05 07-06 07-20 08-30 12-01 12-16 12-17", "2021-07-03"),
    (2022, "01-03 01-04 01-07 03-07 03-08 03-21 03-22 03-23 05-02 05-09 05-10 07-06 08-29 08-30 10-24 10-25 12-16", "2022-03-05 2022-08-27 2022-10-22"),
    (2023, "01-02 01-03 03-08 03-21 03-22 03-23 05-01 05-08 05-09 06-28 07-06 07-07 08-30 10-25 12-18", "2023-07-01"),
    (2024, "01-01 01-02 03-08 03-21 03-22 03-25 05-01 05-07 05-08 05-09 07-08 08-30 10-25 12-16", "2024-05-04"),
    (2025, "01-01 01-02 01-03 01-07 03-10 03-21 03-24 03-25 05-01 05-07 05-09 06-06 07-07 09-01 10-27 12-16", "2025-01-05"),
    (2026, "01-01 01-02 01-07 03-09 03-23 03-24 03-25 05-01 05-07 05-11 05-27 07-06 10-26 12-16", ""),
    (2027, "01-01 01-04 01-07 03-08 03-15 03-22 03-23 03-24 05-03 05-07 05-10 07-06 10-25 12-16", ""),
];

#[test]
fn non_working_weekdays_and_working_weekends_match_kz_law() {
    let cal = Calendar::kazakhstan();
    for &(year, off, work) in WEEKDAYS_OFF {
        let expected: Vec<String> = off
            .split_whitespace()
            .map(|md| format!("{year}-{md}"))
            .collect();
        let mut got = Vec::new();
        let mut date = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        while date.year() == year {
            let wd = date.weekday();
            if !matches!(wd, Weekday::Sat | Weekday::Sun) && !cal.is_working_day(date).unwrap() {
                got.push(date.to_string());
            }
            date = date.succ_opt().unwrap();
        }
        assert_eq!(got, expected, "{year}");
        for w in work.split_whitespace() {
            assert!(cal.is_working_day(d(w)).unwrap(), "{w} is a working day");
        }
    }
}

/// Every transfer pair (day off, worked instead) of the acts in `holidays/SOURCES.md`.
const TRANSFERS: &[(&str, &str)] = &[
    ("2014-01-03", "2013-12-28"),
    ("2014-05-02", "2014-05-04"),
    ("2014-05-08", "2014-05-11"),
    ("2016-03-07", "2016-03-05"),
    ("2017-03-20", "2017-03-18"),
    ("2017-07-07", "2017-07-01"),
    ("2018-03-09", "2018-03-03"),
    ("2018-04-30", "2018-04-28"),
    ("2018-05-08", "2018-05-05"),
    ("2018-08-31", "2018-08-25"),
    ("2018-12-31", "2018-12-29"),
    ("2019-05-10", "2019-05-04"),
    ("2020-01-03", "2020-01-05"),
    ("2020-05-08", "2020-05-11"),
    ("2020-12-18", "2020-12-20"),
    ("2021-07-05", "2021-07-03"),
    ("2022-03-07", "2022-03-05"),
    ("2022-08-29", "2022-08-27"),
    ("2022-10-24", "2022-10-22"),
    ("2023-07-07", "2023-07-01"),
    ("2024-05-08", "2024-05-04"),
    ("2025-01-03", "2025-01-05"),
];

#[test]
fn every_transfer_pair_of_kz_law() {
    let cal = Calendar::kazakhstan();
    for &(off, work) in TRANSFERS {
        let day_off = cal.day(d(off)).unwrap();
        assert_eq!(day_off.kind, DayKind::TransferredDayOff, "{off}");
        assert!(!day_off.working);
        let act = day_off.act.expect("a transfer names its act");
        assert!(!act.id.is_empty());
        assert!(day_off.source.is_some_and(|s| !s.is_empty()));
        let worked = cal.day(d(work)).unwrap();
        assert!(worked.working, "{work}");
        let expected = if work == "2020-05-11" {
            DayKind::TransferredWorkingDay
        } else {
            DayKind::WorkingWeekend
        };
        assert_eq!(worked.kind, expected, "{work}");
        assert_eq!(worked.act.map(|a| a.id), Some(act.id));
    }
}

#[test]
fn the_2026_constitution_change() {
    let cal = Calendar::kazakhstan();
    assert!(cal.is_working_day(d("2026-08-31")).unwrap());
    assert_eq!(cal.day_kind(d("2026-08-30")).unwrap(), DayKind::Weekend);
    assert_eq!(
        cal.day_kind(d("2026-10-26")).unwrap(),
        DayKind::SubstituteDayOff
    );
    assert_eq!(cal.working_days_in_month(2026, 8).unwrap(), 21);
    assert_eq!(cal.working_days_in_year(2026).unwrap(), 247);
    // 30 August was Constitution Day until 2025; 15 March is from 2027.
    assert_eq!(cal.day_kind(d("2025-08-29")).unwrap(), DayKind::Working);
    assert_eq!(cal.day_kind(d("2024-08-30")).unwrap(), DayKind::Holiday);
    assert_eq!(cal.day_kind(d("2027-03-15")).unwrap(), DayKind::Holiday);
    assert_eq!(cal.day_kind(d("2026-03-16")).unwrap(), DayKind::Working);
}

#[test]
fn kinds_names_and_sources() {
    let cal = Calendar::kazakhstan();
    let nauryz = cal.day(d("2026-03-23")).unwrap();
    assert_eq!(nauryz.kind, DayKind::Holiday);
    let names = nauryz.names.unwrap();
    assert!(names.ru.contains("Наурыз"), "{names:?}");
    assert!(!names.kk.is_empty() && !names.en.is_empty());
    assert!(nauryz.source.is_some());
    assert!(!nauryz.provisional);
    // The substitutes of 21 (Sat) and 22 (Sun) March 2026.
    assert_eq!(
        cal.day_kind(d("2026-03-24")).unwrap(),
        DayKind::SubstituteDayOff
    );
    assert_eq!(
        cal.day_kind(d("2026-03-25")).unwrap(),
        DayKind::SubstituteDayOff
    );
    // Religious days are never substituted: 7 Jan 2017 (Sat), Kurban Ait 2014-10-04 (Sat).
    assert_eq!(
        cal.day_kind(d("2017-01-07")).unwrap(),
        DayKind::ReligiousDayOff
    );
    assert_eq!(cal.day_kind(d("2017-01-09")).unwrap(), DayKind::Working);
    assert_eq!(cal.day_kind(d("2014-10-06")).unwrap(), DayKind::Working);
    let kurban = cal.day(d("2026-05-27")).unwrap();
    assert_eq!(kurban.kind, DayKind::ReligiousDayOff);
    assert!(!kurban.estimated);
    // 2027: no transfer acts yet, Kurban Ait estimated.
    let k27 = cal.day(d("2027-05-16")).unwrap();
    assert!(k27.estimated && k27.provisional);
    assert!(cal.is_provisional(d("2027-02-01")));
    assert!(!cal.is_provisional(d("2026-12-31")));
    assert!(cal.provisional_between(d("2026-12-20"), d("2027-01-10")));
    // Ordinary days.
    let w = cal.day(d("2026-03-26")).unwrap();
    assert_eq!(
        (w.kind, w.working, w.names.is_none()),
        (DayKind::Working, true, true)
    );
}

#[test]
fn coverage_and_horizon() {
    let cal = Calendar::kazakhstan();
    assert_eq!(cal.coverage(), (d("2000-01-01"), d("2027-12-31")));
    let e = cal.is_working_day(d("2028-01-03")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::OutOfCoverage);
    assert!(
        e.to_string().contains("2028-01-03") && e.to_string().contains("2027-12-31"),
        "{e}"
    );
    let e = cal.is_working_day(d("1999-12-31")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::OutOfCoverage);
    let e = cal.add_working_days(d("2027-12-20"), 30).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::OutOfCoverage);
    assert!(e.to_string().contains("2027-12-20"), "{e}");
    assert_eq!(
        cal.add_working_days(d("2000-01-05"), -10)
            .unwrap_err()
            .kind(),
        ErrorKind::OutOfCoverage
    );

    let far = cal.with_horizon(Horizon::Provisional);
    // The tables for 2000-2100 fit in 256 KiB.
    assert!(far.table_bytes() < 256 * 1024, "{}", far.table_bytes());
    assert_eq!(far.valid_range().1, d("2100-12-31"));
    assert!(far.is_working_day(d("2050-03-22")).is_ok());
    assert!(!far.is_working_day(d("2050-03-22")).unwrap()); // Nauryz
    assert!(far.day(d("2050-03-22")).unwrap().provisional);
    assert!(far.is_provisional(d("2030-06-03")));
    assert!(far.is_working_day(d("2101-01-03")).is_err());
    assert_eq!(
        far.add_working_days(d("2100-12-30"), 5).unwrap_err().kind(),
        ErrorKind::OutOfCoverage
    );
}

#[test]
fn add_and_count_basics() {
    let cal = Calendar::kazakhstan();
    // n = 0 rolls forward; a Saturday + 1 is the Monday.
    assert_eq!(
        cal.add_working_days(d("2026-03-21"), 0).unwrap(),
        d("2026-03-26")
    );
    assert_eq!(
        cal.add_working_days(d("2026-03-20"), 0).unwrap(),
        d("2026-03-20")
    );
    assert_eq!(
        cal.add_working_days(d("2026-02-14"), 1).unwrap(),
        d("2026-02-16")
    );
    assert_eq!(
        cal.add_working_days(d("2026-03-26"), -1).unwrap(),
        d("2026-03-20")
    );
    assert_eq!(
        cal.next_working_day(d("2024-05-03")).unwrap(),
        d("2024-05-04")
    );
    assert_eq!(
        cal.previous_working_day(d("2024-05-06")).unwrap(),
        d("2024-05-04")
    );
    assert_eq!(cal.roll_forward(d("2026-03-22")).unwrap(), d("2026-03-26"));
    assert_eq!(cal.roll_backward(d("2026-03-22")).unwrap(), d("2026-03-20"));
    assert_eq!(
        cal.working_days_between(d("2026-03-20"), d("2026-03-27"))
            .unwrap(),
        2
    );
    assert_eq!(
        cal.working_days_between(d("2026-03-27"), d("2026-03-20"))
            .unwrap(),
        -2
    );
    assert_eq!(
        cal.working_days_between(d("2026-03-20"), d("2026-03-20"))
            .unwrap(),
        0
    );
}

#[test]
fn overlays_layer_at_run_time() {
    let cal = Calendar::kazakhstan();
    let overlay = r#"
year = 2027
status = "final"

[[act]]
id = "mtszn-order-2026-12-01"
body = "Ministry of Labour and Social Protection of the Population"
title = { ru = "О переносе дня отдыха в 2027 году", kk = "2027 жылы демалыс күнін ауыстыру туралы", en = "On the transfer of a day off in 2027" }
source = "example"
[[act.transfer]]
day_off = "2027-01-08"
working_day = "2027-01-16"

[[act]]
id = "akimat-local-day-off"
source = "example"
[[act.day_off]]
date = "2027-09-10"

[[kurban_ait]]
year = 2027
date = "2027-05-17"
status = "confirmed"
source = "example announcement"
"#;
    let new = cal.with_overlay_toml("order.toml", overlay).unwrap();
    assert_eq!(
        new.day_kind(d("2027-01-08")).unwrap(),
        DayKind::TransferredDayOff
    );
    assert_eq!(
        new.day_kind(d("2027-01-16")).unwrap(),
        DayKind::WorkingWeekend
    );
    assert_eq!(
        new.day_kind(d("2027-09-10")).unwrap(),
        DayKind::DeclaredDayOff
    );
    assert_eq!(
        new.day_kind(d("2027-05-17")).unwrap(),
        DayKind::ReligiousDayOff
    );
    assert_eq!(new.day_kind(d("2027-05-16")).unwrap(), DayKind::Weekend);
    assert!(!new.is_provisional(d("2027-06-01")));
    assert_ne!(new.data_version(), cal.data_version());
    // The original is untouched.
    assert!(cal.is_working_day(d("2027-01-08")).unwrap());
}

#[test]
fn bad_overlays_name_the_line_and_never_half_apply() {
    let cal = Calendar::kazakhstan();
    let cases = [
        ("[[act]]\nid = \"x\"\nsource = \"s\"\n[[act.transfer]]\nday_off = \"2027-02-30\"\nworking_day = \"2027-01-16\"\n", "line 5"),
        ("[[act]]\nid = \"x\"\nsource = \"s\"\n[[act.transfer]]\ndya_off = \"2027-01-08\"\n", "line 5"),
        ("year = 2027\nstatus = \"maybe\"\n", "line 2"),
        ("[[act]]\nid = \"x\"\nsource = \"s\"\n[[act.transfer]]\nday_off = \"2027-01-09\"\nworking_day = \"2027-01-16\"\n", "line 2"),
        ("this is not toml", "line 1"),
    ];
    for (text, line) in cases {
        let e = cal.with_overlay_toml("bad.toml", text).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidData, "{text}");
        assert!(
            e.to_string().contains("bad.toml") && e.to_string().contains(line),
            "{e}"
        );
    }
    // A valid first act followed by a bad second one changes nothing.
    let text = "[[act]]\nid = \"ok\"\nsource = \"s\"\n[[act.transfer]]\nday_off = \"2027-01-08\"\nworking_day = \"2027-01-16\"\n[[act]]\nid = \"bad\"\nsource = \"s\"\n[[act.day_off]]\ndate = \"2027-01-09\"\n";
    assert!(cal.with_overlay_toml("bad.toml", text).is_err());
    assert!(cal.is_working_day(d("2027-01-08")).unwrap());
    let e = cal
        .with_overlay_file("/nonexistent/order.toml")
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Io);
}

#[test]
fn calendar_is_send_sync_and_shared() {
    fn is<T: Send + Sync + Clone>() {}
    is::<Calendar>();
    let a = Calendar::kazakhstan();
    let h = std::thread::spawn(|| {
        Calendar::kazakhstan()
            .is_working_day(d("2026-03-23"))
            .unwrap()
    });
    assert!(!h.join().unwrap());
    assert_eq!(a.data_version(), Calendar::kazakhstan().data_version());
    assert!(a.data_version().starts_with("kz-2000-2027+"));
}

/// The Ministry of Labour's 2024 balance of working time, as published at the
/// end of 2023 (<https://help.inbuh.kz/6801/>), is the calendar as known then:
/// it assumed Kurban Ait on Monday 17 June, so June has 19 (five-day) and 24
/// (six-day) working days and the year 248 and 300. As known today (Kurban
/// Ait fixed on Sunday 16 June on 7 June 2024) June has 20 and 25.
#[test]
fn the_published_2024_table_is_the_calendar_as_known_then() {
    let five_published = [21, 21, 17, 22, 20, 19, 22, 21, 21, 22, 21, 21];
    let six_published = [25, 25, 22, 26, 24, 24, 26, 26, 25, 26, 26, 25];
    let then = d("2024-01-01");
    for (cal, published, year) in [
        (Calendar::kazakhstan(), five_published, 248),
        (Calendar::kazakhstan_six_day(), six_published, 300),
    ] {
        let known = cal.as_known_on(then).unwrap();
        for (m, &n) in published.iter().enumerate() {
            assert_eq!(
                known.working_days_in_month(2024, m as u32 + 1).unwrap(),
                n,
                "{m}"
            );
        }
        assert_eq!(known.working_days_in_year(2024).unwrap(), year);
        assert_eq!(
            cal.working_days_in_month(2024, 6).unwrap(),
            published[5] + 1
        );
        assert_eq!(cal.working_days_in_year(2024).unwrap(), year + 1);
    }
}

/// As known on a date (RULES.md §9), honestly: the substitution rule of Law
/// 267-II is known from its date (13.12.2001); a year with an act not yet
/// adopted then, or a later year none of whose acts was known yet, is
/// provisional in that view; a Kurban Ait date not yet announced then is an
/// estimate; a date before 2000 is refused, one after today is warned about.
#[test]
fn as_known_on_is_honest_about_what_was_known() {
    let cal = Calendar::kazakhstan();
    // Sat 8 March 2003: substitute Mon 10 March, by Law 267-II art. 5.
    assert!(!cal.is_working_day(d("2003-03-10")).unwrap());
    let mid_2001 = cal.as_known_on(d("2001-06-01")).unwrap();
    assert!(mid_2001.is_working_day(d("2003-03-10")).unwrap());
    assert!(mid_2001.is_provisional(d("2003-03-10")));
    // Decree No. 820 (transfers of 2020) is known from 2019-11-20 (an upper
    // bound of its adoption): before it, 2020 is provisional; now it is not.
    assert!(!cal.is_provisional(d("2020-01-06")));
    assert!(cal
        .as_known_on(d("2019-06-01"))
        .unwrap()
        .is_provisional(d("2020-01-06")));
    // Once it is known, its transfer applies (Sun 5 January 2020 worked);
    // 2020 stays provisional in that view: its Kurban Ait date was not yet
    // announced.
    let late_2019 = cal.as_known_on(d("2019-12-01")).unwrap();
    assert!(late_2019.is_working_day(d("2020-01-05")).unwrap());
    assert!(!cal
        .as_known_on(d("2019-06-01"))
        .unwrap()
        .is_working_day(d("2020-01-05"))
        .unwrap());
    assert!(late_2019.day(d("2020-07-31")).unwrap().estimated);
    // Kurban Ait 2026 was announced on 06.11.2025: an estimate before that.
    let k2026 = d("2026-05-27");
    assert!(!cal.day(k2026).unwrap().estimated);
    let before = cal.as_known_on(d("2025-10-01")).unwrap();
    assert!(before.day(k2026).unwrap().estimated);
    assert!(before.is_provisional(k2026));
    assert!(
        !cal.as_known_on(d("2025-12-01"))
            .unwrap()
            .day(k2026)
            .unwrap()
            .estimated
    );
    // Kurban Ait 2025: no dated announcement found, so it counts as announced
    // on the day itself at the latest: an estimate in a view before it.
    let k2025 = d("2025-06-06");
    assert!(
        cal.as_known_on(d("2025-01-01"))
            .unwrap()
            .day(k2025)
            .unwrap()
            .estimated
    );
    // Before 2000: refused.
    let e = cal.as_known_on(d("1999-12-31")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    // After today: a warning (the calendar is the one known today).
    let today = merzim::Zone::default().today();
    assert!(merzim::known_on_warning(today, today).is_none());
    let later = today + chrono::Duration::days(1);
    let w = merzim::known_on_warning(later, today).unwrap();
    assert_eq!(w.code, merzim::WarningCode::KnownOnAfterToday);
    assert!(w.text(merzim::Lang::Ru).contains("после сегодняшней"));
}

/// `[published_table]` in a data file: the balance compares the calendar as
/// known on its date with today's, and the days an act changed since are
/// listed; a table without a year, or with a bad date, is refused.
#[test]
fn published_table_in_an_overlay() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    // A table "published" on 2027-01-10, then an order of 2027-02-01 makes
    // Friday 19 November a day off and Saturday 27 November a working day.
    let cal = Calendar::kazakhstan()
        .with_overlay_toml(
            "table.toml",
            r#"
year = 2027
status = "provisional"

[published_table]
as_known_on = "2027-01-10"
source = "a table published on 10 January 2027"

[[act]]
id = "order-2027-test"
body = "Ministry"
source = "an order adopted on 1 February 2027"
date = "2027-02-01"
[[act.transfer]]
day_off = "2027-11-19"
working_day = "2027-11-27"
"#,
        )
        .unwrap();
    let b = cal.balance(2027).unwrap();
    assert!(b.provisional);
    let t = b.published_table.as_ref().unwrap();
    assert_eq!(t.as_known_on, d(2027, 1, 10));
    let dates: Vec<NaiveDate> = t.changes.iter().map(|c| c.date).collect();
    assert_eq!(dates, [d(2027, 11, 19), d(2027, 11, 27)]);
    assert_eq!(t.changes[0].published_kind, DayKind::Working);
    assert_eq!(t.changes[1].published_kind, DayKind::Weekend);
    assert_eq!(b.row("2027-11").unwrap().differs_from_published, dates);
    assert_eq!(b.row("2027-Q4").unwrap().differs_from_published, dates);
    assert!(b.row("2027-10").unwrap().differs_from_published.is_empty());
    // As known before the table was published: no table yet.
    let before = cal
        .as_known_on(d(2027, 1, 9))
        .unwrap()
        .balance(2027)
        .unwrap();
    assert!(before.published_table.is_none());
    // The embedded 2026 table survives an overlay that restates 2026.
    let restated = Calendar::kazakhstan()
        .with_overlay_toml("y.toml", "year = 2026\nstatus = \"final\"\n")
        .unwrap();
    assert!(restated.balance(2026).unwrap().published_table.is_some());
    // Refused: a table without a year, and a bad date.
    for bad in [
        "[published_table]\nas_known_on = \"2027-01-10\"\nsource = \"x\"\n",
        "year = 2027\n[published_table]\nas_known_on = \"10.01.2027\"\nsource = \"x\"\n",
    ] {
        let e = Calendar::kazakhstan()
            .with_overlay_toml("bad.toml", bad)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidData, "{e}");
        assert!(e.message().contains("bad.toml"), "{e}");
    }
}

/// What the exports print as a day's source: its acts cited in the language
/// (an overlay's act is cited from its own fields), never the data's remark;
/// its links are the links of those acts, each once.
#[test]
fn a_days_sources_are_its_citations_in_the_language() {
    let overlay = r#"
year = 2027
status = "final"

[[act]]
id = "mtszn-order-2026-12-01"
kind = "ministry_order"
body = "Ministry of Labour and Social Protection of the Population"
number = "123"
date = "2026-12-01"
title = { ru = "О переносе дня отдыха в 2027 году", kk = "2027 жылы демалыс күнін ауыстыру туралы", en = "On the transfer of a day off in 2027" }
url = "https://adilet.zan.kz/rus/docs/G26G0000123"
source = "a remark for maintainers"
[[act.transfer]]
day_off = "2027-01-08"
working_day = "2027-01-16"
"#;
    let cal = Calendar::kazakhstan()
        .with_overlay_toml("order.toml", overlay)
        .unwrap();
    for date in ["2027-01-08", "2027-01-16"] {
        let day = cal.day(d(date)).unwrap();
        assert_eq!(day.citations.len(), 1, "{date}");
        for lang in [merzim::Lang::Kk, merzim::Lang::Ru, merzim::Lang::En] {
            let text = day.sources_in(lang);
            assert_eq!(text, day.citations[0].render_full(lang), "{date} {lang}");
            assert!(!text.contains("remark"), "{text}");
            assert!(text.contains("123"), "{text}");
        }
        assert_eq!(
            day.source_links(),
            vec!["https://adilet.zan.kz/rus/docs/G26G0000123"]
        );
    }
    // Two acts with one link: the link once; an ordinary day: nothing.
    let kurban = Calendar::kazakhstan().day(d("2026-05-27")).unwrap();
    let links = kurban.source_links();
    let mut unique = links.clone();
    unique.dedup();
    assert_eq!(links, unique);
    assert_eq!(
        links.len(),
        kurban.citations.iter().filter(|c| c.url.is_some()).count()
    );
    let ordinary = Calendar::kazakhstan().day(d("2026-05-26")).unwrap();
    assert_eq!(ordinary.sources_in(merzim::Lang::Ru), "");
    assert!(ordinary.source_links().is_empty());
}
