/*!
`merzim-server`: the merzim library over HTTP.

A thin face: every answer comes from the library — batch lines from
[`merzim::batch::Evaluator`] and [`merzim::batch::Stream`], days from
[`merzim::Calendar`], the balance of working time from [`merzim::Balance`],
regulations and their timelines from [`merzim::Regulation`] — and the service
only reads requests, picks the form of the answer and sets HTTP headers. The
OpenAPI document is generated from the handlers ([`utoipa`]).

[`app`] builds the router (tests drive it in process with tower's `oneshot`);
[`serve()`] runs it on a listener with header and request timeouts and a
graceful shutdown.
*/

pub mod dialects;
pub mod error;
mod middleware;
pub mod page;
mod query;
pub mod routes;
pub mod serve;

use std::sync::Arc;
use std::time::Duration;

use axum::http::HeaderValue;
use axum::Router;
use merzim::batch::Evaluator;
use merzim::{Calendar, Horizon, Week};
use tokio::sync::Semaphore;

pub use serve::serve;

/// Limits of the service.
#[derive(Clone, Debug)]
pub struct Limits {
    /// The largest single-request body (`POST /v1/evaluate` with JSON), bytes.
    pub max_body: usize,
    /// The largest NDJSON body, bytes.
    pub max_stream_body: u64,
    /// NDJSON streams answered at once; more get 429.
    pub max_streams: usize,
    /// Threads of one NDJSON stream (0: one per CPU).
    pub stream_threads: usize,
    /// Time to answer a request (headers of the answer, so also to receive a
    /// JSON body), and the longest pause in an NDJSON body.
    pub request_timeout: Duration,
    /// Time a client has to send a request's headers.
    pub header_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_body: merzim::batch::MAX_LINE_BYTES + 2,
            max_stream_body: 1 << 30,
            max_streams: 4,
            stream_threads: 0,
            request_timeout: Duration::from_secs(30),
            header_timeout: Duration::from_secs(10),
        }
    }
}

/// Everything the service answers from, loaded at start.
#[derive(Debug)]
pub struct Config {
    /// The calendar (embedded data with the overlays layered over it).
    pub calendar: Calendar,
    /// Regulation files to register, already read: (origin, text).
    pub regulations: Vec<merzim::Regulation>,
    /// The names of the overlays and regulation files and a hash of their
    /// contents, for the ETag.
    pub inputs: Vec<(String, u64)>,
    /// Origins allowed by CORS (`*` for any); empty: CORS off.
    pub cors: Vec<String>,
    /// Limits.
    pub limits: Limits,
    /// Adds `GET /v1/_panic`, a route that panics (for tests of the panic
    /// handling only).
    #[doc(hidden)]
    pub panic_route: bool,
}

impl Config {
    /// The embedded calendar, no files, default limits, CORS off.
    pub fn kazakhstan() -> Config {
        Config {
            calendar: Calendar::kazakhstan(),
            regulations: Vec::new(),
            inputs: Vec::new(),
            cors: Vec::new(),
            limits: Limits::default(),
            panic_route: false,
        }
    }
}

/// The shared state of the handlers.
#[derive(Debug)]
pub struct State {
    pub(crate) evaluator: Evaluator,
    pub(crate) five: Calendar,
    pub(crate) six: Calendar,
    pub(crate) registered: Vec<String>,
    pub(crate) etag: HeaderValue,
    pub(crate) streams: Arc<Semaphore>,
    pub(crate) limits: Limits,
    pub(crate) inputs: Vec<String>,
    pub(crate) panic_route: bool,
}

/// The state's shared handle.
pub type AppState = Arc<State>;

impl State {
    /// The state for `config`.
    ///
    /// # Errors
    ///
    /// A regulation file whose id clashes with another's.
    pub fn new(config: Config) -> merzim::Result<State> {
        let cal = config.calendar;
        let five = cal.with_week(Week::FiveDay)?;
        let six = cal.with_week(Week::SixDay)?;
        let mut evaluator = Evaluator::new(cal.clone());
        let mut registered = Vec::new();
        for r in config.regulations {
            registered.push(r.id.clone());
            evaluator.register(r)?;
        }
        registered.sort();
        // The ETag: the data version, the service's version, the files loaded.
        let mut h = Fnv::new();
        h.write(cal.data_version().as_bytes());
        h.write(env!("CARGO_PKG_VERSION").as_bytes());
        for (name, hash) in &config.inputs {
            h.write(name.as_bytes());
            h.write(&hash.to_le_bytes());
        }
        let etag = HeaderValue::from_str(&format!("W/\"{:016x}\"", h.0))
            .unwrap_or_else(|_| HeaderValue::from_static("W/\"0\""));
        Ok(State {
            evaluator,
            five,
            six,
            registered,
            etag,
            streams: Arc::new(Semaphore::new(config.limits.max_streams.max(1))),
            limits: config.limits,
            inputs: config.inputs.into_iter().map(|(n, _)| n).collect(),
            panic_route: config.panic_route,
        })
    }

    /// The calendar of a request: its week, horizon and date of knowledge.
    pub(crate) fn calendar(
        &self,
        week: Option<Week>,
        horizon: Option<Horizon>,
        known_on: Option<chrono::NaiveDate>,
    ) -> merzim::Result<Calendar> {
        let mut c = match week {
            Some(Week::SixDay) => self.six.clone(),
            Some(_) => self.five.clone(),
            None => self.evaluator.calendar().clone(),
        };
        if let Some(h) = horizon {
            c = c.with_horizon(h);
        }
        if let Some(d) = known_on {
            c = c.as_known_on(d)?;
        }
        Ok(c)
    }
}

/// FNV-1a, 64 bits: a stable hash of the files loaded (for the ETag only).
pub struct Fnv(pub u64);

impl Fnv {
    /// A fresh hash.
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// Hashes `bytes` in.
    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

/// The service: routes, the OpenAPI document and the layers (request id,
/// logs, panics caught, timeouts, ETag, CORS, compression).
///
/// # Errors
///
/// As [`State::new`].
pub fn app(config: Config) -> merzim::Result<Router> {
    let cors = config.cors.clone();
    let state = Arc::new(State::new(config)?);
    Ok(middleware::layers(
        routes::router(state.clone()).merge(page::router()),
        state,
        &cors,
    ))
}
