//! Errors as they cross the IPC boundary: `{code, message}`.

use serde::Serialize;

/// What the UI receives when a command fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiError {
    /// Stable, machine-readable (`plenary::Error::code`).
    pub code: String,
    /// One line for the user: what failed, where, what to do.
    pub message: String,
}

impl From<plenary::Error> for ApiError {
    fn from(err: plenary::Error) -> Self {
        ApiError {
            code: err.code().to_string(),
            message: err.to_string(),
        }
    }
}

impl ApiError {
    /// An error the shell finds itself, with its code.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        ApiError {
            code: code.into(),
            message: message.into(),
        }
    }

    /// An error of the shell itself (a task that panicked, a poisoned lock).
    pub fn internal(message: impl Into<String>) -> Self {
        ApiError::new("internal", message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_and_message() {
        let err = ApiError::from(plenary::Error::NotALibrary {
            path: "/tmp/x/library.sqlite3".into(),
        });
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "not_a_library");
        assert!(json["message"]
            .as_str()
            .unwrap()
            .contains("/tmp/x/library.sqlite3"));
        assert_eq!(json.as_object().unwrap().len(), 2, "{json}");
    }
}
