//! 从上年年报创建: this year's report started from last year's.
//!
//! Clerks do not start from a blank page. The new report keeps what carries
//! over — the organ, every paragraph (for the clerk to rewrite; `year.mismatch`
//! flags last year's dates left in it) — and what the form itself carries from
//! one year to the next: 二、上年结转 is last year's 四、结转下年度继续办理, and
//! 现行有效件数 starts from last year's, for the clerk to adjust. All other
//! cells are blank: last year's figures are not this year's.

use super::{Report, Schema};
use crate::form::AppRow;

/// The report for the year after `prior`'s. `prior_path` is how the new file
/// names last year's (the file format's `prior` key).
pub fn next_year(prior: &Report, prior_path: &str) -> Report {
    let year = prior.year.saturating_add(1);
    let mut r = Report::new(&prior.organ, year);
    r.schema = Schema;
    // A title the clerk wrote names its year; the conventional one follows `year` by itself.
    r.title = prior
        .title
        .replace(&format!("{}年", prior.year), &format!("{year}年"));
    r.preamble = prior.preamble.clone();
    r.prior = prior_path.to_string();
    r.overview = prior.overview.clone();
    r.problems = prior.problems.clone();
    r.other_matters = prior.other_matters.clone();
    *r.applications.row_mut(AppRow::CarriedOver) = *prior.applications.row(AppRow::CarriedForward);
    r.proactive.rules.in_force = prior.proactive.rules.in_force;
    r.proactive.normative_documents.in_force = prior.proactive.normative_documents.in_force;
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::AppCol;

    #[test]
    fn a_custom_title_moves_to_the_new_year() {
        let mut prior = Report::new("某局", 2024);
        prior.title = "某局2024年政府信息公开年报".into();
        assert_eq!(next_year(&prior, "").title, "某局2025年政府信息公开年报");
    }

    #[test]
    fn blank_carry_stays_blank() {
        let mut prior = Report::new("某局", 2024);
        *prior
            .applications
            .get_mut(AppRow::CarriedForward, AppCol::Total) = Some(3);
        let next = next_year(&prior, "a.json");
        assert_eq!(
            next.applications.get(AppRow::CarriedOver, AppCol::Total),
            Some(3)
        );
        assert_eq!(
            next.applications.get(AppRow::CarriedOver, AppCol::Other),
            None
        );
        assert_eq!(
            next.applications.get(AppRow::CarriedForward, AppCol::Total),
            None
        );
        assert_eq!(next.prior, "a.json");
    }
}
