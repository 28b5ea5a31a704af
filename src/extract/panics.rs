//! Running third-party parsers on hostile input: a panic inside them becomes an
//! error message, and is not printed to the terminal as a crash.

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// How many [`catch`] calls are running on this thread.
    static CATCHING: Cell<u32> = const { Cell::new(0) };
}

static QUIET_HOOK: Once = Once::new();

/// Runs `f`, turning a panic into `Err` with its message.
///
/// The panic hook is process-wide, so it is wrapped once: it stays silent on a thread
/// inside `catch` and hands every other panic to the hook that was there before.
/// (PDF crates do panic on malformed files; the user should see "damaged", not a
/// backtrace.)
pub(super) fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    QUIET_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) == 0 {
                previous(info);
            }
        }));
    });
    CATCHING.with(|c| c.set(c.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(c.get().saturating_sub(1)));
    result.map_err(describe)
}

fn describe(payload: Box<dyn Any + Send>) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".to_owned());
    let first_line = message.lines().next().unwrap_or_default();
    let short: String = first_line.chars().take(200).collect();
    format!("the reader failed: {short}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error() {
        assert_eq!(catch(|| 7), Ok(7));
        let err = catch(|| -> u8 { panic!("bad xref {}", 3) });
        assert_eq!(err, Err("the reader failed: bad xref 3".to_owned()));
        assert_eq!(CATCHING.with(Cell::get), 0);
    }
}
