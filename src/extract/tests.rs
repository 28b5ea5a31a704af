//! Behaviour of [`extract`] on every container, from inline bytes and the binary
//! fixtures in `tests/fixtures/extract/` (see the README there).

use std::path::Path;

use super::*;

fn run(name: &str, bytes: &[u8]) -> Result<Extracted, ExtractError> {
    extract(Path::new(name), bytes, &Limits::default())
}

/// Extracts `bytes` as a file called `name` and checks the container and text.
fn check(name: &str, bytes: &[u8], container: Container, expected: &str) -> Extracted {
    match run(name, bytes) {
        Ok(extracted) => {
            assert_eq!(extracted.container, container, "container of {name}");
            assert_eq!(extracted.text, expected, "text of {name}");
            extracted
        }
        Err(e) => panic!("{name}: unexpected error: {e}"),
    }
}

/// Extracts `bytes` as a file called `name` and checks that it fails with `code`.
fn check_err(name: &str, bytes: &[u8], code: &str) -> ExtractError {
    match run(name, bytes) {
        Ok(extracted) => panic!("{name}: expected {code}, got {extracted:?}"),
        Err(e) => {
            assert_eq!(e.code(), code, "{name}: {e}");
            e
        }
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

// Plain text

#[test]
fn utf8_with_and_without_bom() {
    let e = check(
        "a.txt",
        "Chair\n\nThank you.\n".as_bytes(),
        Container::Text,
        "Chair\n\nThank you.\n",
    );
    assert!(e.notices.is_empty());
    let e = check(
        "a.txt",
        "\u{feff}Café\n".as_bytes(),
        Container::Text,
        "Café\n",
    );
    assert!(e.notices.is_empty());
    assert!(e.title.is_none() && e.source_url.is_none());
}

#[test]
fn crlf_and_lone_cr_become_lf() {
    check(
        "a.txt",
        b"one\r\ntwo\r\n\r\nthree",
        Container::Text,
        "one\ntwo\n\nthree",
    );
    check(
        "a.txt",
        b"old\rmac\r\rstyle\r",
        Container::Text,
        "old\nmac\n\nstyle\n",
    );
    check(
        "a.txt",
        b"mixed\r\nand\rand\n",
        Container::Text,
        "mixed\nand\nand\n",
    );
}

#[test]
fn utf16le_with_bom() {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(utf16le("Señor Chair\r\nThank you"));
    let e = check("a.txt", &bytes, Container::Text, "Señor Chair\nThank you");
    assert_eq!(e.notices, vec!["decoded as UTF-16LE"]);
}

#[test]
fn utf16le_without_bom_is_detected_by_its_nuls() {
    let e = check(
        "a.txt",
        &utf16le("Chair\nI give the floor to Ruritania."),
        Container::Text,
        "Chair\nI give the floor to Ruritania.",
    );
    assert!(
        e.notices[0].starts_with("decoded as UTF-16LE"),
        "{:?}",
        e.notices
    );
    assert!(e.notices[0].contains("no byte-order mark"));
}

#[test]
fn utf16be_with_bom() {
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend("Délégation".encode_utf16().flat_map(u16::to_be_bytes));
    let e = check("a.txt", &bytes, Container::Text, "Délégation");
    assert_eq!(e.notices, vec!["decoded as UTF-16BE"]);
}

#[test]
fn latin1_is_decoded_as_windows_1252_with_a_notice() {
    // "Côte d’Ivoire – Genève" in Windows-1252: 0xF4 ô, 0x92 ’, 0x96 –, 0xE8 è.
    let e = check(
        "a.txt",
        b"C\xf4te d\x92Ivoire \x96 Gen\xe8ve",
        Container::Text,
        "Côte d\u{2019}Ivoire \u{2013} Genève",
    );
    assert_eq!(
        e.notices,
        vec!["decoded as Windows-1252 (Latin-1): the file is not valid UTF-8"]
    );
}

#[test]
fn empty_and_blank_files_are_refused() {
    let e = check_err("a.txt", b"", "empty");
    assert_eq!(
        e.to_string(),
        "the file is empty; check that it was saved or downloaded completely"
    );
    check_err("a.txt", b" \r\n\t\n", "empty");
    check_err("a.txt", b"\xef\xbb\xbf", "empty");
    check_err("a.txt", b"\xff\xfe", "empty");
}

#[test]
fn binary_files_are_refused_and_named() {
    let e = check_err("a.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary");
    assert_eq!(
        e.to_string(),
        "the file is binary (a PNG image), not a text document; choose the transcript itself"
    );
    let e = check_err("a.txt", b"\xff\xd8\xff\xe0\0\x10JFIF", "binary");
    assert!(e.to_string().contains("a JPEG image"));
    let e = check_err("a.txt", b"\x7fELF\x02\x01\x01", "binary");
    assert!(e.to_string().contains("ELF"));
    let e = check_err(
        "a.txt",
        b"text\0with\0scattered\x01\x02 NULs and more words",
        "binary",
    );
    assert!(e.to_string().contains("NUL"));
    check_err(
        "notes",
        &[0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, b'a'],
        "binary",
    );
    let e = check_err(
        "a.doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0",
        "unsupported",
    );
    assert!(e.to_string().contains("legacy Microsoft Office"));
    check_err("a.rtf", br"{\rtf1\ansi Hello}", "unsupported");
}

#[test]
fn trailing_nul_padding_is_removed_with_a_notice() {
    let e = check("a.txt", b"Chair\n\0\0\0\0", Container::Text, "Chair\n");
    assert_eq!(
        e.notices,
        vec!["removed 4 NUL bytes padding the end of the file"]
    );
}

#[test]
fn size_limit_is_enforced() {
    let limits = Limits { max_bytes: 10 };
    match extract(Path::new("a.txt"), b"12345678901", &limits) {
        Err(
            e @ ExtractError::TooLarge {
                size: 11,
                limit: 10,
            },
        ) => {
            assert_eq!(e.code(), "too_large");
            assert!(e.to_string().contains("11 bytes; the limit is 10 bytes"));
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    assert!(extract(Path::new("a.txt"), b"1234567890", &limits).is_ok());
    assert_eq!(Limits::default().max_bytes, 256 * 1024 * 1024);
}

#[test]
fn large_text_is_handled_in_linear_time() {
    // 16 MiB of CRLF text with a non-ASCII character per line: quadratic work would
    // take minutes here.
    let line = "Délégation: thank you, Chair.\r\n";
    let bytes = line.repeat(16 * 1024 * 1024 / line.len()).into_bytes();
    let start = std::time::Instant::now();
    let e = run("big.txt", &bytes).expect("big text");
    assert!(start.elapsed().as_secs() < 60);
    assert_eq!(e.text.len(), bytes.len() - bytes.len() / line.len());
    assert!(!e.text.contains('\r'));
}

// HTML

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Fixture meeting 3 &#8211; Transcripts</title>
<link rel="canonical" href="https://example.org/fixture-meeting-3/">
<style>p { color: red }</style>
<script>var menu = "Home | About";</script>
</head>
<body class="post-template-default single has-sidebar">
<a class="skip-link" href="#content">Skip to content</a>
<header id="masthead"><h1 class="site-title">Example Transcripts</h1>
<nav class="main-navigation"><ul><li>Home</li><li>About</li></ul></nav></header>
<div id="content" class="site-content">
<main id="primary">
<article class="post type-post tag-social-media">
<header class="entry-header"><h1 class="entry-title">Fixture meeting 3</h1></header>
<div class="entry-content">
<h2>Agenda item 5</h2>
<p><strong>Chair</strong></p>
<p>Good morning. I give the floor to Ruritania.&nbsp;&nbsp;You have   the floor.</p>
<p><strong>Ruritania</strong></p>
<p>Thank you, Chair. We welcome the draft &amp; its annex<br>and the “non-paper”.</p>
<div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li>Twitter</li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p>Fixture meeting 2</p></div>
</div>
<footer class="entry-meta">Posted in Transcripts</footer>
</article>
<nav class="post-navigation">Previous post</nav>
<div id="comments" class="comments-area"><h2>Leave a comment</h2>
<form id="commentform"><textarea>Comment</textarea></form></div>
</main>
<aside id="secondary" class="widget-area"><article><p>Sidebar story</p></article></aside>
</div>
<div class="cookie-banner">We use cookies.</div>
<footer id="colophon">Proudly powered</footer>
</body></html>
"##;

const PAGE_TEXT: &str = "Agenda item 5\n\nChair\n\nGood morning. I give the floor to Ruritania. You have the floor.\n\nRuritania\n\nThank you, Chair. We welcome the draft & its annex\nand the “non-paper”.";

#[test]
fn html_keeps_the_article_and_drops_chrome() {
    let e = check("page.html", PAGE.as_bytes(), Container::Html, PAGE_TEXT);
    assert_eq!(e.title.as_deref(), Some("Fixture meeting 3 – Transcripts"));
    assert_eq!(
        e.source_url.as_deref(),
        Some("https://example.org/fixture-meeting-3/")
    );
    assert!(e.notices.is_empty(), "{:?}", e.notices);
}

#[test]
fn html_without_a_content_root_uses_the_body_minus_chrome() {
    let page = r#"<html><head><title>t</title></head><body>
        <nav>Home</nav><div class="menu">Menu</div>
        <h1>Meeting record</h1><p>First&nbsp;paragraph.</p><div>Second</div>
        <div id="sidebar">Side</div><footer>Foot</footer>
        <script>alert(1)</script><noscript>Enable JS</noscript>
        <iframe src="x">frame</iframe><svg><text>logo</text></svg><template><p>tpl</p></template>
        </body></html>"#;
    check(
        "a.htm",
        page.as_bytes(),
        Container::Html,
        "Meeting record\n\nFirst paragraph.\n\nSecond",
    );
}

#[test]
fn html_named_txt_is_read_as_html() {
    let e = check("saved.txt", PAGE.as_bytes(), Container::Html, PAGE_TEXT);
    assert_eq!(e.notices, vec!["the file is named .txt but holds HTML"]);
}

#[test]
fn html_named_file_without_any_tag_is_plain_text() {
    let e = check(
        "a.html",
        b"Chair\nThank you.\n",
        Container::Text,
        "Chair\nThank you.\n",
    );
    assert_eq!(
        e.notices,
        vec!["the file is named .html but holds plain text"]
    );
    // A fragment saved as .html is still HTML.
    check(
        "a.html",
        b"<p>One</p>\n<p>Two</p>",
        Container::Html,
        "One\n\nTwo",
    );
}

#[test]
fn html_entities_are_decoded() {
    let page = "<!doctype html><p>R&eacute;sum&eacute; &amp; d&#233;cision &#x2014; &lt;draft&gt; &quot;ok&quot; &rsquo;</p>";
    check(
        "a.html",
        page.as_bytes(),
        Container::Html,
        "Résumé & décision — <draft> \"ok\" \u{2019}",
    );
}

#[test]
fn html_og_url_is_the_fallback_source_url() {
    let page = r#"<html><head><meta property="og:url" content=" https://example.org/m4 "></head><body><p>Text</p></body></html>"#;
    let e = check("a.html", page.as_bytes(), Container::Html, "Text");
    assert_eq!(e.source_url.as_deref(), Some("https://example.org/m4"));
    assert_eq!(e.title, None);
}

#[test]
fn html_declared_charset_is_honoured() {
    let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>Gen\xe8ve \x96 d\xe9l\xe9gation</p></body></html>";
    let e = check("a.html", page, Container::Html, "Genève – délégation");
    assert_eq!(
        e.notices,
        vec!["decoded as windows-1252, as the page declares"]
    );
}

#[test]
fn html_in_utf16_is_decoded_then_parsed() {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(utf16le(
        "<!DOCTYPE html><html><body><p>Chair</p><p>Merci.</p></body></html>",
    ));
    let e = check("a.html", &bytes, Container::Html, "Chair\n\nMerci.");
    assert_eq!(e.notices, vec!["decoded as UTF-16LE"]);
}

#[test]
fn html_with_nothing_but_chrome_has_no_text() {
    let page = "<!DOCTYPE html><html><head><title>Loading</title><script>load()</script></head><body><nav>Home</nav><div id=\"app\"></div></body></html>";
    let e = check_err("a.html", page.as_bytes(), "no_text");
    assert!(e
        .to_string()
        .contains("no text once markup, scripts and navigation are removed"));
}

#[test]
fn html_related_article_cards_are_not_the_content() {
    let page = r#"<html><body><div class="related-posts"><article><p>Other post</p></article></div>
        <p>The page text.</p></body></html>"#;
    check("a.html", page.as_bytes(), Container::Html, "The page text.");
}

// PDF

#[test]
fn pdf_text_layer_of_every_page() {
    let e = run("record.pdf", &fixture("text.pdf")).expect("text.pdf");
    assert_eq!(e.container, Container::Pdf);
    let page1 = e
        .text
        .find("The meeting is called to order. I give the floor to Ruritania.");
    let page2 = e
        .text
        .find("Thank you, Chair. We support the draft report.");
    assert!(
        e.text.starts_with("Fixture meeting 1 - unofficial record"),
        "{:?}",
        e.text
    );
    assert!(
        matches!((page1, page2), (Some(a), Some(b)) if a < b),
        "{:?}",
        e.text
    );
    // Pages are separated by a blank line.
    assert!(e.text.contains("Ruritania.\n\nRuritania\n"), "{:?}", e.text);
    assert!(e.notices.is_empty(), "{:?}", e.notices);
}

#[test]
fn pdf_is_recognised_by_content_whatever_its_name() {
    let e = run("download", &fixture("text.pdf")).expect("text.pdf without extension");
    assert_eq!(e.container, Container::Pdf);
}

#[test]
fn pdf_without_text_layer_asks_for_ocr() {
    let e = check_err("scan.pdf", &fixture("image_only.pdf"), "no_text_layer");
    assert!(e.to_string().contains("no text layer; run OCR first"));
}

#[test]
fn password_protected_pdf_is_refused_but_permissions_only_is_read() {
    let e = check_err("locked.pdf", &fixture("password.pdf"), "encrypted_pdf");
    assert!(e.to_string().contains("password-protected"));
    // An owner password with an empty user password only restricts printing etc.
    let e = run("perm.pdf", &fixture("permissions_only.pdf")).expect("permissions-only PDF");
    assert!(
        e.text
            .contains("Protected fixture: the Chair opened the meeting"),
        "{:?}",
        e.text
    );
}

#[test]
fn truncated_pdf_is_damaged() {
    let e = check_err("cut.pdf", &fixture("truncated.pdf"), "damaged_pdf");
    let message = e.to_string();
    assert!(
        message.starts_with("the PDF is damaged or truncated ("),
        "{message}"
    );
    assert!(message.ends_with("; export it again"), "{message}");
}

#[test]
fn hostile_pdfs_are_errors_not_crashes() {
    check_err("x.pdf", b"%PDF-1.7\n", "damaged_pdf");
    check_err("x.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF", "damaged_pdf");
    let mut garbage = b"%PDF-1.5\n".to_vec();
    garbage.extend((0u32..4000).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    garbage.extend(b"\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Root 9 0 R >>\nstartxref\n9\n%%EOF\n");
    let e = run("x.pdf", &garbage).expect_err("garbage PDF");
    assert!(matches!(e.code(), "damaged_pdf" | "no_text_layer"), "{e}");
}

/// A well-formed PDF (header, objects, cross-reference table, trailer) around the
/// bodies of objects 1, 2, …; object 1 must be the catalog.
fn minimal_pdf(objects: &[&str]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

#[test]
fn panic_in_the_pdf_reader_is_a_damaged_pdf() {
    // pdf-extract panics on a page without a MediaBox; that must not crash us.
    let content = "BT /F1 12 Tf 72 700 Td (A page without a media box at all) Tj ET";
    let pdf = minimal_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        &format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]);
    let e = check_err("x.pdf", &pdf, "damaged_pdf");
    assert!(e.to_string().contains("page 1: the reader failed"), "{e}");

    // The same page with a media box reads fine: the test PDF itself is sound.
    let pdf = minimal_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        &format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]);
    let e = run("x.pdf", &pdf).expect("hand-made PDF");
    assert_eq!(e.text, "A page without a media box at all");
}

#[test]
fn file_named_pdf_that_is_not_one_is_damaged() {
    let e = check_err("x.pdf", b"just some words, not a PDF", "damaged_pdf");
    assert!(e.to_string().contains("does not start with %PDF-"));
}

// DOCX

#[test]
fn docx_paragraphs_and_footnotes() {
    let e = check(
        "statement.docx",
        &fixture("footnote.docx"),
        Container::Docx,
        "Fixture statement\n\nRuritania\n\nThank you, Chair. We recall resolution 1/1[1] and\tits annex.\nA second line.\n\nCafé & co.\n\nFootnotes\n\n1 See document A/1/1.",
    );
    assert!(e.notices.is_empty(), "{:?}", e.notices);
}

#[test]
fn docx_with_broken_xml_is_damaged() {
    let e = check_err("bad.docx", &fixture("bad_xml.docx"), "damaged_docx");
    let message = e.to_string();
    assert!(
        message.starts_with("the DOCX is damaged (word/document.xml: "),
        "{message}"
    );
    assert!(
        message.ends_with("save it again from your word processor"),
        "{message}"
    );
}

#[test]
fn truncated_docx_is_damaged() {
    check_err("cut.docx", &fixture("truncated.docx"), "damaged_docx");
    // Without the name, the Word part's name in the local headers still tells.
    check_err("download", &fixture("truncated.docx"), "damaged_docx");
    check_err("x.docx", b"plain words in a .docx", "damaged_docx");
}

#[test]
fn zip_that_is_not_a_docx_is_binary() {
    let e = check_err("archive.docx", &fixture("not_docx.zip"), "binary");
    assert!(e.to_string().contains("a ZIP archive that is not a DOCX"));
}

#[test]
fn docx_uncompressed_size_is_capped() {
    let bomb = fixture("bomb.docx");
    let limits = Limits {
        max_bytes: 64 * 1024,
    };
    assert!((bomb.len() as u64) < limits.max_bytes);
    match extract(Path::new("bomb.docx"), &bomb, &limits) {
        Err(ExtractError::TooLarge { size, limit }) => {
            assert_eq!(limit, 64 * 1024);
            assert!(size > limit);
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    // Within a generous limit the same file is fine.
    let e = run("bomb.docx", &bomb).expect("bomb.docx under the default limit");
    assert_eq!(e.text.len(), 2 * 1024 * 1024);
}

// The API

#[test]
fn container_names() {
    let names: Vec<_> = [
        Container::Text,
        Container::Html,
        Container::Pdf,
        Container::Docx,
    ]
    .into_iter()
    .map(|c| (c.as_str(), serde_json::to_string(&c).unwrap_or_default()))
    .collect();
    assert_eq!(
        names,
        vec![
            ("txt", "\"text\"".to_owned()),
            ("html", "\"html\"".to_owned()),
            ("pdf", "\"pdf\"".to_owned()),
            ("docx", "\"docx\"".to_owned())
        ]
    );
}

#[test]
fn error_codes_are_stable() {
    let errors = [
        (ExtractError::Empty, "empty"),
        (ExtractError::TooLarge { size: 2, limit: 1 }, "too_large"),
        (ExtractError::PdfInflates { limit: 1 }, "pdf_inflates"),
        (ExtractError::binary("x"), "binary"),
        (ExtractError::Unsupported { what: "x" }, "unsupported"),
        (ExtractError::NoTextLayer, "no_text_layer"),
        (ExtractError::EncryptedPdf, "encrypted_pdf"),
        (ExtractError::DamagedPdf("x".into()), "damaged_pdf"),
        (ExtractError::DamagedDocx("x".into()), "damaged_docx"),
        (ExtractError::NoText, "no_text"),
    ];
    for (error, code) in errors {
        assert_eq!(error.code(), code, "{error}");
    }
}

/// Found by fuzzing: a page whose `/Parent` is itself, and no resources of its own, sent
/// the reader round the loop for ever looking for inherited ones.
#[test]
fn a_page_that_is_its_own_ancestor_is_an_error_not_a_hang() {
    let content =
        "BT /F0 12 Tf 72 720 Td (The delegation of Chile supports capacity building.) Tj ET";
    let stream = format!(
        "<< /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    );
    let pdf = minimal_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        &stream,
    ]);
    let started = std::time::Instant::now();
    let e = run("loop.pdf", &pdf).expect_err("a page tree that loops");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(e.code(), "damaged_pdf", "{e}");
    assert!(e.to_string().contains("loops"), "{e}");
}
