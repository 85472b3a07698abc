//! Overlay TOML: a bad overlay is refused whole with its file name; a good one
//! answers on both weeks, every horizon and as known on a date, and its bulk
//! answers equal its scalar ones.
#![no_main]

use libfuzzer_sys::fuzz_target;
use merzim::{EpochDays, ErrorKind, Horizon, Week, Yyyymmdd};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let base = merzim_fuzz::calendar();
    let cal = match base.with_overlay_toml("fuzz.toml", s) {
        Ok(c) => c,
        Err(e) => {
            assert!(
                matches!(e.kind(), ErrorKind::InvalidData | ErrorKind::InvalidInput),
                "{:?}: {e}",
                e.kind()
            );
            assert!(
                e.message().starts_with("fuzz.toml"),
                "names the overlay: {e}"
            );
            return;
        }
    };
    let h = merzim_fuzz::seed(data);
    let known_on = merzim_fuzz::date_near_coverage(h);
    for week in Week::ALL {
        let c = cal
            .with_week(*week)
            .expect("an overlay is checked for both weeks");
        for horizon in Horizon::ALL {
            let c = c.with_horizon(*horizon);
            let mut cals = vec![c.clone()];
            match c.as_known_on(known_on) {
                Ok(k) => cals.push(k),
                // Before the data's coverage nothing was known: refused.
                Err(e) if known_on < c.valid_range().0 => {
                    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}")
                }
                Err(e) => assert_eq!(e.kind(), ErrorKind::InvalidData, "{e}"),
            }
            for c in &cals {
                let dates: Vec<_> = (0..24u32)
                    .map(|k| merzim_fuzz::date_near_coverage(h.wrapping_add(k.wrapping_mul(1_901))))
                    .collect();
                let ns: Vec<i32> = (0..24).map(|k| (k * 37 % 61) - 30).collect();
                for (d, n) in dates.iter().zip(&ns) {
                    let w = c.is_working_day(*d).map_err(|e| e.kind());
                    if let Ok(day) = c.day(*d) {
                        assert_eq!(Ok(day.working), w, "{d}");
                        assert_eq!(day.kind.is_working(), day.working, "{d}");
                    }
                    let a = c.add_working_days(*d, *n);
                    let mut out = [EpochDays(0)];
                    let b = c.add_working_days_bulk(&[EpochDays::from(*d)], &[*n], &mut out);
                    match (&a, b) {
                        (Ok(x), Ok(())) => {
                            assert_eq!(EpochDays::from(*x), out[0], "{d} + {n}");
                            // add(d, between(d, x)) == x for working days d and x.
                            if w == Ok(true) {
                                let back = c.working_days_between(*d, *x).expect("both in range");
                                assert_eq!(
                                    c.add_working_days(*d, back).ok(),
                                    Some(*x),
                                    "{d} + {n} = {x}"
                                );
                            }
                        }
                        (Err(e), Err(be)) => assert_eq!(e.kind(), be.error.kind()),
                        (a, b) => panic!("scalar {a:?} != bulk {b:?} for {d} + {n}"),
                    }
                    let mut out = [Yyyymmdd(0)];
                    let b = c.add_working_days_bulk(&[Yyyymmdd::from(*d)], &[*n], &mut out);
                    assert_eq!(a.is_ok(), b.is_ok());
                    let _ = c.working_days_in_month(2000 + (h % 101) as i32, 1 + h % 12);
                }
                let _ = c.working_days_in_year(2000 + (h % 110) as i32);
            }
        }
    }
});
