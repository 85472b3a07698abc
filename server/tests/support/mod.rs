//! Driving the service in process with tower's `oneshot`.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use merzim_server::{app, Config};
use tower::ServiceExt;

/// The service over the embedded data, default limits.
pub fn service() -> Router {
    app(Config::kazakhstan()).expect("the app builds")
}

/// An answer: status, headers, body.
pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().expect("ASCII").to_string())
    }

    /// The error kind of an error answer.
    pub fn kind(&self) -> String {
        self.json()["error"]["kind"]
            .as_str()
            .expect("an error object")
            .to_string()
    }
}

pub async fn send(app: &Router, req: Request<Body>) -> Answer {
    let r = app.clone().oneshot(req).await.expect("infallible");
    let status = r.status();
    let headers = r.headers().clone();
    let body = r
        .into_body()
        .collect()
        .await
        .expect("the body")
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

pub async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

pub async fn get_with(app: &Router, uri: &str, name: &str, value: &str) -> Answer {
    send(
        app,
        Request::get(uri)
            .header(name, value)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

pub async fn post(app: &Router, uri: &str, content_type: &str, body: impl Into<Body>) -> Answer {
    send(
        app,
        Request::post(uri)
            .header("content-type", content_type)
            .body(body.into())
            .unwrap(),
    )
    .await
}

/// `n` batch lines, deterministic: term and regulation cases over 2000–2027,
/// with every option the contract has, and some bad lines.
pub fn lines(n: usize) -> Vec<String> {
    let terms = [
        "1 working day",
        "22 working days",
        "30 calendar days",
        "15 minutes",
        "2 hours",
        "1 month",
        "5 рабочих дней",
        "3 жұмыс күні",
    ];
    let channels = ["provider", "portal", "state_corporation"];
    let regs: Vec<&str> = merzim::Regulation::bundled_ids().collect();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..n)
        .map(|i| {
            let r = next();
            let y = 2000 + (r % 28) as i32;
            let m = 1 + (r >> 8) % 12;
            let d = 1 + (r >> 12) % 28;
            let h = (r >> 16) % 24;
            let min = (r >> 24) % 60;
            let submitted = format!("{y}-{m:02}-{d:02}T{h:02}:{min:02}");
            match i % 10 {
                9 => format!("{{\"id\": {i}, \"submitted\": \"{submitted}\""),
                8 => {
                    let reg = regs[(r >> 32) as usize % regs.len()];
                    format!(
                        "{{\"id\": \"r{i}\", \"regulation\": \"{reg}\", \"submitted\": \"{submitted}\", \"explain\": {}}}",
                        (r >> 40) % 2 == 0
                    )
                }
                _ => {
                    let term = terms[(r >> 32) as usize % terms.len()];
                    let ch = channels[(r >> 36) as usize % channels.len()];
                    let week = if (r >> 40) % 4 == 0 { "six" } else { "five" };
                    let extra = match (r >> 44) % 5 {
                        0 => ", \"as_known_on\": \"2024-01-01\"".to_string(),
                        1 => ", \"horizon\": \"provisional\"".to_string(),
                        2 => ", \"explain\": true, \"lang\": \"ru\"".to_string(),
                        3 => ", \"start\": \"next_day\", \"end\": \"midnight\"".to_string(),
                        _ => String::new(),
                    };
                    format!(
                        "{{\"id\": {i}, \"submitted\": \"{submitted}\", \"term\": \"{term}\", \"channel\": \"{ch}\", \"week\": \"{week}\"{extra}}}"
                    )
                }
            }
        })
        .collect()
}
