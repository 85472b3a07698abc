//! An overlay, a regulation and a batch line together, as a host that loads
//! its own files and then answers requests: the input is the three texts
//! separated by lines `---`. Whatever each part is, nothing panics; a good
//! overlay's calendar answers its views (the balance of working time, a
//! year's days, explanations in kk, ru and en) and its exports carry no
//! formula cell, no bare carriage return and no forged iCalendar line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use merzim::batch::{Evaluator, Request};
use merzim::{export, ErrorKind, Lang, OfficeTime, Regulation, Schedule};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = s.splitn(3, "\n---\n");
    let (overlay, regulation, line) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    let h = merzim_fuzz::seed(data);
    let base = merzim_fuzz::calendar();
    let (cal, office) = match base.with_overlay_toml("fuzz-overlay.toml", overlay) {
        Ok(c) => {
            let o = OfficeTime::new(&c, Schedule::state_body()).expect("state body");
            (c, o)
        }
        Err(e) => {
            assert!(
                matches!(e.kind(), ErrorKind::InvalidData | ErrorKind::InvalidInput),
                "{e}"
            );
            // The embedded calendar's office tables, built once per process.
            (base.clone(), merzim_fuzz::offices()[0].clone())
        }
    };
    let mut ev = Evaluator::new(cal.clone());
    match Regulation::from_toml("fuzz-regulation.toml", regulation) {
        Ok(r) => {
            let id = r.id.clone();
            let _ = ev.register(r);
            // A timeline of the host's regulation at a date from the input.
            if let Ok(reg) = ev.regulation(&id) {
                for &channel in &reg.channels {
                    let t = merzim_fuzz::instant_near_coverage(h, (h >> 7) as u16);
                    let _ = reg.timeline(&office, t, channel, merzim::Outcome::Approve);
                }
            }
        }
        Err(e) => assert_eq!(e.kind(), ErrorKind::InvalidRegulation, "{e}"),
    }
    // The line, as bytes and as parsed; the answer is one JSON line.
    let out = ev.evaluate_bytes(line.as_bytes()).to_json();
    assert!(
        !out.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']),
        "{out}"
    );
    assert!(
        serde_json::from_str::<serde_json::Value>(&out).is_ok(),
        "{out}"
    );
    if let Ok(r) = Request::from_json(line) {
        let _ = ev.evaluate(&r);
    }
    // The views of the overlaid calendar.
    let year = 1999 + (h % 31) as i32;
    let _ = cal.balance(year);
    // The exports in one language a run (chosen by the input), the
    // explanations in all three.
    let langs = [Lang::Kk, Lang::Ru, Lang::En];
    let export_lang = langs[(h % 3) as usize];
    if let Ok(days) = cal.year_days(year) {
        let csv = export::calendar_csv(&days, export_lang, export::CsvDialect::Machine);
        for cell in csv.split(['\n', ',']) {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '@']), "formula cell {cell:?}");
        }
        assert!(!csv.contains(['\r', '\u{1b}']));
        let excel = export::calendar_csv(&days, export_lang, export::CsvDialect::Excel);
        for cell in excel.trim_start_matches('\u{feff}').split(['\n', ';']) {
            let cell = cell.trim_start_matches(['"', '\r']);
            assert!(!cell.starts_with(['=', '+', '@']), "formula cell {cell:?}");
        }
        assert!(!excel.replace("\r\n", "").contains(['\r', '\u{1b}']));
    }
    if let Ok(ics) = export::calendar_ics(&cal, year, export_lang) {
        assert!(!ics.replace("\r\n", "").contains('\r'), "bare CR");
        for l in ics.split("\r\n").filter(|l| !l.is_empty()) {
            // A property line or a folded continuation, never a forged one.
            assert!(
                l.starts_with(' ') || l.split_once(':').is_some_and(|(name, _)| !name.is_empty()),
                "{l:?}"
            );
        }
        assert_eq!(ics.matches("BEGIN:VCALENDAR").count(), 1);
    }
    let from = merzim_fuzz::instant_near_coverage(h, 600);
    if let Ok(skipped) = office.explain(from, from + chrono::Duration::days(20)) {
        for lang in langs {
            for s in &skipped {
                let text = s.describe(lang);
                assert!(!text.contains(['\u{1b}', '\r']), "{text:?}");
            }
        }
    }
});
