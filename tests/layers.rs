//! The modules import each other one way: no import circle in `src/` or in
//! `ffi/src/`. A module is a file `src/x.rs` or a folder `src/x/`; it depends
//! on every top-level module its code names as `crate::x` (comments and doc
//! text aside). The test fails on a cycle and names it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every `.rs` file below `dir`.
fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module names a line of code refers to as `crate::name`.
fn names_in(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        // Not part of another path (`$crate::` in macros counts too).
        let tail = &rest[i + "crate::".len()..];
        let name: String = tail
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
        rest = tail;
    }
    out
}

/// The module graph of the crate whose sources are in `src`.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = Vec::new();
    files(src, &mut all);
    let modules: BTreeSet<String> = all
        .iter()
        .map(|p| module_of(src, p))
        .filter(|m| m != "lib")
        .collect();
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for p in &all {
        let from = module_of(src, p);
        if from == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(p).unwrap();
        for line in text.lines() {
            let t = line.trim_start();
            if t.starts_with("//") || t.starts_with("#[doc") {
                continue;
            }
            for to in names_in(line) {
                if to != from && modules.contains(&to) {
                    g.entry(from.clone()).or_default().insert(to);
                }
            }
        }
        g.entry(from).or_default();
    }
    g
}

/// `src/x.rs` and `src/x/...` are module `x`.
fn module_of(src: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// A cycle of `g`, if it has one.
fn cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(n) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = path.iter().position(|x| x == n).unwrap();
                let mut c = path[start..].to_vec();
                c.push(n.to_string());
                return Some(c);
            }
            None => {}
        }
        marks.insert(n.to_string(), Mark::Open);
        path.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, g, marks, path) {
                return Some(c);
            }
        }
        path.pop();
        marks.insert(n.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for n in g.keys() {
        if let Some(c) = visit(n, g, &mut marks, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

fn check(dir: &str) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let g = graph(&src);
    assert!(g.len() > 3, "{dir}: no modules found");
    if let Some(c) = cycle(&g) {
        panic!(
            "{dir}: the modules import each other in a circle: {}\n\
             Move the shared piece to the lower layer (see DESIGN.md, \"How are the modules layered?\").",
            c.join(" -> ")
        );
    }
}

#[test]
fn the_library_has_no_import_circle() {
    check("src");
}

#[test]
fn the_c_api_has_no_import_circle() {
    check("ffi/src");
}

#[test]
fn the_check_finds_a_circle() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    g.entry("c".into()).or_default().insert("a".into());
    assert_eq!(cycle(&g).unwrap(), ["a", "b", "c", "a"]);
    g.get_mut("c").unwrap().clear();
    assert!(cycle(&g).is_none());
    assert_eq!(
        names_in("use crate::office::{Local}; // crate::batch"),
        ["office"]
    );
}
