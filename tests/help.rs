//! Every rule's explanation (`check --explain`, the editor's help) comes with
//! an example — a report, or for the rules the importer raises a published
//! text; run through the checks (and the importer), each raises its rule.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

use nianbao::checks::{self, Rule};
use nianbao::fonts::Coverage;
use nianbao::help::{self, Example};
use nianbao::import;

#[test]
fn every_example_raises_its_rule() {
    let coverage = Coverage::print();
    let covers = |c| coverage.covers(c);
    // The base of every report example raises nothing.
    let clean = checks::run(&nianbao::assets::sample(), None, &covers);
    assert!(clean.is_empty(), "{clean:?}");
    // Nor does the published text the importer rules' examples change: it
    // imports whole, every cell read, every heading found.
    let base = Example::Published(help::published_base());
    let clean = base.findings(&covers).unwrap();
    assert!(clean.is_empty(), "{clean:#?}");
    for rule in Rule::ALL {
        let ex = help::example(*rule);
        let findings = ex.findings(&covers).unwrap();
        assert!(
            findings.iter().any(|f| f.id == rule.id()),
            "the example of {rule} does not raise it: {findings:#?}"
        );
        let e = help::explain(*rule).expect("explained");
        assert_eq!(e.rule.severity(), rule.severity());
    }
}

/// The importer's rules are shown by published texts, and those differ from
/// the clean base only where the explanation's example says.
#[test]
fn importer_rules_are_shown_by_published_texts() {
    let base = help::published_base();
    let base_lines: Vec<&str> = base.lines().collect();
    for (rule, changed) in [
        (Rule::ImportUnplaced, "行政规范性文件 693665"),
        (Rule::StructureSections, "五、下一步工作打算"),
    ] {
        let Example::Published(text) = help::example(rule) else {
            panic!("{rule}: not a published text");
        };
        let diff: Vec<&str> = text.lines().filter(|l| !base_lines.contains(l)).collect();
        assert_eq!(diff, [changed], "{rule}");
        let e = help::explain(rule).unwrap();
        assert!(e.example.contains(changed), "{rule}: {}", e.example);
        // The base and the example are reports the importer reads whole.
        let i = import::import_bytes(text.as_bytes(), None).unwrap();
        assert_eq!(i.summary.tables_found.len(), 3, "{rule}");
    }
}
