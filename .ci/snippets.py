#!/usr/bin/env python3
"""Runs the code blocks of README.md, ffi/README.md and python/README.md as
written, so that they cannot drift from the code.

Which blocks run is said in each block's info string (the words after the
language; GitHub shows only the language):

    ```sh run                 run with bash -euo pipefail
    ```python run             run with the virtualenv's python (see below)
    ```c file=app.c           written to app.c before any block runs (for the
    ```java file=Demo.java    shell blocks that compile it)
    ```sh norun: REASON       not run, for the reason given

In ffi/README.md and python/README.md every sh, c, python and java block must
say one of these (a new block without a word fails this script: decide
whether it runs). In the root README.md only the blocks marked `run` run;
the others are listed: its rust blocks are doctests (src/lib.rs includes the
README), its text blocks are output, and its other shell blocks start the
service, run the whole test suite or fuzz for hours, which .ci/server.sh,
.ci/run and .ci/fuzz.sh do.

All blocks run in one scratch directory that holds a link to every
top-level entry of the repository (so `ffi/...`, `target/release/...` and
`./python` work as from a clone, and what a block writes stays in the
scratch directory), in file order, each file's blocks after the previous
file's; a failing block fails the script. `cargo` in a shell block runs in
the clone itself (a shell function), so that it reuses the clone's build
(from the links the workspace would have other paths, and cargo would build
it all again). What one shell block exports as PKG_CONFIG_PATH, the next
sees. The environment:

- PREFIX: a scratch installation prefix (ffi/README.md installs there
  instead of /usr/local; `${PREFIX:-/usr/local}` in the blocks).
- PATH starts with a scratch bin/ holding `merzim`, the CLI built by
  `cargo build --release --example merzim`, as an installed CLI would be.
- JAVA_TOOL_OPTIONS="-Dfile.encoding=ISO-8859-1 -Dsun.jnu.encoding=ISO-8859-1"
  and LC_ALL=C for every block: a JVM whose default encoding is not UTF-8,
  under which a Java example that passes Cyrillic text as a String breaks.
- python blocks: LD_LIBRARY_PATH=$PREFIX/lib (what ldconfig does after an
  installation into /usr/local) and the python of the virtualenv that
  python/README.md's install block creates (.venv in the scratch directory;
  pandas is installed into it for the blocks that import pandas, which the
  README assumes), else $MERZIM_PYTHON or python3.

Needs cargo, gcc, pkg-config, python3, and javac with JNA for the Java block
(installs libjna-java, default-jdk-headless and pkg-config with apt-get when
missing). Called by .ci/run; can be run alone: python3 .ci/snippets.py,
or for some of the files: python3 .ci/snippets.py ffi/README.md
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = ["ffi/README.md", "python/README.md", "README.md"]
STRICT = {"ffi/README.md", "python/README.md"}
CODE = {"sh", "bash", "c", "python", "java"}
FENCE = re.compile(r"^(`{3,})(.*)$")


# cargo runs in the clone itself: built from the scratch directory's links,
# the workspace would have other paths and cargo would build it all again.
# What a block redirects to a file still lands in the scratch directory.
CARGO_IN_CLONE = f'cargo() {{ (cd "{ROOT}" && command cargo "$@"); }}\n'


def blocks(path):
    """(first line number, info words, text) of each fenced block of `path`."""
    out, lines = [], open(os.path.join(ROOT, path), encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info, start = m.group(1), m.group(2).strip(), i + 1
        j = i + 1
        while j < len(lines) and lines[j].rstrip() != fence:
            j += 1
        out.append((start, info.split(), "\n".join(lines[i + 1:j]) + "\n"))
        i = j + 1
    return out


def classify(path, line, words, text=""):
    """("run" | "file" | "skip", detail) of a block."""
    lang = words[0] if words else ""
    rest = " ".join(words[1:])
    if words[1:2] == ["run"]:
        return "run", lang
    m = re.match(r"file=(\S+)$", rest)
    if m:
        return "file", m.group(1)
    if rest.startswith("norun:") and rest[len("norun:"):].strip():
        return "skip", rest[len("norun:"):].strip()
    if path in STRICT and lang in CODE:
        sys.exit(f"snippets: {path}:{line}: a ```{lang} block without `run`, `file=NAME` or "
                 "`norun: REASON`: decide whether it runs")
    known = [  # the root README's shell blocks that do not run, by a text they hold
        ("cargo test --workspace", "the whole test suite: .ci/run runs it"),
        ("lint --regulation all --from 2015", "its lint exits 4 by design (a chain does not fit); "
         "the lint block below runs lint with `|| test $? -eq 4`"),
        ("completions bash > /etc", "writes to /etc"),
        ("merzim-server", "starts the service: .ci/server.sh runs and queries it"),
        ("localhost:8080", "needs the service running: .ci/server.sh queries every route"),
        ("cargo-fuzz", "fuzzes for hours: .ci/fuzz.sh runs every target for 25 s"),
    ]
    for needle, why in known:
        if lang in ("sh", "bash") and needle in text:
            return "skip", why
    reason = {
        "rust": "a doctest (src/lib.rs includes README.md; cargo test --doc)",
        "text": "output, not a program",
        "": "not a program",
    }.get(lang, "not marked `run`")
    return "skip", reason


def need(tool, package):
    if shutil.which(tool):
        return
    print(f"snippets: {tool} missing: installing {package} with apt-get", flush=True)
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "--no-install-recommends", package]):
        if subprocess.run(sudo + cmd, env=env, stdin=subprocess.DEVNULL).returncode != 0:
            sys.exit(f"snippets: cannot install {package}")


def main():
    os.environ.setdefault("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    os.environ["CARGO_TERM_COLOR"] = "never"
    need("pkg-config", "pkg-config")
    need("javac", "default-jdk-headless")
    if not os.path.exists("/usr/share/java/jna.jar"):
        need("/nonexistent/jna.jar", "libjna-java")  # JNA as ffi/README.md's Java block finds it

    work = tempfile.mkdtemp(prefix="merzim-snippets.")
    try:
        run_all(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_all(work):
    # A view of the clone: links to its top-level entries.
    for name in os.listdir(ROOT):
        if name in (".git",):
            continue
        os.symlink(os.path.join(ROOT, name), os.path.join(work, name))
    if os.path.abspath(os.environ["CARGO_TARGET_DIR"]) != os.path.join(ROOT, "target"):
        os.unlink(os.path.join(work, "target"))
        os.symlink(os.environ["CARGO_TARGET_DIR"], os.path.join(work, "target"))
    prefix, bin_dir = os.path.join(work, "_prefix"), os.path.join(work, "_bin")
    os.makedirs(bin_dir)

    print("== snippets: build the CLI (cargo build --release --example merzim)", flush=True)
    subprocess.run(["cargo", "build", "-q", "--release", "--example", "merzim"], cwd=ROOT, check=True,
                   stdin=subprocess.DEVNULL)
    os.symlink(os.path.join(os.environ["CARGO_TARGET_DIR"], "release", "examples", "merzim"),
               os.path.join(bin_dir, "merzim"))

    env = dict(os.environ)
    env.update(
        PREFIX=prefix,
        PATH=bin_dir + os.pathsep + env.get("PATH", ""),
        JAVA_TOOL_OPTIONS="-Dfile.encoding=ISO-8859-1 -Dsun.jnu.encoding=ISO-8859-1",
        LC_ALL="C",
    )
    env.pop("LD_LIBRARY_PATH", None)
    env.pop("PKG_CONFIG_PATH", None)

    # The version the install block writes is the crate's.
    version = re.search(r'^version = "(.*)"', open(os.path.join(ROOT, "ffi/Cargo.toml")).read(), re.M).group(1)
    ffi_readme = open(os.path.join(ROOT, "ffi/README.md"), encoding="utf-8").read()
    if f"V={version} " not in ffi_readme:
        sys.exit(f"snippets: ffi/README.md's install block does not say V={version} (ffi/Cargo.toml)")

    ran, skipped = [], []
    shell_state = os.path.join(work, "_env")  # what one shell block exports, the next sees
    open(shell_state, "w").close()
    for path in [f for f in FILES if f in (sys.argv[1:] or FILES)]:
        found = blocks(path)
        for line, words, text in found:
            kind, detail = classify(path, line, words, text)
            if kind == "file":
                with open(os.path.join(work, detail), "w", encoding="utf-8") as f:
                    f.write(text)
                print(f"-- {path}:{line}: wrote {detail}")
        for line, words, text in found:
            kind, detail = classify(path, line, words, text)
            where = f"{path}:{line}"
            if kind == "skip":
                first = text.strip().split("\n")[0][:70]
                skipped.append(f"{where} ({words[0] if words else 'plain'}: {first}): {detail}")
                continue
            if kind != "run":
                continue
            print(f"\n== {where} ({detail})\n{text.rstrip()}", flush=True)
            start = time.time()
            if detail in ("sh", "bash"):
                script = (f"set -euo pipefail\nset -a\n. {shell_state}\nset +a\n{CARGO_IN_CLONE}{text}\n"
                          f"export -p | grep -E '^declare -x (PKG_CONFIG_PATH)=' > {shell_state} || true\n")
                cmd = ["bash", "-c", script]
                run_env = env
            elif detail == "python":
                py = os.path.join(work, ".venv", "bin", "python")
                if not os.path.exists(py):
                    py = os.environ.get("MERZIM_PYTHON", "python3")
                if re.search(r"^import pandas|^import .*\bpandas\b", text, re.M):
                    subprocess.run([py, "-m", "pip", "install", "-q", "pandas"], check=True,
                                   stdin=subprocess.DEVNULL, env=dict(env, PIP_DISABLE_PIP_VERSION_CHECK="1"))
                cmd = [py, "-c", text]
                run_env = dict(env, LD_LIBRARY_PATH=os.path.join(prefix, "lib"))
            else:
                sys.exit(f"snippets: {where}: cannot run a ```{detail} block (sh, bash or python)")
            r = subprocess.run(cmd, cwd=work, env=run_env, stdin=subprocess.DEVNULL)
            if r.returncode != 0:
                sys.exit(f"snippets: FAILED: {where} exited with {r.returncode}")
            ran.append(f"{where} ({detail}, {time.time() - start:.1f} s)")

    # What the install block promises: the static program does not load libmerzim.so.
    static = os.path.join(work, "app-static")
    if os.path.exists(static):
        ldd = subprocess.run(["ldd", static], capture_output=True, text=True).stdout
        if "libmerzim" in ldd:
            sys.exit(f"snippets: app-static (pkg-config merzim-static) loads libmerzim.so:\n{ldd}")
        print("\napp-static does not load libmerzim.so")

    print(f"\n== snippets: {len(ran)} blocks ran:")
    for r in ran:
        print("   " + r)
    print(f"== {len(skipped)} blocks not run:")
    for s in skipped:
        print("   " + s)


if __name__ == "__main__":
    main()
