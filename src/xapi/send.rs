//! Sending queued statements to the LRS: batches POSTed to `<endpoint>statements`, and
//! what each answer means for the outbox.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;

use super::config::Lrs;
use super::outbox::Outbox;
use crate::bounded_read;

/// At most this many statements per POST.
const BATCH: usize = 50;

/// How a flush ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// Nothing left to send.
    Empty,
    /// The LRS could not be reached, or had trouble (5xx, 429): try again later.
    Retry(String),
    /// The LRS refused our credentials (401, 403): nothing more until they are fixed.
    Refused(String),
}

/// What one flush did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flushed {
    pub sent: usize,
    /// Refused as malformed or conflicting; moved to `rejected/`.
    pub failed: usize,
    pub stop: Stop,
}

enum Answer {
    Stored,
    Retry(String),
    Refused(String),
    /// 4xx other than 401/403: something in the batch itself.
    Bad(String),
}

pub struct Sender {
    agent: ureq::Agent,
    lrs: Lrs,
}

impl Sender {
    pub fn new(lrs: Lrs) -> Sender {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(30)))
            .http_status_as_error(false)
            .build()
            .into();
        Sender { agent, lrs }
    }

    /// Sends everything queued, batch by batch, until the queue is empty or the LRS stops us.
    pub fn flush(&self, outbox: &Outbox) -> Flushed {
        let mut flushed = Flushed {
            sent: 0,
            failed: 0,
            stop: Stop::Empty,
        };
        loop {
            let files = outbox.pending();
            if files.is_empty() {
                return flushed;
            }
            let batch: Vec<PathBuf> = files.into_iter().take(BATCH).collect();
            match self.send_files(outbox, &batch, &mut flushed) {
                Ok(()) => {}
                Err(stop) => {
                    flushed.stop = stop;
                    return flushed;
                }
            }
        }
    }

    fn send_files(&self, outbox: &Outbox, files: &[PathBuf], flushed: &mut Flushed) -> Result<(), Stop> {
        let mut statements = Vec::new();
        let mut readable = Vec::new();
        for file in files {
            match read_statement(file) {
                Some(s) => {
                    statements.push(s);
                    readable.push(file.clone());
                }
                None => {
                    outbox.reject(file);
                    flushed.failed += 1;
                }
            }
        }
        if statements.is_empty() {
            return Ok(());
        }
        match self.post(&Value::Array(statements)) {
            Answer::Stored => {
                readable.iter().for_each(|f| outbox.delivered(f));
                flushed.sent += readable.len();
                Ok(())
            }
            Answer::Retry(why) => Err(Stop::Retry(why)),
            Answer::Refused(why) => Err(Stop::Refused(why)),
            Answer::Bad(why) if readable.len() == 1 => {
                eprintln!("lessons: the LRS refused a statement: {why}");
                readable.iter().for_each(|f| outbox.reject(f));
                flushed.failed += 1;
                Ok(())
            }
            // one bad statement fails its whole batch: send them one by one to find it
            Answer::Bad(_) => {
                for file in &readable {
                    self.send_files(outbox, std::slice::from_ref(file), flushed)?;
                }
                Ok(())
            }
        }
    }

    fn post(&self, body: &Value) -> Answer {
        let url = format!("{}statements", self.lrs.endpoint);
        let mut request = self
            .agent
            .post(&url)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Content-Type", "application/json");
        if let Some(user) = &self.lrs.username {
            let pair = format!("{user}:{}", self.lrs.password().unwrap_or(""));
            request = request.header("Authorization", format!("Basic {}", base64(pair.as_bytes())));
        }
        let bytes = match serde_json::to_vec(body) {
            Ok(b) => b,
            Err(e) => return Answer::Bad(e.to_string()),
        };
        let mut response = match request.send(&bytes[..]) {
            Ok(r) => r,
            Err(e) => return Answer::Retry(format!("cannot reach the LRS at {}: {e}", self.lrs.endpoint)),
        };
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .with_config()
            .limit(64 * 1024)
            .read_to_string()
            .unwrap_or_default();
        let detail: String = text.chars().take(300).collect();
        match status {
            200..=299 => Answer::Stored,
            401 | 403 => Answer::Refused(format!(
                "the LRS at {} refused the credentials ({status}): check the username and password \
                 (LESSONS_LRS_USERNAME and LESSONS_LRS_PASSWORD or LESSONS_LRS_PASSWORD_FILE, or \
                 username and password_file in {}); nothing was removed from the outbox",
                self.lrs.endpoint, self.lrs.source
            )),
            404 => Answer::Refused(format!(
                "the LRS endpoint {} has no statements resource (404): check the endpoint \
                 (LESSONS_LRS_ENDPOINT, or endpoint in {}); it usually ends in /xAPI/",
                self.lrs.endpoint, self.lrs.source
            )),
            408 | 429 | 500..=599 => Answer::Retry(format!("the LRS answered {status}: {detail}")),
            _ => Answer::Bad(format!("{status}: {detail}")),
        }
    }
}

fn read_statement(file: &std::path::Path) -> Option<Value> {
    let bytes = bounded_read::read(file, 1024 * 1024).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Standard base64 with padding, for the Basic authorization header.
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

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_the_rfc_examples() {
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(super::base64(b"user:pass"), "dXNlcjpwYXNz");
    }
}
