//! Acceptance: a seed document saved as a web page, a Word document or a PDF imports as the
//! same statements, with the same speakers, as its plain text. The copies are made
//! here from the corpus (nothing of its text is kept in the repository).

use std::io::Write;
use std::path::Path;

use plenary::import::ImportOptions;
use plenary::Library;

use crate::common::{corpus, temp_dir};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Paragraphs (blank-line separated) of a text, each as its lines.
fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    text.split("\n\n")
        .map(|p| {
            p.lines()
                .map(str::trim_end)
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// The text as a saved web page: a paragraph per `<p>`, its lines split by `<br>`,
/// inside an article, with a site's navigation and scripts around it.
fn as_html(text: &str) -> String {
    let body: String = paragraphs(text)
        .iter()
        .map(|p| {
            let lines: Vec<String> = p.iter().map(|l| escape(l.trim())).collect();
            format!("<p>{}</p>\n", lines.join("<br>\n"))
        })
        .collect();
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Record</title><script>var a = 1;</script></head>\
         <body><nav><a href=\"/\">Home</a> | <a href=\"/about\">About</a></nav><article>\n{body}</article>\
         <footer>Site footer</footer></body></html>"
    )
}

/// The text as a Word document: a paragraph per `w:p`, its lines split by `w:br`.
fn as_docx(text: &str, path: &Path) {
    let body: String = paragraphs(text)
        .iter()
        .map(|p| {
            let runs: Vec<String> = p
                .iter()
                .map(|l| format!("<w:t xml:space=\"preserve\">{}</w:t>", escape(l.trim())))
                .collect();
            format!("<w:p><w:r>{}</w:r></w:p>", runs.join("<w:br/>"))
        })
        .collect();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    for (name, content) in [
        ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_string()),
        ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_string()),
        ("word/document.xml", document),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// A character in the PDF's WinAnsi encoding (the standard Helvetica's), if it has one.
fn win_ansi(c: char) -> Option<u8> {
    const HIGH: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    match c as u32 {
        0x20..=0x7E | 0xA1..=0xFF => Some(c as u8),
        _ => HIGH.iter().find(|(h, _)| *h == c).map(|(_, b)| *b),
    }
}

/// The text with what a standard PDF font cannot show replaced ("?"), and no-break
/// spaces as spaces: what a PDF of it can hold.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\u{a0}' | '\t' => ' ',
            c if win_ansi(c).is_some() => c,
            _ => '?',
        })
        .collect()
}

/// The text's lines wrapped at 90 characters, a blank line after each paragraph.
fn wrapped(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for p in paragraphs(text) {
        for line in p {
            let mut current = String::new();
            for word in line.split(' ').filter(|w| !w.is_empty()) {
                if !current.is_empty() && current.chars().count() + word.chars().count() >= 90 {
                    lines.push(std::mem::take(&mut current));
                }
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(word);
            }
            lines.push(current);
        }
        lines.push(String::new());
    }
    lines
}

/// The text printed to a PDF: Helvetica, lines wrapped at 90 characters, a blank line
/// between paragraphs, 60 lines a page. A minimal writer (objects, xref, trailer).
fn as_pdf(text: &str, path: &Path) {
    let lines = wrapped(text);
    let pages: Vec<&[String]> = lines.chunks(60).collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Count {} /Kids [{}] >>",
            pages.len(),
            (0..pages.len())
                .map(|i| format!("{} 0 R", 4 + 2 * i))
                .collect::<Vec<_>>()
                .join(" ")
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    for (i, page) in pages.iter().enumerate() {
        let mut content: Vec<u8> = b"BT /F1 9 Tf 12 TL 40 800 Td\n".to_vec();
        for line in page.iter() {
            content.push(b'(');
            for c in line.chars() {
                let b = win_ansi(c).unwrap_or(b'?');
                if matches!(b, b'(' | b')' | b'\\') {
                    content.push(b'\\');
                }
                content.push(b);
            }
            content.extend_from_slice(b") Tj T*\n");
        }
        content.extend_from_slice(b"ET");
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(&content);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    let mut pdf: Vec<u8> = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(object);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    std::fs::write(path, pdf).unwrap();
}

/// (speaker, method, text with whitespace collapsed) of each statement of the one
/// document imported from `path`.
fn statements_of(path: &Path) -> Vec<(Option<String>, String, String)> {
    let dir = temp_dir();
    let mut library = Library::open(dir.path()).unwrap();
    let results = library
        .import(&[path.to_path_buf()], &ImportOptions::default(), |_| {})
        .unwrap();
    let outcome = results[0]
        .1
        .as_ref()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    library
        .statements(Some(outcome.document), None, None, None)
        .unwrap()
        .into_iter()
        .map(|s| {
            let text = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
            (s.speaker, s.method, text)
        })
        .collect()
}

/// The five seed files of the corpus, in order (None: no corpus, outside CI).
fn seed_files() -> Option<Vec<std::path::PathBuf>> {
    let corpus = corpus()?;
    let mut seeds: Vec<_> = std::fs::read_dir(corpus.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    assert_eq!(seeds.len(), 5);
    Some(seeds)
}

#[test]
fn seeds_as_web_pages_and_word_documents_import_like_their_text() {
    let Some(seeds) = seed_files() else { return };
    let work = temp_dir();
    for seed in &seeds {
        let text = std::fs::read_to_string(seed).unwrap().replace("\r\n", "\n");
        let stem = seed.file_stem().unwrap().to_str().unwrap();
        let html = work.path().join(format!("{stem}.html"));
        std::fs::write(&html, as_html(&text)).unwrap();
        let docx = work.path().join(format!("{stem}.docx"));
        as_docx(&text, &docx);

        let plain = statements_of(seed);
        assert!(!plain.is_empty(), "{stem}");
        for copy in [&html, &docx] {
            let other = statements_of(copy);
            let name = copy.file_name().unwrap().to_string_lossy();
            assert_eq!(other.len(), plain.len(), "{name}: statement count");
            for (i, (a, b)) in plain.iter().zip(&other).enumerate() {
                assert_eq!(
                    (&a.0, &a.1),
                    (&b.0, &b.1),
                    "{name}: speaker of statement {i}: {}",
                    a.2.chars().take(80).collect::<String>()
                );
                assert_eq!(a.2, b.2, "{name}: text of statement {i}");
            }
        }
    }
}

#[test]
fn seeds_printed_to_pdf_or_hard_wrapped_import_like_their_text() {
    let Some(seeds) = seed_files() else { return };
    let work = temp_dir();
    for seed in &seeds {
        // The text as the PDF can hold it, imported both ways.
        let text = printable(&std::fs::read_to_string(seed).unwrap().replace("\r\n", "\n"));
        let stem = seed.file_stem().unwrap().to_str().unwrap();
        let plain = work.path().join(format!("{stem}.txt"));
        std::fs::write(&plain, &text).unwrap();
        let pdf = work.path().join(format!("{stem}.pdf"));
        as_pdf(&text, &pdf);
        // The same lines as plain text: hard-wrapped, as e-mail and some exports are.
        let hard = work.path().join(format!("{stem}-wrapped.txt"));
        std::fs::write(&hard, wrapped(&text).join("\n")).unwrap();
        let a = statements_of(&plain);
        let who = |s: &[(Option<String>, String, String)]| -> Vec<(Option<String>, String)> {
            s.iter().map(|(n, m, _)| (n.clone(), m.clone())).collect()
        };
        for copy in [&pdf, &hard] {
            let b = statements_of(copy);
            let name = copy.file_name().unwrap().to_string_lossy();
            assert_eq!(who(&b), who(&a), "{name}: speakers and methods");
            for (i, (x, y)) in a.iter().zip(&b).enumerate() {
                assert_eq!(x.2, y.2, "{name}: text of statement {i}");
            }
        }
    }
}
