//! The first pass of a check: every input opened (on every core), and kept
//! only as far as the checks, the pairing and the summary need it.

use nianbao::checks::Reading;
use nianbao::import::FormEdition;
use nianbao::report::Report;
use nianbao::source::{self, Kind};

use super::walk::Input;

/// One input, read.
pub enum Read {
    Report(Box<ReadReport>),
    /// A report that could not be read, or a folder that could not be listed:
    /// the sentence says which ("无法读取：……").
    Unreadable(String),
    /// A text or web page found in a folder that is no report (a 说明.txt): why.
    Skipped(String),
}

/// A report and what its reading tells.
pub struct ReadReport {
    pub report: Report,
    pub kind: Kind,
    /// The form it follows: the file format is the 2021 form; `None` when no
    /// table of a published page told.
    pub edition: Option<FormEdition>,
    /// Whether the year is the report's own (an imported page may not say it).
    pub year_known: bool,
    /// What a published page lacked, to show before its findings.
    pub gaps: Vec<String>,
    /// What the reading of a published page adds to the checks.
    pub reading: Option<Reading>,
    /// Last year's report as the report's `prior` names it, when readable.
    pub linked_prior: Option<Report>,
}

impl ReadReport {
    /// The report names a previous year of its own (readable or not): it is
    /// not paired with another report of the run.
    pub fn names_prior(&self) -> bool {
        !self.report.prior.trim().is_empty()
    }
}

/// Open one input. `with_prior`: `--prior` was given, so the report's own
/// link to last year is not followed.
pub fn read(input: &Input, with_prior: bool) -> Read {
    let (path, in_folder) = match input {
        Input::File { path, in_folder } => (path, *in_folder),
        Input::Folder { why, .. } => return Read::Unreadable(why.clone()),
    };
    let opened = match source::open(path) {
        Ok(o) => o,
        // A folder of downloaded pages may hold notes and other pages too.
        Err(e) if in_folder && e.is_no_report() => return Read::Skipped(e.to_string()),
        Err(e) => return Read::Unreadable(format!("{}：{e}", e.failed())),
    };
    let linked_prior = if with_prior {
        None
    } else {
        source::open_prior(Some(path), &opened.report)
            .and_then(Result::ok)
            .map(|o| o.report)
    };
    let reading = opened.reading();
    let (edition, year_known, gaps) = match &opened.summary {
        Some(s) => (s.edition, s.year_found, s.gaps()),
        None => (Some(FormEdition::Y2021), true, Vec::new()),
    };
    Read::Report(Box::new(ReadReport {
        report: opened.report,
        kind: opened.kind,
        edition,
        year_known,
        gaps,
        reading,
        linked_prior,
    }))
}
