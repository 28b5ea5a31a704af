//! Errors as they cross the IPC boundary: `{code, message, remedy}`. The core says
//! what to do as data ([`Remedy`]); the desktop words it here, in the app's terms
//! (its screens and buttons, not the command line's flags), and sends the remedy along
//! for the UI to act on.

use plenary::{Listing, Remedy};
use serde::Serialize;

/// What the UI receives when a command fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiError {
    /// Stable, machine-readable (`plenary::Error::code`).
    pub code: String,
    /// One line for the user: what failed, where, what to do.
    pub message: String,
    /// What to do, as data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remedy: Option<Remedy>,
}

impl From<plenary::Error> for ApiError {
    fn from(err: plenary::Error) -> Self {
        let remedy = err.remedy();
        let message = match &remedy {
            Some(r) => format!("{err}. {}", words(r)),
            None => err.to_string(),
        };
        ApiError {
            code: err.code().to_string(),
            message,
            remedy,
        }
    }
}

/// What to do, in the desktop app's words.
fn words(remedy: &Remedy) -> String {
    let words = match remedy {
        Remedy::ChooseLibrary => "Start Plenary on a folder you can write to",
        Remedy::MoveAside => "Move the file away, or start Plenary on another folder",
        Remedy::UpdatePlenary => "Install a newer Plenary to open it",
        Remedy::FixEntry => "Fix the entry and try again",
        Remedy::ChooseFormat => {
            "If it is one of them, import it with the command line's --format NAME"
        }
        Remedy::NameProcess => "Choose one of the processes listed, or give a new one as KEY=NAME",
        Remedy::Wait => "Wait for it to finish",
        Remedy::Reindex => "Rebuild the search index (Library screen)",
        Remedy::Check => "If it happens again, restart Plenary",
        Remedy::RestoreBackup => {
            "Restore library.sqlite3 from a backup, then rebuild the search index"
        }
        Remedy::Pick { list } => match list {
            Listing::Documents => "Choose a document in the Library screen",
            Listing::Statements => "Open the document in the Reader to see its statements",
            Listing::Themes => "Choose a theme of the Codebook",
            Listing::Actors => "Choose a name from the list",
            Listing::Tags => "Reopen the statement to see its tags",
        },
        Remedy::DidYouMean { names } => return format!("Did you mean {}?", names.join(", ")),
        Remedy::TypeSpeaker => "Nobody was suggested: type the speaker instead",
        Remedy::Restart => "Restart Plenary",
        Remedy::TryAgain => "Try again",
        Remedy::ConfirmReplace => "If that is what you mean, choose Replace anyway",
    };
    words.to_string()
}

impl ApiError {
    /// An error the shell finds itself, with its code.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        ApiError {
            code: code.into(),
            message: message.into(),
            remedy: None,
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
        assert!(json["message"]
            .as_str()
            .unwrap()
            .contains("Move the file away"));
        assert!(!json["message"].as_str().unwrap().contains("--library"));
        assert_eq!(json["remedy"]["kind"], "move_aside");
        assert_eq!(json.as_object().unwrap().len(), 3, "{json}");
    }
}
