//! A search as asked: the query, extra filters, the order and the page of results.

use serde::{Deserialize, Serialize};

pub use super::query::Field;

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

/// A filter on one field: `{field: "speaker", value: "Egypt"}` means what
/// `speaker:"Egypt"` means in a query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Filter {
    pub field: Field,
    pub value: String,
}

impl Filter {
    pub fn new(field: Field, value: impl Into<String>) -> Filter {
        Filter {
            field,
            value: value.into(),
        }
    }
}

/// A search as asked.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SearchRequest {
    pub query: String,
    /// Extra filters (the CLI's `--speaker` and friends, the desktop's facet chips),
    /// each a field and a value: no query syntax to write or to escape.
    pub filters: Vec<Filter>,
    pub exact: bool,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
}
