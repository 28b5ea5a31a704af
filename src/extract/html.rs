//! Saved web pages: the article's text laid out like a plain-text transcript, without
//! the site's navigation, scripts, comments and sidebars.
//!
//! The content root is the most specific container a blog or CMS puts the text in
//! (`.entry-content`, then `<article>`, then `<main>`); the page's `<body>` if there is
//! none. Inside it, chrome is dropped by tag (`nav`, `aside`, `script`, …) and by the
//! words in `id`/`class` (`menu`, `sidebar`, `comments`, …). Paragraph-like blocks are
//! separated by a blank line and other blocks by a line break, so a speaker's name in
//! its own `<p>` ends up alone on its line, as in the plain-text transcripts.

use std::collections::HashSet;

use encoding_rs::Encoding;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};

use super::{nesting, ExtractError};

/// What a page yields: its text and its provenance.
#[derive(Debug)]
pub(super) struct Page {
    pub text: String,
    pub title: Option<String>,
    pub source_url: Option<String>,
}

/// Extracts the text, title and canonical URL of an HTML document.
pub(super) fn extract_html(source: &str) -> Result<Page, ExtractError> {
    let doc = nesting::parse_document(source);
    let title = first_text(&doc, "head title");
    let source_url = canonical_url(&doc);
    let text = content_text(&doc);
    if text.trim().is_empty() {
        return Err(ExtractError::NoText);
    }
    Ok(Page {
        text,
        title,
        source_url,
    })
}

/// The encoding a page declares in a `<meta charset>` or `<meta http-equiv>` near its
/// start, as browsers read it before parsing.
pub(super) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&head[from..], b"<meta") {
        let tag_start = from + pos;
        let tag_end = head[tag_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |end| tag_start + end);
        let tag = &head[tag_start..tag_end];
        if let Some(at) = find(tag, b"charset=") {
            let value = &tag[at + b"charset=".len()..];
            let value = value
                .strip_prefix(b"\"")
                .or_else(|| value.strip_prefix(b"'"))
                .unwrap_or(value);
            let len = value
                .iter()
                .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                .unwrap_or(value.len());
            if let Some(encoding) = Encoding::for_label(&value[..len]) {
                return Some(encoding);
            }
        }
        from = tag_end;
    }
    None
}

/// Whether text that starts like this is an HTML document: after a BOM and whitespace
/// comes markup, and a doctype or `<html>` tag shows up early.
pub(super) fn looks_like_html(start: &[u8]) -> bool {
    let start = start.strip_prefix(b"\xef\xbb\xbf").unwrap_or(start);
    let head = start[..start.len().min(1024)].to_ascii_lowercase();
    let Some(first) = head.iter().position(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    head[first] == b'<'
        && (find(&head, b"<!doctype html").is_some() || find(&head, b"<html").is_some())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn first_text(doc: &Html, css: &str) -> Option<String> {
    let sel = selector(css)?;
    let element = doc.select(&sel).next()?;
    let text = collapse_spaces(&element.text().collect::<String>());
    (!text.is_empty()).then_some(text)
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page's own address: `<link rel="canonical">`, else `<meta property="og:url">`.
fn canonical_url(doc: &Html) -> Option<String> {
    let canonical = selector("link[rel][href]").and_then(|sel| {
        doc.select(&sel)
            .find(|link| {
                link.attr("rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                })
            })
            .and_then(|link| link.attr("href"))
            .map(str::to_owned)
    });
    let og_url = || {
        let sel = selector(r#"meta[property="og:url"][content]"#)?;
        let meta = doc.select(&sel).next()?;
        meta.attr("content").map(str::to_owned)
    };
    canonical
        .or_else(og_url)
        .map(|url| url.trim().to_owned())
        .filter(|url| !url.is_empty())
}

/// Containers that hold a page's main text, most specific first.
const CONTENT_ROOTS: &[&str] = &[
    ".entry-content",
    ".post-content",
    "article",
    "main",
    "[role=main]",
];

/// The text of the page's content root(s), or of its body if no root has text.
fn content_text(doc: &Html) -> String {
    for css in CONTENT_ROOTS {
        let Some(sel) = selector(css) else { continue };
        // A root inside dropped chrome (an <article> card in a "related posts"
        // sidebar, a comment) is not the page's content.
        let roots: Vec<ElementRef> = doc
            .select(&sel)
            .filter(|root| {
                !root
                    .ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|a| is_dropped(a.value()))
            })
            .collect();
        let ids: HashSet<_> = roots.iter().map(|root| root.id()).collect();
        let outermost: Vec<ElementRef> = roots
            .iter()
            .copied()
            .filter(|root| !root.ancestors().any(|a| ids.contains(&a.id())))
            .collect();
        let text = render(&outermost);
        if !text.trim().is_empty() {
            return text;
        }
    }
    let body = selector("body").and_then(|sel| doc.select(&sel).next());
    render(&[body.unwrap_or_else(|| doc.root_element())])
}

/// Elements that never hold the text of a page.
const DROPPED_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "svg", "template", "button", "select", "textarea", "object", "embed", "canvas", "dialog",
];

/// Words in an `id` or `class` that mark site chrome. A part of a class name
/// (split at `-` and `_`) that starts with one of these counts: `comments-area`,
/// `navbar`, `widget_nav_menu`, `sharedaddy`, `jp-relatedposts`.
const CHROME_WORDS: &[&str] = &[
    "nav",
    "menu",
    "sidebar",
    "comment",
    "footer",
    "cookie",
    "share",
    "related",
    "breadcrumb",
    "social",
    "skip",
];

/// Words in an `id` or `class` that mark the text itself; they win over chrome words
/// in other classes of the same element (`entry-content share-enabled`).
const CONTENT_WORDS: &[&str] = &["content", "entry", "article", "transcript"];

fn is_dropped(element: &Element) -> bool {
    let name = element.name();
    if DROPPED_TAGS.contains(&name) || element.attr("hidden").is_some() {
        return true;
    }
    // WordPress decorates <article> and <body> with taxonomy classes such as
    // "tag-social-media"; those say nothing about chrome.
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    let names = element
        .id()
        .into_iter()
        .chain(element.classes())
        .filter(|c| !c.starts_with("tag-") && !c.starts_with("category-"));
    let mut chrome = false;
    for class in names {
        let class = class.to_ascii_lowercase();
        let parts = || class.split(|c: char| !c.is_ascii_alphanumeric());
        let is_chrome = parts().any(|p| CHROME_WORDS.iter().any(|w| p.starts_with(w)));
        if is_chrome {
            chrome = true;
        } else if parts().any(|p| CONTENT_WORDS.contains(&p)) {
            return false;
        }
    }
    chrome
}

/// How an element breaks the flow of text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    Inline,
    /// Ends the line.
    Line,
    /// Stands apart, with a blank line before and after.
    Paragraph,
    /// A table cell: separated from the previous cell by a tab.
    Cell,
    Preformatted,
}

fn layout(element: ElementRef) -> Layout {
    match element.value().name() {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "table" | "figure"
        | "hr" | "dl" => Layout::Paragraph,
        "pre" | "listing" | "plaintext" => Layout::Preformatted,
        "td" | "th" => Layout::Cell,
        // A <div> holding text directly is used as a paragraph (editors that write
        // <div> for every paragraph); a <div> wrapping other blocks is not.
        "div" if has_own_text(element) => Layout::Paragraph,
        "div" | "li" | "tr" | "section" | "article" | "main" | "ul" | "ol" | "dd" | "dt"
        | "caption" | "figcaption" | "address" | "center" | "details" | "summary" | "fieldset"
        | "legend" | "body" | "thead" | "tbody" | "tfoot" => Layout::Line,
        _ => Layout::Inline,
    }
}

fn has_own_text(element: ElementRef) -> bool {
    element
        .children()
        .any(|child| matches!(child.value(), Node::Text(t) if !t.trim().is_empty()))
}

/// Renders the subtrees under `roots`, in order, as text. The walk is iterative: a
/// hostile page nested a million levels deep must not overflow the stack.
fn render(roots: &[ElementRef]) -> String {
    let mut sink = Sink::default();
    for root in roots {
        sink.block(2);
        let root = **root;
        let mut node = root;
        let mut open = sink.enter(node);
        loop {
            if open {
                if let Some(child) = node.first_child() {
                    node = child;
                    open = sink.enter(node);
                    continue;
                }
                sink.exit(node);
            }
            // `node` is done: go on with its next sibling, or close its parents.
            let next = loop {
                if node.id() == root.id() {
                    break None;
                }
                if let Some(sibling) = node.next_sibling() {
                    break Some(sibling);
                }
                match node.parent() {
                    Some(parent) => {
                        node = parent;
                        sink.exit(node);
                    }
                    None => break None,
                }
            };
            match next {
                Some(sibling) => {
                    node = sibling;
                    open = sink.enter(node);
                }
                None => break,
            }
        }
        sink.block(2);
    }
    sink.out
}

/// What goes between the last character written and the next one.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
enum Separator {
    #[default]
    None,
    Space,
    Tab,
}

/// Accumulates text, collapsing whitespace and merging the breaks that blocks ask for,
/// so nested blocks give one break and the output never starts or ends with one.
struct Sink {
    out: String,
    /// Newlines owed before the next character: 1 ends the line, 2 leaves a blank one.
    pending_break: u8,
    pending_separator: Separator,
    /// Whether the line being written has no characters yet.
    at_line_start: bool,
    /// Depth of `<pre>` elements, inside which whitespace is kept.
    preformatted: u32,
}

impl Default for Sink {
    fn default() -> Self {
        Sink {
            out: String::new(),
            pending_break: 0,
            pending_separator: Separator::None,
            at_line_start: true,
            preformatted: 0,
        }
    }
}

impl Sink {
    /// Opens a node; returns whether to visit its children.
    fn enter(&mut self, node: ego_node::NodeRef<'_>) -> bool {
        match node.value() {
            Node::Text(text) => {
                self.text(text);
                false
            }
            Node::Element(element) => {
                if is_dropped(element) {
                    return false;
                }
                let Some(element) = ElementRef::wrap(node) else {
                    return false;
                };
                match element.value().name() {
                    "br" => {
                        self.pending_break = (self.pending_break + 1).min(2);
                        self.pending_separator = Separator::None;
                        return false;
                    }
                    "img" | "input" | "video" | "audio" | "picture" | "map" => return false,
                    _ => {}
                }
                match layout(element) {
                    Layout::Inline => {}
                    Layout::Line => self.block(1),
                    Layout::Paragraph => self.block(2),
                    Layout::Cell => self.pending_separator = Separator::Tab,
                    Layout::Preformatted => {
                        self.block(2);
                        self.preformatted += 1;
                    }
                }
                true
            }
            _ => false,
        }
    }

    /// Closes an element opened by [`Sink::enter`].
    fn exit(&mut self, node: ego_node::NodeRef<'_>) {
        let Some(element) = ElementRef::wrap(node) else {
            return;
        };
        match layout(element) {
            Layout::Inline | Layout::Cell => {}
            Layout::Line => self.block(1),
            Layout::Paragraph => self.block(2),
            Layout::Preformatted => {
                self.preformatted = self.preformatted.saturating_sub(1);
                self.block(2);
            }
        }
    }

    fn block(&mut self, newlines: u8) {
        self.pending_break = self.pending_break.max(newlines);
        self.pending_separator = Separator::None;
    }

    fn text(&mut self, text: &str) {
        for c in text.chars() {
            if self.preformatted > 0 {
                if c == '\n' {
                    self.pending_break = (self.pending_break + 1).min(2);
                } else {
                    self.put(c);
                }
            } else if c.is_whitespace() {
                // Includes no-break spaces: they separate words like any space. At the
                // start of a line, `put` drops the separator.
                self.pending_separator = self.pending_separator.max(Separator::Space);
            } else {
                self.put(c);
            }
        }
    }

    fn put(&mut self, c: char) {
        if self.pending_break > 0 {
            if !self.out.is_empty() {
                for _ in 0..self.pending_break {
                    self.out.push('\n');
                }
            }
            self.pending_break = 0;
            self.pending_separator = Separator::None;
            self.at_line_start = true;
        }
        if !self.at_line_start {
            match self.pending_separator {
                Separator::None => {}
                Separator::Space => self.out.push(' '),
                Separator::Tab => self.out.push('\t'),
            }
        }
        self.pending_separator = Separator::None;
        self.out.push(c);
        self.at_line_start = false;
    }
}

/// The tree node type of `scraper`'s documents, named through `ElementRef` so that
/// `ego-tree` need not be a direct dependency.
mod ego_node {
    pub(super) type NodeRef<'a> = <scraper::ElementRef<'a> as std::ops::Deref>::Target;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, expected: &str) {
        match extract_html(html) {
            Ok(page) => assert_eq!(page.text, expected, "from {html}"),
            Err(e) => panic!("{e} from {html}"),
        }
    }

    #[test]
    fn paragraphs_are_separated_by_a_blank_line() {
        check(
            "<body><p><strong>Kenya</strong></p><p>Thank you,\n   Chair.</p></body>",
            "Kenya\n\nThank you, Chair.",
        );
    }

    #[test]
    fn line_breaks_and_list_items_end_lines() {
        check("<p>Chair<br>Next speaker</p>", "Chair\nNext speaker");
        check("<p>a<br><br><br>b</p>", "a\n\nb");
        check("<ul><li>one</li><li>two</li></ul>", "one\ntwo");
        check(
            "<div><div>wrapped</div></div><div>also</div>",
            "wrapped\n\nalso",
        );
    }

    #[test]
    fn headings_stand_on_their_own_lines() {
        check(
            "<main><h2>Agenda item 5</h2>Text after <em>the</em> heading</main>",
            "Agenda item 5\n\nText after the heading",
        );
    }

    #[test]
    fn table_cells_are_tab_separated() {
        check(
            "<table><tr><td>Kenya</td><td>Thank you</td></tr><tr><td>Chile</td><td>Gracias</td></tr></table>",
            "Kenya\tThank you\nChile\tGracias",
        );
    }

    #[test]
    fn preformatted_text_keeps_its_spaces() {
        check("<pre>a   b\n  c</pre>", "a   b\n  c");
    }

    #[test]
    fn chrome_words_match_class_parts() {
        let drop = |html: &str| {
            let doc = Html::parse_fragment(html);
            let el = doc
                .root_element()
                .child_elements()
                .next()
                .expect("an element");
            is_dropped(el.value())
        };
        assert!(drop(r#"<div class="widget_nav_menu">x</div>"#));
        assert!(drop(r#"<div id="comments" class="comments-area">x</div>"#));
        assert!(drop(
            r#"<div class="sharedaddy sd-sharing-enabled">x</div>"#
        ));
        assert!(drop(r#"<div class="jp-relatedposts">x</div>"#));
        assert!(drop(r#"<div class="post-navigation">x</div>"#));
        assert!(!drop(r#"<div class="entry-content share-enabled">x</div>"#));
        assert!(!drop(
            r#"<article class="post tag-social-media category-menu">x</article>"#
        ));
        assert!(!drop(r#"<div class="canvas-wrapper">x</div>"#));
        assert!(drop(r#"<p hidden>x</p>"#));
    }

    #[test]
    fn declared_charset_is_read_from_meta() {
        let enc = |html: &[u8]| declared_charset(html).map(|e| e.name());
        assert_eq!(
            enc(br#"<meta charset="windows-1251">"#),
            Some("windows-1251")
        );
        assert_eq!(
            enc(br#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-1">"#),
            Some("windows-1252")
        );
        assert_eq!(enc(b"<meta name=viewport content=width>"), None);
    }

    #[test]
    fn looks_like_html_needs_markup_first() {
        assert!(looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><p>x"));
        assert!(looks_like_html(
            b"<!-- saved from url=(0022)x -->\n<HTML lang=en>"
        ));
        assert!(!looks_like_html(b"Chair: <html> is a tag"));
        assert!(!looks_like_html(b"<p>a fragment</p>"));
    }
}
