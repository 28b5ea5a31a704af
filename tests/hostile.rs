//! Hostile inputs, each imported by the real `plenary` binary: every one ends in a
//! clear refusal or a normal import, within 10 seconds and 300 MB of resident memory
//! (the child's own peak, `VmHWM` of its `/proc` status, sampled every 10 ms while it
//! runs: `wait4`'s `ru_maxrss` would count the test process's own memory, which a
//! child inherits at `fork`).

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::temp_dir;

/// How long one bad input may take, and how much memory.
const TIME_LIMIT: Duration = Duration::from_secs(10);
const RSS_LIMIT_KB: i64 = 300 * 1024;

/// What importing one input cost and said.
struct Run {
    elapsed: Duration,
    peak_rss_kb: i64,
    success: bool,
    output: String,
}

/// Imports `input` into a new library in `dir` with the real binary, killing it after
/// twice the time limit, and measures its peak resident memory.
fn import(dir: &Path, input: &Path) -> Run {
    let out = dir.join("output.txt");
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .arg("--library")
        .arg(dir.join("library"))
        .arg("import")
        .arg(input)
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out).unwrap())
        .stderr(Stdio::from(
            fs::OpenOptions::new().append(true).open(&out).unwrap(),
        ))
        .spawn()
        .unwrap();
    let mut child = child;
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_rss_kb = 0;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        peak_rss_kb = peak_rss_kb.max(high_water_mark_kb(&status_file));
        if started.elapsed() > TIME_LIMIT * 2 {
            child.kill().unwrap();
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        elapsed: started.elapsed(),
        peak_rss_kb,
        success: status.success(),
        output: fs::read_to_string(&out).unwrap_or_default(),
    }
}

/// The peak resident memory (`VmHWM`) a `/proc/PID/status` file reports, in kB; 0 once
/// the process has exited.
fn high_water_mark_kb(status_file: &str) -> i64 {
    let status = fs::read_to_string(status_file).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// A zlib stream of `n_mib` MiB of zeros, made without compressing them: one MiB of
/// zeros compressed once and its blocks repeated (they only refer back to zeros).
fn zeros_zlib(n_mib: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let chunk = vec![0u8; 1 << 20];
    let mut z = Compress::new(Compression::best(), true);
    let compress = |z: &mut Compress| {
        let mut out = Vec::with_capacity(1 << 16);
        z.compress_vec(&chunk, &mut out, FlushCompress::Sync)
            .unwrap();
        out
    };
    let first = compress(&mut z);
    let again = compress(&mut z);
    let mut stream = first;
    for _ in 1..n_mib {
        stream.extend_from_slice(&again);
    }
    // A final empty fixed block, then the Adler-32 of n zero bytes (a = 1, b = n).
    stream.extend_from_slice(&[0x03, 0x00]);
    let n = (n_mib as u64) << 20;
    let adler = ((n % 65521) << 16) | 1;
    stream.extend_from_slice(&(adler as u32).to_be_bytes());
    stream
}

/// A one-page PDF whose content stream inflates to `n_mib` MiB.
fn pdf_bomb(n_mib: usize) -> Vec<u8> {
    let stream = zeros_zlib(n_mib);
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>"
            .to_string(),
    ];
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        write!(pdf, "{} 0 obj\n{body}\nendobj\n", i + 1).unwrap();
    }
    offsets.push(pdf.len());
    write!(
        pdf,
        "4 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n",
        stream.len()
    )
    .unwrap();
    pdf.extend_from_slice(&stream);
    pdf.extend_from_slice(b"\nendstream\nendobj\n");
    let xref = pdf.len();
    write!(pdf, "xref\n0 5\n0000000000 65535 f \n").unwrap();
    for offset in offsets {
        writeln!(pdf, "{offset:010} 00000 n ").unwrap();
    }
    write!(
        pdf,
        "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    )
    .unwrap();
    pdf
}

/// Asserts a run stayed within the limits.
fn assert_bounded(name: &str, run: &Run) {
    eprintln!(
        "{name}: {:.2} s, peak {} MB",
        run.elapsed.as_secs_f64(),
        run.peak_rss_kb / 1024
    );
    assert!(
        run.elapsed <= TIME_LIMIT,
        "{name}: took {:?}\n{}",
        run.elapsed,
        run.output
    );
    assert!(
        run.peak_rss_kb <= RSS_LIMIT_KB,
        "{name}: peak resident memory {} MB\n{}",
        run.peak_rss_kb / 1024,
        run.output
    );
}

#[test]
fn a_pdf_that_inflates_to_gigabytes_is_refused_within_bounds() {
    let dir = temp_dir();
    let bomb = dir.path().join("bomb.pdf");
    fs::write(&bomb, pdf_bomb(2048)).unwrap();
    assert!(fs::metadata(&bomb).unwrap().len() < 4_000_000);
    let run = import(dir.path(), &bomb);
    assert_bounded("PDF bomb", &run);
    assert!(!run.success, "{}", run.output);
}

#[test]
fn deeply_nested_html_imports_within_bounds() {
    let dir = temp_dir();
    let page = dir.path().join("deep.html");
    let depth = 50_000;
    let mut html = String::from("<html><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str("Chile: We support capacity building.");
    html.push_str(&"</div>".repeat(depth));
    html.push_str("</body></html>");
    fs::write(&page, html).unwrap();
    let run = import(dir.path(), &page);
    assert_bounded("nested HTML", &run);
}

#[test]
fn devices_pipes_and_link_loops_are_refused_within_bounds() {
    let dir = temp_dir();
    let work = dir.path().join("inputs");
    fs::create_dir(&work).unwrap();
    std::os::unix::fs::symlink("/dev/zero", work.join("zero.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/urandom", work.join("random.pdf")).unwrap();
    let made = Command::new("mkfifo")
        .arg(work.join("pipe.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    fs::create_dir(work.join("a")).unwrap();
    std::os::unix::fs::symlink(work.join("a"), work.join("a/loop")).unwrap();
    std::os::unix::fs::symlink(work.join("b"), work.join("a/b")).unwrap();
    std::os::unix::fs::symlink(work.join("a/b"), work.join("b")).unwrap();
    let run = import(dir.path(), &work);
    assert_bounded("devices, pipes and loops", &run);
    assert!(!run.success, "every input fails: {}", run.output);
    assert!(run.output.contains("not a regular file"), "{}", run.output);
}
