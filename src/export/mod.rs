//! Exports of a report for printing and publishing.

pub mod html;
#[cfg(feature = "pdf")]
pub mod ofd;
#[cfg(feature = "pdf")]
pub mod pages;
#[cfg(feature = "pdf")]
pub mod pdf;
