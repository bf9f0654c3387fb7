//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, GB18030/GBK, Big5 and the
//! other encodings of the WHATWG Encoding Standard, detected with `chardetng`. Bytes that are
//! not text (images, archives, executables, PDF) are recognised and refused.
//!
//! Quick advice: call [`decode`] on the whole file. The text it returns is the text that the
//! extractor's char offsets count into.
//!
//! ```
//! use guanxi::text::decode;
//! let gb18030 = [0xd5, 0xc5, 0xc3, 0xf7]; // 张明
//! let d = decode(&gb18030).unwrap();
//! assert_eq!(d.text, "张明");
//! assert_eq!(d.encoding, "GBK");
//! assert!(decode(b"\x89PNG\r\n\x1a\n\0\0").is_err());
//! ```

use encoding_rs::{Encoding, UTF_8};

/// How many bytes from the start are checked for NUL bytes and fed to the detector.
const SNIFF_LEN: usize = 64 * 1024;

/// How many bytes the encoding detector sees: enough to tell GB18030 from Big5 in Chinese
/// text, and the detector costs more per byte than the decoding.
const DETECT_LEN: usize = 16 * 1024;

/// Share of control and replacement chars above which decoded bytes are not text.
const MAX_JUNK_RATIO: f64 = 0.05;

/// Text decoded from bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// The encoding's WHATWG name (`UTF-8`, `GBK`, `Big5`, ...). GBK stands for GB18030:
    /// the decoder reads every GB18030 sequence.
    pub encoding: &'static str,
    /// Whether some bytes were malformed and replaced by U+FFFD.
    pub had_errors: bool,
}

/// Why bytes are not text (the message is lowercase, e.g. `a PNG image, not text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText(pub String);

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Decodes `bytes`, detecting the encoding: a byte order mark wins, then valid UTF-8, then a
/// `charset` declared in an HTML `<meta>`, then `chardetng`'s guess (biased to Chinese).
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return checked(text.into_owned(), enc, had_errors);
    }
    if let Some(kind) = binary_magic(bytes) {
        return Err(NotText(format!("{kind}, not text")));
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if let Some(at) = memchr_nul(head) {
        return Err(NotText(format!("binary data (NUL byte at offset {at}), not text")));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return checked(s.to_owned(), UTF_8, false);
    }
    let sample = &bytes[..bytes.len().min(DETECT_LEN)];
    let enc = declared_charset(head).unwrap_or_else(|| guess(sample, bytes.len() <= DETECT_LEN));
    let (text, _, had_errors) = enc.decode(bytes);
    checked(text.into_owned(), enc, had_errors)
}

fn guess(head: &[u8], whole: bool) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(head, whole);
    if !whole {
        det.feed(&[], true);
    }
    let guessed = det.guess(None, chardetng::Utf8Detection::Deny);
    // Short Chinese texts can look like a single-byte encoding: prefer GB18030 when it reads
    // the bytes cleanly, since that is what Chinese government sites use.
    let cjk = [encoding_rs::GBK, encoding_rs::BIG5, encoding_rs::EUC_JP, encoding_rs::SHIFT_JIS, encoding_rs::EUC_KR];
    if !cjk.contains(&guessed) && clean(encoding_rs::GBK, head, whole) {
        return encoding_rs::GBK;
    }
    guessed
}

/// Whether `enc` decodes `head` without malformed sequences (a cut at the end is fine).
fn clean(enc: &'static Encoding, head: &[u8], whole: bool) -> bool {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out =
        String::with_capacity(decoder.max_utf8_buffer_length_without_replacement(head.len()).unwrap_or(head.len() * 3));
    let (result, _) = decoder.decode_to_string_without_replacement(head, &mut out, whole);
    matches!(result, encoding_rs::DecoderResult::InputEmpty)
}

/// Refuses decoded text that is mostly control chars or replacement chars.
fn checked(text: String, enc: &'static Encoding, had_errors: bool) -> Result<Decoded, NotText> {
    let mut total = 0usize;
    let mut junk = 0usize;
    for c in text.chars().take(SNIFF_LEN) {
        total += 1;
        if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
            junk += 1;
        }
    }
    if total >= 16 && junk as f64 > MAX_JUNK_RATIO * total as f64 {
        return Err(NotText(format!(
            "{junk} of the first {total} chars are control or undecodable bytes as {}, not text",
            enc.name()
        )));
    }
    Ok(Decoded { text, encoding: enc.name(), had_errors })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Well-known binary formats, by their first bytes.
fn binary_magic(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"\x89PNG", "a PNG image"),
        (b"GIF8", "a GIF image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\x7fELF", "an executable"),
        (b"\xd0\xcf\x11\xe0", "an old Office document"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xbc\xaf", "a 7z archive"),
        (b"BZh", "a bzip2 archive"),
        (b"\xfd7zXZ", "an xz archive"),
        (b"RIFF", "a RIFF media file"),
    ];
    MAGIC.iter().find(|(m, _)| bytes.starts_with(m)).map(|(_, k)| *k)
}

/// The `charset` an HTML page declares in its first bytes (`<meta charset="gbk">` or
/// `content="text/html; charset=gb2312"`).
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let head = &head[..head.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"charset") {
        let mut j = from + i + b"charset".len();
        while j < lower.len() && matches!(lower[j], b' ' | b'=' | b'"' | b'\'') {
            j += 1;
        }
        let k = lower[j..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
            .map_or(lower.len(), |p| j + p);
        if let Some(enc) = Encoding::for_label(&lower[j..k]) {
            // A page that declares UTF-8 but is not valid UTF-8 is usually mislabelled.
            if enc != UTF_8 && enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE {
                return Some(enc);
            }
            return None;
        }
        from = k.max(from + i + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "某市召开科技工作座谈会。会议由市委常委、副市长张明主持，市科委主任李华出席会议并讲话。";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(SAMPLE.as_bytes()).unwrap().text, SAMPLE);
        let mut bom = vec![0xef, 0xbb, 0xbf];
        bom.extend_from_slice(SAMPLE.as_bytes());
        let d = decode(&bom).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn gb18030_and_big5_are_detected() {
        let (gb, _, _) = encoding_rs::GB18030.encode(SAMPLE);
        let d = decode(&gb).unwrap();
        assert_eq!(d.encoding, "GBK");
        assert_eq!(d.text, SAMPLE);
        let trad = "某市召開科技工作座談會。會議由市委常委、副市長張明主持，市科委主任李華出席會議並講話。";
        let (big5, _, _) = encoding_rs::BIG5.encode(trad);
        let d = decode(&big5).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, trad);
    }

    #[test]
    fn short_gbk_is_gbk() {
        for s in ["张明", "会议", "主持"] {
            let (gb, _, _) = encoding_rs::GBK.encode(s);
            assert_eq!(decode(&gb).unwrap().text, s);
        }
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xff, 0xfe];
        for u in SAMPLE.encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&b).unwrap().text, SAMPLE);
    }

    #[test]
    fn declared_charset_is_used() {
        let page = "<html><head><meta charset=\"gb2312\"></head><body>张明</body></html>";
        let (gb, _, _) = encoding_rs::GBK.encode(page);
        assert_eq!(decode(&gb).unwrap().text, page);
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x89PNG\r\n\x1a\n").unwrap_err().0.contains("PNG"));
        assert!(decode(b"abc\0def").unwrap_err().0.contains("NUL"));
        let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8 | 1).collect();
        assert!(decode(&noise).is_err());
    }

    #[test]
    fn empty_is_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
