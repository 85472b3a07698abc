//! The web page at `/`: served from the binary with its content types, cache
//! headers and policy; the browser tests are in `server/page-tests/`
//! (`.ci/page.sh`).

mod support;

use axum::http::StatusCode;
use support::*;

#[tokio::test]
async fn the_page_and_its_assets() {
    let app = service();
    let a = get(&app, "/").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(
        a.header("content-type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(a.header("cache-control").as_deref(), Some("no-cache"));
    assert!(a
        .header("content-security-policy")
        .is_some_and(|c| c.starts_with("default-src 'none'")));
    assert!(a
        .text()
        .contains("<script type=\"module\" src=\"/assets/app.js\">"));
    let etag = a.header("etag").unwrap();
    let b = get_with(&app, "/", "if-none-match", &etag).await;
    assert_eq!(b.status, StatusCode::NOT_MODIFIED);
    for (path, ct) in [
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/api.js", "text/javascript; charset=utf-8"),
        ("/assets/i18n.js", "text/javascript; charset=utf-8"),
        ("/assets/style.css", "text/css; charset=utf-8"),
        ("/assets/favicon.svg", "image/svg+xml"),
        ("/index.html", "text/html; charset=utf-8"),
    ] {
        let r = get(&app, path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(r.header("content-type").as_deref(), Some(ct), "{path}");
        assert_eq!(
            r.header("x-content-type-options").as_deref(),
            Some("nosniff")
        );
    }
    let missing = get(&app, "/assets/nothing.js").await;
    assert_eq!(
        (missing.status, missing.kind().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    // The page is not part of the API's document.
    let doc = get(&app, "/openapi.json").await.json();
    assert!(doc["paths"].get("/").is_none());
}

#[test]
fn no_external_resources() {
    for text in [
        include_str!("../page/index.html"),
        include_str!("../page/app.js"),
        include_str!("../page/api.js"),
        include_str!("../page/style.css"),
    ] {
        assert!(
            !text.contains("innerHTML"),
            "text is never inserted as markup"
        );
        assert!(!text.contains("//cdn") && !text.contains("fonts.googleapis"));
        assert!(!text.contains("@import url(http"));
    }
}
