//! Submitted instants and zones: `"<zone>\n<time>"`. Parsing, conversion to
//! local time and printing never panic; what is printed parses back to the
//! same instant.
#![no_main]

use chrono::{Datelike, Timelike};
use libfuzzer_sys::fuzz_target;
use merzim::{format_rfc3339, Submitted, Zone};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let (zone, time) = s.split_once('\n').unwrap_or(("Asia/Almaty", s));
    let zone: Zone = zone.parse().unwrap_or_default();
    let _ = zone
        .to_string()
        .parse::<Zone>()
        .expect("a zone's name parses back");
    let Ok(sub) = time.parse::<Submitted>() else {
        return;
    };
    // Display parses back (to second precision).
    let shown = sub.to_string();
    let back = shown
        .parse::<Submitted>()
        .unwrap_or_else(|e| panic!("{time:?} -> {shown:?}: {e}"));
    assert_eq!(back.to_string(), shown, "{time:?}");
    let whole = match sub {
        Submitted::Local(t) => t.nanosecond() == 0,
        Submitted::Instant(t) => t.nanosecond() == 0,
    };
    if whole {
        assert_eq!(back, sub, "{time:?} -> {shown:?}");
    }
    let json = serde_json::to_string(&sub).unwrap();
    let _ = serde_json::from_str::<Submitted>(&json);

    if let Ok(local) = zone.local_of(sub) {
        assert_eq!(local.second(), 0);
        let (at, note) = zone.resolve(local);
        let text = zone.to_rfc3339(local);
        assert_eq!(text, format_rfc3339(at));
        if note.is_none() && (0..=9999).contains(&at.year()) {
            assert_eq!(at.naive_local(), local, "{zone} {local}");
            match text.parse::<Submitted>() {
                Ok(Submitted::Instant(i)) => assert_eq!(i, at, "{text}"),
                other => panic!("{text} does not parse back: {other:?}"),
            }
        }
    }
});
