//! A real Learning Record Store for the xAPI tests: ralph's LRS API on its file-system
//! backend, started on 127.0.0.1 with a free port and its own folder (see .ci/ralph_lrs.py).
//! `.ci/run` makes the Python environment and points `LESSONS_RALPH_PYTHON` at it; without
//! it, `Lrs::start` prints why and returns `None` so the test can skip (unless
//! `LESSONS_REQUIRE_LRS` is set, as in CI, when it fails instead).
//! Included by `#[path]`.
#![allow(clippy::unwrap_used, dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

pub const USER: &str = "lessons-test";
pub const PASSWORD: &str = "correct-horse-battery";

pub struct Lrs {
    child: Option<Child>,
    python: PathBuf,
    auth: PathBuf,
    pub port: u16,
    pub dir: tempfile::TempDir,
}

fn python() -> Option<PathBuf> {
    let python = std::env::var_os("LESSONS_RALPH_PYTHON").map(PathBuf::from);
    match python {
        Some(p) if p.exists() => Some(p),
        _ => {
            let why = "LESSONS_RALPH_PYTHON is not set to a Python with ralph-malph (run .ci/run)";
            assert!(std::env::var_os("LESSONS_REQUIRE_LRS").is_none(), "{why}");
            eprintln!("skipped: {why}");
            None
        }
    }
}

/// The credentials file, made once per test binary with `ralph auth -w`.
fn auth_file(python: &Path) -> PathBuf {
    static AUTH: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = AUTH.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("auth.json");
        let ralph = python.with_file_name("ralph");
        let out = Command::new(&ralph)
            .args(["auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-M"])
            .arg("mailto:lrs-test@lessons.example.org")
            .arg("-w")
            .env("RALPH_AUTH_FILE", &path)
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .output()
            .unwrap();
        assert!(
            path.exists(),
            "ralph auth: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (dir, path)
    });
    path.clone()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Lrs {
    pub fn start() -> Option<Lrs> {
        let python = python()?;
        let auth = auth_file(&python);
        let mut lrs = Lrs {
            child: None,
            python,
            auth,
            port: free_port(),
            dir: tempfile::tempdir().unwrap(),
        };
        lrs.restart();
        Some(lrs)
    }

    /// `http://127.0.0.1:PORT/xAPI/`
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    /// Starts (again) on the same port and folder: what it stored is still there.
    pub fn restart(&mut self) {
        let script = crate::common::root().join(".ci/ralph_lrs.py");
        let child = Command::new(&self.python)
            .arg(script)
            .arg("127.0.0.1")
            .arg(self.port.to_string())
            .env("RALPH_AUTH_FILE", &self.auth)
            .env("RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH", self.dir.path())
            .current_dir(self.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if self.get("statements?limit=1").is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!("the LRS did not start on port {}", self.port);
    }

    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn get(&self, path: &str) -> Option<Value> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(10)))
            .build()
            .into();
        let pair = format!("{USER}:{PASSWORD}");
        let auth = format!("Basic {}", base64(pair.as_bytes()));
        let mut response = agent
            .get(&format!("{}{path}", self.endpoint()))
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", auth)
            .call()
            .ok()?;
        let text = response.body_mut().read_to_string().ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Every statement the LRS holds, as it returns them.
    pub fn statements(&self) -> Vec<Value> {
        let all = self.get("statements?limit=1000").unwrap();
        all["statements"].as_array().unwrap().clone()
    }
}

impl Drop for Lrs {
    fn drop(&mut self) {
        self.stop();
    }
}

fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(TABLE[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
