//! The SSH side: who may join, and the one thing a connection may do, which is to open the
//! lessons screen. No shell, no exec, no subsystem, no forwarding: each is refused. Nothing
//! is drawn before authentication (the screen starts only on a `shell` request, which only
//! an authenticated connection can make).

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use russh::keys::PublicKey;
use russh::server::{Auth, ChannelOpenHandle, Handler, Msg, Response, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, MethodKind, MethodSet, Pty};
use tokio::sync::{mpsc, watch};

use super::room::{LiveRoom, valid_name};
use super::screen;
use crate::tui::theme::Palette;

/// Failed logins from one address before every further attempt from it is refused.
pub const MAX_FAILURES: u32 = 10;
/// A connection whose client has sent nothing (keepalive replies included) for this long
/// is closed.
pub const IDLE: Duration = Duration::from_secs(30 * 60);

/// A connection that has not opened the screen this long after logging in is closed: it
/// would hold a name and a place in the room with nothing to show for it (`ssh -N`).
pub const NO_SCREEN: Duration = Duration::from_secs(30);

/// What every connection and the console share.
pub struct Shared {
    room: Mutex<LiveRoom>,
    /// Moves on whenever the screens should draw again.
    pub changed: watch::Sender<u64>,
    pub code: String,
    pub keys: Vec<PublicKey>,
    failures: Mutex<HashMap<IpAddr, u32>>,
    pub theme: Palette,
}

impl Shared {
    pub fn new(room: LiveRoom, code: String, keys: Vec<PublicKey>, theme: Palette) -> Self {
        Shared {
            room: Mutex::new(room),
            changed: watch::channel(0).0,
            code,
            keys,
            failures: Mutex::new(HashMap::new()),
            theme,
        }
    }

    /// The room, even if a connection's task panicked while holding it: the room's data
    /// is plain values, never left half-changed by our code.
    pub fn room(&self) -> MutexGuard<'_, LiveRoom> {
        self.room.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Tells every screen to draw again.
    pub fn notify(&self) {
        self.changed.send_modify(|n| *n = n.wrapping_add(1));
    }

    fn failures(&self) -> MutexGuard<'_, HashMap<IpAddr, u32>> {
        self.failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The russh configuration: the host key, the methods offered, the limits.
pub fn config(host_key: russh::keys::PrivateKey, with_keys: bool) -> russh::server::Config {
    let mut methods = vec![MethodKind::KeyboardInteractive, MethodKind::Password];
    if with_keys {
        methods.insert(0, MethodKind::PublicKey);
    }
    russh::server::Config {
        methods: MethodSet::from(methods.as_slice()),
        auth_rejection_time: Duration::from_millis(500),
        // OpenSSH asks with "none" first to learn the methods: no need to make it wait
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![host_key],
        max_auth_attempts: 3,
        inactivity_timeout: Some(IDLE),
        keepalive_interval: Some(Duration::from_secs(30)),
        nodelay: true,
        ..Default::default()
    }
}

pub struct Server {
    pub shared: Arc<Shared>,
}

impl russh::server::Server for Server {
    type Handler = Connection;

    fn new_client(&mut self, peer: Option<SocketAddr>) -> Connection {
        Connection {
            shared: Arc::clone(&self.shared),
            peer: peer.map(|p| p.ip()),
            name: None,
            channel: None,
            size: (80, 24),
            events: None,
            started: Arc::default(),
        }
    }
}

/// What the connection's screen task is told.
#[derive(Debug)]
pub enum ConnEvent {
    Bytes(Vec<u8>),
    Resize(u16, u16),
    Closed,
}

/// One SSH connection.
pub struct Connection {
    shared: Arc<Shared>,
    peer: Option<IpAddr>,
    /// The pseudonym, held in the room from authentication until this connection ends.
    name: Option<String>,
    channel: Option<ChannelId>,
    size: (u16, u16),
    events: Option<mpsc::UnboundedSender<ConnEvent>>,
    /// Set once the screen starts, so the `NO_SCREEN` watch lets the connection be.
    started: Arc<std::sync::atomic::AtomicBool>,
}

impl Connection {
    fn blocked(&self) -> bool {
        self.peer.is_some_and(|ip| {
            self.shared
                .failures()
                .get(&ip)
                .is_some_and(|n| *n >= MAX_FAILURES)
        })
    }

    fn failed(&self) {
        if let Some(ip) = self.peer {
            *self.shared.failures().entry(ip).or_default() += 1;
        }
    }

    /// The answer to a login whose secret was checked (`proved`): in under the name
    /// `user` when the name is fit and free and the room has space.
    fn admit(&mut self, user: &str, proved: bool) -> Auth {
        if self.blocked() {
            return Auth::reject();
        }
        if !proved {
            self.failed();
            return Auth::reject();
        }
        if self.name.is_some() || !valid_name(user) {
            return Auth::reject();
        }
        if self.shared.room().join(user).is_err() {
            return Auth::reject();
        }
        self.name = Some(user.to_string());
        self.shared.notify();
        Auth::Accept
    }

    fn send(&self, event: ConnEvent) {
        if let Some(events) = &self.events {
            let _ = events.send(event);
        }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.send(ConnEvent::Closed);
        if let Some(name) = self.name.take() {
            self.shared.room().leave(&name);
            self.shared.notify();
        }
    }
}

fn code_matches(given: &[u8], code: &str) -> bool {
    // the same work whatever the first wrong byte, so timing tells nothing
    let code = code.as_bytes();
    given.len() == code.len() && given.iter().zip(code).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

fn size(cols: u32, rows: u32) -> (u16, u16) {
    let clamp = |n: u32| n.clamp(1, 500) as u16;
    (clamp(cols), clamp(rows))
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        let proved = code_matches(password.as_bytes(), &self.shared.code);
        Ok(self.admit(user, proved))
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _submethods: &str,
        response: Option<Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        let Some(mut response) = response else {
            return Ok(Auth::Partial {
                // OpenSSH prints a non-empty name before the prompt
                name: "".into(),
                instructions: "".into(),
                prompts: vec![("Session code (password): ".into(), false)].into(),
            });
        };
        let proved = response
            .next()
            .is_some_and(|given| code_matches(&given, &self.shared.code));
        Ok(self.admit(user, proved))
    }

    async fn auth_publickey(&mut self, user: &str, key: VerifiedPublicKey<'_>) -> Result<Auth, Self::Error> {
        let known = self
            .shared
            .keys
            .iter()
            .any(|k| k.key_data() == key.public_key.key_data());
        if !known {
            // an unknown key is not a guess at the code: the client goes on to the code
            return Ok(Auth::reject());
        }
        Ok(self.admit(user, true))
    }

    async fn auth_succeeded(&mut self, session: &mut Session) -> Result<(), Self::Error> {
        let handle = session.handle();
        let started = Arc::clone(&self.started);
        tokio::spawn(async move {
            tokio::time::sleep(NO_SCREEN).await;
            if !started.load(std::sync::atomic::Ordering::SeqCst) {
                let _ = handle
                    .disconnect(
                        russh::Disconnect::ByApplication,
                        "Only the lessons screen is offered here.".into(),
                        String::new(),
                    )
                    .await;
            }
        });
        Ok(())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // one screen per connection
        if self.channel.is_some() || self.name.is_none() {
            return Ok(());
        }
        self.channel = Some(channel.id());
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        cols: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.size = size(cols, rows);
        session.channel_success(channel)
    }

    async fn window_change_request(
        &mut self,
        _channel: ChannelId,
        cols: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.size = size(cols, rows);
        self.send(ConnEvent::Resize(self.size.0, self.size.1));
        Ok(())
    }

    async fn shell_request(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), Self::Error> {
        let Some(name) = self.name.clone() else {
            return session.channel_failure(channel);
        };
        if self.events.is_some() || self.channel != Some(channel) {
            return session.channel_failure(channel);
        }
        let (tx, rx) = mpsc::unbounded_channel();
        self.events = Some(tx);
        self.started.store(true, std::sync::atomic::Ordering::SeqCst);
        session.channel_success(channel)?;
        tokio::spawn(screen::run(
            Arc::clone(&self.shared),
            name,
            session.handle(),
            channel,
            self.size,
            rx,
        ));
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _x11_auth_protocol: &str,
        _x11_auth_cookie: &str,
        _x11_screen_number: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        _variable_name: &str,
        _variable_value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn data(
        &mut self,
        _channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.send(ConnEvent::Bytes(data.to_vec()));
        Ok(())
    }

    async fn channel_eof(&mut self, _channel: ChannelId, _session: &mut Session) -> Result<(), Self::Error> {
        self.send(ConnEvent::Closed);
        Ok(())
    }

    async fn channel_close(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.send(ConnEvent::Closed);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_must_match_whole() {
        assert!(code_matches(b"abc-123", "abc-123"));
        assert!(!code_matches(b"abc-12", "abc-123"));
        assert!(!code_matches(b"abc-124", "abc-123"));
        assert!(!code_matches(b"", "abc-123"));
    }
}
