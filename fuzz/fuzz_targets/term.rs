//! Term strings (en/ru/kk): a term that parses prints back to itself in every
//! language and through serde; a legal term of 0 is refused in every unit;
//! a due is never before the submission; bulk == scalar.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use merzim::{Channel, Lang, LegalOptions, LocalMinutes, StartRule, Term, TermEnd};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(t) = s.parse::<Term>() else {
        return;
    };
    for lang in [Lang::En, Lang::Ru, Lang::Kk] {
        let shown = t.display_in(lang);
        assert_eq!(shown.parse::<Term>().ok(), Some(t), "{s:?} -> {shown:?}");
    }
    let json = serde_json::to_string(&t).unwrap();
    assert_eq!(serde_json::from_str::<Term>(&json).ok(), Some(t));

    if t.amount() > 3000 {
        return; // long terms only leave coverage
    }
    let h = merzim_fuzz::seed(data);
    let office = &merzim_fuzz::offices()[(h % merzim_fuzz::offices().len() as u32) as usize];
    let submitted = NaiveDate::from_ymd_opt(2024, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        + chrono::Duration::minutes((h % (3 * 366 * 1440)) as i64);
    for channel in Channel::ALL {
        for start in StartRule::ALL {
            for end in TermEnd::ALL {
                let o = LegalOptions {
                    channel: *channel,
                    start: *start,
                    end: *end,
                };
                let r = office.legal_due(submitted, t, o);
                if t.amount() == 0 {
                    assert!(r.is_err(), "a legal term of {t} must be refused: {r:?}");
                }
                if let Ok(d) = &r {
                    assert!(d.due > submitted, "{t} from {submitted}: due {}", d.due);
                }
                let mut out = [LocalMinutes(0)];
                let b = office.legal_due_bulk(&[LocalMinutes::from(submitted)], t, o, &mut out);
                match (&r, b) {
                    (Ok(d), Ok(())) => assert_eq!(out[0], LocalMinutes::from(d.due), "{t} {o:?}"),
                    (Err(e), Err(be)) => assert_eq!(e.kind(), be.error.kind(), "{t} {o:?}"),
                    (r, b) => panic!("scalar {r:?} != bulk {b:?} for {t} {o:?}"),
                }
            }
        }
    }
});
