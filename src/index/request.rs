//! A search as asked: the query, extra filters, the order and the page of results.

use serde::Serialize;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    #[default]
    Relevance,
    /// Newest first.
    Date,
}

/// A search as asked.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SearchRequest {
    pub query: String,
    /// Extra filters, as `field:value` strings (the CLI's `--speaker` and friends).
    pub filters: Vec<String>,
    pub exact: bool,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
}
