//! Exports of a report for printing and publishing.

pub mod pdf;
