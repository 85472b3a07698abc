//! The routes under `/v1/`, `/healthz` and `/openapi.json`.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use merzim::batch::{Id, RegulationRequest, Request, TermRequest};
use merzim::{
    Channel, CsvDialect, Horizon, Lang, LegalOptions, Outcome, Schedule, StartRule, Submitted,
    Term, TermEnd, Week, Zone,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{status_of, ApiError, ApiResult};
use crate::query::{date, flag, lib, opt_date, Q};
use crate::{dialects, AppState};
use merzim::export::CalendarYear;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "merzim",
        description = "Deadlines of Kazakh public services: the working-day calendar, legal terms, regulation timelines; drop-in isdayoff, Nager.Date and 1C dialects.",
        license(name = "MIT OR Apache-2.0")
    ),
    tags(
        (name = "deadlines", description = "Legal terms, regulation timelines, the batch contract"),
        (name = "calendar", description = "Days, years, the balance of working time"),
        (name = "dialects", description = "Drop-in answers for isdayoff, Nager.Date and 1C clients"),
        (name = "service", description = "Health, version, this document")
    )
)]
struct ApiDoc;

/// The routes and the OpenAPI document generated from them.
pub fn router(state: AppState) -> Router {
    let (router, api) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(healthz))
        .routes(routes!(version))
        .routes(routes!(evaluate))
        .routes(routes!(due))
        .routes(routes!(regulations))
        .routes(routes!(regulation))
        .routes(routes!(timeline))
        .routes(routes!(calendar))
        .routes(routes!(balance))
        .routes(routes!(balance_csv))
        .routes(routes!(day))
        .routes(routes!(is_working_day))
        .routes(routes!(dialects::isdayoff))
        .routes(routes!(dialects::nager_public_holidays))
        .routes(routes!(dialects::nager_is_today))
        .routes(routes!(dialects::onec))
        .with_state(state.clone())
        .split_for_parts();
    let doc = crate::middleware::finish_openapi(api);
    let router = if state.panic_route {
        router.route(
            "/v1/_panic",
            axum::routing::get(|| async {
                let v: Vec<u8> = Vec::new();
                #[allow(clippy::indexing_slicing)]
                let x = v[usize::from(v.is_empty())];
                x.to_string()
            }),
        )
    } else {
        router
    };
    router.route(
        "/openapi.json",
        axum::routing::get(move || {
            let doc = doc.clone();
            async move { json(StatusCode::OK, doc) }
        }),
    )
}

/// A JSON answer of `text`.
pub(crate) fn json(status: StatusCode, text: String) -> Response {
    let mut r = (status, text).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

/// `value` as a JSON answer.
pub(crate) fn json_of(value: &impl Serialize) -> ApiResult<Response> {
    let text = serde_json::to_string(value)
        .map_err(|e| ApiError::from_internal(format!("cannot serialise the answer: {e}")))?;
    Ok(json(StatusCode::OK, text))
}

/// An answer of `body` with content type `ct`.
pub(crate) fn typed(ct: &'static str, body: impl Into<Body>) -> Response {
    let mut r = Response::new(body.into());
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
    r
}

/// Liveness: `ok`.
#[utoipa::path(get, path = "/healthz", tag = "service",
    responses((status = 200, description = "The service is up", content_type = "text/plain", body = String)))]
async fn healthz() -> Response {
    let mut r = typed("text/plain; charset=utf-8", "ok\n");
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

#[derive(Serialize, utoipa::ToSchema)]
struct Coverage {
    from: String,
    to: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct Version {
    /// `merzim-server`.
    name: &'static str,
    /// The service's version.
    version: &'static str,
    /// The calendar data's version (it changes with the embedded data and the overlays).
    data_version: String,
    /// The date of the newest act the data knows.
    data_as_of: Option<String>,
    /// The dates the data covers.
    coverage: Coverage,
    /// The dates the calendar answers (the coverage, or up to 2100 with `horizon=provisional`).
    valid_range: Coverage,
    /// Bundled regulation ids.
    bundled_regulations: Vec<String>,
    /// Regulation ids loaded from files at start.
    registered_regulations: Vec<String>,
    /// Calendar overlays and regulation files loaded at start.
    inputs: Vec<String>,
}

/// The data version, its date, the coverage, the regulations and files loaded.
#[utoipa::path(get, path = "/v1/version", tag = "service",
    responses((status = 200, description = "Versions and coverage", body = Version)))]
async fn version(State(s): State<AppState>) -> ApiResult<Response> {
    let cal = s.evaluator.calendar();
    let (a, b) = cal.coverage();
    let (c, d) = cal.valid_range();
    json_of(&Version {
        name: "merzim-server",
        version: env!("CARGO_PKG_VERSION"),
        data_version: cal.data_version().to_string(),
        data_as_of: cal.data_as_of().map(|d| d.to_string()),
        coverage: Coverage {
            from: a.to_string(),
            to: b.to_string(),
        },
        valid_range: Coverage {
            from: c.to_string(),
            to: d.to_string(),
        },
        bundled_regulations: merzim::Regulation::bundled_ids()
            .map(str::to_string)
            .collect(),
        registered_regulations: s.registered.clone(),
        inputs: s.inputs.clone(),
    })
}

/// Whether `ct` names a JSON Lines body.
fn is_ndjson(ct: &str) -> bool {
    let base = ct.split(';').next().unwrap_or("").trim();
    base.eq_ignore_ascii_case("application/x-ndjson")
        || base.eq_ignore_ascii_case("application/jsonl")
        || base.eq_ignore_ascii_case("application/jsonlines")
}

/// The batch contract: one request line in (`application/json`), the line
/// `merzim batch` prints for it out, byte for byte; or many lines in
/// (`application/x-ndjson`), their answers streamed back in order.
#[utoipa::path(post, path = "/v1/evaluate", tag = "deadlines",
    request_body(content(
        (Object = "application/json", example = json!({"id": "a1", "submitted": "2026-03-20T16:30", "term": "22 working days"})),
        (String = "application/x-ndjson")
    ), description = "A batch request line (docs/batch-request.schema.json), or many of them, one a line"),
    responses(
        (status = 200, description = "The answer line (a term or regulation result), or the answers of an NDJSON body in order", content(
            (Object = "application/json"),
            (String = "application/x-ndjson")
        )),
        (status = 400, description = "The line's error (the batch error line)", body = Object),
        (status = 422, description = "Out of the calendar's coverage (the batch error line)", body = Object),
        (status = 413, description = "Body too large", body = Object),
        (status = 415, description = "Neither JSON nor NDJSON", body = Object),
        (status = 429, description = "Too many streams at once", body = Object)
    ))]
async fn evaluate(State(s): State<AppState>, req: axum::extract::Request) -> ApiResult<Response> {
    let (parts, body) = req.into_parts();
    let ct = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if is_ndjson(ct) {
        return crate::serve::stream(s, &parts.headers, body).await;
    }
    let base = ct.split(';').next().unwrap_or("").trim();
    if !base.eq_ignore_ascii_case("application/json") {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send one request line as application/json, or many lines as application/x-ndjson",
        ));
    }
    let bytes = axum::body::to_bytes(body, s.limits.max_body)
        .await
        .map_err(|e| body_error(e, s.limits.max_body))?;
    let response = s.evaluator.evaluate_bytes(&bytes);
    let status = response.error_kind().map_or(StatusCode::OK, status_of);
    let mut text = response.to_json();
    text.push('\n');
    Ok(json(status, text))
}

/// 413 for a body over the limit, 408 when it came too slowly, 400 else.
fn body_error(e: axum::Error, limit: usize) -> ApiError {
    let inner = e.into_inner();
    if inner
        .downcast_ref::<http_body_util::LengthLimitError>()
        .is_some()
    {
        return too_large(limit);
    }
    let text = inner.to_string();
    if inner
        .downcast_ref::<tower_http::timeout::TimeoutError>()
        .is_some()
        || text.contains("timed out")
        || text.contains("timeout")
    {
        return ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            "the body came too slowly",
        );
    }
    ApiError::bad(format!("cannot read the body: {text}"))
}

/// 413 for a body over `limit` bytes.
pub(crate) fn too_large(limit: impl std::fmt::Display) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        format!("the body is larger than {limit} bytes (the limit)"),
    )
}

/// The answer of `request`; its status follows its error kind.
fn answer(s: &AppState, request: &Request) -> Response {
    let response = s.evaluator.evaluate(request);
    let status = response.error_kind().map_or(StatusCode::OK, status_of);
    json(status, response.to_json())
}

/// A required field.
fn required<'a>(field: &str, value: &'a Option<String>, example: &str) -> ApiResult<&'a str> {
    value
        .as_deref()
        .ok_or_else(|| ApiError::bad(format!("give {field}, e.g. {field}={example}")))
}

/// Options of every deadline route.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DueQuery {
    /// When the documents were submitted: local time `2026-03-20T16:30` or an instant `2026-03-20T16:30:00+05:00`.
    submitted: Option<String>,
    /// The term: `22 working days`, `30 calendar days`, `15 minutes`, `1 month`, `2 рабочих дня`, …
    term: Option<String>,
    /// `provider` (default), `portal` or `state_corporation`.
    channel: Option<String>,
    /// Day 1 of a term in days: `submission_day` (default) or `next_day`.
    start: Option<String>,
    /// When the last day ends: `close_of_business` (default) or `midnight`.
    end: Option<String>,
    /// The office's IANA time zone (default `Asia/Almaty`).
    tz: Option<String>,
    /// Office hours, e.g. `09:00-13:00,14:30-18:30` (default: the state-body schedule).
    schedule: Option<String>,
    /// `five` (default) or `six`.
    week: Option<String>,
    /// `coverage` (default) or `provisional`.
    horizon: Option<String>,
    /// Count on the calendar as it was known on this date (`YYYY-MM-DD`).
    as_known_on: Option<String>,
    /// `true`: list what did not count.
    explain: Option<String>,
    /// The language of texts a person reads: `kk`, `ru` or `en` (default).
    lang: Option<String>,
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TimelineQuery {
    /// When the documents were submitted.
    submitted: Option<String>,
    /// `approve` (default) or `refuse`.
    outcome: Option<String>,
    /// `provider` (default), `portal` or `state_corporation` (one the regulation offers).
    channel: Option<String>,
    /// Day 1 of the overall term: `submission_day` (default) or `next_day`.
    term_start: Option<String>,
    /// Day 1 of a refusal for incomplete documents: `submission_day` (default) or `next_day`.
    refusal_start: Option<String>,
    /// The office's IANA time zone (default `Asia/Almaty`).
    tz: Option<String>,
    /// Office hours.
    schedule: Option<String>,
    /// `five` (default) or `six`.
    week: Option<String>,
    /// `coverage` (default) or `provisional`.
    horizon: Option<String>,
    /// The calendar as known on this date (`YYYY-MM-DD`).
    as_known_on: Option<String>,
    /// `true`: list what did not count.
    explain: Option<String>,
    /// `kk`, `ru` or `en` (default).
    lang: Option<String>,
}

/// When a legal term expires (the batch contract's term result; `explain=true`
/// adds what did not count).
#[utoipa::path(get, path = "/v1/due", tag = "deadlines", params(DueQuery),
    responses(
        (status = 200, description = "The term result", body = Object),
        (status = 400, description = "A bad field", body = Object),
        (status = 422, description = "Out of coverage", body = Object)
    ))]
async fn due(State(s): State<AppState>, Q(q): Q<DueQuery>) -> ApiResult<Response> {
    let submitted = lib::<Submitted>(Some(required(
        "submitted",
        &q.submitted,
        "2026-03-20T16:30",
    )?))?;
    let term = lib::<Term>(Some(required("term", &q.term, "22%20working%20days")?))?;
    let (Some(submitted), Some(term)) = (submitted, term) else {
        return Err(ApiError::bad("give submitted and term"));
    };
    let mut r = TermRequest::new(Id::null(), submitted, term);
    let d = LegalOptions::default();
    r.options = LegalOptions {
        channel: lib::<Channel>(q.channel.as_deref())?.unwrap_or(d.channel),
        start: lib::<StartRule>(q.start.as_deref())?.unwrap_or(d.start),
        end: lib::<TermEnd>(q.end.as_deref())?.unwrap_or(d.end),
    };
    if let Some(z) = lib::<Zone>(q.tz.as_deref())? {
        r.tz = z;
    }
    r.schedule = lib::<Schedule>(q.schedule.as_deref())?;
    r.week = lib::<Week>(q.week.as_deref())?;
    r.horizon = lib::<Horizon>(q.horizon.as_deref())?;
    r.as_known_on = opt_date("as_known_on", q.as_known_on.as_deref())?;
    r.explain = flag("explain", q.explain.as_deref())?;
    r.lang = lib::<Lang>(q.lang.as_deref())?.unwrap_or_default();
    Ok(answer(&s, &Request::Term(r)))
}

/// The regulations requests may name: the bundled ones and those loaded at start.
#[utoipa::path(get, path = "/v1/regulations", tag = "deadlines",
    responses((status = 200, description = "The regulations, as the library serialises them", body = [Object])))]
async fn regulations(State(s): State<AppState>) -> ApiResult<Response> {
    let mut ids: Vec<String> = merzim::Regulation::bundled_ids()
        .map(str::to_string)
        .collect();
    ids.extend(s.registered.iter().cloned());
    let all: Vec<&merzim::Regulation> = ids
        .iter()
        .filter_map(|id| s.evaluator.regulation(id).ok())
        .collect();
    json_of(&all)
}

/// One regulation.
#[utoipa::path(get, path = "/v1/regulations/{id}", tag = "deadlines",
    params(("id" = String, Path, description = "A regulation id")),
    responses(
        (status = 200, description = "The regulation", body = Object),
        (status = 404, description = "No such regulation", body = Object)
    ))]
async fn regulation(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult<Response> {
    let r = s
        .evaluator
        .regulation(&id)
        .map_err(|e| ApiError::not_found(e.message()))?;
    json_of(r)
}

/// A regulation's steps chained for one submission (the batch contract's
/// regulation result).
#[utoipa::path(get, path = "/v1/regulations/{id}/timeline", tag = "deadlines",
    params(("id" = String, Path, description = "A regulation id"), TimelineQuery),
    responses(
        (status = 200, description = "The timeline", body = Object),
        (status = 400, description = "A bad field", body = Object),
        (status = 404, description = "No such regulation", body = Object),
        (status = 422, description = "Out of coverage", body = Object)
    ))]
async fn timeline(
    State(s): State<AppState>,
    Path(id): Path<String>,
    Q(q): Q<TimelineQuery>,
) -> ApiResult<Response> {
    s.evaluator
        .regulation(&id)
        .map_err(|e| ApiError::not_found(e.message()))?;
    let Some(submitted) = lib::<Submitted>(Some(required(
        "submitted",
        &q.submitted,
        "2026-03-18T16:30",
    )?))?
    else {
        return Err(ApiError::bad("give submitted"));
    };
    let mut r = RegulationRequest::new(Id::null(), id, submitted);
    if let Some(o) = lib::<Outcome>(q.outcome.as_deref())? {
        r.outcome = o;
    }
    if let Some(c) = lib::<Channel>(q.channel.as_deref())? {
        r.channel = c;
    }
    if let Some(t) = lib::<StartRule>(q.term_start.as_deref())? {
        r.options.term_start = t;
    }
    if let Some(t) = lib::<StartRule>(q.refusal_start.as_deref())? {
        r.options.refusal_start = t;
    }
    if let Some(z) = lib::<Zone>(q.tz.as_deref())? {
        r.tz = z;
    }
    r.schedule = lib::<Schedule>(q.schedule.as_deref())?;
    r.week = lib::<Week>(q.week.as_deref())?;
    r.horizon = lib::<Horizon>(q.horizon.as_deref())?;
    r.as_known_on = opt_date("as_known_on", q.as_known_on.as_deref())?;
    r.explain = flag("explain", q.explain.as_deref())?;
    r.lang = lib::<Lang>(q.lang.as_deref())?.unwrap_or_default();
    Ok(answer(&s, &Request::Regulation(r)))
}

/// Options of the calendar routes.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CalendarQuery {
    /// `five` (default) or `six`.
    pub week: Option<String>,
    /// `coverage` (default) or `provisional`.
    pub horizon: Option<String>,
    /// The calendar as known on this date (`YYYY-MM-DD`).
    pub as_known_on: Option<String>,
    /// The language of names, labels and cited acts in CSV, iCalendar and 1C answers: `kk`, `ru`
    /// or `en` (default). JSON is the same in every language (names and citations in all three).
    pub lang: Option<String>,
    /// The CSV dialect: `machine` (default: `,`, ISO dates, codes) or `excel` (for a
    /// spreadsheet in a Russian or Kazakh locale: BOM, `;`, words in `lang`, decimal comma).
    pub csv: Option<String>,
}

impl CalendarQuery {
    pub(crate) fn calendar(&self, s: &AppState) -> ApiResult<merzim::Calendar> {
        let week = lib::<Week>(self.week.as_deref())?;
        let horizon = lib::<Horizon>(self.horizon.as_deref())?;
        let known = opt_date("as_known_on", self.as_known_on.as_deref())?;
        Ok(s.calendar(week, horizon, known)?)
    }

    pub(crate) fn lang(&self) -> ApiResult<Lang> {
        Ok(lib::<Lang>(self.lang.as_deref())?.unwrap_or_default())
    }

    pub(crate) fn csv_dialect(&self) -> ApiResult<CsvDialect> {
        Ok(lib::<CsvDialect>(self.csv.as_deref())?.unwrap_or_default())
    }
}

/// The forms of a year's calendar.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Form {
    Json,
    Csv,
    Ics,
    OneC,
}

/// A year and its form, from `2026`, `2026.csv`, `2026.ics`, `2026.json`,
/// `2026.xml` or the `Accept` header.
fn year_form(segment: &str, headers: &HeaderMap) -> ApiResult<(i32, Form)> {
    let (y, suffix) = match segment.split_once('.') {
        Some((y, s)) => (y, Some(s)),
        None => (segment, None),
    };
    let form = match suffix {
        Some("json") => Form::Json,
        Some("csv") => Form::Csv,
        Some("ics") => Form::Ics,
        Some("xml") => Form::OneC,
        Some(other) => {
            return Err(ApiError::not_found(format!(
                "no form .{}: use .json, .csv, .ics or .xml (1C)",
                crate::query::excerpt(other)
            )))
        }
        None => accept_form(headers)?,
    };
    let year = parse_year(y)?;
    Ok((year, form))
}

pub(crate) fn parse_year(y: &str) -> ApiResult<i32> {
    if y.is_empty() || y.len() > 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::bad(format!(
            "{:?} is not a year: expected 4 digits, e.g. 2026",
            crate::query::excerpt(y)
        )));
    }
    y.parse()
        .map_err(|_| ApiError::bad(format!("{y:?} is not a year")))
}

/// The form an `Accept` header asks for (JSON unless it names another).
fn accept_form(headers: &HeaderMap) -> ApiResult<Form> {
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return Ok(Form::Json);
    };
    for item in accept.split(',') {
        let t = item
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match t.as_str() {
            "application/json" | "*/*" | "application/*" => return Ok(Form::Json),
            "text/csv" => return Ok(Form::Csv),
            "text/calendar" => return Ok(Form::Ics),
            "application/xml" | "text/xml" => return Ok(Form::OneC),
            _ => {}
        }
    }
    Err(ApiError::new(
        StatusCode::NOT_ACCEPTABLE,
        "not_acceptable",
        "this resource is application/json, text/csv, text/calendar or application/xml (1C)",
    ))
}

/// A year's days with kinds, names, the acts cited and flags; CSV, iCalendar or 1C
/// XML by suffix (`2026.csv`, `2026.ics`, `2026.xml`) or by `Accept`.
#[utoipa::path(get, path = "/v1/calendar/{year}", tag = "calendar",
    params(("year" = String, Path, description = "The year, with an optional suffix: 2026, 2026.json, 2026.csv, 2026.ics, 2026.xml"), CalendarQuery),
    responses(
        (status = 200, description = "The year's days", content(
            (Object = "application/json"),
            (String = "text/csv"),
            (String = "text/calendar"),
            (String = "application/xml")
        )),
        (status = 400, description = "A bad year or option", body = Object),
        (status = 404, description = "An unknown suffix", body = Object),
        (status = 406, description = "No acceptable form", body = Object),
        (status = 422, description = "Out of coverage", body = Object)
    ))]
async fn calendar(
    State(s): State<AppState>,
    Path(segment): Path<String>,
    Q(q): Q<CalendarQuery>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let (year, form) = year_form(&segment, &headers)?;
    let cal = q.calendar(&s)?;
    let lang = q.lang()?;
    let dialect = q.csv_dialect()?;
    let days = cal.year_days(year)?;
    Ok(match form {
        Form::Json => json_of(&CalendarYear::new(&cal, year, &days))?,
        Form::Csv => typed(
            "text/csv; charset=utf-8",
            merzim::export::calendar_csv(&days, lang, dialect),
        ),
        Form::Ics => typed(
            "text/calendar; charset=utf-8",
            merzim::export::calendar_ics(&cal, year, lang)?,
        ),
        Form::OneC => typed(
            "application/xml; charset=utf-8",
            merzim::onec::business_calendar_xml(&cal, year..=year, lang)?,
        ),
    })
}

/// The balance of working time of a year: calendar days, working days and
/// hours at 40/36/24 h a week, five- and six-day week, per month, quarter,
/// half-year, 9 months and year.
#[utoipa::path(get, path = "/v1/calendar/{year}/balance", tag = "calendar",
    params(("year" = String, Path, description = "The year"), CalendarQuery),
    responses(
        (status = 200, description = "The balance, as the library serialises it", content(
            (Object = "application/json"),
            (String = "text/csv")
        )),
        (status = 400, description = "A bad year or option", body = Object),
        (status = 406, description = "No acceptable form", body = Object),
        (status = 422, description = "Out of coverage", body = Object)
    ))]
async fn balance(
    State(s): State<AppState>,
    Path(segment): Path<String>,
    Q(q): Q<CalendarQuery>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let year = parse_year(&segment)?;
    let csv = match accept_form(&headers)? {
        Form::Json => false,
        Form::Csv => true,
        _ => {
            return Err(ApiError::new(
                StatusCode::NOT_ACCEPTABLE,
                "not_acceptable",
                "the balance is application/json or text/csv",
            ))
        }
    };
    balance_in(&s, year, &q, csv)
}

fn balance_in(s: &AppState, year: i32, q: &CalendarQuery, csv: bool) -> ApiResult<Response> {
    let cal = q.calendar(s)?;
    let lang = q.lang()?;
    let dialect = q.csv_dialect()?;
    let b = cal.balance(year)?;
    if csv {
        Ok(typed(
            "text/csv; charset=utf-8",
            merzim::export::balance_csv(&b, lang, dialect),
        ))
    } else {
        json_of(&b)
    }
}

/// The balance of working time as CSV.
#[utoipa::path(get, path = "/v1/calendar/{year}/balance.csv", tag = "calendar",
    params(("year" = String, Path, description = "The year"), CalendarQuery),
    responses(
        (status = 200, description = "The balance, one row a period", content_type = "text/csv", body = String),
        (status = 400, description = "A bad year or option", body = Object),
        (status = 422, description = "Out of coverage", body = Object)
    ))]
async fn balance_csv(
    State(s): State<AppState>,
    Path(segment): Path<String>,
    Q(q): Q<CalendarQuery>,
) -> ApiResult<Response> {
    let year = parse_year(&segment)?;
    balance_in(&s, year, &q, true)
}

/// Everything the calendar knows about one date.
#[utoipa::path(get, path = "/v1/days/{date}", tag = "calendar",
    params(("date" = String, Path, description = "YYYY-MM-DD"), CalendarQuery),
    responses(
        (status = 200, description = "The day, as the library serialises it", body = Object),
        (status = 400, description = "A bad date or option", body = Object),
        (status = 422, description = "Out of coverage", body = Object)
    ))]
async fn day(
    State(s): State<AppState>,
    Path(d): Path<String>,
    Q(q): Q<CalendarQuery>,
) -> ApiResult<Response> {
    let d = date("date", &d)?;
    let cal = q.calendar(&s)?;
    q.lang()?;
    json_of(&cal.day(d)?)
}

/// 200 (with the day) for a working day, 204 for a day off: `curl -f` in a
/// shell script.
#[utoipa::path(get, path = "/v1/is-working-day/{date}", tag = "calendar",
    params(("date" = String, Path, description = "YYYY-MM-DD"), CalendarQuery),
    responses(
        (status = 200, description = "A working day (the day, as the library serialises it)", body = Object),
        (status = 204, description = "A day off"),
        (status = 400, description = "A bad date or option", body = Object),
        (status = 422, description = "Out of coverage", body = Object)
    ))]
async fn is_working_day(
    State(s): State<AppState>,
    Path(d): Path<String>,
    Q(q): Q<CalendarQuery>,
) -> ApiResult<Response> {
    let d = date("date", &d)?;
    let cal = q.calendar(&s)?;
    q.lang()?;
    if cal.is_working_day(d)? {
        json_of(&cal.day(d)?)
    } else {
        Ok(StatusCode::NO_CONTENT.into_response())
    }
}
