//! The Tauri commands, one module per area of the UI. Each command takes the state,
//! calls `plenary::Library` on a blocking thread through [`AppState`] (which also maps
//! the error), and returns what the library returned; nothing else lives here.
//!
//! `main.rs` registers them, `command_names.rs` lists them for the build manifest, and
//! `capabilities/default.json` grants each one (checked below).
//!
//! [`AppState`]: crate::state::AppState

pub mod actors;
pub mod documents;
pub mod imports;
pub mod library;
pub mod positions;
pub mod review;
pub mod search;
pub mod themes;

#[cfg(test)]
mod tests {
    use crate::command_names::COMMANDS;

    /// The commands the handler registers and the capability grants are those of
    /// `command_names.rs` (which the build manifest declares): nothing callable without
    /// a grant, no grant for a command that does not exist.
    #[test]
    fn every_command_is_registered_declared_and_granted_exactly_once() {
        let main = include_str!("../main.rs");
        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../../capabilities/default.json")).unwrap();
        let granted: Vec<&str> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str())
            .filter_map(|p| p.strip_prefix("allow-"))
            .collect();
        // `commands::<area>::<command>,` lines of `generate_handler!`.
        let registered: Vec<&str> = main
            .lines()
            .filter_map(|l| l.trim().strip_prefix("commands::")?.strip_suffix(','))
            .filter_map(|path| path.rsplit("::").next())
            .collect();
        for command in COMMANDS {
            assert!(registered.contains(command), "{command} not registered");
            assert!(
                granted.contains(&command.replace('_', "-").as_str()),
                "{command} not granted"
            );
        }
        assert_eq!(
            granted.len(),
            COMMANDS.len(),
            "grants for unknown commands: {granted:?}"
        );
        assert_eq!(
            registered.len(),
            COMMANDS.len(),
            "registered but not listed: {registered:?}"
        );
    }
}
