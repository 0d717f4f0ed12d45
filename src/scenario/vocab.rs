//! The closed vocabularies a scenario is tagged with. Each enum knows the words a
//! person reads (`label`) so no screen or report invents its own spelling.

use serde::{Deserialize, Serialize};

/// Declares a unit-only enum with a human label per variant and the full list of
/// variants, so documentation, filters and reports can iterate over them.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $label:expr),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The name as written in a scenario file.
            pub fn ident(self) -> &'static str {
                match self { $($name::$variant => stringify!($variant)),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

vocabulary! {
    /// What a decision's marks rest on. Absent in a file, a decision's marks rest on its finding.
    Basis {
        Finding => "Finding",
        KeyQuestion => "Key question",
        ForceLearning => "Force learning",
        Guidance => "Guidance",
        Judgement => "Author's judgement",
        NotJudged => "Not judged",
    }
}

vocabulary! {
    /// Who published the investigation summary.
    Publisher {
        Iopc => "IOPC",
        Ipcc => "IPCC",
        Force => "Police force",
        Other => "Other",
    }
}

vocabulary! {
    /// What the case is about; used for filters, debrief totals and cohort reports.
    Theme {
        DomesticAbuse => "Domestic abuse",
        StalkingAndHarassment => "Stalking and harassment",
        CallHandling => "Call handling",
        RiskAssessment => "Risk assessment",
        Safeguarding => "Safeguarding",
        Vulnerability => "Vulnerability",
        MentalHealth => "Mental health",
        MissingPersons => "Missing persons",
        Evidence => "Evidence",
        Investigation => "Investigation",
        CrimeRecording => "Crime recording",
        InformationManagement => "Information management",
        Supervision => "Supervision",
        Handover => "Handover",
        Intelligence => "Intelligence",
        Firearms => "Firearms",
        Disclosure => "Disclosure",
        VictimContact => "Victim contact",
        MultiAgencyWorking => "Multi-agency working",
        PowersAndArrest => "Powers and arrest",
        ChildProtection => "Child protection",
        FinancialAbuse => "Financial abuse",
        HonourBasedViolence => "Honour-based violence",
        Workload => "Workload and prioritising",
    }
}

vocabulary! {
    /// The part the trainee plays at a decision. A case may pass between roles.
    Role {
        Officer => "Police officer",
        CallHandler => "Call handler",
        ControlRoom => "Control room / radio operator",
        FrontCounter => "Front counter / enquiry officer",
        ResponseOfficer => "Response officer",
        NeighbourhoodOfficer => "Neighbourhood officer",
        PublicProtectionOfficer => "Public protection officer",
        OffenderManager => "Offender management officer",
        Investigator => "Investigator",
        IntelligenceOfficer => "Intelligence officer",
        Supervisor => "Supervisor",
        Inspector => "Inspector",
    }
}

vocabulary! {
    /// The National Decision Model stage a decision belongs to.
    NdmStage {
        GatherInformation => "Gather information and intelligence",
        AssessThreatAndRisk => "Assess threat and risk",
        PowersAndPolicy => "Consider powers and policy",
        IdentifyOptions => "Identify options and contingencies",
        TakeActionAndReview => "Take action and review",
    }
}

vocabulary! {
    /// The ten Standards of Professional Behaviour.
    Standard {
        HonestyAndIntegrity => "Honesty and integrity",
        AuthorityRespectAndCourtesy => "Authority, respect and courtesy",
        EqualityAndDiversity => "Equality and diversity",
        UseOfForce => "Use of force",
        OrdersAndInstructions => "Orders and instructions",
        DutiesAndResponsibilities => "Duties and responsibilities",
        Confidentiality => "Confidentiality",
        FitnessForDuty => "Fitness for duty",
        DiscreditableConduct => "Discreditable conduct",
        ChallengingAndReportingImproperConduct => "Challenging and reporting improper conduct",
    }
}

vocabulary! {
    /// How a decision is answered.
    DecisionKind {
        Single => "Choose one",
        Multiple => "Tick all that apply",
        Scale => "Choose a grade",
    }
}

vocabulary! {
    /// How an option stands against the finding or the policy the source names.
    Mark {
        Expected => "Expected",
        Acceptable => "Acceptable",
        Poor => "Poor",
        // Only for decisions that are not judged, where the source gives nothing to mark by.
        Unmarked => "Not marked",
    }
}

/// Absent in a file, an option is unmarked: allowed only where the decision is not judged.
impl Default for Mark {
    fn default() -> Self {
        Mark::Unmarked
    }
}

vocabulary! {
    /// Whether a decision asks the trainee to type why.
    RationalePrompt {
        No => "No rationale asked",
        Ask => "Rationale optional",
        Require => "Rationale required",
    }
}

#[allow(clippy::derivable_impls)] // the macro cannot carry #[default]
impl Default for RationalePrompt {
    fn default() -> Self {
        RationalePrompt::No
    }
}

/// What each kind of decision allows, asked of the kind rather than matched on it, so a
/// new kind answers every question here and validation, the engine and the tools follow.
impl DecisionKind {
    /// The answer is one option (Single, Scale); otherwise any set of them (Multiple).
    pub fn picks_one(self) -> bool {
        match self {
            DecisionKind::Single | DecisionKind::Scale => true,
            DecisionKind::Multiple => false,
        }
    }

    /// Options are shown in a seeded random order. A scale keeps its ladder order.
    pub fn shuffles_options(self) -> bool {
        match self {
            DecisionKind::Single | DecisionKind::Multiple => true,
            DecisionKind::Scale => false,
        }
    }

    /// Every option needs a `level`, its place on the ladder.
    pub fn needs_levels(self) -> bool {
        match self {
            DecisionKind::Scale => true,
            DecisionKind::Single | DecisionKind::Multiple => false,
        }
    }

    /// A one-word tag for narrow tables (the audit's decision column).
    pub fn tag(self) -> &'static str {
        match self {
            DecisionKind::Single => "single",
            DecisionKind::Multiple => "multi",
            DecisionKind::Scale => "scale",
        }
    }

    /// Two options make a guess right half the time, worth a warning unless the real
    /// decision had two courses (`binary: true`). A scale's two grades and a checklist's
    /// two ticks are not a coin toss.
    pub fn two_options_invite_guessing(self) -> bool {
        match self {
            DecisionKind::Single => true,
            DecisionKind::Multiple | DecisionKind::Scale => false,
        }
    }

    /// An option may branch with its own `goto`.
    pub fn allows_goto(self) -> bool {
        self.picks_one()
    }

    /// The decision may branch on what was ticked (`when_ticked`).
    pub fn allows_when_ticked(self) -> bool {
        !self.picks_one()
    }

    /// More than one option may be marked `actual` (what the officers did).
    pub fn allows_several_actual(self) -> bool {
        match self {
            DecisionKind::Single => false,
            DecisionKind::Multiple | DecisionKind::Scale => true,
        }
    }
}

impl Role {
    /// An article-free lower-case phrase for sentences: "You are the call handler".
    pub fn phrase(self) -> String {
        self.label().to_lowercase()
    }
}
