//! `merzim-server`: serves the merzim library over HTTP.
//!
//! ```text
//! cargo run --release -p merzim-server -- --listen 127.0.0.1:8080
//! ```

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use merzim::{Calendar, Regulation};
use merzim_server::{app, serve, Config, Fnv, Limits};
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(
    name = "merzim-server",
    version,
    about = "Deadlines of Kazakh public services over HTTP (see /openapi.json)"
)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Regulation files (.toml) that requests may name by id, besides the bundled ones.
    /// Read once at start: a request never makes the service read a file.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    regulations: Vec<PathBuf>,
    /// Calendar data files layered over the embedded data, in order. Read once at start.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    calendar: Vec<PathBuf>,
    /// Origins allowed by CORS (`*` for any). CORS is off without it.
    #[arg(long, value_name = "ORIGIN", num_args = 1..)]
    cors: Vec<String>,
    /// The largest NDJSON body, bytes.
    #[arg(long, default_value_t = 1 << 30)]
    max_stream_bytes: u64,
    /// NDJSON streams answered at once (more get 429).
    #[arg(long, default_value_t = 4)]
    max_streams: usize,
    /// Threads of one NDJSON stream (0: one per CPU).
    #[arg(long, default_value_t = 0)]
    stream_threads: usize,
    /// Seconds to answer a request and to receive its body.
    #[arg(long, default_value_t = 30)]
    request_timeout: u64,
    /// Seconds a client has to send a request's headers.
    #[arg(long, default_value_t = 10)]
    header_timeout: u64,
    /// Seconds answers in flight may take to finish after SIGTERM or Ctrl-C.
    #[arg(long, default_value_t = 30)]
    grace: u64,
    /// Worker threads of the runtime (0: one per CPU).
    #[arg(long, default_value_t = 0)]
    workers: usize,
    /// Logs as JSON lines instead of text.
    #[arg(long)]
    log_json: bool,
}

fn load(args: &Args) -> Result<Config, String> {
    let mut inputs = Vec::new();
    let mut calendar = Calendar::try_kazakhstan().map_err(|e| e.to_string())?;
    for p in &args.calendar {
        let text = std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        let mut h = Fnv::new();
        h.write(&text);
        inputs.push((format!("calendar:{}", p.display()), h.0));
        calendar = calendar.with_overlay_file(p).map_err(|e| e.to_string())?;
    }
    let mut regulations = Vec::new();
    for p in &args.regulations {
        let text = std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        let mut h = Fnv::new();
        h.write(&text);
        inputs.push((format!("regulation:{}", p.display()), h.0));
        regulations.push(Regulation::from_file(p).map_err(|e| e.to_string())?);
    }
    Ok(Config {
        calendar,
        regulations,
        inputs,
        cors: args.cors.clone(),
        limits: Limits {
            max_stream_body: args.max_stream_bytes,
            max_streams: args.max_streams,
            stream_threads: args.stream_threads,
            request_timeout: Duration::from_secs(args.request_timeout),
            header_timeout: Duration::from_secs(args.header_timeout),
            ..Limits::default()
        },
        panic_route: false,
    })
}

/// Completes on SIGTERM or Ctrl-C.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("signal received");
}

fn main() -> ExitCode {
    let args = Args::parse();
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    if args.log_json {
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .json()
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    let config = match load(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("merzim-server: {e}");
            return ExitCode::from(2);
        }
    };
    let header_timeout = config.limits.header_timeout;
    let router = match app(config) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("merzim-server: {e}");
            return ExitCode::from(2);
        }
    };
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    if args.workers > 0 {
        rt.worker_threads(args.workers);
    }
    let rt = match rt.enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("merzim-server: cannot start the runtime: {e}");
            return ExitCode::from(1);
        }
    };
    let grace = Duration::from_secs(args.grace);
    let r = rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.listen).await?;
        tracing::info!(addr = %listener.local_addr()?, "listening");
        serve(listener, router, header_timeout, grace, shutdown_signal()).await
    });
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("merzim-server: {e}");
            ExitCode::from(1)
        }
    }
}
