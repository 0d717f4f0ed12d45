//! `lessons serve` with real OpenSSH clients: trainees join with the session code, answer
//! privately, the console's tally follows, the reveal reaches every screen, and the group
//! record keeps every answer. Skipped where ssh or sshpass is missing, except on CI.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/ssh_client.rs"]
mod ssh_client;
#[path = "common/terminal.rs"]
mod terminal;

use ssh_client::{CODE, Client, PROMPT, console, end, free_port, have_clients, ssh_command};
use terminal::ENTER;

/// The console moved from the case's title past the briefing to its first decision.
fn to_first_decision(console: &mut terminal::Terminal) {
    console.keys(ENTER); // the briefing
    console.keys(ENTER); // the first decision
    console.expect(PROMPT);
}

fn group_record(data: &std::path::Path) -> serde_json::Value {
    let file = std::fs::read_dir(data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json") && p.to_string_lossy().contains("group"))
        .expect("a group record");
    serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap()
}

#[test]
fn three_clients_answer_the_tally_follows_and_the_reveal_reaches_every_screen() {
    if !have_clients() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut console = console(port, data.path());
    // the code large for the room to read, until the session moves on
    console.expect("Join the room (J hides)");
    console.expect("▀▀▀▀");
    let mut clients: Vec<Client> = ["pc-a", "pc-b", "pc-c"]
        .iter()
        .map(|name| Client::join(port, name, CODE))
        .collect();
    for client in &mut clients {
        client.expect("Waiting for the instructor");
    }
    console.expect("3 in the room · 0 answered");
    to_first_decision(&mut console);
    assert!(
        !console.screen().contains("Join the room"),
        "the card goes once the session moves on"
    );
    clients[0].answer(1, "Secure it before it is lost");
    console.expect("1 answered");
    // before the reveal nobody sees another's answer or the tally
    assert!(
        !clients[1].screen().contains("Secure it"),
        "{}",
        clients[1].screen()
    );
    clients[1].answer(2, "Quicker");
    clients[2].answer(1, "Evidence");
    console.expect("3 answered");
    console.keys("v");
    console.expect("Total 3 · bars shown");
    for client in &mut clients {
        assert!(!client.screen().contains("votes"), "no tally before the reveal");
    }
    console.keys("r");
    for (client, mine) in clients.iter_mut().zip([
        "Take a copy of the footage",
        "Watch it with her",
        "Take a copy of the footage",
    ]) {
        client.expect("The officers:");
        client.expect("The investigation found:");
        client.expect(&format!("Your answer: {mine}"));
    }
    // the reasoning, one at a time and without a name, for the room to discuss
    console.keys("A");
    console.expect("A trainee's reasoning, 1 of 3");
    console.expect("Evidence");
    assert!(!console.screen().contains("pc-c"), "no name beside it");
    console.keys("A");
    console.expect("2 of 3");
    end(&mut console);
    for client in &mut clients {
        client.wait();
    }
    let record = group_record(data.path());
    let live = record["live"].as_array().unwrap();
    assert_eq!(live.len(), 3, "{live:?}");
    let b = live.iter().find(|a| a["trainee"] == "pc-b").unwrap();
    assert_eq!(b["rationale"], "Quicker");
    let votes = &record["tallies"][0]["votes"];
    let count = |id: &str| {
        votes
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v[0] == id)
            .map(|v| v[1].as_u64().unwrap())
            .unwrap()
    };
    assert_eq!((count("secure"), count("view-only")), (2, 1), "{votes}");
    // each trainee's own run, so the report's trainee table has the room's trainees
    let report = common::lessons_in(
        data.path(),
        &["report", "--trainees", "--format", "csv"],
        "",
        &[("LESSONS_HOME", data.path().to_str().unwrap())],
    );
    let table = common::text(&report.stdout);
    for name in ["pc-a", "pc-b", "pc-c"] {
        assert!(
            table.contains(name),
            "{name} missing from:\n{table}\n{}",
            common::text(&report.stderr)
        );
    }
}

#[test]
fn a_wrong_code_is_refused_with_nothing_rendered() {
    if !have_clients() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut console = console(port, data.path());
    let mut intruder = Client::join(port, "pc-x", "WRONG-CODE");
    let status = intruder.wait();
    assert!(!status.success());
    let screen = intruder.screen();
    assert!(
        !screen.contains("Waiting") && !screen.contains("Live room"),
        "{screen}"
    );
    assert!(
        !String::from_utf8_lossy(intruder.raw()).contains("\x1b[?1049h"),
        "the full screen was never entered"
    );
    console.expect("0 in the room");
    end(&mut console);
}

#[test]
fn exec_and_subsystem_requests_are_refused() {
    if !have_clients() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut console = console(port, data.path());
    let exec = ssh_command(port, "pc-e", CODE, &["cat", "/etc/passwd"]);
    assert!(!exec.status.success());
    let said = String::from_utf8_lossy(&exec.stderr);
    assert!(said.contains("exec request failed"), "{said}");
    assert!(!String::from_utf8_lossy(&exec.stdout).contains("root:"));
    let sftp = ssh_command(port, "pc-s", CODE, &["-s", "sftp"]);
    assert!(!sftp.status.success());
    let said = String::from_utf8_lossy(&sftp.stderr);
    assert!(said.contains("subsystem request failed"), "{said}");
    end(&mut console);
}

#[test]
fn a_dropped_client_reconnects_and_keeps_its_answer_and_a_name_is_held_once() {
    if !have_clients() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut console = console(port, data.path());
    to_first_decision(&mut console);
    let mut first = Client::join(port, "pc-a", CODE);
    first.answer(2, "Keep it simple");
    // while pc-a is in, nobody else can be pc-a
    let mut twin = Client::join(port, "pc-a", CODE);
    assert!(!twin.wait().success());
    drop(first); // the connection drops: the laptop's lid closed
    console.expect("0 in the room · 1 answered");
    let mut again = Client::join(port, "pc-a", CODE);
    again.expect("Answer sent");
    again.expect("Your answer: Watch it with her");
    again.expect("Why: Keep it simple");
    console.expect("1 in the room · 1 answered");
    end(&mut console);
}

#[test]
fn a_served_plan_brings_its_agenda_room_size_and_label_to_the_live_room() {
    if !have_clients() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let plan = data.path().join("plan.ron");
    std::fs::write(
        &plan,
        format!(
            "(title: \"Live plan\", room: 2, cases: [(case: \"{}\", minutes: 20)])",
            ssh_client::CASE
        ),
    )
    .unwrap();
    let port = free_port();
    let mut console = ssh_client::console_with(
        port,
        data.path(),
        &["--plan", plan.to_str().unwrap(), "--label", "Syndicate A"],
        &[],
    );
    console.expect("Live plan");
    console.keys(ENTER); // the agenda closes on the case's title
    to_first_decision(&mut console);
    let mut client = Client::join(port, "pc-a", CODE);
    client.answer(1, "Secure it");
    console.expect("1 of 2 answered");
    end(&mut console);
    let record = group_record(data.path());
    assert_eq!(record["label"], "Syndicate A");
    assert_eq!(record["plan_title"], "Live plan");
}

#[test]
fn a_live_trainees_answer_is_queued_for_the_lrs_under_their_pseudonymous_run() {
    if !have_clients() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let missing = data.path().join("no-lrs.ron");
    // an LRS that is not there: statements wait in the outbox, nothing is lost
    let mut console = ssh_client::console_with(
        port,
        data.path(),
        &[ssh_client::CASE],
        &[
            ("LESSONS_LRS_CONFIG", missing.to_str().unwrap()),
            ("LESSONS_LRS_ENDPOINT", "http://127.0.0.1:9/xAPI"),
        ],
    );
    to_first_decision(&mut console);
    let mut client = Client::join(port, "pc-x", CODE);
    client.answer(1, "Secure it before it is lost");
    console.expect("1 answered");
    end(&mut console);
    let outbox = data.path().join(".xapi").join("outbox");
    let statements: Vec<serde_json::Value> = std::fs::read_dir(&outbox)
        .unwrap_or_else(|e| panic!("no outbox at {}: {e}", outbox.display()))
        .map(|e| serde_json::from_slice(&std::fs::read(e.unwrap().path()).unwrap()).unwrap())
        .collect();
    let answered: Vec<&serde_json::Value> = statements
        .iter()
        .filter(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered")
        .collect();
    let text = serde_json::to_string(&statements).unwrap();
    assert!(
        answered
            .iter()
            .any(|s| s["result"].to_string().contains("Secure it before it is lost")),
        "the trainee's own answer, with their rationale, is queued:\n{text}"
    );
    assert!(!text.contains("pc-x"), "the actor is pseudonymous:\n{text}");
}
