//! Plain text: telling text from binary, decoding it (UTF-8, UTF-16, Windows-1252) and
//! normalising it (no BOM, "\n" line endings, no NUL).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use super::ExtractError;

/// Text decoded from bytes, with what the user should know about how.
#[derive(Debug)]
pub(super) struct Decoded {
    pub text: String,
    pub notices: Vec<String>,
}

/// How much of the start of a file the sniffers look at: enough to see a pattern,
/// little enough that a 100 MB file costs nothing extra.
const SNIFF_LEN: usize = 64 * 1024;

/// Recognises file types by their magic number. `Err` for a type that is not text;
/// `Ok` for anything that may be text.
pub(super) fn reject_known_binary(bytes: &[u8]) -> Result<(), ExtractError> {
    const BINARY: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (b"\x7fELF", "an ELF executable"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (b"Rar!\x1a\x07", "a RAR archive"),
        (b"\xfd7zXZ\0", "an XZ archive"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"OggS", "an Ogg audio or video file"),
        (b"ID3", "an MP3 audio file"),
    ];
    if let Some((_, what)) = BINARY.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(ExtractError::binary(*what));
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Err(ExtractError::binary("a WebP image"));
    }
    if bytes.get(4..8) == Some(b"ftyp") {
        return Err(ExtractError::binary("a video or image in ISO media format"));
    }
    // "MZ" alone could start a sentence; a Windows executable also has NULs at once.
    if bytes.starts_with(b"MZ") && bytes[..bytes.len().min(64)].contains(&0) {
        return Err(ExtractError::binary("a Windows executable"));
    }
    if bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return Err(ExtractError::Unsupported {
            what: "a legacy Microsoft Office document (.doc, .xls or .ppt)",
        });
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(ExtractError::Unsupported {
            what: "an RTF document",
        });
    }
    Ok(())
}

/// The UTF-16 flavour of `bytes`, if it is UTF-16: by its BOM, or else by the pattern
/// of NUL bytes that mostly-ASCII text leaves in every other byte.
pub(super) fn utf16_encoding(bytes: &[u8]) -> Option<(&'static Encoding, bool)> {
    if bytes.starts_with(b"\xff\xfe") {
        return Some((UTF_16LE, true));
    }
    if bytes.starts_with(b"\xfe\xff") {
        return Some((UTF_16BE, true));
    }
    let sample = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even_nuls, mut odd_nuls) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even_nuls += usize::from(pair[0] == 0);
        odd_nuls += usize::from(pair[1] == 0);
    }
    // Latin-script text in UTF-16 has a NUL in nearly every high byte and almost none
    // in the low bytes; binary data has NULs scattered on both sides.
    let mostly = |n: usize| n * 10 >= pairs * 3;
    let hardly = |n: usize| n * 20 <= pairs;
    if mostly(odd_nuls) && hardly(even_nuls) {
        Some((UTF_16LE, false))
    } else if mostly(even_nuls) && hardly(odd_nuls) {
        Some((UTF_16BE, false))
    } else {
        None
    }
}

/// Decodes UTF-16 found by [`utf16_encoding`].
pub(super) fn decode_utf16(bytes: &[u8], encoding: &'static Encoding, bom: bool) -> Decoded {
    let body = if bom { &bytes[2..] } else { bytes };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let mut notice = format!("decoded as {}", encoding.name());
    if !bom {
        notice.push_str(" (the file has no byte-order mark; detected from its NUL bytes)");
    }
    if had_errors {
        notice.push_str("; invalid sequences were replaced with \u{FFFD}");
    }
    Decoded {
        text: text.into_owned(),
        notices: vec![notice],
    }
}

/// Rejects 8-bit data that is binary rather than text: NUL bytes (a trailing run of
/// NULs, left by some tools as padding, is cut off with a notice) or a high share of
/// control characters. Returns the bytes to decode.
pub(super) fn strip_nul_padding<'a>(
    bytes: &'a [u8],
    notices: &mut Vec<String>,
) -> Result<&'a [u8], ExtractError> {
    let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    let body = &bytes[..end];
    if end < bytes.len() && !body.is_empty() {
        notices.push(format!(
            "removed {} NUL bytes padding the end of the file",
            bytes.len() - end
        ));
    }
    if body.is_empty() {
        return Err(ExtractError::binary("it contains only NUL bytes"));
    }
    if body.contains(&0) {
        return Err(ExtractError::binary("it contains NUL bytes"));
    }
    let sample = &body[..body.len().min(SNIFF_LEN)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if controls * 10 > sample.len() {
        return Err(ExtractError::binary("it is mostly control characters"));
    }
    Ok(body)
}

/// Decodes 8-bit text: a UTF-8 BOM wins; then valid UTF-8; then the encoding the
/// document declares (HTML's `<meta charset>`), if any; then mostly-UTF-8 text with a
/// few bad bytes is kept as UTF-8, and anything else is read as Windows-1252, the
/// superset of Latin-1 that old Windows tools write.
pub(super) fn decode_8bit(bytes: &[u8], declared: Option<&'static Encoding>) -> Decoded {
    let mut notices = Vec::new();
    let (bytes, had_bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    // A declared UTF-16 on 8-bit bytes is a mislabel; browsers read it as UTF-8.
    let declared = declared.filter(|e| *e != UTF_16LE && *e != UTF_16BE);
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Some(enc) = declared.filter(|e| *e != UTF_8 && !text.is_ascii()) {
            notices.push(format!(
                "the page declares {} but is valid UTF-8; decoded as UTF-8",
                enc.name()
            ));
        }
        return Decoded {
            text: text.to_owned(),
            notices,
        };
    }
    if !had_bom {
        if let Some(enc) = declared.filter(|e| *e != UTF_8) {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            notices.push(format!("decoded as {}, as the page declares", enc.name()));
            return Decoded {
                text: text.into_owned(),
                notices,
            };
        }
    }
    let (valid_non_ascii, invalid) = utf8_evidence(bytes);
    if had_bom || declared == Some(UTF_8) || valid_non_ascii > invalid {
        notices.push(format!(
            "the file is mostly UTF-8 but has {invalid} invalid byte sequence(s); they were replaced with \u{FFFD}"
        ));
        return Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            notices,
        };
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    notices.push("decoded as Windows-1252 (Latin-1): the file is not valid UTF-8".to_owned());
    Decoded {
        text: text.into_owned(),
        notices,
    }
}

/// Counts valid non-ASCII characters and invalid sequences: text with many of the
/// former is UTF-8 with some damage, not a legacy single-byte encoding.
fn utf8_evidence(bytes: &[u8]) -> (usize, usize) {
    let (mut valid_non_ascii, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid_non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    (valid_non_ascii, invalid)
}

/// Normalises decoded text: removes BOMs (U+FEFF) and NULs, turns CRLF and lone CR
/// into "\n". One pass; the special characters are found with byte searches.
pub(super) fn normalise(text: &str) -> String {
    const BOM: &str = "\u{feff}";
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Every byte matched here is ASCII or the lead byte of U+FEFF, so the slices
        // below always fall on character boundaries.
        match bytes[i] {
            b'\r' => {
                out.push_str(&text[start..i]);
                out.push('\n');
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            0 => {
                out.push_str(&text[start..i]);
                i += 1;
                start = i;
            }
            0xef if text[i..].starts_with(BOM) => {
                out.push_str(&text[start..i]);
                i += BOM.len();
                start = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_line_endings_bom_and_nul() {
        assert_eq!(normalise("\u{feff}a\r\nb\rc\nd\0e\r"), "a\nb\nc\nde\n");
        assert_eq!(normalise("x\r\r\ny"), "x\n\ny");
        assert_eq!(
            normalise("caf\u{e9}\u{feff} \u{20ac}"),
            "caf\u{e9} \u{20ac}"
        );
    }

    #[test]
    fn mostly_utf8_with_a_bad_byte_stays_utf8() {
        let decoded = decode_8bit("Zürich, Genève, Côte d'Ivoire \u{2019}".as_bytes(), None);
        assert!(decoded.notices.is_empty());
        let mut bytes = "Zürich, Genève, Côte d'Ivoire ".as_bytes().to_vec();
        bytes.push(0xff);
        let decoded = decode_8bit(&bytes, None);
        assert!(decoded.text.starts_with("Zürich, Genève"));
        assert!(decoded.notices[0].contains("mostly UTF-8"));
    }

    #[test]
    fn declared_charset_applies_only_to_non_utf8() {
        let cp1251 = Encoding::for_label(b"windows-1251");
        let decoded = decode_8bit(b"\xcf\xf0\xe8\xe2\xe5\xf2", cp1251);
        assert_eq!(decoded.text, "Привет");
        assert!(decoded.notices[0].contains("windows-1251"));
        let decoded = decode_8bit("Привет".as_bytes(), cp1251);
        assert_eq!(decoded.text, "Привет");
        assert!(decoded.notices[0].contains("valid UTF-8"));
    }
}
