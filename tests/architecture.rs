//! The shape of the code: no module depends on a sibling that depends back on it, and the
//! front-ends (the CLI in `src/bin`, the desktop shell in `src-tauri`) use only what
//! `plenary`'s root exports, never an inner module.
//!
//! The `use` graph is read from the sources: every `crate::…`, `super::…` and `self::…`
//! path outside `#[cfg(test)]` code, resolved against the module tree of `src/`. An edge
//! joins the two siblings under the paths' common parent; a cycle among siblings fails.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

type ModPath = Vec<String>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("a readable source folder")
        .map(|e| e.expect("a readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/formats/transcript/mod.rs` → `[formats, transcript]`.
fn module_of(src: &Path, file: &Path) -> ModPath {
    let rel = file.strip_prefix(src).expect("a file under src");
    let mut parts: ModPath = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The production code of a file: up to its first `#[cfg(test)]`, without comments.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).expect("a readable source file");
    let end = text.find("#[cfg(test)]").unwrap_or(text.len());
    text[..end]
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a piece of code names from `root` (`crate`, `super`, `self` or `plenary`),
/// with grouped imports (`use crate::{a, b::c}`) expanded to their first segments.
fn paths(code: &str, roots: &str) -> Vec<Vec<String>> {
    let re = Regex::new(&format!(
        r"\b((?:{roots})(?:::[A-Za-z_][A-Za-z0-9_]*)*)(::\{{)?"
    ))
    .expect("a valid pattern");
    let mut out = Vec::new();
    for c in re.captures_iter(code) {
        let head: Vec<String> = c[1].split("::").map(str::to_string).collect();
        let Some(group) = c.get(2) else {
            out.push(head);
            continue;
        };
        let (mut depth, mut item, mut at_start) = (0, String::new(), true);
        for ch in code[group.end()..].chars() {
            match ch {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => at_start = true,
                c if depth == 0 && (c.is_alphanumeric() || c == '_') => {
                    if at_start {
                        if !item.is_empty() {
                            out.push([head.clone(), vec![std::mem::take(&mut item)]].concat());
                        }
                        at_start = false;
                    }
                    item.push(c);
                }
                _ if depth == 0 && !item.is_empty() && !at_start => {
                    out.push([head.clone(), vec![std::mem::take(&mut item)]].concat());
                }
                _ => {}
            }
        }
        if !item.is_empty() {
            out.push([head, vec![item]].concat());
        }
    }
    out
}

/// `crate::…` / `super::…` / `self::…` named in module `from`, as an absolute path.
fn resolve(from: &ModPath, path: &[String]) -> ModPath {
    let mut base = from.clone();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &path[1..];
        }
        Some("self") => rest = &path[1..],
        _ => {}
    }
    while rest.first().is_some_and(|s| s == "super") {
        base.pop();
        rest = &rest[1..];
    }
    base.extend(rest.iter().cloned());
    base
}

/// Finds a cycle in a directed graph, if there is one.
fn cycle(edges: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Option<Vec<ModPath>> {
    fn visit(
        node: &ModPath,
        edges: &BTreeMap<ModPath, BTreeSet<ModPath>>,
        stack: &mut Vec<ModPath>,
        done: &mut BTreeSet<ModPath>,
    ) -> Option<Vec<ModPath>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            return Some([&stack[at..], std::slice::from_ref(node)].concat());
        }
        if !done.insert(node.clone()) {
            return None;
        }
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, edges, stack, done) {
                return Some(found);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_depends_on_a_sibling_that_depends_back_on_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.retain(|f| !f.starts_with(src.join("bin")));
    let modules: BTreeSet<ModPath> = files.iter().map(|f| module_of(&src, f)).collect();
    // The root's re-exports (`crate::ActorKind`) stand for the module they come from.
    let root = code(&src.join("lib.rs"));
    let mut reexports: BTreeMap<String, ModPath> = BTreeMap::new();
    for p in paths(&root, "crate") {
        if let Some(name) = p.last() {
            reexports.insert(name.clone(), p[1..p.len() - 1].to_vec());
        }
    }
    let mut edges: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for file in &files {
        let from = module_of(&src, file);
        if from.is_empty() {
            continue;
        }
        for path in paths(&code(file), "crate|super|self") {
            let mut to = resolve(&from, &path);
            if to.len() == 1 {
                if let Some(module) = reexports.get(&to[0]) {
                    to = module.clone();
                }
            }
            while !to.is_empty() && !modules.contains(&to) {
                to.pop();
            }
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            if common < from.len() && common < to.len() {
                edges
                    .entry(from[..=common].to_vec())
                    .or_default()
                    .insert(to[..=common].to_vec());
            }
        }
    }
    assert!(
        edges
            .values()
            .flatten()
            .any(|m| m == &["formats".to_string()]),
        "the graph reader found the parsers' module used nowhere: it is broken"
    );
    if let Some(found) = cycle(&edges) {
        let names: Vec<String> = found.iter().map(|m| m.join("::")).collect();
        panic!("module cycle: {}", names.join(" → "));
    }
}

#[test]
fn front_ends_use_only_what_the_root_exports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let modules: BTreeSet<String> = std::fs::read_dir(&src)
        .expect("a readable src/")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "rs"))
        .map(|p| p.file_stem().expect("a name").to_string_lossy().to_string())
        .filter(|m| m != "lib" && m != "bin")
        .collect();
    assert!(modules.contains("store"), "src/ read wrong: {modules:?}");
    let mut files = Vec::new();
    rust_files(&src.join("bin"), &mut files);
    rust_files(&root.join("src-tauri/src"), &mut files);
    let mut reaching_in = Vec::new();
    for file in &files {
        for path in paths(&code(file), "plenary") {
            if path.get(1).is_some_and(|m| modules.contains(m)) {
                reaching_in.push(format!("{}: {}", file.display(), path.join("::")));
            }
        }
    }
    assert!(
        reaching_in.is_empty(),
        "front-ends name inner modules (export the type from lib.rs instead):\n{}",
        reaching_in.join("\n")
    );
}
