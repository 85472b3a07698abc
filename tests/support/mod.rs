//! What the test binaries that run the example CLI share.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The example binary, built once (with the profile of this test binary, into its target dir).
pub fn bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().expect("test binary path");
        // target/<profile>/deps/cli-<hash>
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target/<profile>");
        let target_dir = profile_dir.parent().expect("target dir");
        let profile = match profile_dir.file_name().and_then(|s| s.to_str()) {
            Some("debug") | None => "dev".to_string(),
            Some(p) => p.to_string(),
        };
        let status = std::process::Command::new(env!("CARGO"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "build",
                "--quiet",
                "--example",
                "merzim",
                "--profile",
                &profile,
                "--target-dir",
            ])
            .arg(target_dir)
            .status()
            .expect("run cargo build");
        assert!(status.success(), "cargo build --example merzim failed");
        let path = profile_dir
            .join("examples")
            .join(format!("merzim{}", std::env::consts::EXE_SUFFIX));
        assert!(path.exists(), "{} missing", path.display());
        path
    })
}
