//! Exports of a report for printing and publishing.

#[cfg(feature = "docx")]
pub mod docx;
pub mod html;
#[cfg(feature = "pdf")]
pub mod ofd;
#[cfg(feature = "pdf")]
pub mod pages;
#[cfg(feature = "pdf")]
pub mod pdf;
#[cfg(feature = "pdf")]
pub mod subset;
