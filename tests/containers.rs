//! Acceptance: a seed document saved as a web page or a Word document imports as the
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

#[test]
fn seeds_as_web_pages_and_word_documents_import_like_their_text() {
    let Some(corpus) = corpus() else { return };
    let work = temp_dir();
    let mut seeds: Vec<_> = std::fs::read_dir(corpus.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    assert_eq!(seeds.len(), 5);
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
