//! The C API the way its users call it, from `cargo test --workspace`: builds
//! `libmerzim.so`, compiles the C tests with `gcc -std=c99 -Wall -Wextra -Werror`,
//! runs them, and runs the Python ctypes example. (`.ci/ffi.sh` also links the
//! static library and runs everything under valgrind.)

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Builds the shared library (debug profile) once; returns its directory.
fn library_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let status = Command::new(env!("CARGO"))
            .args(["build", "-p", "merzim-ffi"])
            .current_dir(workspace())
            .status()
            .expect("run cargo build");
        assert!(status.success(), "cargo build -p merzim-ffi failed");
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace().join("target"));
        let dir = if target.is_absolute() {
            target
        } else {
            workspace().join(target)
        }
        .join("debug");
        assert!(
            dir.join("libmerzim.so").exists(),
            "{} has no libmerzim.so",
            dir.display()
        );
        dir
    })
}

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn compile_and_run(test: &str) {
    if !have("gcc") {
        eprintln!("skipped: gcc is not installed (.ci/ffi.sh requires it)");
        return;
    }
    let lib = library_dir();
    let out_dir = std::env::temp_dir().join(format!("merzim-ctest-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let exe = out_dir.join(test);
    let ws = workspace();
    let status = Command::new("gcc")
        .args(["-std=c99", "-Wall", "-Wextra", "-Werror", "-pthread", "-I"])
        .arg(ws.join("ffi/include"))
        .arg(ws.join(format!("ffi/ctest/{test}.c")))
        .arg("-L")
        .arg(lib)
        .arg("-lmerzim")
        .arg(format!("-Wl,-rpath,{}", lib.display()))
        .arg("-o")
        .arg(&exe)
        .status()
        .expect("run gcc");
    assert!(status.success(), "gcc failed on {test}.c");
    let run = Command::new(&exe)
        .arg(&out_dir)
        .output()
        .expect("run the C test");
    let _ = std::fs::remove_dir_all(&out_dir);
    assert!(
        run.status.success(),
        "{test} failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn c_test_suite() {
    compile_and_run("test_merzim");
}

#[test]
fn c_threads() {
    compile_and_run("test_threads");
}

#[test]
fn python_ctypes_example() {
    if !have("python3") {
        eprintln!("skipped: python3 is not installed (.ci/ffi.sh requires it)");
        return;
    }
    let lib = library_dir().join("libmerzim.so");
    let run = Command::new("python3")
        .arg(workspace().join("ffi/examples/merzim_ctypes.py"))
        .env("MERZIM_LIB", &lib)
        .output()
        .expect("run python3");
    assert!(
        run.status.success(),
        "merzim_ctypes.py failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}
