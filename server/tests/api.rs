//! Every route, every error status, the limits, ETag/304, in process.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use merzim::batch::Evaluator;
use merzim::Calendar;
use merzim_server::{app as build, Config, Limits};
use support::*;

#[tokio::test]
async fn healthz_version_openapi() {
    let app = service();
    let a = get(&app, "/healthz").await;
    assert_eq!((a.status, a.text().as_str()), (StatusCode::OK, "ok\n"));
    assert!(a.header("x-request-id").is_some());
    let v = get(&app, "/v1/version").await;
    assert_eq!(v.status, StatusCode::OK);
    let j = v.json();
    assert_eq!(j["data_version"], Calendar::kazakhstan().data_version());
    assert_eq!(j["coverage"]["from"], "2000-01-01");
    assert!(j["bundled_regulations"].as_array().unwrap().len() >= 6);
    let o = get(&app, "/openapi.json").await;
    assert_eq!(o.status, StatusCode::OK);
    let doc = o.json();
    for p in [
        "/healthz",
        "/v1/version",
        "/v1/evaluate",
        "/v1/due",
        "/v1/regulations",
        "/v1/regulations/{id}",
        "/v1/regulations/{id}/timeline",
        "/v1/calendar/{year}",
        "/v1/calendar/{year}/balance",
        "/v1/calendar/{year}/balance.csv",
        "/v1/days/{date}",
        "/v1/is-working-day/{date}",
        "/v1/1c/calendar",
        "/api/getdata",
        "/api/v3/PublicHolidays/{year}/{countryCode}",
        "/api/v3/IsTodayPublicHoliday/{countryCode}",
    ] {
        assert!(doc["paths"][p].is_object(), "{p} is not in the document");
    }
    assert!(doc["components"]["schemas"]["BatchResponse"].is_object());
}

#[tokio::test]
async fn evaluate_one_line_is_the_batch_line() {
    let app = service();
    let ev = Evaluator::new(Calendar::kazakhstan());
    let line = r#"{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days", "channel": "portal"}"#;
    let a = post(&app, "/v1/evaluate", "application/json", line).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.text(), format!("{}\n", ev.evaluate_json(line)));
    // An error line: its status follows its kind, its body is the batch line.
    let bad = r#"{"id": "a2", "submitted": "2031-01-05T10:00", "term": "1 working day"}"#;
    let a = post(&app, "/v1/evaluate", "application/json", bad).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.text(), format!("{}\n", ev.evaluate_json(bad)));
    let a = post(&app, "/v1/evaluate", "application/json", "not json").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(a.kind(), "invalid_input");
}

#[tokio::test]
async fn evaluate_equals_batch_on_1000_lines() {
    let app = service();
    let ev = Evaluator::new(Calendar::kazakhstan());
    let lines = lines(1000);
    // One request a line.
    for l in &lines {
        let a = post(&app, "/v1/evaluate", "application/json", l.clone()).await;
        assert_eq!(a.text(), format!("{}\n", ev.evaluate_json(l)), "line {l}");
    }
    // All of them as one NDJSON body: what `merzim batch` prints.
    let body = lines.join("\n") + "\n";
    let a = post(&app, "/v1/evaluate", "application/x-ndjson", body).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.header("content-type").unwrap(), "application/x-ndjson");
    let want: String = lines.iter().map(|l| ev.evaluate_json(l) + "\n").collect();
    assert_eq!(a.text(), want);
}

#[tokio::test]
async fn ndjson_long_line_is_answered_and_the_next_too() {
    let app = service();
    let long = format!(
        "{{\"id\": \"x\", \"pad\": \"{}\"}}",
        "a".repeat(merzim::batch::MAX_LINE_BYTES + 10)
    );
    let body = format!(
        "{long}\n{{\"id\": 2, \"submitted\": \"2026-03-20T16:30\", \"term\": \"1 working day\"}}\n"
    );
    let a = post(&app, "/v1/evaluate", "application/x-ndjson", body).await;
    assert_eq!(a.status, StatusCode::OK);
    let t = a.text();
    let out: Vec<&str> = t.lines().collect();
    assert_eq!(out.len(), 2);
    assert!(out[0].contains("invalid_input"), "{}", out[0]);
    assert!(out[1].starts_with(r#"{"id":2,"#));
}

#[tokio::test]
async fn due_and_explain() {
    let app = service();
    let a = get(
        &app,
        "/v1/due?submitted=2026-03-20T16:30&term=22%20working%20days&channel=portal",
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    let j = a.json();
    assert_eq!(j["due"], "2026-04-23T18:30:00+05:00");
    assert!(j.get("explain").is_none());
    // The same as the batch line for the same request.
    let ev = Evaluator::new(Calendar::kazakhstan());
    let line = r#"{"id": null, "submitted": "2026-03-20T16:30", "term": "22 working days", "channel": "portal", "explain": true, "lang": "ru"}"#;
    let a = get(
        &app,
        "/v1/due?submitted=2026-03-20T16:30&term=22%20working%20days&channel=portal&explain=true&lang=ru",
    )
    .await;
    let want = ev.evaluate_json(line);
    if !want.contains("\"error\"") {
        assert_eq!(a.text(), want);
    }
    assert!(a.json()["explain"].as_array().unwrap().len() > 3);
    // Bad input, out of coverage, missing fields.
    let a = get(&app, "/v1/due?submitted=2026-03-20T16:30&term=zero").await;
    assert_eq!(
        (a.status, a.kind().as_str()),
        (StatusCode::BAD_REQUEST, "invalid_input")
    );
    let a = get(
        &app,
        "/v1/due?submitted=2031-03-20T16:30&term=1%20working%20day",
    )
    .await;
    assert_eq!(
        (a.status, a.kind().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "out_of_coverage")
    );
    let a = get(&app, "/v1/due?term=1%20working%20day").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let a = get(
        &app,
        "/v1/due?submitted=2026-03-20T16:30&term=1%20working%20day&bogus=1",
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let a = get(&app, "/v1/due?submitted=2026-03-20T16:30&term=1%20working%20day&week=six&horizon=provisional&as_known_on=2025-01-01&tz=Asia/Aqtobe&start=next_day&end=midnight").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
}

#[tokio::test]
async fn regulations_and_timeline() {
    let app = service();
    let a = get(&app, "/v1/regulations").await;
    assert_eq!(a.status, StatusCode::OK);
    let ids: Vec<String> = a
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let bundled: Vec<&str> = merzim::Regulation::bundled_ids().collect();
    assert_eq!(ids, bundled);
    let id = bundled[0];
    let a = get(&app, &format!("/v1/regulations/{id}")).await;
    assert_eq!(
        (a.status, a.json()["id"].as_str()),
        (StatusCode::OK, Some(id))
    );
    let a = get(
        &app,
        &format!("/v1/regulations/{id}/timeline?submitted=2026-03-18T16:30&explain=true&lang=kk"),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert!(a.json()["steps"].as_array().unwrap().len() > 1);
    // The start rules are the batch line's `term_start` and `refusal_start`.
    let id = "east-kazakhstan-2016-land-purpose-change";
    let line = format!(
        r#"{{"id": 0, "regulation": "{id}", "submitted": "2026-03-18T10:00", "term_start": "next_day", "refusal_start": "next_day"}}"#
    );
    let mut batch: serde_json::Value =
        serde_json::from_str(&Evaluator::new(Calendar::kazakhstan()).evaluate_json(&line)).unwrap();
    let a = get(
        &app,
        &format!("/v1/regulations/{id}/timeline?submitted=2026-03-18T10:00&term_start=next_day&refusal_start=next_day"),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    batch["id"] = serde_json::Value::Null;
    assert_eq!(a.json(), batch);
    let plain = get(
        &app,
        &format!("/v1/regulations/{id}/timeline?submitted=2026-03-18T10:00"),
    )
    .await;
    assert_ne!(plain.json()["refusal_due"], batch["refusal_due"]);
    let a = get(
        &app,
        &format!("/v1/regulations/{id}/timeline?submitted=2026-03-18T10:00&refusal_start=tomorrow"),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.text());
    let id = bundled[0];
    let a = get(&app, "/v1/regulations/no-such-thing").await;
    assert_eq!(
        (a.status, a.kind().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let a = get(
        &app,
        "/v1/regulations/no-such-thing/timeline?submitted=2026-03-18T16:30",
    )
    .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    let a = get(
        &app,
        &format!("/v1/regulations/{id}/timeline?submitted=2040-03-18T16:30"),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let a = get(
        &app,
        &format!("/v1/regulations/{id}/timeline?submitted=yesterday"),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn calendar_forms() {
    let app = service();
    let cal = Calendar::kazakhstan();
    let a = get(&app, "/v1/calendar/2026").await;
    assert_eq!(a.status, StatusCode::OK);
    let j = a.json();
    assert_eq!(j["days"].as_array().unwrap().len(), 365);
    assert_eq!(
        j["days"][0],
        serde_json::to_value(
            cal.day(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
                .unwrap()
        )
        .unwrap()
    );
    let csv = get(&app, "/v1/calendar/2026.csv?lang=ru").await;
    assert_eq!(
        csv.header("content-type").unwrap(),
        "text/csv; charset=utf-8"
    );
    assert_eq!(csv.text().lines().count(), 366);
    assert!(csv.text().contains(",Чт,"));
    let by_accept = get_with(&app, "/v1/calendar/2026", "accept", "text/csv").await;
    assert_eq!(
        by_accept.text(),
        get(&app, "/v1/calendar/2026.csv").await.text()
    );
    let ics = get(&app, "/v1/calendar/2026.ics?lang=kk").await;
    assert!(ics.text().starts_with("BEGIN:VCALENDAR"));
    let ics2 = get_with(&app, "/v1/calendar/2026", "accept", "text/calendar").await;
    assert!(ics2.text().starts_with("BEGIN:VCALENDAR"));
    let xml = get(&app, "/v1/calendar/2026.xml").await;
    assert!(xml.text().contains("<CalendarSuppliedData>"));
    let six = get(
        &app,
        "/v1/calendar/2026.json?week=six&as_known_on=2025-06-01",
    )
    .await;
    assert_eq!(six.json()["week"], "six");
    assert_eq!(six.json()["as_known_on"], "2025-06-01");
    let b = get(&app, "/v1/calendar/2024/balance").await;
    assert_eq!(b.json()["balance"][0]["five_day"]["working_days"], 21);
    let b = get(&app, "/v1/calendar/2024/balance.csv").await;
    assert!(b.text().starts_with("period,calendar_days"));
    let b = get_with(&app, "/v1/calendar/2024/balance", "accept", "text/csv").await;
    assert!(b.text().starts_with("period,calendar_days"));
    // The Excel dialect, the library's own file.
    let x = get(&app, "/v1/calendar/2026.csv?lang=ru&csv=excel").await;
    let want = merzim::export::calendar_csv(
        &cal.year_days(2026).unwrap(),
        merzim::Lang::Ru,
        merzim::CsvDialect::Excel,
    );
    assert_eq!(x.text(), want);
    assert!(x.text().starts_with('\u{feff}'));
    let xb = get(&app, "/v1/calendar/2026/balance.csv?lang=kk&csv=excel").await;
    let want = merzim::export::balance_csv(
        &cal.balance(2026).unwrap(),
        merzim::Lang::Kk,
        merzim::CsvDialect::Excel,
    );
    assert_eq!(xb.text(), want);
    let bad = get(&app, "/v1/calendar/2026.csv?csv=xlsx").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.text().contains("machine, excel"), "{}", bad.text());
    // Errors.
    assert_eq!(
        get(&app, "/v1/calendar/20x6").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/v1/calendar/2026.pdf").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/v1/calendar/1999").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        get(&app, "/v1/calendar/2026?week=seven").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get_with(&app, "/v1/calendar/2026", "accept", "image/png")
            .await
            .status,
        StatusCode::NOT_ACCEPTABLE
    );
    assert_eq!(
        get(&app, "/v1/calendar/2031?horizon=provisional")
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn days_and_is_working_day() {
    let app = service();
    let a = get(&app, "/v1/days/2026-03-23").await;
    assert_eq!(
        (a.status, a.json()["kind"].as_str()),
        (StatusCode::OK, Some("holiday"))
    );
    let a = get(&app, "/v1/is-working-day/2026-03-23").await;
    assert_eq!((a.status, a.body.len()), (StatusCode::NO_CONTENT, 0));
    let a = get(&app, "/v1/is-working-day/2026-03-26").await;
    assert_eq!(
        (a.status, a.json()["working"].as_bool()),
        (StatusCode::OK, Some(true))
    );
    // A Saturday: off in the five-day week, working in the six-day week.
    assert_eq!(
        get(&app, "/v1/is-working-day/2026-03-28").await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        get(&app, "/v1/is-working-day/2026-03-28?week=six")
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        get(&app, "/v1/days/2026-02-30").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/v1/days/2040-01-01").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        get(&app, "/v1/is-working-day/x").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn http_errors() {
    let app = service();
    let a = get(&app, "/no/such/route").await;
    assert_eq!(
        (a.status, a.kind().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let a = send(
        &app,
        Request::delete("/v1/version").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(
        (a.status, a.kind().as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
    let a = send(
        &app,
        Request::get("/v1/evaluate").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::METHOD_NOT_ALLOWED);
    let a = post(&app, "/v1/evaluate", "text/plain", "{}").await;
    assert_eq!(
        (a.status, a.kind().as_str()),
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
    );
    let big = format!(
        "{{\"id\": \"{}\"}}",
        "a".repeat(merzim::batch::MAX_LINE_BYTES + 10)
    );
    let a = post(&app, "/v1/evaluate", "application/json", big).await;
    assert_eq!(
        (a.status, a.kind().as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "too_large")
    );
}

#[tokio::test]
async fn stream_limits() {
    let mut config = Config::kazakhstan();
    config.limits = Limits {
        max_stream_body: 1000,
        max_streams: 1,
        ..Limits::default()
    };
    let app = build(config).unwrap();
    // A declared length over the limit: 413 at once.
    let a = send(
        &app,
        Request::post("/v1/evaluate")
            .header("content-type", "application/x-ndjson")
            .header("content-length", "2000")
            .body(Body::from("x".repeat(2000)))
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    // A stream held open takes the only slot: the next one gets 429.
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<bytes::Bytes, std::io::Error>>(1);
    let held = Body::from_stream(futures_util::stream::poll_fn({
        let mut rx = rx;
        move |cx| rx.poll_recv(cx)
    }));
    let first = tower::ServiceExt::oneshot(
        app.clone(),
        Request::post("/v1/evaluate")
            .header("content-type", "application/x-ndjson")
            .body(held)
            .unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let a = post(&app, "/v1/evaluate", "application/x-ndjson", "{}\n").await;
    assert_eq!(
        (a.status, a.kind().as_str()),
        (StatusCode::TOO_MANY_REQUESTS, "busy")
    );
    drop(tx);
    drop(first);
}

#[tokio::test]
async fn slow_body_times_out() {
    let mut config = Config::kazakhstan();
    config.limits.request_timeout = std::time::Duration::from_millis(200);
    let app = build(config).unwrap();
    let (_tx, rx) = tokio::sync::mpsc::channel::<Result<bytes::Bytes, std::io::Error>>(1);
    let stalled = Body::from_stream(futures_util::stream::poll_fn({
        let mut rx = rx;
        move |cx| rx.poll_recv(cx)
    }));
    let a = send(
        &app,
        Request::post("/v1/evaluate")
            .header("content-type", "application/json")
            .body(stalled)
            .unwrap(),
    )
    .await;
    assert_eq!(
        (a.status, a.kind().as_str()),
        (StatusCode::REQUEST_TIMEOUT, "timeout")
    );
}

#[tokio::test]
async fn a_panic_is_a_500_and_the_service_goes_on() {
    let mut config = Config::kazakhstan();
    config.panic_route = true;
    let app = build(config).unwrap();
    let a = get(&app, "/v1/_panic").await;
    assert_eq!(
        (a.status, a.kind().as_str()),
        (StatusCode::INTERNAL_SERVER_ERROR, "internal")
    );
    assert_eq!(get(&app, "/healthz").await.status, StatusCode::OK);
}

#[tokio::test]
async fn etag_and_304() {
    let app = service();
    let a = get(&app, "/v1/calendar/2026").await;
    let etag = a.header("etag").expect("an ETag");
    assert!(etag.starts_with("W/\""));
    assert_eq!(a.header("cache-control").unwrap(), "public, max-age=3600");
    let b = get_with(&app, "/v1/calendar/2026", "if-none-match", &etag).await;
    assert_eq!((b.status, b.body.len()), (StatusCode::NOT_MODIFIED, 0));
    assert_eq!(b.header("etag").unwrap(), etag);
    let c = get_with(&app, "/v1/calendar/2026", "if-none-match", "W/\"other\"").await;
    assert_eq!(c.status, StatusCode::OK);
    // Errors and clock-dependent answers carry no ETag.
    assert!(get(&app, "/v1/calendar/1999")
        .await
        .header("etag")
        .is_none());
    assert!(get(&app, "/api/v3/IsTodayPublicHoliday/KZ")
        .await
        .header("etag")
        .is_none());
    // Another overlay set: another ETag.
    let mut config = Config::kazakhstan();
    config.inputs = vec![("calendar:x.toml".into(), 1)];
    let other = build(config).unwrap();
    assert_ne!(
        get(&other, "/v1/calendar/2026")
            .await
            .header("etag")
            .unwrap(),
        etag
    );
}

#[tokio::test]
async fn cors_off_by_default_and_on_when_asked() {
    let app = service();
    let a = get_with(&app, "/v1/version", "origin", "https://example.kz").await;
    assert!(a.header("access-control-allow-origin").is_none());
    let mut config = Config::kazakhstan();
    config.cors = vec!["https://example.kz".into()];
    let app = build(config).unwrap();
    let a = get_with(&app, "/v1/version", "origin", "https://example.kz").await;
    assert_eq!(
        a.header("access-control-allow-origin").unwrap(),
        "https://example.kz"
    );
}

#[tokio::test]
async fn compression_and_request_id() {
    let app = service();
    let a = get_with(&app, "/v1/calendar/2026", "accept-encoding", "gzip").await;
    assert_eq!(a.header("content-encoding").unwrap(), "gzip");
    let x = get(&app, "/healthz").await.header("x-request-id").unwrap();
    let y = get(&app, "/healthz").await.header("x-request-id").unwrap();
    assert_ne!(x, y);
    let z = get_with(&app, "/healthz", "x-request-id", "mine-1").await;
    assert_eq!(z.header("x-request-id").unwrap(), "mine-1");
}

#[tokio::test]
async fn registered_regulation_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../regulations");
    let first = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "toml"))
        .unwrap();
    let text = std::fs::read_to_string(&first)
        .unwrap()
        .replacen("id = \"", "id = \"copy-", 1);
    let origin = format!("copy-{}", first.file_name().unwrap().to_string_lossy());
    let reg = merzim::Regulation::from_toml(&origin, &text).expect("the copy reads");
    let mut config = Config::kazakhstan();
    let id = reg.id.clone();
    config.regulations = vec![reg];
    let app = build(config).unwrap();
    let a = get(&app, &format!("/v1/regulations/{id}")).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert!(
        get(&app, "/v1/version").await.json()["registered_regulations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x == id.as_str())
    );
}

#[tokio::test]
async fn a_stalled_ndjson_body_loses_its_stream() {
    let mut config = Config::kazakhstan();
    config.limits.request_timeout = std::time::Duration::from_millis(200);
    let app = build(config).unwrap();
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<bytes::Bytes, std::io::Error>>(1);
    tx.send(Ok(bytes::Bytes::from_static(
        b"{\"id\": 1, \"submitted\": \"2026-03-20T16:30\", \"term\": \"1 working day\"}\n",
    )))
    .await
    .unwrap();
    let body = Body::from_stream(futures_util::stream::poll_fn({
        let mut rx = rx;
        move |cx| rx.poll_recv(cx)
    }));
    let r = tower::ServiceExt::oneshot(
        app,
        Request::post("/v1/evaluate")
            .header("content-type", "application/x-ndjson")
            .body(body)
            .unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    // The stream ends with an error instead of waiting for the client forever.
    let started = std::time::Instant::now();
    let got = http_body_util::BodyExt::collect(r.into_body()).await;
    assert!(got.is_err(), "the stream should end with an error");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    drop(tx);
}

/// `/v1/calendar/2026?lang=ru|kk`: every form carries the day's citations in
/// the language (the formal style of Law 267-II for 1 January, the
/// confidence in words), with no English remark; the JSON is one form for
/// every language, its citations objects with their text in kk, ru and en.
#[tokio::test]
async fn calendar_forms_cite_in_the_language() {
    let app = service();
    let cal = Calendar::kazakhstan();
    let kurban = cal
        .day(chrono::NaiveDate::from_ymd_opt(2026, 5, 27).unwrap())
        .unwrap();
    for (lang, law) in [
        (
            merzim::Lang::Ru,
            "Закон Республики Казахстан от 13 декабря 2001 года № 267-II «О праздниках в Республике Казахстан», ст. 3",
        ),
        (
            merzim::Lang::Kk,
            "Қазақстан Республикасының 2001 жылғы 13 желтоқсандағы № 267-II «Қазақстан Республикасындағы мерекелер туралы» Заңы, 3-бап",
        ),
    ] {
        let l = lang.as_str();
        let confidence = kurban
            .citations
            .iter()
            .find(|c| c.confidence != merzim::Confidence::OfficialText)
            .unwrap()
            .confidence
            .label(lang);
        let english = |what: &str, text: &str| {
            for w in [
                "reported",
                "inferred",
                "Law of the Republic",
                "Labour Code",
                "Announcement",
                "python-holidays",
            ] {
                assert!(!text.contains(w), "{l} {what}: {w:?} in {text}");
            }
        };
        // JSON: the same for every lang; the citations' text in each.
        let j = get(&app, &format!("/v1/calendar/2026?lang={l}")).await;
        assert_eq!(j.status, StatusCode::OK);
        assert_eq!(j.text(), get(&app, "/v1/calendar/2026").await.text());
        let j = j.json();
        let day = &j["days"][0];
        assert_eq!(day["date"], "2026-01-01");
        assert_eq!(day["citations"][0]["text"][l], law);
        assert_eq!(day["citations"][0]["number"], "267-II");
        assert_eq!(day["citations"][0]["confidence"], "official_text");
        assert!(day["citations"][0].get("note").is_none());
        let may27 = j["days"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["date"] == "2026-05-27")
            .unwrap();
        let cites = may27["citations"].as_array().unwrap();
        assert_eq!(cites.len(), kurban.citations.len());
        for c in cites {
            english("json", c["text"][l].as_str().unwrap());
            assert!(c.get("note").is_none() && c.get("no_url").is_none(), "{c}");
        }
        assert!(cites
            .iter()
            .any(|c| c["text"][l].as_str().unwrap().contains(confidence)));
        // CSV, both dialects: the source column in the language.
        for q in ["", "&csv=excel"] {
            let csv = get(&app, &format!("/v1/calendar/2026.csv?lang={l}{q}")).await;
            assert_eq!(csv.status, StatusCode::OK);
            let text = csv.text();
            let jan1_row = text
                .lines()
                .find(|x| x.starts_with("2026-01-01,") || x.starts_with("01.01.2026;"))
                .unwrap();
            assert!(jan1_row.contains(law), "{l}{q}: {jan1_row}");
            let row = text
                .lines()
                .find(|x| x.starts_with("2026-05-27,") || x.starts_with("27.05.2026;"))
                .unwrap();
            assert!(row.contains(confidence), "{l}{q}: {row}");
            english("csv", row);
        }
        // iCalendar: the DESCRIPTION of 1 January, unfolded and unescaped.
        let ics = get(&app, &format!("/v1/calendar/2026.ics?lang={l}")).await;
        let unfolded = ics.text().replace("\r\n ", "");
        let event = unfolded
            .split("BEGIN:VEVENT")
            .find(|e| e.contains("DTSTART;VALUE=DATE:20260101"))
            .unwrap();
        let description = event
            .split("\r\n")
            .find_map(|x| x.strip_prefix("DESCRIPTION:"))
            .unwrap()
            .replace("\\,", ",")
            .replace("\\n", "\n");
        assert!(description.lines().any(|x| x == law), "{l}: {description}");
        english("ics", &unfolded);
    }
}
