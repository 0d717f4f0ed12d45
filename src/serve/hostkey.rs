//! The server's host key: made on first use and kept in the data folder (0600), so
//! trainees' SSH clients see the same key at every session and can check its fingerprint.

use std::path::{Path, PathBuf};

use russh::keys::ssh_key::LineEnding;
use russh::keys::{Algorithm, HashAlg, PrivateKey};

use crate::record::atomic;

// hidden, so the records folder's listing passes it by
const FILE: &str = ".serve_host_ed25519";

#[derive(Debug, thiserror::Error)]
pub enum HostKeyError {
    #[error("cannot read the host key {path}: {why}")]
    Read { path: PathBuf, why: String },
    #[error("cannot make a host key: {0}")]
    Make(String),
    #[error("cannot keep the host key in {path}: {why}")]
    Write { path: PathBuf, why: String },
}

/// The key kept in `dir`, made there first if there is none.
pub fn load_or_make(dir: &Path) -> Result<PrivateKey, HostKeyError> {
    let path = dir.join(FILE);
    match crate::bounded_read::read(&path, 64 * 1024) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            PrivateKey::from_openssh(text.as_bytes()).map_err(|e| HostKeyError::Read {
                path: path.clone(),
                why: e.to_string(),
            })
        }
        Err(crate::bounded_read::ReadError::NotFound) => {
            let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519)
                .map_err(|e| HostKeyError::Make(e.to_string()))?;
            let text = key
                .to_openssh(LineEnding::LF)
                .map_err(|e| HostKeyError::Make(e.to_string()))?;
            atomic::create_private_dir(dir)
                .and_then(|()| atomic::write_new_atomic(&path, text.as_bytes()))
                .map_err(|e| HostKeyError::Write {
                    path: path.clone(),
                    why: e.to_string(),
                })?;
            Ok(key)
        }
        Err(e) => Err(HostKeyError::Read {
            path,
            why: e.to_string(),
        }),
    }
}

/// `SHA256:…`, as `ssh` prints it when it first meets the server.
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}
