/*!
Drop-in answers for clients of other calendar services: they switch by
changing a base URL.

- isdayoff (`GET /api/getdata`): a string of digits, one a day, `0` for a
  working day and `1` for a day off; errors are the bodies `100` (a bad date,
  400) and `101` (no data, 404). Parameters as the isdayoff clients send them
  (e.g. the Go client github.com/rageofgods/isdayoff, `isdayoff.go` and
  `params.go`): `year`, `month`, `day` (zero-padded or not), or
  `date1`/`date2` as `YYYYMMDD` (at most 366 days); `cc` (only `kz`, the
  default here); `sd=1` for the six-day week; `pre` (code 2, shortened
  pre-holiday day, never occurs: Kazakhstan has none) and `covid` are
  accepted and change nothing.
- Nager.Date v3 (`GET /api/v3/PublicHolidays/{year}/KZ`,
  `GET /api/v3/IsTodayPublicHoliday/KZ`), as its controller
  `src/Nager.Date.Website/Controllers/PublicHolidayV3Controller.cs`
  (github.com/nager/Nager.Date) defines them: an array of
  `{date, localName, name, countryCode, fixed, global, counties, launchYear,
  types}` (404 for another country); 200 when today (UTC plus `offset` hours,
  -12..12) is a public holiday, 204 when not.
- 1C (`GET /v1/1c/calendar`): the business calendar classifier
  (`CalendarSuppliedData`), written by [`merzim::onec`].
*/

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Duration, NaiveDate};
use merzim::{Calendar, DayKind, Lang};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use crate::error::{ApiError, ApiResult};
use crate::query::{lib, Q};
use crate::routes::{json_of, parse_year, typed, CalendarQuery};
use crate::AppState;

/// An isdayoff error: its code as the body.
fn isdayoff_error(status: StatusCode, code: &'static str) -> Response {
    let mut r = typed("text/plain; charset=utf-8", code);
    *r.status_mut() = status;
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// The isdayoff query.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct IsDayOffQuery {
    /// The year (with `month` and `day`, or alone).
    year: Option<String>,
    /// The month, 1–12 or 01–12.
    month: Option<String>,
    /// The day of the month (needs `month`).
    day: Option<String>,
    /// The first day of a range, `YYYYMMDD`.
    date1: Option<String>,
    /// The last day of a range, `YYYYMMDD` (at most 366 days after `date1`).
    date2: Option<String>,
    /// The country: `kz` (the default here; another is 101, no data).
    cc: Option<String>,
    /// `1`: the six-day week.
    sd: Option<String>,
    /// `1`: mark shortened pre-holiday days `2` (Kazakhstan has none).
    #[allow(dead_code)] // accepted, ignored
    pre: Option<String>,
    /// Accepted, changes nothing.
    #[allow(dead_code)] // accepted, ignored
    covid: Option<String>,
    /// Accepted, changes nothing (days are dates).
    #[allow(dead_code)] // accepted, ignored
    tz: Option<String>,
}

/// The range of an isdayoff query; `Err(code)` for a bad one.
fn isdayoff_range(q: &IsDayOffQuery) -> Result<(NaiveDate, NaiveDate), &'static str> {
    let num = |s: &Option<String>| -> Result<Option<u32>, &'static str> {
        match s {
            None => Ok(None),
            Some(v) if !v.is_empty() && v.len() <= 4 && v.bytes().all(|b| b.is_ascii_digit()) => {
                v.parse().map(Some).map_err(|_| "100")
            }
            Some(_) => Err("100"),
        }
    };
    let ymd = |s: &str| NaiveDate::parse_from_str(s, "%Y%m%d").map_err(|_| "100");
    match (&q.date1, &q.date2) {
        (Some(a), Some(b)) => {
            if q.year.is_some() || q.month.is_some() || q.day.is_some() {
                return Err("100");
            }
            let (a, b) = (ymd(a)?, ymd(b)?);
            if b < a || (b - a).num_days() > 365 {
                return Err("100");
            }
            Ok((a, b))
        }
        (None, None) => {
            let year = num(&q.year)?.ok_or("100")? as i32;
            match (num(&q.month)?, num(&q.day)?) {
                (None, None) => {
                    let a = NaiveDate::from_ymd_opt(year, 1, 1).ok_or("100")?;
                    let b = NaiveDate::from_ymd_opt(year, 12, 31).ok_or("100")?;
                    Ok((a, b))
                }
                (Some(m), None) => {
                    let a = NaiveDate::from_ymd_opt(year, m, 1).ok_or("100")?;
                    let next = a.checked_add_months(chrono::Months::new(1)).ok_or("100")?;
                    Ok((a, next - Duration::days(1)))
                }
                (Some(m), Some(d)) => {
                    let a = NaiveDate::from_ymd_opt(year, m, d).ok_or("100")?;
                    Ok((a, a))
                }
                (None, Some(_)) => Err("100"),
            }
        }
        _ => Err("100"),
    }
}

/// isdayoff's `getdata`: one digit a day, `0` working, `1` day off.
#[utoipa::path(get, path = "/api/getdata", tag = "dialects", params(IsDayOffQuery),
    responses(
        (status = 200, description = "One digit a day: 0 working, 1 day off", content_type = "text/plain", body = String),
        (status = 400, description = "100: a bad date", content_type = "text/plain", body = String),
        (status = 404, description = "101: no data (another country, or out of coverage)", content_type = "text/plain", body = String)
    ))]
pub async fn isdayoff(State(s): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let Ok(q) = serde_urlencoded::from_str::<IsDayOffQuery>(raw.as_deref().unwrap_or("")) else {
        return isdayoff_error(StatusCode::BAD_REQUEST, "100");
    };
    if let Some(cc) = &q.cc {
        if !cc.eq_ignore_ascii_case("kz") {
            return isdayoff_error(StatusCode::NOT_FOUND, "101");
        }
    }
    let (a, b) = match isdayoff_range(&q) {
        Ok(r) => r,
        Err(code) => return isdayoff_error(StatusCode::BAD_REQUEST, code),
    };
    let six = matches!(q.sd.as_deref(), Some("1") | Some("true"));
    let cal = if six { &s.six } else { &s.five };
    let mut out = String::with_capacity(((b - a).num_days() + 1) as usize);
    let mut d = a;
    while d <= b {
        match cal.is_working_day(d) {
            Ok(true) => out.push('0'),
            Ok(false) => out.push('1'),
            Err(_) => return isdayoff_error(StatusCode::NOT_FOUND, "101"),
        }
        d = match d.succ_opt() {
            Some(n) => n,
            None => break,
        };
    }
    typed("text/plain; charset=utf-8", out)
}

/// A public holiday in Nager.Date's v3 form.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublicHolidayV3 {
    /// `YYYY-MM-DD`.
    date: String,
    /// The name in `lang` (default Kazakh, the state language).
    local_name: String,
    /// The English name.
    name: String,
    /// `KZ`.
    country_code: &'static str,
    /// Whether the holiday falls on this date every year (`false` for Kurban Ait).
    fixed: bool,
    /// Always `true`: national.
    global: bool,
    /// Always `null`.
    counties: Option<Vec<String>>,
    /// Always `null`.
    launch_year: Option<i32>,
    /// `["Public"]`.
    types: Vec<&'static str>,
}

/// Whether a day is a public holiday in Nager.Date's sense: a holiday or a
/// religious day off (not a substitute or transferred day off).
fn is_public_holiday(kind: DayKind) -> bool {
    matches!(kind, DayKind::Holiday | DayKind::ReligiousDayOff)
}

/// Whether the same holiday fell on the same date a year before (Nager.Date's
/// `fixed`): true for dated holidays, false for Kurban Ait.
fn same_date_last_year(cal: &Calendar, d: &merzim::Day) -> bool {
    let Some(before) = d.date.with_year(d.date.year() - 1) else {
        return false;
    };
    match cal.day(before) {
        Ok(b) => is_public_holiday(b.kind) && b.names == d.names,
        Err(_) => d.kind == DayKind::Holiday,
    }
}

fn kz(country: &str) -> bool {
    country.eq_ignore_ascii_case("kz")
}

/// The Nager.Date options this service adds.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct NagerQuery {
    /// The language of `localName`: `kk` (default), `ru` or `en`.
    lang: Option<String>,
}

/// Nager.Date's v3 public holidays of a year (KZ only).
#[utoipa::path(get, path = "/api/v3/PublicHolidays/{year}/{countryCode}", tag = "dialects",
    params(("year" = String, Path, description = "The year"), ("countryCode" = String, Path, description = "KZ"), NagerQuery),
    responses(
        (status = 200, description = "The public holidays", body = [PublicHolidayV3]),
        (status = 400, description = "A bad year or option", body = Object),
        (status = 404, description = "Another country, or a year out of coverage", body = Object)
    ))]
pub async fn nager_public_holidays(
    State(s): State<AppState>,
    Path((year, country)): Path<(String, String)>,
    Q(q): Q<NagerQuery>,
) -> ApiResult<Response> {
    if !kz(&country) {
        return Err(ApiError::not_found("this service knows KZ only"));
    }
    let year = parse_year(&year)?;
    let lang = lib::<Lang>(q.lang.as_deref())?.unwrap_or(Lang::Kk);
    let days = s
        .five
        .year_days(year)
        .map_err(|e| ApiError::not_found(e.message()))?;
    let out: Vec<PublicHolidayV3> = days
        .iter()
        .filter(|d| is_public_holiday(d.kind))
        .map(|d| {
            let names = d.names.clone().unwrap_or_default();
            PublicHolidayV3 {
                date: d.date.to_string(),
                local_name: names.get(lang).to_string(),
                name: names.get(Lang::En).to_string(),
                country_code: "KZ",
                fixed: same_date_last_year(&s.five, d),
                global: true,
                counties: None,
                launch_year: None,
                types: vec!["Public"],
            }
        })
        .collect();
    json_of(&out)
}

/// The Nager.Date `IsTodayPublicHoliday` query.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct TodayQuery {
    /// Accepted and ignored: Kazakhstan's holidays are national.
    #[serde(rename = "countyCode")]
    county_code: Option<String>,
    /// Hours to add to UTC for "today", -12..12 (default 0).
    offset: Option<String>,
}

/// 200 when today (UTC plus `offset` hours) is a public holiday in
/// Kazakhstan, 204 when not.
#[utoipa::path(get, path = "/api/v3/IsTodayPublicHoliday/{countryCode}", tag = "dialects",
    params(("countryCode" = String, Path, description = "KZ"), TodayQuery),
    responses(
        (status = 200, description = "Today is a public holiday"),
        (status = 204, description = "Today is not a public holiday"),
        (status = 400, description = "A bad offset", body = Object),
        (status = 404, description = "Another country", body = Object),
        (status = 422, description = "Today is out of coverage", body = Object)
    ))]
pub async fn nager_is_today(
    State(s): State<AppState>,
    Path(country): Path<String>,
    Q(q): Q<TodayQuery>,
) -> ApiResult<Response> {
    if !kz(&country) {
        return Err(ApiError::not_found("this service knows KZ only"));
    }
    let _ = q.county_code;
    let offset: i64 = match q.offset.as_deref() {
        None => 0,
        Some(v) => match v.parse::<i64>() {
            Ok(n) if (-12..=12).contains(&n) => n,
            _ => return Err(ApiError::bad("offset: a whole number of hours, -12..12")),
        },
    };
    let today = (chrono::Utc::now() + Duration::hours(offset)).date_naive();
    let kind = s.five.day_kind(today)?;
    let status = if is_public_holiday(kind) {
        StatusCode::OK
    } else {
        StatusCode::NO_CONTENT
    };
    let mut r = status.into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(r)
}

/// The 1C business-calendar query.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OneCQuery {
    /// The first year (default: the first year of the coverage).
    from: Option<String>,
    /// The last year (default: the last year of the coverage).
    to: Option<String>,
    /// `five` (default) or `six`.
    week: Option<String>,
    /// The calendar as known on this date (`YYYY-MM-DD`).
    as_known_on: Option<String>,
    /// The language of the calendar's description: `kk`, `ru` or `en` (default).
    lang: Option<String>,
}

/// 1C:Enterprise's business calendar classifier (`CalendarSuppliedData`) for
/// a range of years, as the Standard Subsystems Library imports it.
#[utoipa::path(get, path = "/v1/1c/calendar", tag = "dialects", params(OneCQuery),
    responses(
        (status = 200, description = "The classifier file", content_type = "application/xml", body = String),
        (status = 400, description = "A bad option", body = Object),
        (status = 422, description = "Out of coverage", body = Object)
    ))]
pub async fn onec(State(s): State<AppState>, Q(q): Q<OneCQuery>) -> ApiResult<Response> {
    let cq = CalendarQuery {
        week: q.week.clone(),
        horizon: None,
        as_known_on: q.as_known_on.clone(),
        lang: q.lang.clone(),
        csv: None,
    };
    let cal: Calendar = cq.calendar(&s)?;
    let lang = cq.lang()?;
    let (a, b) = cal.coverage();
    let from = q
        .from
        .as_deref()
        .map(parse_year)
        .transpose()?
        .unwrap_or(a.year());
    let to =
        q.to.as_deref()
            .map(parse_year)
            .transpose()?
            .unwrap_or(b.year());
    if to < from {
        return Err(ApiError::bad(format!("from {from} is after to {to}")));
    }
    let xml = merzim::onec::business_calendar_xml(&cal, from..=to, lang)?;
    Ok(typed("application/xml; charset=utf-8", xml))
}
