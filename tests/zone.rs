//! Time zones: IANA offsets, ambiguous and skipped local times (RFC 5545), inputs.

use chrono::NaiveDateTime;
use merzim::{Submitted, Zone, ZoneNote};

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

#[test]
fn the_2024_03_01_switch_repeats_an_hour() {
    let z = Zone::default();
    // Clocks went from 2024-03-01 00:00 +06 back to 2024-02-29 23:00 +05.
    let (at, note) = z.resolve(t("2024-02-29 23:30"));
    assert_eq!(merzim::format_rfc3339(at), "2024-02-29T23:30:00+06:00");
    assert!(matches!(note, Some(ZoneNote::Ambiguous { .. })));
    assert!(note.unwrap().to_string().contains("earlier"));
    assert_eq!(z.resolve(t("2024-02-29 22:30")).1, None);
}

#[test]
fn a_skipped_hour_moves_forward() {
    // Asia/Almaty had summer time until 2004: 2003-03-30 02:00 → 03:00.
    let z = Zone::default();
    let (at, note) = z.resolve(t("2003-03-30 02:30"));
    assert_eq!(merzim::format_rfc3339(at), "2003-03-30T03:30:00+07:00");
    assert!(matches!(note, Some(ZoneNote::Skipped { .. })));
}

#[test]
fn other_kazakh_zones() {
    let aqtobe: Zone = "Asia/Aqtobe".parse().unwrap();
    assert_eq!(
        aqtobe.to_rfc3339(t("2020-07-01 18:30")),
        "2020-07-01T18:30:00+05:00"
    );
    let qostanay: Zone = "Asia/Qostanay".parse().unwrap();
    assert_eq!(
        qostanay.to_rfc3339(t("2024-02-29 12:00")),
        "2024-02-29T12:00:00+06:00"
    );
    assert_eq!(
        qostanay.to_rfc3339(t("2024-03-01 12:00")),
        "2024-03-01T12:00:00+05:00"
    );
    let e = "Asia/Nowhere".parse::<Zone>().unwrap_err();
    assert!(e.to_string().contains("Asia/Nowhere"));
}

#[test]
fn submitted_forms() {
    let z = Zone::default();
    let local: Submitted = "2026-03-20T16:30:00".parse().unwrap();
    let short: Submitted = "2026-03-20T16:30".parse().unwrap();
    let spaced: Submitted = "2026-03-20 16:30".parse().unwrap();
    let instant: Submitted = "2026-03-20T11:30:00Z".parse().unwrap();
    let offset: Submitted = "2026-03-20T16:30:45+05:00".parse().unwrap();
    // The local form people write in Kazakhstan (issue 23, point 3).
    let dotted: Submitted = "20.03.2026 16:30".parse().unwrap();
    for s in [local, short, spaced, instant, offset, dotted] {
        assert_eq!(z.local_of(s).unwrap(), t("2026-03-20 16:30"), "{s}");
    }
    for bad in [
        "2026-03-20",
        "20.03.2026",
        "30.02.2026 16:30",
        "20.03.26 16:30",
        "2026-02-30T10:00",
        "",
        "2026-03-20T25:00",
    ] {
        assert!(bad.parse::<Submitted>().is_err(), "{bad}");
    }
}
