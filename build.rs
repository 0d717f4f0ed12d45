//! Builds the scenario library and its source summaries into the binary, so `lessons`
//! works from any directory. Each scenario is also converted to postcard here, once, so the
//! full-screen player starts without parsing RON (a compact binary form reads far faster).
//! A file that does not parse and validate is embedded as text only, with a `cargo::warning`
//! saying why; at run time it is loaded and reported like any other broken file. Every other
//! diagnostic on a built-in case (a warning, a quote not found in its source) is a build
//! warning too, but does not stop the file being precompiled, as it does not stop it loading.

use std::fmt::Write as _;
use std::path::Path;

// The scenario modules themselves, so the postcard bytes are exactly what the program
// reads: the same types, the same RON options, the same validator and quote check. Only
// files that pass are precompiled.
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
#[path = "src/scenario/options.rs"]
mod options;
#[allow(dead_code)]
#[path = "src/scenario/quotes.rs"]
mod quotes;
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
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut code = String::from(
        "/// Built-in scenarios already parsed and validated, as postcard bytes: (file name, bytes).\npub static PRECOMPILED: &[(&str, &[u8])] = &[\n",
    );
    for file in files("scenarios", ".ron") {
        let bytes = match compile(&file) {
            Ok(bytes) => bytes,
            Err(reason) => {
                // one line, whatever the file's text put in the reason
                let reason = text::echo_message(&reason);
                println!(
                    "cargo::warning=scenarios/{file} is not precompiled: {reason}; the program loads it from its text and reports it"
                );
                continue;
            }
        };
        let target = Path::new(&out).join(format!("{file}.postcard"));
        if let Err(e) = std::fs::write(&target, bytes) {
            println!(
                "cargo::warning=scenarios/{file} is not precompiled: cannot write {}: {e}",
                target.display()
            );
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

/// One built-in scenario as postcard bytes, or why it is left to be loaded from its text.
/// Each diagnostic is printed as a build warning on the way.
fn compile(file: &str) -> Result<Vec<u8>, String> {
    let text = std::fs::read_to_string(Path::new("scenarios").join(file))
        .map_err(|e| format!("cannot be read as UTF-8 text ({e})"))?;
    // the loader ignores a byte-order mark, so this must too
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let parsed = options::ron_options()
        .from_str::<types::Scenario>(text)
        .map_err(|e| format!("does not parse ({e})"))?;
    if parsed.format != types::FORMAT_VERSION {
        return Err(format!(
            "it has format {}, not {}",
            parsed.format,
            types::FORMAT_VERSION
        ));
    }
    let mut diagnostics = validate::validate(&parsed, text);
    let quotes = check_quotes(&parsed, text);
    if let Ok(found) = &quotes {
        diagnostics.extend(found.iter().cloned());
    }
    for diagnostic in &diagnostics {
        let shown = diagnostic.clone().with_path(&format!("scenarios/{file}"));
        for line in shown.to_string().lines() {
            println!("cargo::warning={line}");
        }
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        return Err(format!("{errors} error(s), shown above"));
    }
    quotes?;
    let bytes = postcard::to_allocvec(&parsed).map_err(|e| format!("postcard cannot encode it ({e})"))?;
    // postcard is positional: a field that is sometimes left out (`skip_serializing_if`)
    // would write bytes the player cannot read back, and it would fall back to RON unseen
    match postcard::from_bytes::<types::Scenario>(&bytes) {
        Ok(back) if back == parsed => Ok(bytes),
        Ok(_) => Err("its postcard form reads back as a different scenario".to_string()),
        Err(e) => Err(format!(
            "its postcard form does not read back ({e}); postcard cannot skip fields, so check for `skip_serializing_if`"
        )),
    }
}

/// The quote check the loader runs, against the same summary the program embeds (a
/// built-in case finds its document among `assets/cases/*.txt` by name). When the document
/// is not there the check cannot be made here, so the file is left to the loader, which
/// reports it as it would for any file.
fn check_quotes(scenario: &types::Scenario, text: &str) -> Result<Vec<diagnostic::Diagnostic>, String> {
    let Some(name) = &scenario.source.document else {
        return Ok(Vec::new());
    };
    if !files("assets/cases", ".txt").contains(name) {
        return Err(format!(
            "its document `{name}` is not in assets/cases/, so its quotes cannot be checked"
        ));
    }
    let document = std::fs::read_to_string(Path::new("assets/cases").join(name)).map_err(|e| {
        format!("its document `{name}` cannot be read ({e}), so its quotes cannot be checked")
    })?;
    Ok(quotes::check(scenario, text, &document))
}
