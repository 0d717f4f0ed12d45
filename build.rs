//! Builds the scenario library and its source summaries into the binary, so `lessons`
//! works from any directory. Each scenario is also converted to postcard here, once, so the
//! full-screen player starts without parsing RON (a compact binary form reads far faster).
//! A file that does not parse and validate is embedded as text only; at run time it is loaded and
//! reported like any other broken file.

use std::fmt::Write as _;
use std::path::Path;

// The scenario types and validator themselves, so the JSON is exactly what the program
// reads, and only files the validator passes are precompiled.
#[allow(dead_code)]
#[path = "src/scenario/diagnostic.rs"]
mod diagnostic;
#[allow(dead_code)]
#[path = "src/scenario/fairness.rs"]
mod fairness;
#[allow(dead_code)]
#[path = "src/scenario/graph.rs"]
mod graph;
#[allow(dead_code)]
#[path = "src/scenario/locate.rs"]
mod locate;
#[allow(dead_code)]
#[path = "src/scenario/suggest.rs"]
mod suggest;
#[allow(dead_code)]
#[path = "src/scenario/text.rs"]
mod text;
#[allow(dead_code)]
#[path = "src/scenario/types.rs"]
mod types;
#[allow(dead_code)]
#[path = "src/scenario/validate/mod.rs"]
mod validate;
#[allow(dead_code)]
#[path = "src/scenario/vocab.rs"]
mod vocab;

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
    code.push_str(&precompiled());
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("builtin.rs"), code).expect("OUT_DIR is writable");
}

fn files(folder: &str, suffix: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(suffix))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Rust source for a static array of every `suffix` file in `folder`, sorted by name.
fn embed(folder: &str, suffix: &str, name: &str, doc: &str) -> String {
    println!("cargo::rerun-if-changed={folder}");
    let mut code = format!("/// {doc}\npub static {name}: &[(&str, &str)] = &[\n");
    for file in files(folder, suffix) {
        println!("cargo::rerun-if-changed={folder}/{file}");
        let path = std::path::absolute(Path::new(folder).join(&file)).expect("current directory is readable");
        let _ = writeln!(
            code,
            "    ({file:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    code
}

/// Every built-in scenario that parses and validates, in postcard's compact binary form,
/// written to OUT_DIR and embedded as bytes: (file name, bytes).
fn precompiled() -> String {
    use ron::extensions::Extensions;
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES);
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut code = String::from(
        "/// Built-in scenarios already parsed and validated, as postcard bytes: (file name, bytes).\npub static PRECOMPILED: &[(&str, &[u8])] = &[\n",
    );
    for file in files("scenarios", ".ron") {
        let Ok(text) = std::fs::read_to_string(Path::new("scenarios").join(&file)) else {
            continue;
        };
        let Ok(parsed) = options.from_str::<types::Scenario>(&text) else {
            continue;
        };
        if parsed.format != types::FORMAT_VERSION
            || validate::validate(&parsed, &text).iter().any(|d| d.is_error())
        {
            continue;
        }
        let Ok(bytes) = postcard::to_allocvec(&parsed) else {
            continue;
        };
        let target = Path::new(&out).join(format!("{file}.postcard"));
        if std::fs::write(&target, bytes).is_err() {
            continue;
        }
        let _ = writeln!(
            code,
            "    ({file:?}, include_bytes!({:?})),",
            target.display().to_string()
        );
    }
    code.push_str("];\n");
    code
}
