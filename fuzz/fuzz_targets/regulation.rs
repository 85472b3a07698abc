//! Regulation TOML: a bad file is refused with its name; a good one gives
//! timelines (scalar == bulk) and lints on a short range without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use merzim::{Channel, ErrorKind, LocalMinutes, Outcome, Regulation};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let reg = match Regulation::from_toml("fuzz.toml", s) {
        Ok(r) => r,
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::InvalidRegulation, "{e}");
            assert!(e.message().starts_with("fuzz.toml"), "names the file: {e}");
            return;
        }
    };
    let h = merzim_fuzz::seed(data);
    let offices = merzim_fuzz::offices();
    let office = &offices[(h % offices.len() as u32) as usize];
    let submitted = merzim_fuzz::instant_near_coverage(h, (h >> 20) as u16);
    for channel in Channel::ALL {
        for outcome in Outcome::ALL {
            let t = reg.timeline(office, submitted, *channel, *outcome);
            let Ok(chain) = reg.compile(*channel, *outcome) else {
                assert!(t.is_err(), "timeline without a chain");
                continue;
            };
            let row = chain.timeline_row(office, LocalMinutes::from(submitted));
            match (&t, &row) {
                (Ok(t), Ok(r)) => {
                    assert_eq!(r.end, LocalMinutes::from(t.end), "end");
                    assert_eq!(r.within_term, t.within_term, "within_term");
                    assert_eq!(r.term_due, t.term_due.map(LocalMinutes::from), "term_due");
                    assert_eq!(
                        r.refusal_due,
                        t.refusal_due.map(LocalMinutes::from),
                        "refusal_due"
                    );
                    assert_eq!(r.handoff, t.handoff.map(LocalMinutes::from), "handoff");
                    assert_eq!(
                        r.storage_until,
                        t.storage_until.map(LocalMinutes::from),
                        "storage_until"
                    );
                }
                (Err(a), Err(b)) => assert_eq!(a.kind(), b.kind(), "{a} / {b}"),
                (t, r) => panic!("timeline {t:?} != row {r:?}"),
            }
        }
    }
    // Lint on a short range (one year), for some small inputs: it walks every day.
    if data.len() < 1500 && h % 16 == 0 {
        let year = 2000 + (h % 30) as i32;
        let _ = reg.lint(office, year, year);
    }
});
