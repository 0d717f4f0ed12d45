//! Builds the scenario library into the binary so `lessons` works from any directory.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=scenarios");
    let dir = Path::new("scenarios");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".ron"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from(
        "/// The built-in scenario files: (file name, contents).\npub static BUILTIN: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        println!("cargo::rerun-if-changed=scenarios/{name}");
        let path = std::path::absolute(dir.join(name)).expect("current directory is readable");
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("builtin.rs"), code).expect("OUT_DIR is writable");
}
