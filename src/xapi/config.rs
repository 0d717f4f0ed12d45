//! Where the LRS is and how to reach it: `lrs.ron` in the platform config folder (or the
//! file `LESSONS_LRS_CONFIG` names), then the `LESSONS_LRS_*` environment variables over it.
//! The password is held only in memory: never written to records, logs or the outbox.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::bounded_read;

/// The base IRI of every activity and extension when none is configured.
pub const DEFAULT_BASE: &str = "https://lessons.example.org/xapi";
/// The share of the points available a completed run needs to be `passed`.
pub const DEFAULT_MASTERY: f64 = 0.8;

/// Who a statement says did it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
pub enum ActorMode {
    /// An account on the base IRI named by a salted hash of the trainee's name: the LRS can
    /// follow one trainee across runs without learning who they are.
    #[default]
    Pseudonymous,
    /// An account named by the trainee's name as given (`--name`), on `home_page`.
    Named { home_page: String },
    /// Every statement from this install as one person (a single-user machine).
    Mbox(String),
    /// Every statement from this install as one account.
    Account { home_page: String, name: String },
}

/// The file as written: every field optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    endpoint: Option<String>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    password_file: Option<PathBuf>,
    #[serde(default)]
    base_iri: Option<String>,
    #[serde(default)]
    mastery: Option<f64>,
    #[serde(default)]
    actor: Option<ActorMode>,
}

/// What statements are built with; needs no LRS (export uses the defaults).
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Without a trailing `/`.
    pub base: String,
    pub mastery: f64,
    pub actor: ActorMode,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            base: DEFAULT_BASE.into(),
            mastery: DEFAULT_MASTERY,
            actor: ActorMode::default(),
        }
    }
}

/// An LRS to send to.
#[derive(Clone)]
pub struct Lrs {
    /// The xAPI base, ending in `/` (statements go to `<endpoint>statements`).
    pub endpoint: String,
    pub username: Option<String>,
    password: Option<String>,
    /// The file the settings came from, named in messages.
    pub source: String,
}

impl fmt::Debug for Lrs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lrs")
            .field("endpoint", &self.endpoint)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "(hidden)"))
            .finish()
    }
}

impl Lrs {
    pub fn new(endpoint: &str, username: Option<String>, password: Option<String>) -> Self {
        let mut endpoint = endpoint.trim().to_string();
        if !endpoint.ends_with('/') {
            endpoint.push('/');
        }
        Lrs {
            endpoint,
            username,
            password,
            source: "the environment".into(),
        }
    }

    pub(super) fn password(&self) -> Option<&str> {
        self.password.as_deref()
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub settings: Settings,
    /// `None`: no endpoint configured, so nothing is sent or queued.
    pub lrs: Option<Lrs>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the LRS settings in {path}: {why}")]
    Unreadable { path: String, why: String },
    #[error("the LRS settings in {path} are not valid: {why}")]
    Invalid { path: String, why: String },
    #[error("cannot read the LRS password file {path} (password_file / LESSONS_LRS_PASSWORD_FILE): {why}")]
    PasswordFile { path: String, why: String },
}

/// The config file's path: `LESSONS_LRS_CONFIG`, else `lrs.ron` in the config folder.
pub fn config_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("LESSONS_LRS_CONFIG").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("uk", "lessons", "lessons").map(|d| d.config_dir().join("lrs.ron"))
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Reads the settings: the file if there is one, then the environment over it.
pub fn load() -> Result<Config, ConfigError> {
    let path = config_path();
    let file = match &path {
        Some(p) if p.exists() => parse_file(p)?,
        _ => File::default(),
    };
    let source = match &path {
        Some(p) if p.exists() => p.display().to_string(),
        _ => "the environment".into(),
    };
    let endpoint = env("LESSONS_LRS_ENDPOINT").or(file.endpoint);
    let username = env("LESSONS_LRS_USERNAME").or(file.username);
    let password = match (env("LESSONS_LRS_PASSWORD"), env("LESSONS_LRS_PASSWORD_FILE")) {
        (Some(p), _) => Some(p),
        (None, Some(f)) => Some(read_password(Path::new(&f))?),
        (None, None) => match (file.password, file.password_file) {
            (Some(p), _) => Some(p),
            (None, Some(f)) => Some(read_password(&f)?),
            (None, None) => None,
        },
    };
    let settings = Settings {
        base: file
            .base_iri
            .map(|b| b.trim_end_matches('/').to_string())
            .unwrap_or_else(|| DEFAULT_BASE.into()),
        mastery: file.mastery.unwrap_or(DEFAULT_MASTERY).clamp(0.0, 1.0),
        actor: file.actor.unwrap_or_default(),
    };
    let lrs = endpoint.map(|e| Lrs {
        source: source.clone(),
        ..Lrs::new(&e, username, password)
    });
    Ok(Config { settings, lrs })
}

fn parse_file(path: &Path) -> Result<File, ConfigError> {
    let shown = path.display().to_string();
    let bytes = bounded_read::read(path, 64 * 1024).map_err(|e| ConfigError::Unreadable {
        path: shown.clone(),
        why: e.to_string(),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| ConfigError::Invalid {
        path: shown.clone(),
        why: "not UTF-8 text".into(),
    })?;
    crate::scenario::options::ron_options()
        .from_str(&text)
        .map_err(|e| ConfigError::Invalid {
            path: shown,
            why: e.to_string(),
        })
}

fn read_password(path: &Path) -> Result<String, ConfigError> {
    let bytes = bounded_read::read(path, 4096).map_err(|e| ConfigError::PasswordFile {
        path: path.display().to_string(),
        why: e.to_string(),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| ConfigError::PasswordFile {
        path: path.display().to_string(),
        why: "not UTF-8 text".into(),
    })?;
    // a file written by `echo` ends in a newline that is not part of the password
    Ok(text.trim_end_matches(['\n', '\r']).to_string())
}
