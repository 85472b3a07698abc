//! Serving: the NDJSON stream bridge, and the accept loop with header
//! timeouts and a graceful shutdown.

use std::future::Future;
use std::io::{self, Write};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use axum::Router;
use bytes::Bytes;
use futures_util::StreamExt;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tokio_util::io::{StreamReader, SyncIoBridge};

use crate::error::{ApiError, ApiResult};
use crate::routes::too_large;
use crate::AppState;

/// Output chunks are sent when they reach this size (and at the end).
const CHUNK: usize = 64 * 1024;

/// Body frames read ahead of the streamer.
const PREFETCH: usize = 64;

/// At most this many body frames that have already arrived are read as one.
const READY_FRAMES: usize = 256;

/// The frames as one buffer (the first error, if any).
fn join(frames: Vec<Result<Bytes, io::Error>>) -> Result<Bytes, io::Error> {
    if frames.len() == 1 {
        return frames
            .into_iter()
            .next()
            .unwrap_or_else(|| Ok(Bytes::new()));
    }
    let mut all = Vec::new();
    for f in frames {
        all.extend_from_slice(&f?);
    }
    Ok(Bytes::from(all))
}

/// A `Write` that sends its bytes, in chunks, to the response body.
struct ChannelWriter {
    tx: mpsc::Sender<Result<Bytes, io::Error>>,
    buf: Vec<u8>,
}

impl ChannelWriter {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK)));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// `POST /v1/evaluate` with an NDJSON body: the library's [`Stream`] on a
/// blocking thread, reading the request body and writing the response body,
/// both through bounded buffers (the body is read as the answers are sent).
///
/// [`Stream`]: merzim::batch::Stream
pub(crate) async fn stream(s: AppState, headers: &HeaderMap, body: Body) -> ApiResult<Response> {
    let limit = s.limits.max_stream_body;
    if let Some(n) = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
    {
        if n > limit {
            return Err(too_large(limit));
        }
    }
    if axum::body::HttpBody::size_hint(&body).lower() > limit {
        return Err(too_large(limit));
    }
    let permit = s.streams.clone().try_acquire_owned().map_err(|_| {
        ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "busy",
            "too many NDJSON streams at once: retry later",
        )
    })?;
    // A task reads the body ahead of the streamer (at most PREFETCH frames),
    // so that receiving and answering overlap; the frames that have arrived
    // are then read together (never waiting for more), so the streamer gets
    // fewer, fuller chunks to answer on its threads.
    let (ftx, mut frx) = mpsc::channel::<Result<Bytes, io::Error>>(PREFETCH);
    let mut frames = body.into_data_stream();
    let patience = s.limits.request_timeout;
    tokio::spawn(async move {
        let mut read = 0u64;
        loop {
            // A client that stops sending for `patience` loses its stream.
            let f = match tokio::time::timeout(patience, frames.next()).await {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(_) => {
                    let _ = ftx
                        .send(Err(io::Error::new(
                            io::ErrorKind::TimedOut,
                            "the body came too slowly",
                        )))
                        .await;
                    break;
                }
            };
            let f = f.map_err(io::Error::other).and_then(|b| {
                read += b.len() as u64;
                if read > limit {
                    Err(io::Error::other(format!(
                        "the body is larger than {limit} bytes (the limit)"
                    )))
                } else {
                    Ok(b)
                }
            });
            let stop = f.is_err();
            if ftx.send(f).await.is_err() || stop {
                break;
            }
        }
    });
    let data = futures_util::stream::poll_fn(move |cx| frx.poll_recv(cx))
        .ready_chunks(READY_FRAMES)
        .map(join);
    let input = SyncIoBridge::new(StreamReader::new(data));
    let (tx, rx) = mpsc::channel::<Result<Bytes, io::Error>>(4);
    let threads = s.limits.stream_threads;
    let span = tracing::Span::current();
    tokio::task::spawn_blocking(move || {
        let _enter = span.enter();
        let _permit = permit;
        let mut out = ChannelWriter {
            tx: tx.clone(),
            buf: Vec::with_capacity(CHUNK),
        };
        let started = std::time::Instant::now();
        let mut chunks = 0u64;
        let r = merzim::batch::Stream::new()
            .threads(threads)
            .run_with(&s.evaluator, input, &mut out, |_| chunks += 1)
            .and_then(|summary| out.flush().map(|_| summary));
        match r {
            Ok(summary) => tracing::info!(
                lines = summary.lines,
                errors = summary.error_count(),
                chunks,
                ms = started.elapsed().as_millis() as u64,
                "stream done"
            ),
            Err(e) => {
                tracing::warn!(error = %e, "stream stopped");
                let _ = tx.blocking_send(Err(e));
            }
        }
    });
    let body = Body::from_stream(tokio_stream(rx));
    let mut r = Response::new(body);
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-ndjson"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(r)
}

/// The receiver as a stream.
fn tokio_stream(
    mut rx: mpsc::Receiver<Result<Bytes, io::Error>>,
) -> impl futures_util::Stream<Item = Result<Bytes, io::Error>> {
    futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx))
}

/// Serves `app` on `listener` until `shutdown` completes, then stops
/// accepting and lets the answers in flight finish (for at most `grace`).
/// A client must send a request's headers within `header_timeout`.
///
/// # Errors
///
/// Never returns an error for a connection's failure (it is logged); only
/// when the listener itself fails for good.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    header_timeout: Duration,
    grace: Duration,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            r = listener.accept() => match r {
                Ok(c) => c,
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let conn = builder.serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(%peer, error = %e, "connection closed with an error");
            }
        });
    }
    drop(listener);
    tracing::info!("shutting down: finishing the answers in flight");
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("all connections closed"),
        () = tokio::time::sleep(grace) => tracing::warn!("grace period over: closing the rest"),
    }
    let _ = TokioExecutor::new();
    Ok(())
}
