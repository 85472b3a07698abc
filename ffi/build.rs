//! Gives libmerzim.so the SONAME `libmerzim.so.0` on ELF platforms, so that
//! programs linked against it record the ABI major version (0 while merzim is
//! 0.x) and a packager can install `libmerzim.so.0.1.0` with the usual links.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let elf = !matches!(
        os.as_str(),
        "macos" | "ios" | "windows" | "tvos" | "watchos" | "visionos"
    );
    if elf {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libmerzim.so.0");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
