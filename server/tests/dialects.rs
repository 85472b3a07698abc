//! The drop-in dialects read back and compared with the calendar, every day
//! 2000–2027 (the CI script reads them again with Python's own parsers).

mod support;

use axum::http::StatusCode;
use chrono::{Datelike, NaiveDate};
use merzim::{Calendar, DayKind, Week};
use support::*;

fn years() -> std::ops::RangeInclusive<i32> {
    let (a, b) = Calendar::kazakhstan().coverage();
    a.year()..=b.year()
}

#[tokio::test]
async fn isdayoff_every_day() {
    let app = service();
    for (sd, week) in [("0", Week::FiveDay), ("1", Week::SixDay)] {
        let cal = Calendar::kazakhstan().with_week(week).unwrap();
        for y in years() {
            let a = get(&app, &format!("/api/getdata?year={y}&cc=kz&sd={sd}")).await;
            assert_eq!(a.status, StatusCode::OK);
            let digits = a.text();
            let days = cal.year_days(y).unwrap();
            assert_eq!(digits.len(), days.len());
            for (c, d) in digits.chars().zip(&days) {
                assert_eq!(c == '0', d.working, "{} sd={sd}", d.date);
                assert!(c == '0' || c == '1');
            }
        }
    }
    // Month, day, range; the same digits.
    let year = get(&app, "/api/getdata?year=2026&cc=kz").await.text();
    assert_eq!(
        get(&app, "/api/getdata?year=2026&month=03").await.text(),
        &year[59..90]
    );
    assert_eq!(
        get(&app, "/api/getdata?year=2026&month=3&day=23")
            .await
            .text(),
        "1"
    );
    assert_eq!(
        get(
            &app,
            "/api/getdata?date1=20260301&date2=20260331&cc=kz&pre=1"
        )
        .await
        .text(),
        &year[59..90]
    );
    // Errors as isdayoff gives them.
    let a = get(&app, "/api/getdata?year=2026&month=13").await;
    assert_eq!(
        (a.status, a.text().as_str()),
        (StatusCode::BAD_REQUEST, "100")
    );
    let a = get(&app, "/api/getdata?year=2026&cc=ru").await;
    assert_eq!(
        (a.status, a.text().as_str()),
        (StatusCode::NOT_FOUND, "101")
    );
    let a = get(&app, "/api/getdata?year=2031").await;
    assert_eq!(
        (a.status, a.text().as_str()),
        (StatusCode::NOT_FOUND, "101")
    );
    let a = get(&app, "/api/getdata?date1=20250101&date2=20260601").await;
    assert_eq!(
        (a.status, a.text().as_str()),
        (StatusCode::BAD_REQUEST, "100")
    );
    assert_eq!(
        get(&app, "/api/getdata").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn nager_public_holidays_every_year() {
    let app = service();
    let cal = Calendar::kazakhstan();
    for y in years() {
        let a = get(&app, &format!("/api/v3/PublicHolidays/{y}/KZ")).await;
        assert_eq!(a.status, StatusCode::OK);
        let got: Vec<String> = a
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                assert_eq!(h["countryCode"], "KZ");
                assert_eq!(h["types"], serde_json::json!(["Public"]));
                h["date"].as_str().unwrap().to_string()
            })
            .collect();
        let want: Vec<String> = cal
            .year_days(y)
            .unwrap()
            .iter()
            .filter(|d| matches!(d.kind, DayKind::Holiday | DayKind::ReligiousDayOff))
            .map(|d| d.date.to_string())
            .collect();
        assert_eq!(got, want, "{y}");
    }
    let a = get(&app, "/api/v3/PublicHolidays/2026/kz?lang=ru").await;
    assert_eq!(a.json()[0]["localName"], "Новый год");
    assert_eq!(a.json()[0]["name"], "New Year");
    assert_eq!(
        get(&app, "/api/v3/PublicHolidays/2026/RU").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/api/v3/PublicHolidays/1990/KZ").await.status,
        StatusCode::NOT_FOUND
    );
    let today = get(&app, "/api/v3/IsTodayPublicHoliday/KZ?offset=5").await;
    assert!(matches!(
        today.status,
        StatusCode::OK | StatusCode::NO_CONTENT
    ));
    assert_eq!(today.header("cache-control").unwrap(), "no-store");
    assert_eq!(
        get(&app, "/api/v3/IsTodayPublicHoliday/KZ?offset=13")
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/api/v3/IsTodayPublicHoliday/DE").await.status,
        StatusCode::NOT_FOUND
    );
}

/// The attributes of one `<Item …/>` line.
fn attrs(line: &str) -> std::collections::HashMap<String, String> {
    let mut m = std::collections::HashMap::new();
    let mut rest = line
        .trim()
        .trim_start_matches("<Item")
        .trim_end_matches("/>");
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq].trim().to_string();
        let after = &rest[eq + 2..];
        let end = after.find('"').unwrap();
        m.insert(key, after[..end].to_string());
        rest = &after[end + 1..];
    }
    m
}

#[tokio::test]
async fn onec_every_day() {
    let app = service();
    for (week, q) in [(Week::FiveDay, ""), (Week::SixDay, "&week=six")] {
        let cal = Calendar::kazakhstan().with_week(week).unwrap();
        let a = get(&app, &format!("/v1/1c/calendar?from=2000&to=2027{q}")).await;
        assert_eq!(a.status, StatusCode::OK);
        assert_eq!(
            a.header("content-type").unwrap(),
            "application/xml; charset=utf-8"
        );
        let text = a.text();
        let mut n = 0;
        for line in text.lines().filter(|l| l.starts_with("<Item Calendar=")) {
            let m = attrs(line);
            let date = NaiveDate::parse_from_str(&m["Date"], "%Y%m%d").unwrap();
            assert_eq!(m["Year"], date.year().to_string());
            let day = cal.day(date).unwrap();
            let t = m["DayType"].as_str();
            assert!(t != "Preholiday");
            assert_eq!(t == "Work", day.working, "{date}: {t} vs {:?}", day.kind);
            if matches!(day.kind, DayKind::Holiday | DayKind::ReligiousDayOff) {
                assert_eq!(t, "Holiday", "{date}");
            }
            let swap = m["SwapDate"].as_str();
            if matches!(
                day.kind,
                DayKind::TransferredDayOff | DayKind::WorkingWeekend | DayKind::SubstituteDayOff
            ) {
                let s = NaiveDate::parse_from_str(swap, "%Y%m%d").unwrap();
                assert_eq!(cal.swap_date(date).unwrap(), Some(s), "{date}");
            }
            n += 1;
        }
        let days: usize = years().map(|y| cal.year_days(y).unwrap().len()).sum();
        assert_eq!(n, days);
    }
    let a = get(&app, "/v1/1c/calendar?from=2027&to=2026").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let a = get(&app, "/v1/1c/calendar?from=1999&to=2000").await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let ru = get(&app, "/v1/1c/calendar?from=2026&to=2026&lang=ru")
        .await
        .text();
    assert!(ru.contains("Республика Казахстан"));
}
