//! The process's allocator, set for a library's work.

/// Caps glibc's malloc arenas at two. glibc gives each thread that contends for the
/// allocator an arena of its own (up to eight per core) and keeps what each arena
/// held: tantivy's indexing and merging threads left about 50 MB more resident that way
/// in an import of the General Debate corpora (`bench_import`, 418 → 362 MB), at the
/// same speed. Called once per process, before the index starts its threads; a
/// `MALLOC_ARENA_MAX` in the environment is left to glibc.
pub(super) fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            // A cap the user set (glibc's own variable) is theirs.
            if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
                return;
            }
            // SAFETY: `mallopt` only sets a parameter of glibc's allocator, which
            // glibc synchronises itself; no memory is touched.
            unsafe {
                libc::mallopt(libc::M_ARENA_MAX, 2);
            }
        });
    }
}
