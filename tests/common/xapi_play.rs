//! A scripted run of the synthetic fixture saved through a `Recorder` whose forwarder
//! queues xAPI statements, as the players do. Included by `#[path]`.
#![allow(clippy::unwrap_used, dead_code)]

use std::path::Path;

use lessons::engine::{Input, Mode, Session, Settings};
use lessons::record::{Record, Recorder, Store, Timing};
use lessons::xapi::{self, Forwarder};

use crate::common::fixture_scenario;

pub struct Play {
    pub recorder: Recorder,
    pub session: Session,
    pub scenario: lessons::scenario::Scenario,
    timings: Vec<Timing>,
}

impl Play {
    /// A run started in `data` for "PC Test", its statements queued in `data`'s outbox.
    pub fn start(data: &Path) -> Play {
        let scenario = fixture_scenario();
        let mut recorder = Recorder::new(Some(Store::open(data).unwrap()), Some("PC Test".into()));
        recorder.set_forwarder(Forwarder::queue_only(data, xapi::Settings::default()));
        let mut settings = Settings::new(Mode::Assessment, 1);
        settings.ask_confidence = true;
        let session = Session::new(scenario.clone(), settings);
        let mut play = Play {
            recorder,
            session,
            scenario,
            timings: Vec::new(),
        };
        play.input(Input::Continue); // briefing -> narrative
        play.input(Input::Continue); // narrative -> evidence
        play
    }

    /// Applies one input and saves, as a player does after each.
    pub fn input(&mut self, input: Input) {
        if let Some(step) = self.session.phase().step().map(str::to_string)
            && matches!(input, Input::Choose(_) | Input::Grade(_) | Input::Submit)
        {
            self.timings.push(Timing { step, seconds: 12.5 });
        }
        self.session.apply(input).unwrap();
        self.recorder
            .save(&self.scenario, self.session.state(), &self.timings)
            .unwrap();
    }

    /// The first decision: secure the footage, with a rationale and confidence 4.
    pub fn first_decision(&mut self) {
        self.input(Input::Choose("secure".into()));
        self.input(Input::Rationale("It proves the breach".into()));
        self.input(Input::Confidence(Some(4)));
    }

    /// The rest: grade medium (to the checklist), tick record and close, to the end.
    pub fn the_rest(&mut self) {
        self.input(Input::Continue);
        self.input(Input::Grade("medium".into()));
        self.input(Input::Confidence(None));
        self.input(Input::Continue);
        self.input(Input::Toggle("record".into()));
        self.input(Input::Toggle("close".into()));
        self.input(Input::Submit);
        self.input(Input::Rationale("Recorded it".into()));
        self.input(Input::Confidence(Some(2)));
        self.input(Input::Continue);
        assert!(self.session.is_finished(), "{:?}", self.session.phase());
    }

    pub fn record(&self) -> Record {
        self.recorder.record().unwrap().clone()
    }
}
