//! Parsing HTML with its nesting depth capped, so that time stays linear in the size
//! of the page.
//!
//! The HTML parser (`html5ever`, under `scraper`) looks through the stack of open
//! elements for almost every tag it reads — "is there a `<p>` in button scope?" — so
//! a page nested 100,000 `<div>`s deep costs 100,000 × 100,000 steps. Browsers cap the
//! depth instead (Blink at 512). Here, a start tag that would open an element deeper
//! than [`MAX_DEPTH`] is dropped, and so is its end tag: the element's text stays
//! where it is, in the element at the cap, after a line break for a block element.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::interface::{Tracer, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{local_name, LocalName, TokenizerResult};
use scraper::{Html, HtmlTreeSink};

/// The deepest an element may be nested (counting the elements the parser keeps
/// open, including formatting elements it would reopen).
pub(super) const MAX_DEPTH: usize = 512;

/// The tree builder's handle on a node.
type Handle = <HtmlTreeSink as TreeSink>::Handle;

/// Parses a whole document as `scraper::Html::parse_document` does, nesting capped.
pub(super) fn parse_document(source: &str) -> Html {
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    let capped = DepthCap {
        builder,
        dropped: RefCell::new(HashMap::new()),
    };
    let tokenizer = Tokenizer::new(capped, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(source));
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let sink = tokenizer.sink.builder.sink;
    sink.finish()
}

/// Hands the tokens on to the tree builder, except start tags too deep and their end
/// tags.
struct DepthCap {
    builder: TreeBuilder<Handle, HtmlTreeSink>,
    /// How many start tags of each name were dropped and still wait for an end tag.
    dropped: RefCell<HashMap<LocalName, usize>>,
}

/// Counts the handles the tree builder holds: its open elements, the formatting
/// elements it may reopen, and a few more (the document, the head, a form).
struct Counter(Cell<usize>);

impl Tracer for Counter {
    type Handle = Handle;

    fn trace_handle(&self, _node: &Handle) {
        self.0.set(self.0.get() + 1);
    }
}

impl DepthCap {
    fn depth(&self) -> usize {
        let counter = Counter(Cell::new(0));
        self.builder.trace_handles(&counter);
        counter.0.get()
    }

    /// Whether to drop this tag token.
    fn drops(&self, kind: TagKind, name: &LocalName) -> bool {
        let mut dropped = self.dropped.borrow_mut();
        match kind {
            TagKind::StartTag => {
                // Void elements never stay open; raw-text ones hold only text, and
                // dropping them would let their text (scripts, styles) be read as HTML.
                if is_void(name) || is_raw_text(name) || self.depth() <= MAX_DEPTH {
                    return false;
                }
                *dropped.entry(name.clone()).or_default() += 1;
                true
            }
            TagKind::EndTag => match dropped.get_mut(name) {
                Some(waiting) if *waiting > 0 => {
                    *waiting -= 1;
                    true
                }
                _ => false,
            },
        }
    }
}

impl TokenSink for DepthCap {
    type Handle = Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Self::Handle> {
        let token = match token {
            Token::TagToken(tag) if self.drops(tag.kind, &tag.name) => stand_in(&tag.name),
            token => token,
        };
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// What a dropped tag leaves: a line break for a block, so that its text does not run
/// into the next block's; a space for anything else.
fn stand_in(name: &LocalName) -> Token {
    if is_block(name) {
        Token::TagToken(Tag {
            kind: TagKind::StartTag,
            name: local_name!("br"),
            self_closing: false,
            attrs: Vec::new(),
            had_duplicate_attributes: false,
        })
    } else {
        Token::CharacterTokens(StrTendril::from_slice(" "))
    }
}

fn is_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("div")
            | local_name!("p")
            | local_name!("li")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("blockquote")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("table")
            | local_name!("tr")
            | local_name!("pre")
            | local_name!("figure")
    )
}

fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
    )
}

fn is_raw_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
    )
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::extract::html::extract_html;

    /// A page of `count` `<div>`s, nested or one after the other, with a numbered
    /// line of text every 1,000, and "deepest" and a paragraph at the end.
    fn divs(count: usize, nested: bool) -> String {
        let mut page = String::from("<!DOCTYPE html><html><body>");
        for i in 0..count {
            page.push_str("<div>");
            if i % 1000 == 0 {
                page.push_str(&format!("level {i}"));
            }
            if !nested {
                page.push_str("</div>");
            }
        }
        // The nested ones stay open: the end of the page closes them all.
        page.push_str("deepest<p>after");
        page
    }

    fn timed_text(page: &str) -> (String, Duration) {
        let started = Instant::now();
        match extract_html(page) {
            Ok(page) => (page.text, started.elapsed()),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn a_page_nested_100000_deep_is_read_in_linear_time_and_keeps_its_text() {
        let (text, nested) = timed_text(&divs(100_000, true));
        let (_, flat) = timed_text(&divs(100_000, false));
        // Quadratic, this took minutes; now it costs about what the same tags one
        // after the other cost (a debug build on a busy machine is slow at both).
        assert!(nested < Duration::from_secs(10), "{nested:?}");
        assert!(
            nested < flat * 3 + Duration::from_secs(1),
            "{nested:?} vs {flat:?}"
        );
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(words.iter().filter(|w| **w == "level").count(), 100);
        assert_eq!(words[..2], ["level", "0"]);
        assert_eq!(
            words[words.len() - 4..],
            ["level", "99000", "deepest", "after"]
        );
    }

    #[test]
    fn pages_within_the_cap_parse_as_scraper_parses_them() {
        let pages = [
            "<!DOCTYPE html><html><head><title>T</title><script>if (a < b) { x = '</div>'; }</script>\
             <style>p > b { }</style></head><body><p>One<p>Two<b>bold<i>both</b>italic</i>\
             <table><tr><td>cell<td>next</table><svg><![CDATA[x]]><text>s</text></svg>\
             <ul><li>a<li>b</ul><textarea><p>not a tag</textarea>&amp;&nGt;&#x41;</body></html>",
            "<div><span>unclosed <div>blocks <p>and <font>formatting",
            &"<div>".repeat(MAX_DEPTH - 10),
        ];
        for page in pages {
            assert_eq!(
                parse_document(page).html(),
                Html::parse_document(page).html(),
                "{page}"
            );
        }
    }

    #[test]
    fn entities_cannot_inflate_a_page() {
        // HTML has no entity definitions; the longest expansions are a few bytes.
        let page = format!(
            "<p>{}</p>",
            "&nGt;&NotNestedGreaterGreater;&#x10FFFF;".repeat(20_000)
        );
        let text = match extract_html(&page) {
            Ok(page) => page.text,
            Err(e) => panic!("{e}"),
        };
        assert!(
            text.len() <= page.len(),
            "{} from {}",
            text.len(),
            page.len()
        );
    }
}
