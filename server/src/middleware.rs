//! The layers around the routes: request ids, logs, panics caught, timeouts,
//! ETag and `If-None-Match`, CORS, compression, JSON 404 and 405; and the
//! finishing of the OpenAPI document.

use std::any::Any;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde_json::Value;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::error::ApiError;
use crate::AppState;

/// The request id header.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Request ids: a per-process prefix and a counter.
#[derive(Clone)]
struct Ids {
    prefix: u32,
    next: std::sync::Arc<AtomicU64>,
}

impl Ids {
    fn new() -> Ids {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos() ^ d.as_secs() as u32);
        Ids {
            prefix: t ^ std::process::id().rotate_left(16),
            next: std::sync::Arc::new(AtomicU64::new(1)),
        }
    }
}

impl MakeRequestId for Ids {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{:08x}-{n}", self.prefix))
            .ok()
            .map(RequestId::new)
    }
}

/// A panic's answer: 500 with the error object (the panic is logged).
fn panic_answer(err: Box<dyn Any + Send + 'static>) -> Response<String> {
    let what = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("a panic");
    tracing::error!(panic = what, "handler panicked");
    let e = ApiError::from_internal(
        "internal error: the service panicked on this request (a bug: please report it)",
    );
    let mut r = Response::new(e.json());
    *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

/// ETag and `Cache-Control` on successful GETs, and 304 when the client has
/// them. The ETag depends only on what was loaded at start (the data
/// version, the service's version, the overlays and regulation files), so it
/// is the same for every resource of one deployment; answers that depend on
/// the clock set their own `Cache-Control` and get none.
async fn etag(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let get = req.method() == Method::GET || req.method() == Method::HEAD;
    let matched = get
        && req
            .headers()
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .any(|t| {
                t == "*"
                    || t == s.etag.to_str().unwrap_or("")
                    || format!("W/{t}") == s.etag.to_str().unwrap_or("")
            });
    let mut r = next.run(req).await;
    if !get || r.status() != StatusCode::OK || r.headers().contains_key(header::CACHE_CONTROL) {
        return r;
    }
    let cache = HeaderValue::from_static("public, max-age=3600");
    if matched {
        let mut n = StatusCode::NOT_MODIFIED.into_response();
        n.headers_mut().insert(header::ETAG, s.etag.clone());
        n.headers_mut().insert(header::CACHE_CONTROL, cache);
        return n;
    }
    r.headers_mut().insert(header::ETAG, s.etag.clone());
    r.headers_mut().insert(header::CACHE_CONTROL, cache);
    r
}

async fn not_found(req: Request) -> ApiError {
    ApiError::not_found(format!(
        "no route {}: see /openapi.json",
        crate::query::excerpt(req.uri().path())
    ))
}

async fn method_not_allowed(req: Request) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!(
            "{} is not allowed on {}: see /openapi.json",
            req.method(),
            crate::query::excerpt(req.uri().path())
        ),
    )
}

/// A 408 from the timeout layer, as the error object.
async fn timeout_body(req: Request, next: Next) -> Response {
    let r = next.run(req).await;
    if r.status() == StatusCode::REQUEST_TIMEOUT && !r.headers().contains_key(header::CONTENT_TYPE)
    {
        return ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            "the request took too long (headers, body or answer)",
        )
        .into_response();
    }
    r
}

/// `router` with the service's layers.
pub fn layers(router: Router, state: AppState, cors: &[String]) -> Router {
    let limits = state.limits.clone();
    let mut app = router
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(state, etag))
        .layer(CatchPanicLayer::custom(panic_answer))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ))
        .layer(middleware::from_fn(timeout_body))
        .layer(CompressionLayer::new());
    if !cors.is_empty() {
        let origin = if cors.iter().any(|o| o == "*") {
            AllowOrigin::any()
        } else {
            AllowOrigin::list(
                cors.iter()
                    .filter_map(|o| HeaderValue::from_str(o).ok())
                    .collect::<Vec<_>>(),
            )
        };
        app = app.layer(
            CorsLayer::new()
                .allow_origin(origin)
                .allow_methods([Method::GET, Method::POST, Method::HEAD])
                .allow_headers([header::CONTENT_TYPE, header::IF_NONE_MATCH, header::ACCEPT])
                .expose_headers([header::ETAG, REQUEST_ID])
                .max_age(Duration::from_secs(3600)),
        );
    }
    app.layer(
        TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<Body>| {
            let id = req
                .headers()
                .get(REQUEST_ID)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
        })
        .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
    )
    .layer(PropagateRequestIdLayer::new(REQUEST_ID))
    .layer(SetRequestIdLayer::new(REQUEST_ID, Ids::new()))
}

/// The schema of a parameter, with the values it takes (so that generated
/// requests reach the computations; the handlers accept more, e.g. any
/// schedule or term the library reads).
fn param_schema(path: &str, name: &str, ids: &[&str]) -> Option<Value> {
    use serde_json::json;
    let date = "^20[0-3][0-9]-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$";
    let time =
        "^20[0-3][0-9]-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T([01][0-9]|2[0-3]):[0-5][0-9]$";
    Some(match name {
        "year"
            if path.starts_with("/v1/calendar/{year}")
                && !path.ends_with("balance")
                && !path.ends_with(".csv") =>
        {
            json!({"type": "string", "pattern": "^(20[01][0-9]|202[0-7])(\\.(json|csv|ics|xml))?$"})
        }
        "year" | "from" | "to" => json!({"type": "string", "pattern": "^(20[01][0-9]|202[0-7])$"}),
        "date" | "as_known_on" => json!({"type": "string", "pattern": date}),
        "submitted" => json!({"type": "string", "pattern": time}),
        "term" => {
            json!({"type": "string", "enum": ["1 working day", "22 working days", "30 calendar days", "15 minutes", "2 hours", "1 month", "5 рабочих дней"]})
        }
        "channel" => json!({"type": "string", "enum": ["provider", "portal", "state_corporation"]}),
        "start" => json!({"type": "string", "enum": ["submission_day", "next_day"]}),
        "end" => json!({"type": "string", "enum": ["close_of_business", "midnight"]}),
        "week" => json!({"type": "string", "enum": ["five", "six"]}),
        "horizon" => json!({"type": "string", "enum": ["coverage", "provisional"]}),
        "lang" => json!({"type": "string", "enum": ["kk", "ru", "en"]}),
        "explain" => json!({"type": "string", "enum": ["true", "false"]}),
        "outcome" => json!({"type": "string", "enum": ["approve", "refuse"]}),
        "tz" => json!({"type": "string", "enum": ["Asia/Almaty", "Asia/Aqtobe", "Asia/Qyzylorda"]}),
        "schedule" => json!({"type": "string", "enum": ["09:00-13:00,14:30-18:30", "09:00-18:00"]}),
        "id" => json!({"type": "string", "enum": ids}),
        "countryCode" => json!({"type": "string", "enum": ["KZ", "kz"]}),
        "offset" => json!({"type": "string", "pattern": "^-?([0-9]|1[0-2])$"}),
        "month" => json!({"type": "string", "pattern": "^(0?[1-9]|1[0-2])$"}),
        "day" => json!({"type": "string", "pattern": "^(0?[1-9]|1[0-9]|2[0-8])$"}),
        "date1" | "date2" => {
            json!({"type": "string", "pattern": "^20(0[0-9]|1[0-9]|2[0-7])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])$"})
        }
        "cc" => json!({"type": "string", "enum": ["kz"]}),
        "sd" | "pre" | "covid" => json!({"type": "string", "enum": ["0", "1"]}),
        _ => return None,
    })
}

/// The OpenAPI document as served: the library's batch schemas in the
/// components, referenced by the deadline routes; every operation's other
/// statuses answered by the error object.
pub fn finish_openapi(api: utoipa::openapi::OpenApi) -> String {
    let mut doc = serde_json::to_value(&api).unwrap_or(Value::Null);
    let mut batch: Value =
        serde_json::from_str(&merzim::batch::response_schema()).unwrap_or(Value::Null);
    let defs = batch
        .as_object_mut()
        .and_then(|o| o.remove("$defs"))
        .unwrap_or(Value::Object(Default::default()));
    if let Some(o) = batch.as_object_mut() {
        o.remove("$schema");
    }
    let rewrite = |v: Value| -> Value {
        let s = v.to_string().replace("#/$defs/", "#/components/schemas/");
        serde_json::from_str(&s).unwrap_or(Value::Null)
    };
    let error_schema = serde_json::json!({
        "type": "object",
        "description": "The error object: `{\"error\": {\"kind\", \"message\"}}` (a batch error line also carries `id`).",
        "required": ["error"],
        "properties": {
            "id": {},
            "error": {
                "type": "object",
                "required": ["kind", "message"],
                "properties": {"kind": {"type": "string"}, "message": {"type": "string"}}
            }
        }
    });
    {
        let comps = doc.as_object_mut().map(|o| {
            o.entry("components")
                .or_insert_with(|| serde_json::json!({}))
        });
        if let Some(c) = comps.and_then(Value::as_object_mut) {
            let schemas = c.entry("schemas").or_insert_with(|| serde_json::json!({}));
            if let (Some(s), Value::Object(defs)) = (schemas.as_object_mut(), rewrite(defs)) {
                s.extend(defs);
                s.insert("BatchResponse".into(), rewrite(batch));
                s.insert("ErrorAnswer".into(), error_schema);
            }
        }
    }
    let ids: Vec<&str> = merzim::Regulation::bundled_ids().collect();
    let batch_ref = serde_json::json!({"$ref": "#/components/schemas/BatchResponse"});
    let error_ref = serde_json::json!({"$ref": "#/components/schemas/ErrorAnswer"});
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            let Some(ops) = item.as_object_mut() else {
                continue;
            };
            for (_, op) in ops.iter_mut() {
                if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
                    for p in params.iter_mut() {
                        let name = p["name"].as_str().unwrap_or("").to_string();
                        if let Some(schema) = param_schema(path, &name, &ids) {
                            p["schema"] = schema;
                        }
                    }
                }
                let Some(resp) = op.get_mut("responses").and_then(Value::as_object_mut) else {
                    continue;
                };
                for (status, r) in resp.iter_mut() {
                    let Some(content) = r.get_mut("content").and_then(Value::as_object_mut) else {
                        continue;
                    };
                    let Some(j) = content.get_mut("application/json") else {
                        continue;
                    };
                    if status.starts_with('2')
                        && (path == "/v1/evaluate"
                            || path == "/v1/due"
                            || path.ends_with("/timeline"))
                    {
                        j["schema"] = batch_ref.clone();
                    } else if status.starts_with('4') || status.starts_with('5') {
                        j["schema"] = error_ref.clone();
                    }
                }
                resp.entry("default").or_insert_with(|| {
                    serde_json::json!({
                        "description": "An error: the error object",
                        "content": {"application/json": {"schema": error_ref.clone()}}
                    })
                });
            }
        }
    }
    doc.to_string()
}
