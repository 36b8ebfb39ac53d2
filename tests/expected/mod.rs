//! A published report's figures and findings as transcribed by hand in
//! `tests/corpus/expected/*.json` (copies of `../shared/expected/`): the one
//! place the corpus tests take them from, so that no test keeps a second list.
//!
//! Keys (see `tests/corpus/README.md`): `year`, `format`, `applications`
//! (table B; `_other_sum` where （六）其他处理 is printed as one row),
//! `appeals` (table C), `proactive` (table A, where unambiguous), `errors`
//! (the 错误 ids the checks raise, exactly), `warnings` (警告 ids they raise,
//! at least). `null` is a blank cell in the published table.
#![allow(dead_code)] // each test file uses what it needs

use std::collections::BTreeSet;
use std::path::Path;

use nianbao::checks::{Finding, Severity};
use nianbao::form::{AppCol, AppRow, AppealGroup, AppealPart, ProactiveField};
use nianbao::report::{CellRef, Count, Report};
use serde_json::{Map, Value};

pub struct Expected {
    pub stem: String,
    json: Value,
}

/// The three sub-rows of （六）其他处理, which `_other_sum` stands for.
const OTHER: [AppRow; 3] = [
    AppRow::OtherNoCorrection,
    AppRow::OtherNoFee,
    AppRow::OtherMisc,
];

fn count(stem: &str, what: &str, v: &Value) -> Count {
    match v {
        Value::Null => None,
        v => Some(
            v.as_u64()
                .unwrap_or_else(|| panic!("{stem}: {what} is {v}, not a count or null")),
        ),
    }
}

impl Expected {
    /// `tests/corpus/expected/{stem}.json`.
    pub fn load(stem: &str) -> Expected {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus/expected")
            .join(format!("{stem}.json"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{stem}: {e}"));
        Expected {
            stem: stem.to_string(),
            json,
        }
    }

    pub fn year(&self) -> u16 {
        let y = self.json["year"].as_u64().expect("year");
        u16::try_from(y).expect("a year")
    }

    /// `format` starts with the edition: "2019", "2021 (（六） printed as one row)".
    pub fn is_2019_form(&self) -> bool {
        self.json["format"]
            .as_str()
            .expect("format")
            .starts_with("2019")
    }

    fn applications(&self) -> &Map<String, Value> {
        self.json["applications"].as_object().expect("applications")
    }

    /// Whether the page prints （六）其他处理 as one row.
    pub fn other_as_one_row(&self) -> bool {
        self.applications().contains_key("_other_sum")
    }

    /// Table B's row as transcribed. With `_other_sum`, the importer's reading
    /// (FORMAT.md): the row in 3.其他, zeros beside it (blank stays blank).
    pub fn app_row(&self, row: AppRow) -> [Count; 7] {
        let apps = self.applications();
        let (values, zero) = match apps.get(row.key()) {
            Some(v) => (v, false),
            None if OTHER.contains(&row) => {
                let sum = apps.get("_other_sum").unwrap_or_else(|| {
                    panic!("{}: neither {} nor _other_sum", self.stem, row.key())
                });
                (sum, row != AppRow::OtherMisc)
            }
            None => panic!("{}: applications lacks {}", self.stem, row.key()),
        };
        let values = values.as_array().expect("a row is an array");
        assert_eq!(values.len(), 7, "{}: {}", self.stem, row.key());
        std::array::from_fn(|i| {
            let v = count(&self.stem, row.key(), &values[i]);
            if zero { v.map(|_| 0) } else { v }
        })
    }

    pub fn appeal(&self, g: AppealGroup, p: AppealPart) -> Count {
        let what = format!("{}.{}", g.key(), p.key());
        let v = self.json["appeals"][g.key()]
            .get(p.key())
            .unwrap_or_else(|| panic!("{}: appeals lacks {what}", self.stem));
        count(&self.stem, &what, v)
    }

    /// Every cell of tables B and C, as transcribed (blank = `None`).
    pub fn table_cells(&self) -> Vec<(CellRef, Count)> {
        let b = AppRow::ALL.into_iter().flat_map(|r| {
            let row = self.app_row(r);
            AppCol::ALL
                .into_iter()
                .map(move |c| (CellRef::App(r, c), row[c.index()]))
        });
        let c = AppealGroup::ALL.into_iter().flat_map(|g| {
            AppealPart::ALL
                .into_iter()
                .map(move |p| (CellRef::Appeal(g, p), self.appeal(g, p)))
        });
        b.chain(c).collect()
    }

    /// The cells of tables B and C the page leaves blank.
    pub fn blank_cells(&self) -> Vec<CellRef> {
        self.table_cells()
            .into_iter()
            .filter(|(_, v)| v.is_none())
            .map(|(c, _)| c)
            .collect()
    }

    /// `r` holds every figure of the file: tables B and C cell by cell (blank
    /// where the page is blank), table A where it was transcribed.
    pub fn assert_figures(&self, r: &Report) {
        let stem = &self.stem;
        assert_eq!(r.year, self.year(), "{stem}: year");
        for key in self.applications().keys() {
            assert!(
                key == "_other_sum" || AppRow::from_key(key).is_some(),
                "{stem}: unknown row {key}"
            );
        }
        for (cell, want) in self.table_cells() {
            assert_eq!(r.count(cell), want, "{stem}: {cell}");
        }
        let Some(a) = self.json.get("proactive") else {
            return;
        };
        for f in ProactiveField::ALL {
            let mut v = a;
            for part in f.key().split('.') {
                v = &v[part];
            }
            match f {
                ProactiveField::Fees => assert_eq!(
                    r.proactive.fees_wan_yuan,
                    v.as_str().expect("the fee is a string"),
                    "{stem}: {}",
                    f.key()
                ),
                _ => assert_eq!(
                    r.proactive.count(f),
                    count(stem, f.key(), v),
                    "{stem}: {}",
                    f.key()
                ),
            }
        }
    }

    fn ids(&self, key: &str) -> BTreeSet<&str> {
        let list = match self.json.get(key) {
            Some(v) => v
                .as_array()
                .unwrap_or_else(|| panic!("{}: {key}", self.stem)),
            // Every file says which errors it has, if none; warnings are optional.
            None if key == "errors" => panic!("{}: no errors key", self.stem),
            None => return BTreeSet::new(),
        };
        list.iter()
            .map(|v| {
                v.as_str()
                    .unwrap_or_else(|| panic!("{}: {key}: {v}", self.stem))
            })
            .collect()
    }

    /// The 错误 ids the checks must raise, no more and no fewer.
    pub fn errors(&self) -> BTreeSet<&str> {
        self.ids("errors")
    }

    /// 警告 ids the checks must raise (others may come too).
    pub fn warnings(&self) -> BTreeSet<&str> {
        self.ids("warnings")
    }

    /// The checks' findings raise exactly the listed errors and at least the
    /// listed warnings.
    pub fn assert_findings(&self, found: &[Finding]) {
        let raised = |s: Severity| -> BTreeSet<&str> {
            found
                .iter()
                .filter(|f| f.severity == s)
                .map(|f| f.id.id())
                .collect()
        };
        assert_eq!(
            raised(Severity::Error),
            self.errors(),
            "{}: errors raised (left) and listed (right)",
            self.stem
        );
        let warnings = raised(Severity::Warning);
        let missing: Vec<_> = self.warnings().difference(&warnings).copied().collect();
        assert!(
            missing.is_empty(),
            "{}: warnings listed but not raised: {missing:?}; raised: {warnings:?}",
            self.stem
        );
    }
}
