//! Decompression bombs are refused before anything inflates them; the decoders that
//! measure streams decode as `lopdf` does.

use std::io::{Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use flate2::write::ZlibEncoder;
use flate2::Compression;
use pdf_extract::{Dictionary, Stream};

use super::*;
use crate::extract::{extract, Limits};

/// A PDF of one page whose content stream has `dict` (without `/Length`) and `data`.
fn pdf_with_content(dict: &str, data: &[u8]) -> Vec<u8> {
    let objects: [Vec<u8>; 5] = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        [
            format!("<< {dict} /Length {} >>\nstream\n", data.len()).as_bytes(),
            data,
            b"\nendstream",
        ]
        .concat(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", i + 1).bytes());
        pdf.extend(body);
        pdf.extend(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    let trailer = format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    pdf.extend(trailer.bytes());
    pdf
}

fn zlib(chunks: impl IntoIterator<Item = Vec<u8>>) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
    for chunk in chunks {
        encoder.write_all(&chunk).expect("writing to memory");
    }
    encoder.finish().expect("writing to memory")
}

const MIB: usize = 1024 * 1024;

/// Bits written least significant first, as deflate packs them.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    used: u32,
}

impl Bits {
    /// Writes the low `n` bits of `value`, least significant first.
    fn put(&mut self, value: u32, n: u32) {
        for i in 0..n {
            if self.used.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if value >> i & 1 == 1 {
                *self.bytes.last_mut().expect("a byte") |= 1 << (self.used % 8);
            }
            self.used += 1;
        }
    }

    /// Writes a Huffman code, most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        for i in (0..len).rev() {
            self.put(code >> i & 1, 1);
        }
    }
}

/// A zlib stream of at least `size` zero bytes, built directly (compressing that many
/// bytes would take minutes in a debug build): one dynamic-Huffman block where a
/// 258-byte copy costs two bits, so about 1,000 bytes cost one.
fn zlib_zeros(size: usize) -> Vec<u8> {
    let copies = size.div_ceil(258);
    let mut bits = Bits::default();
    bits.put(1, 1); // the last block
    bits.put(2, 2); // dynamic Huffman codes
    bits.put(29, 5); // 286 literal/length codes
    bits.put(0, 5); // 1 distance code
    bits.put(14, 4); // 18 code length codes, in the order deflate lists them:
    for len in [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2] {
        bits.put(len, 3); // 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1
    }
    // Code lengths: 18 is "0", 1 is "10", 2 is "11". Literal 0 and end of block get
    // 2 bits, length 258 (285) 1 bit; the one distance code (1) 1 bit.
    let (zero_run, one, two) = (
        |bits: &mut Bits, run: u32| {
            bits.code(0, 1);
            bits.put(run - 11, 7);
        },
        (0b10, 2),
        (0b11, 2),
    );
    bits.code(two.0, two.1); // literal 0
    zero_run(&mut bits, 138);
    zero_run(&mut bits, 117); // literals 1..=255
    bits.code(two.0, two.1); // 256, end of block
    zero_run(&mut bits, 28); // 257..=284
    bits.code(one.0, one.1); // 285, length 258
    bits.code(one.0, one.1); // distance code 0
                             // Literal 0 ("10"), the copies ("0" + "0" each), end of block ("11").
    bits.code(0b10, 2);
    for _ in 0..copies {
        bits.put(0, 2);
    }
    bits.code(0b11, 2);
    let total = 1 + 258 * copies;
    let adler = ((total % 65521) as u32) << 16 | 1;
    [&[0x78, 0x9c][..], &bits.bytes, &adler.to_be_bytes()].concat()
}

#[test]
fn handmade_zeros_inflate_as_expected() {
    let mut out = Vec::new();
    let data = zlib_zeros(10_000);
    flate2::read::ZlibDecoder::new(&data[..])
        .read_to_end(&mut out)
        .expect("a valid zlib stream");
    assert_eq!(out.len(), 1 + 258 * 39);
    assert!(out.iter().all(|&b| b == 0));
}

#[test]
fn a_pdf_bomb_is_refused_fast_without_inflating_it() {
    // 320 MiB of zeros, compressed to about 320 KB.
    let bomb = zlib_zeros(320 * MIB);
    assert!(bomb.len() < MIB, "{} bytes", bomb.len());
    let pdf = pdf_with_content("/Filter /FlateDecode", &bomb);
    let started = Instant::now();
    let e = extract(Path::new("bomb.pdf"), &pdf, &Limits::default()).expect_err("a bomb");
    assert_eq!(e.code(), "pdf_inflates", "{e}");
    assert!(e.to_string().contains("more than 256 MB"), "{e}");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_pdf_within_the_limit_is_read() {
    // 5,000 bytes of content (spaces, then the text), compressed to a few dozen.
    let content = [
        vec![b' '; 5000],
        b"BT /F1 12 Tf 72 700 Td (The Chair gave the floor to Kenya.) Tj ET".to_vec(),
    ];
    let pdf = pdf_with_content("/Filter /FlateDecode", &zlib(content));
    assert!(pdf.len() < 1000, "{} bytes", pdf.len());
    let limits = Limits { max_bytes: 6000 };
    let e = extract(Path::new("ok.pdf"), &pdf, &limits).expect("a small PDF");
    assert_eq!(e.text, "The Chair gave the floor to Kenya.");
    // The same page with a limit smaller than its content stream is refused.
    let limits = Limits { max_bytes: 1000 };
    let e = extract(Path::new("ok.pdf"), &pdf, &limits).expect_err("over the limit");
    assert_eq!(e.code(), "pdf_inflates", "{e}");
}

#[test]
fn nested_and_disguised_filters_count_every_layer() {
    // Flate inside Flate, the second name spelled with a #xx escape and the chain
    // broken over a comment: 64 MiB from a few hundred bytes.
    let inner = zlib_zeros(64 * MIB);
    let outer = zlib([inner]);
    assert!(outer.len() < 4096, "{} bytes", outer.len());
    let pdf = pdf_with_content("/Filter [/FlateDecode %x\n/Fl#61teDecode]", &outer);
    assert!(check_file(&pdf, 64 * MIB as u64 - 1).is_err());
    assert!(check_file(&pdf, 128 * MIB as u64).is_ok());
    // A filter lopdf does not decode ends the chain.
    assert_eq!(
        filter_chains(b"<< /Filter [/ASCII85Decode /FlateDecode /DCTDecode /LZWDecode] >>"),
        vec![vec![Filter::Ascii85, Filter::Flate]]
    );
    assert_eq!(
        filter_chains(b"<< /Filter /DCTDecode >>"),
        Vec::<Vec<Filter>>::new()
    );
}

#[test]
fn loaded_streams_are_checked_with_their_own_filters() {
    let mut doc = Document::with_version("1.5");
    let data = zlib([vec![b'x'; 100_000]]);
    let mut dict = Dictionary::new();
    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    doc.add_object(Stream::new(dict, data));
    assert!(check_document(&doc, 100_000).is_ok());
    let e = check_document(&doc, 99_999).expect_err("over the limit");
    assert_eq!(e.code(), "pdf_inflates");
}

/// Decodes `raw` through `chain` with our decoders.
fn decoded(raw: &[u8], chain: &[Filter]) -> Vec<u8> {
    let budget = Budget::new(u64::MAX, u64::MAX);
    let mut out = Vec::new();
    let _ = decoder(raw, chain, &budget).read_to_end(&mut out);
    out
}

/// Decodes `raw` with the filters named `filters` as lopdf does.
fn lopdf_decoded(raw: &[u8], filters: &[&str]) -> Vec<u8> {
    let mut dict = Dictionary::new();
    let names = filters.iter().map(|f| Object::Name(f.as_bytes().to_vec()));
    dict.set("Filter", Object::Array(names.collect()));
    let stream = Stream::new(dict, raw.to_vec());
    stream.decompressed_content().unwrap_or_default()
}

#[test]
fn decoders_agree_with_lopdf() {
    let text = b"Thank you, Chair. Thank you, Chair. Thank you, Chair!".repeat(50);
    let cases: Vec<(Vec<u8>, Vec<Filter>, Vec<&str>)> = vec![
        (
            zlib([text.clone()]),
            vec![Filter::Flate],
            vec!["FlateDecode"],
        ),
        (
            b"87cURD]i,\"Ebo80z~>".to_vec(),
            vec![Filter::Ascii85],
            vec!["ASCII85Decode"],
        ),
        (
            b"87cUR D]i,\n\"Ebo80 z 87c~>".to_vec(),
            vec![Filter::Ascii85],
            vec!["ASCII85Decode"],
        ),
        (lzw(&text), vec![Filter::Lzw], vec!["LZWDecode"]),
        (
            ascii85(&zlib([text.clone()])),
            vec![Filter::Ascii85, Filter::Flate],
            vec!["ASCII85Decode", "FlateDecode"],
        ),
        // Damaged data: both stop at the same place.
        (
            zlib([text.clone()])[..30].to_vec(),
            vec![Filter::Flate],
            vec!["FlateDecode"],
        ),
    ];
    for (raw, chain, names) in cases {
        let ours = decoded(&raw, &chain);
        assert!(!ours.is_empty(), "{names:?}");
        assert_eq!(ours, lopdf_decoded(&raw, &names), "{names:?}");
    }
}

fn lzw(data: &[u8]) -> Vec<u8> {
    let mut encoder = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
    encoder.encode(data).expect("LZW encoding")
}

fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in data.chunks(4) {
        let mut group = [0u8; 4];
        group[..chunk.len()].copy_from_slice(chunk);
        let mut n = u32::from_be_bytes(group);
        let mut digits = [0u8; 5];
        for d in digits.iter_mut().rev() {
            *d = (n % 85) as u8 + b'!';
            n /= 85;
        }
        out.extend(&digits[..chunk.len() + 1]);
    }
    out.extend(b"~>");
    out
}

#[test]
fn stream_data_starts_after_the_keyword_and_one_end_of_line() {
    let starts: Vec<usize> =
        stream_starts(b"<<>>stream\r\nA endstream <<>>stream \nB <<>>streamC").collect();
    assert_eq!(starts, vec![12, 36]);
}
