//! Every rule's explanation (`check --explain`, the editor's help) comes with
//! an example report; run through the checks, each raises its rule.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

use nianbao::checks::{self, Rule};
use nianbao::fonts::Coverage;
use nianbao::help;

#[test]
fn every_example_raises_its_rule() {
    let coverage = Coverage::print();
    // The base of every example raises nothing.
    let clean = checks::run(&nianbao::assets::sample(), None, &|c| coverage.covers(c));
    assert!(clean.is_empty(), "{clean:?}");
    for rule in Rule::ALL {
        let ex = help::example(*rule);
        let findings = checks::run(&ex.report, ex.prior.as_ref(), &|c| coverage.covers(c));
        assert!(
            findings.iter().any(|f| f.id == rule.id()),
            "the example of {rule} does not raise it: {findings:?}"
        );
        let e = help::explain(*rule).expect("explained");
        assert_eq!(e.rule.severity(), rule.severity());
    }
}
