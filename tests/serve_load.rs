//! `lessons serve` under a full room: 30 russh clients join at once, all answer, and the
//! console counts every one. Prints a load figure (answers per second, the server's memory)
//! for the record; nothing here is timed to pass or fail. Also: forwarding is refused.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/ssh_client.rs"]
mod ssh_client;
#[path = "common/terminal.rs"]
mod terminal;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use russh::ChannelMsg;
use russh::client;
use ssh_client::{CODE, PROMPT, console, end, free_port};
use terminal::ENTER;

const CLIENTS: usize = 30;

struct Trusting;

impl client::Handler for Trusting {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

async fn connect(port: u16, name: &str) -> client::Handle<Trusting> {
    let config = Arc::new(client::Config::default());
    let mut session = client::connect(config, ("127.0.0.1", port), Trusting)
        .await
        .unwrap();
    let auth = session.authenticate_password(name, CODE).await.unwrap();
    assert!(auth.success(), "{name} was refused");
    session
}

/// One trainee: joins, waits for the decision, answers option `pick` with a rationale.
async fn trainee(port: u16, i: usize, joined: Arc<AtomicUsize>) -> Duration {
    let name = format!("pc-{i:02}");
    let session = connect(port, &name).await;
    let mut channel = session.channel_open_session().await.unwrap();
    channel
        .request_pty(false, "xterm", 80, 24, 0, 0, &[])
        .await
        .unwrap();
    channel.request_shell(false).await.unwrap();
    let mut screen = vt100::Parser::new(
        std::num::NonZeroU16::new(24).unwrap(),
        std::num::NonZeroU16::new(80).unwrap(),
        0,
    );
    let mut wait_for = async |channel: &mut russh::Channel<client::Msg>, text: &str| {
        while !screen.screen().contents().contains(text) {
            match tokio::time::timeout(Duration::from_secs(60), channel.wait()).await {
                Ok(Some(ChannelMsg::Data { data })) => screen.process(&data),
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => panic!("{name} never saw {text:?}:\n{}", screen.screen().contents()),
            }
        }
    };
    wait_for(&mut channel, "Waiting for the instructor").await;
    joined.fetch_add(1, Ordering::SeqCst);
    wait_for(&mut channel, PROMPT).await;
    let started = Instant::now();
    let pick = (i % 3) + 1;
    channel.data_bytes(format!("{pick}\r")).await.unwrap();
    wait_for(&mut channel, "Why?").await;
    channel.data_bytes(format!("reason {i}\r")).await.unwrap();
    wait_for(&mut channel, "Send this answer?").await;
    channel.data_bytes("\r").await.unwrap();
    wait_for(&mut channel, "Answer sent").await;
    started.elapsed()
}

/// The resident memory of a process, in KiB, from /proc (Linux).
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn thirty_clients_all_answer_and_are_all_counted() {
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut console = console(port, data.path());
    let pid = console.child.process_id();
    let before = pid.and_then(rss_kib);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let joined = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|i| runtime.spawn(trainee(port, i, Arc::clone(&joined))))
        .collect();
    let deadline = Instant::now() + Duration::from_secs(120);
    while joined.load(Ordering::SeqCst) < CLIENTS {
        assert!(
            Instant::now() < deadline,
            "only {} joined",
            joined.load(Ordering::SeqCst)
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    console.expect(&format!("{CLIENTS} in the room"));
    let asked = Instant::now();
    console.keys(ENTER);
    console.keys(ENTER);
    let times: Vec<Duration> = runtime.block_on(async {
        let mut times = Vec::new();
        for task in tasks {
            times.push(task.await.unwrap());
        }
        times
    });
    let all_answered = asked.elapsed();
    console.expect(&format!("{CLIENTS} answered"));
    let during = pid.and_then(rss_kib);
    let slowest = times.iter().max().copied().unwrap_or_default();
    println!(
        "load: {CLIENTS} clients answered in {:.2} s from the console's step ({:.1} answers/s); \
         slowest client's own answer took {:.0} ms; console RSS {} KiB before, {} KiB with {CLIENTS} connected",
        all_answered.as_secs_f64(),
        CLIENTS as f64 / all_answered.as_secs_f64(),
        slowest.as_secs_f64() * 1000.0,
        before.map_or("?".into(), |k| k.to_string()),
        during.map_or("?".into(), |k| k.to_string()),
    );
    end(&mut console);
    drop(runtime);
}

#[test]
fn forwarding_and_a_second_screen_are_refused() {
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut console = console(port, data.path());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let session = connect(port, "pc-f").await;
        let forward = session
            .channel_open_direct_tcpip("127.0.0.1", 22, "127.0.0.1", 40000)
            .await;
        assert!(forward.is_err(), "a direct-tcpip channel was opened");
        let first = session.channel_open_session().await;
        assert!(first.is_ok());
        let second = session.channel_open_session().await;
        assert!(second.is_err(), "a second session channel was opened");
    });
    end(&mut console);
}
