//! Progress on standard error while long work runs (opening a library that needs its
//! index rebuilt, an import, a reindex). indicatif draws nothing when standard error is
//! not a terminal, so pipes, scripts and tests see no progress at all.

use std::cell::Cell;
use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar on standard error, cleared when dropped.
pub struct Progress {
    bar: ProgressBar,
    /// Where the bar goes once it has something to show: it stays hidden until the
    /// first step has set its stage, count and total (no empty frame).
    target: Cell<Option<ProgressDrawTarget>>,
}

impl Progress {
    /// A bar on standard error, hidden when it is not a terminal.
    pub fn stderr() -> Progress {
        Progress::to(ProgressDrawTarget::stderr())
    }

    /// No bar: the output is for a script (`--json`).
    pub fn hidden() -> Progress {
        Progress::to(ProgressDrawTarget::hidden())
    }

    fn to(target: ProgressDrawTarget) -> Progress {
        let style = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {wide_msg}")
            .expect("a valid progress template")
            .progress_chars("=> ");
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        Progress {
            bar: bar.with_style(style),
            target: Cell::new(Some(target)),
        }
    }

    /// A step of the library's work, as `Library` reports it: `what`, `done` of `total`.
    pub fn step(&self, what: &str, done: usize, total: usize) {
        if total == 0 {
            return;
        }
        if self.bar.prefix() != what {
            self.bar.set_prefix(what.to_string());
        }
        self.bar.set_length(total as u64);
        self.bar.set_position(done as u64);
        if let Some(target) = self.target.take() {
            self.bar.set_draw_target(target);
            self.bar.tick();
        }
    }

    /// A file of an import: its name after the count.
    pub fn file(&self, path: &Path, done: usize, total: usize) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.bar.set_message(name);
        self.step("importing", done, total);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
