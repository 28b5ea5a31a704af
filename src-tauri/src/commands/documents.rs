//! Documents: listing them, reading one, correcting one's title, process, session,
//! meeting or date.

use plenary::{DocumentEdit, DocumentRow, DocumentView, Process};

use crate::error::ApiError;
use crate::state::AppState;

/// Every document.
#[tauri::command]
pub async fn documents(state: tauri::State<'_, AppState>) -> Result<Vec<DocumentRow>, ApiError> {
    state.with_library(|l| l.documents()).await
}

/// The processes the library knows, by key: what a document's process may be set to.
#[tauri::command]
pub async fn processes(state: tauri::State<'_, AppState>) -> Result<Vec<Process>, ApiError> {
    state.with_library(|l| l.processes()).await
}

/// Corrects a document's title, process, session, meeting and/or date (the fields
/// `edit` gives); a re-import of its file keeps the correction. Returns the document
/// as it now is.
#[tauri::command]
pub async fn edit_document(
    state: tauri::State<'_, AppState>,
    document: i64,
    edit: DocumentEdit,
) -> Result<DocumentRow, ApiError> {
    state
        .with_library(move |l| l.edit_document(document, edit))
        .await
}

/// A document as its turns, with its tags and speaker list.
#[tauri::command]
pub async fn read_document(
    state: tauri::State<'_, AppState>,
    id: i64,
) -> Result<DocumentView, ApiError> {
    state.with_library(move |l| l.document_view(id)).await
}

#[cfg(test)]
mod tests {
    use plenary::DocumentEdit;

    /// `edit_document`'s `edit` as the UI sends it: only the changed fields, the
    /// meeting a number; a field left out stays as it is.
    #[test]
    fn an_edit_from_the_ui_names_only_the_changed_fields() {
        let edit: DocumentEdit = serde_json::from_value(serde_json::json!({
            "title": "Fourth session, third meeting",
            "meeting": 3
        }))
        .unwrap();
        assert_eq!(
            edit,
            DocumentEdit {
                title: Some("Fourth session, third meeting".into()),
                meeting: Some(3),
                ..DocumentEdit::default()
            }
        );
        let edit: DocumentEdit = serde_json::from_value(serde_json::json!({
            "process": "oewg-2026=OEWG 2026",
            "session": "2",
            "date": "2026-03-04"
        }))
        .unwrap();
        assert_eq!(edit.process.as_deref(), Some("oewg-2026=OEWG 2026"));
        assert_eq!(edit.session.as_deref(), Some("2"));
        assert_eq!(edit.date.as_deref(), Some("2026-03-04"));
        assert_eq!((edit.title, edit.meeting), (None, None));
    }
}
