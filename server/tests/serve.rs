//! The accept loop over real sockets: a slow client is cut off by the header
//! timeout, and a shutdown lets the answer in flight finish.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use merzim_server::{app, serve, Config};

async fn start(
    header_timeout: Duration,
) -> (
    std::net::SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<std::io::Result<()>>,
) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let router = app(Config::kazakhstan()).unwrap();
    let h = tokio::spawn(serve(
        listener,
        router,
        header_timeout,
        Duration::from_secs(10),
        async {
            let _ = rx.await;
        },
    ));
    (addr, tx, h)
}

fn request(addr: std::net::SocketAddr, req: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(req.as_bytes()).unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn header_timeout_cuts_a_slow_client() {
    let (addr, tx, h) = start(Duration::from_millis(300)).await;
    let t = tokio::task::spawn_blocking(move || {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.write_all(b"GET /healthz HTTP/1.1\r\n").unwrap(); // and never the rest
        let start = Instant::now();
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
        start.elapsed()
    })
    .await
    .unwrap();
    assert!(t < Duration::from_secs(5), "held for {t:?}");
    // The service still answers.
    let ok = tokio::task::spawn_blocking(move || {
        request(
            addr,
            "GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
        )
    })
    .await
    .unwrap();
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    tx.send(()).unwrap();
    h.await.unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_finishes_the_answer_in_flight() {
    let (addr, tx, h) = start(Duration::from_secs(5)).await;
    let lines: String = (0..20_000)
        .map(|i| {
            format!("{{\"id\": {i}, \"submitted\": \"2026-03-20T16:30\", \"term\": \"22 working days\"}}\n")
        })
        .collect();
    let n = lines.len();
    let client = tokio::task::spawn_blocking(move || {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let head = format!(
            "POST /v1/evaluate HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-ndjson\r\ncontent-length: {n}\r\nconnection: close\r\n\r\n"
        );
        s.write_all(head.as_bytes()).unwrap();
        s.write_all(lines.as_bytes()).unwrap();
        let mut out = String::new();
        let _ = s.read_to_string(&mut out);
        out
    });
    tokio::time::sleep(Duration::from_millis(30)).await;
    tx.send(()).unwrap();
    let out = client.await.unwrap();
    assert!(
        out.starts_with("HTTP/1.1 200"),
        "{}",
        &out[..out.len().min(200)]
    );
    assert_eq!(out.matches("\"due\":").count(), 20_000);
    h.await.unwrap().unwrap();
}
