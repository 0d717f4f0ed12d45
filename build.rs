//! Builds the scenario library and its source summaries into the binary, so `lessons`
//! works from any directory.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let mut code = embed(
        "scenarios",
        ".ron",
        "BUILTIN",
        "The built-in scenario files: (file name, contents).",
    );
    code.push_str(&embed(
        "assets/cases",
        ".txt",
        "SOURCES",
        "The published source summaries the scenarios quote: (file name, contents).",
    ));
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("builtin.rs"), code).expect("OUT_DIR is writable");
}

/// Rust source for a static array of every `suffix` file in `folder`, sorted by name.
fn embed(folder: &str, suffix: &str, name: &str, doc: &str) -> String {
    println!("cargo::rerun-if-changed={folder}");
    let dir = Path::new(folder);
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(suffix))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code = format!("/// {doc}\npub static {name}: &[(&str, &str)] = &[\n");
    for file in &files {
        println!("cargo::rerun-if-changed={folder}/{file}");
        let path = std::path::absolute(dir.join(file)).expect("current directory is readable");
        let _ = writeln!(
            code,
            "    ({file:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    code
}
