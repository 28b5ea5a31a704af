//! How much a PDF's compressed streams decompress to, measured before any reader
//! decompresses them: a 2 MB file can hold streams that inflate to gigabytes, and
//! `lopdf` inflates each stream whole into memory, without a limit.
//!
//! Streams are decoded here as `lopdf` decodes them (its filters: FlateDecode,
//! LZWDecode, ASCII85Decode, in chains), but streamed and counted, never kept, so that
//! measuring costs no memory. Every filter layer's output counts, since `lopdf` holds
//! each layer whole. Two checks:
//!
//! - [`check_file`], on the raw bytes, before `lopdf` parses them: it decompresses
//!   cross-reference and object streams while loading, before we see a single object.
//!   Raw bytes have no reliable object boundaries, so every `stream` keyword is decoded
//!   with every filter chain the file names anywhere: a dictionary cannot hide its
//!   filters from this check, whatever it holds.
//! - [`check_document`], on the loaded (and decrypted) objects, before text
//!   extraction decompresses content streams, forms, fonts and character maps lazily:
//!   the same decoding, with each stream's own filters.
//!
//! Each check allows as many bytes as a DOCX may uncompress to ([`super::Limits`]).

use std::cell::Cell;
use std::io::{self, BufRead, BufReader, Read};

use flate2::bufread::DeflateDecoder;
use pdf_extract::{Document, Object};

use super::ExtractError;

/// The filters `lopdf` decodes; it refuses any other, so only these reach memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    Flate,
    Lzw,
    Ascii85,
}

impl Filter {
    fn named(name: &[u8]) -> Option<Filter> {
        match name {
            b"FlateDecode" => Some(Filter::Flate),
            b"LZWDecode" => Some(Filter::Lzw),
            b"ASCII85Decode" => Some(Filter::Ascii85),
            _ => None,
        }
    }
}

/// What decoding may still produce, and what it may still read.
struct Budget {
    limit: u64,
    /// Bytes all filter layers have produced so far.
    produced: Cell<u64>,
    /// Raw bytes the decoders may still consume. Decoding from every `stream` keyword
    /// with every chain reads some bytes many times; this keeps a hostile file from
    /// making that quadratic.
    reading_left: Cell<u64>,
}

/// Why measuring stopped early.
#[derive(Debug)]
enum Stop {
    Inflates,
    Overlaps,
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("over budget")
    }
}

impl std::error::Error for Stop {}

impl Budget {
    fn new(limit: u64, reading: u64) -> Self {
        Budget {
            limit,
            produced: Cell::new(0),
            reading_left: Cell::new(reading),
        }
    }

    fn error(&self, stop: &Stop) -> ExtractError {
        match stop {
            Stop::Inflates => ExtractError::PdfInflates { limit: self.limit },
            Stop::Overlaps => ExtractError::DamagedPdf(
                "its compressed streams overlap so much that checking their size would take too long"
                    .to_owned(),
            ),
        }
    }
}

/// Checks the raw bytes of a PDF: decoded from every `stream` keyword, with every
/// filter chain the file names, the streams must fit in `limit` bytes.
pub(super) fn check_file(bytes: &[u8], limit: u64) -> Result<(), ExtractError> {
    let chains = filter_chains(bytes);
    if chains.is_empty() {
        return Ok(());
    }
    let reading = limit.saturating_add(4 * bytes.len() as u64);
    let budget = Budget::new(limit, reading);
    for start in stream_starts(bytes) {
        for chain in &chains {
            measure(&bytes[start..], chain, &budget).map_err(|stop| budget.error(&stop))?;
        }
    }
    Ok(())
}

/// Checks the streams of a loaded document, each decoded with its own filters, as
/// text extraction will decode them.
pub(super) fn check_document(doc: &Document, limit: u64) -> Result<(), ExtractError> {
    let budget = Budget::new(limit, u64::MAX);
    for object in doc.objects.values() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let Ok(names) = stream.filters() else {
            continue;
        };
        let chain: Vec<Filter> = names.iter().map_while(|n| Filter::named(n)).collect();
        if !chain.is_empty() {
            measure(&stream.content, &chain, &budget).map_err(|stop| budget.error(&stop))?;
        }
    }
    Ok(())
}

/// Decodes `raw` through `chain`, counting what every layer produces.
fn measure(raw: &[u8], chain: &[Filter], budget: &Budget) -> Result<(), Stop> {
    // A decoding error ends the stream, as it ends `lopdf`'s decoding; only running
    // over the budget is an error here.
    match io::copy(&mut decoder(raw, chain, budget), &mut io::sink()) {
        Err(e) => match e.into_inner().and_then(|e| e.downcast::<Stop>().ok()) {
            Some(stop) => Err(*stop),
            None => Ok(()),
        },
        Ok(_) => Ok(()),
    }
}

/// `raw` decoded through `chain`, each layer metered.
fn decoder<'a>(raw: &'a [u8], chain: &[Filter], budget: &'a Budget) -> Box<dyn BufRead + 'a> {
    let mut reader: Box<dyn BufRead + 'a> = Box::new(RawMeter { raw, budget });
    for &filter in chain {
        let decoded: Box<dyn Read + 'a> = match filter {
            Filter::Flate => Box::new(DeflateDecoder::new(SkipZlibHeader::new(reader))),
            Filter::Lzw => Box::new(Lzw::new(reader)),
            Filter::Ascii85 => Box::new(Ascii85::new(reader)),
        };
        reader = Box::new(BufReader::new(OutputMeter {
            inner: decoded,
            budget,
        }));
    }
    reader
}

/// The raw bytes of a stream, counted against the reading budget as they are consumed.
struct RawMeter<'a> {
    raw: &'a [u8],
    budget: &'a Budget,
}

impl Read for RawMeter<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.fill_buf()?.len().min(buf.len());
        buf[..n].copy_from_slice(&self.raw[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for RawMeter<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.budget.reading_left.get() == 0 && !self.raw.is_empty() {
            return Err(io::Error::other(Stop::Overlaps));
        }
        let n = self.raw.len().min(self.budget.reading_left.get() as usize);
        Ok(&self.raw[..n])
    }

    fn consume(&mut self, n: usize) {
        let n = n.min(self.raw.len());
        self.raw = &self.raw[n..];
        let left = self.budget.reading_left.get();
        self.budget.reading_left.set(left.saturating_sub(n as u64));
    }
}

/// A filter layer's output, counted against the budget.
struct OutputMeter<'a> {
    inner: Box<dyn Read + 'a>,
    budget: &'a Budget,
}

impl Read for OutputMeter<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let produced = self.budget.produced.get().saturating_add(n as u64);
        self.budget.produced.set(produced);
        if produced > self.budget.limit {
            return Err(io::Error::other(Stop::Inflates));
        }
        Ok(n)
    }
}

/// Skips a zlib stream's 2-byte header, so that the rest decodes as raw deflate.
/// `lopdf` falls back to exactly that when zlib decoding fails, and raw deflate
/// produces all that zlib would: counting it never undercounts.
struct SkipZlibHeader<R> {
    inner: R,
    to_skip: usize,
}

impl<R: BufRead> SkipZlibHeader<R> {
    fn new(inner: R) -> Self {
        SkipZlibHeader { inner, to_skip: 2 }
    }
}

impl<R: BufRead> Read for SkipZlibHeader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for SkipZlibHeader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.to_skip > 0 {
            let n = self.inner.fill_buf()?.len().min(self.to_skip);
            if n == 0 {
                break;
            }
            self.inner.consume(n);
            self.to_skip -= n;
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.inner.consume(n);
    }
}

/// LZW decoding (`weezl`, set up as `lopdf` sets it up), streamed.
struct Lzw<R> {
    inner: R,
    decoder: weezl::decode::Decoder,
    done: bool,
}

impl<R: BufRead> Lzw<R> {
    fn new(inner: R) -> Self {
        let decoder = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
        Lzw {
            inner,
            decoder,
            done: false,
        }
    }
}

impl<R: BufRead> Read for Lzw<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while !self.done && !out.is_empty() {
            let input = self.inner.fill_buf()?;
            let exhausted = input.is_empty();
            let result = self.decoder.decode_bytes(input, out);
            self.inner.consume(result.consumed_in);
            match result.status {
                Ok(weezl::LzwStatus::Ok) => {}
                Ok(weezl::LzwStatus::NoProgress) => self.done = exhausted,
                Ok(weezl::LzwStatus::Done) | Err(_) => self.done = true,
            }
            if result.consumed_out > 0 {
                return Ok(result.consumed_out);
            }
            if result.consumed_in == 0 && !exhausted {
                // Neither input taken nor output given: the decoder is stuck.
                self.done = true;
            }
        }
        Ok(0)
    }
}

/// ASCII85 decoding as `lopdf` does it (up to the first character outside the
/// alphabet), streamed.
struct Ascii85<R> {
    inner: R,
    state: Ascii85State,
}

#[derive(Default)]
struct Ascii85State {
    group: u32,
    count: usize,
    pending: Pending,
    done: bool,
}

impl<R: BufRead> Ascii85<R> {
    fn new(inner: R) -> Self {
        Ascii85 {
            inner,
            state: Ascii85State::default(),
        }
    }

    /// Decodes input until a group is complete (its bytes then wait in `pending`) or
    /// the data ends.
    fn next_group(&mut self) -> io::Result<()> {
        let state = &mut self.state;
        while !state.done && state.pending.is_empty() {
            let input = self.inner.fill_buf()?;
            if input.is_empty() {
                state.finish();
                break;
            }
            let mut used = 0;
            for &c in input {
                used += 1;
                state.push(c);
                if state.done || !state.pending.is_empty() {
                    break;
                }
            }
            self.inner.consume(used);
        }
        Ok(())
    }
}

impl Ascii85State {
    fn push(&mut self, c: u8) {
        match c {
            b'z' if self.count == 0 => self.emit(0, 4),
            b'z' => self.done = true,
            c if c.is_ascii_whitespace() => {}
            b'!'..=b'u' => {
                match self
                    .group
                    .checked_mul(85)
                    .and_then(|g| g.checked_add(u32::from(c - b'!')))
                {
                    Some(group) => self.group = group,
                    None => self.done = true,
                }
                self.count += 1;
                if self.count == 5 {
                    let group = self.group;
                    self.emit(group, 4);
                }
            }
            _ => self.finish(),
        }
    }

    /// The end of the data: a partial group gives its bytes.
    fn finish(&mut self) {
        if self.count > 1 {
            let mut group = self.group;
            for _ in self.count..5 {
                group = group.wrapping_mul(85).wrapping_add(84);
            }
            let len = self.count - 1;
            self.emit(group, len);
        }
        self.done = true;
    }

    fn emit(&mut self, group: u32, len: usize) {
        self.pending = Pending {
            bytes: group.to_be_bytes(),
            start: 0,
            end: len,
        };
        self.group = 0;
        self.count = 0;
    }
}

impl<R: BufRead> Read for Ascii85<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut written = 0;
        while written < out.len() {
            if self.state.pending.is_empty() {
                self.next_group()?;
                if self.state.pending.is_empty() {
                    break;
                }
            }
            let pending = &mut self.state.pending;
            let n = pending.len().min(out.len() - written);
            out[written..written + n].copy_from_slice(&pending.bytes[pending.start..][..n]);
            pending.start += n;
            written += n;
        }
        Ok(written)
    }
}

/// Decoded bytes not yet read.
#[derive(Default)]
struct Pending {
    bytes: [u8; 4],
    start: usize,
    end: usize,
}

impl Pending {
    fn len(&self) -> usize {
        self.end - self.start
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Where each stream's data starts: after the `stream` keyword, optional spaces and
/// an end of line, as `lopdf` reads it.
fn stream_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let keyword = b"stream";
    memchr_all(bytes, keyword).filter_map(move |at| {
        let mut i = at + keyword.len();
        while matches!(bytes.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        match (bytes.get(i), bytes.get(i + 1)) {
            (Some(b'\r'), Some(b'\n')) => Some(i + 2),
            (Some(b'\r' | b'\n'), _) => Some(i + 1),
            _ => None,
        }
    })
}

fn memchr_all<'a>(haystack: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    haystack
        .windows(needle.len())
        .enumerate()
        .filter(move |(_, w)| *w == needle)
        .map(|(i, _)| i)
}

/// Every distinct chain of decodable filters the file names after a `/Filter` key,
/// each cut at its first filter `lopdf` does not decode.
fn filter_chains(bytes: &[u8]) -> Vec<Vec<Filter>> {
    let mut chains: Vec<Vec<Filter>> = Vec::new();
    let mut tokens = Tokens { bytes, at: 0 };
    while let Some(token) = tokens.next() {
        if token != Token::Name(b"Filter".to_vec()) {
            continue;
        }
        let mut names = Vec::new();
        match tokens.next() {
            Some(Token::Name(name)) => names.push(name),
            Some(Token::ArrayStart) => {
                while let Some(Token::Name(name)) = tokens.next() {
                    names.push(name);
                }
            }
            _ => {}
        }
        let chain: Vec<Filter> = names.iter().map_while(|n| Filter::named(n)).collect();
        if !chain.is_empty() && !chains.contains(&chain) {
            chains.push(chain);
        }
    }
    chains
}

/// The few PDF tokens the filter search needs; everything else is `Other`.
#[derive(Debug, PartialEq)]
enum Token {
    /// A name, `#xx` escapes decoded.
    Name(Vec<u8>),
    ArrayStart,
    Other,
}

struct Tokens<'a> {
    bytes: &'a [u8],
    at: usize,
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    ) || b.is_ascii_whitespace()
        || b == 0
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        // Comments and white space separate tokens.
        loop {
            match self.bytes.get(self.at)? {
                b'%' => {
                    while !matches!(self.bytes.get(self.at), None | Some(b'\r' | b'\n')) {
                        self.at += 1;
                    }
                }
                b if b.is_ascii_whitespace() || *b == 0 => self.at += 1,
                _ => break,
            }
        }
        let b = self.bytes[self.at];
        self.at += 1;
        match b {
            b'[' => Some(Token::ArrayStart),
            b'/' => {
                let mut name = Vec::new();
                while let Some(&c) = self.bytes.get(self.at) {
                    if is_delimiter(c) {
                        break;
                    }
                    self.at += 1;
                    let hex = |i: usize| self.bytes.get(i).and_then(|&h| (h as char).to_digit(16));
                    match (c, hex(self.at), hex(self.at + 1)) {
                        (b'#', Some(high), Some(low)) => {
                            name.push((high * 16 + low) as u8);
                            self.at += 2;
                        }
                        _ => name.push(c),
                    }
                }
                Some(Token::Name(name))
            }
            _ => {
                while self.bytes.get(self.at).is_some_and(|&c| !is_delimiter(c)) {
                    self.at += 1;
                }
                Some(Token::Other)
            }
        }
    }
}

#[cfg(test)]
#[path = "inflation_tests.rs"]
mod tests;
