//! The C API the way its users call it, from `cargo test --workspace`: builds
//! `libmerzim.so`, compiles the C tests and the C examples (`ffi/examples/*.c`,
//! the examples of `merzim.h`) with `gcc -std=c99 -Wall -Wextra -Werror`, runs
//! them, and runs the Python ctypes example. (`.ci/ffi.sh` also links the
//! static library, checks the SONAME and pkg-config, and runs everything under
//! valgrind and AddressSanitizer.)
//!
//! Without gcc or python3 these tests are skipped with a message, except in CI
//! (the environment variable `CI` is set), where a missing tool is a failure.

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
        // The library's SONAME is libmerzim.so.0, the name programs linked
        // against it load at run time: give the build tree that name too.
        let soname = dir.join("libmerzim.so.0");
        let _ = std::fs::remove_file(&soname);
        std::os::unix::fs::symlink("libmerzim.so", &soname).expect("symlink libmerzim.so.0");
        dir
    })
}

/// Whether `tool` runs. When it does not: false (skip) outside CI, a panic
/// (test failure) when the environment variable `CI` is set.
fn have(tool: &str) -> bool {
    let found = Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is not installed, and CI is set: these tests must run in CI"
        );
        eprintln!("skipped: {tool} is not installed (CI and .ci/ffi.sh require it)");
    }
    found
}

/// Compiles `ffi/{source}` and runs it with a scratch directory as its
/// argument; it must exit 0.
fn compile_and_run(source: &str) {
    compile_and_run_with(source, None);
}

/// Compiles `ffi/{source}` and runs it with `arg` (default: a scratch
/// directory); it must exit 0.
fn compile_and_run_with(source: &str, arg: Option<&str>) {
    if !have("gcc") {
        return;
    }
    let test = Path::new(source).file_stem().unwrap().to_str().unwrap();
    let lib = library_dir();
    let out_dir = std::env::temp_dir().join(format!("merzim-ctest-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let exe = out_dir.join(test);
    let ws = workspace();
    let status = Command::new("gcc")
        .args(["-std=c99", "-Wall", "-Wextra", "-Werror", "-pthread", "-I"])
        .arg(ws.join("ffi/include"))
        .arg(ws.join("ffi").join(source))
        .arg("-L")
        .arg(lib)
        .arg("-lmerzim")
        .arg(format!("-Wl,-rpath,{}", lib.display()))
        .arg("-o")
        .arg(&exe)
        .status()
        .expect("run gcc");
    assert!(status.success(), "gcc failed on {source}");
    let run = match arg {
        Some(a) => Command::new(&exe).arg(a).output(),
        None => Command::new(&exe).arg(&out_dir).output(),
    }
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
    compile_and_run("ctest/test_merzim.c");
}

#[test]
fn c_threads() {
    compile_and_run("ctest/test_threads.c");
}

/// A host's `main` returns while its threads still call merzim: 300 exits,
/// none may abort or lose the host's output.
#[test]
fn c_exit_under_running_threads() {
    compile_and_run_with("ctest/exit_race.c", Some("300"));
}

/// The 8-thread stress with 100k mixed calls on the debug library
/// (`.ci/ffi.sh` runs 1M on the release library and under AddressSanitizer).
#[test]
fn c_stress() {
    compile_and_run_with("ctest/stress.c", Some("100000"));
}

/// Every C example (the examples `merzim.h` refers to) compiles and runs.
#[test]
fn c_examples() {
    let dir = workspace().join("ffi/examples");
    let mut examples: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".c"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 3, "{examples:?}");
    let header = std::fs::read_to_string(workspace().join("ffi/include/merzim.h")).unwrap();
    for e in &examples {
        assert!(
            header.contains(&format!("ffi/examples/{e}")),
            "merzim.h does not list ffi/examples/{e}"
        );
        compile_and_run(&format!("examples/{e}"));
    }
}

#[test]
fn python_ctypes_example() {
    if !have("python3") {
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
