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
    /// the decoder reads every GB18030 sequence. For mixed text, the main encoding (UTF-8).
    pub encoding: &'static str,
    /// Whether some bytes were malformed and replaced by U+FFFD.
    pub had_errors: bool,
    /// What the reader should be told about the decoding.
    pub warnings: Vec<DecodeWarning>,
}

/// Something odd about the bytes that did not stop them being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeWarning {
    /// UTF-8 text with a few bytes that are not UTF-8 (a stray byte, a char cut short): each
    /// became U+FFFD.
    Malformed {
        /// How many malformed sequences there are.
        count: usize,
        /// Byte offsets of the first of them (at most [`LISTED`]).
        offsets: Vec<usize>,
    },
    /// UTF-8 text with whole lines in a legacy encoding (pasted from another page): those
    /// lines were decoded from that encoding.
    Mixed {
        /// The other encoding (`GBK`, `Big5` ...).
        encoding: &'static str,
        /// How many lines are in it.
        count: usize,
        /// Their 1-based numbers (the first [`LISTED`]).
        lines: Vec<usize>,
    },
}

/// How many offsets or lines a warning lists.
pub const LISTED: usize = 5;

impl std::fmt::Display for DecodeWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |items: &[usize], count: usize| {
            let mut s = items.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
            if count > items.len() {
                s.push_str(", ...");
            }
            s
        };
        match self {
            DecodeWarning::Malformed { count, offsets } => write!(
                f,
                "{count} malformed UTF-8 sequence{} at byte offset{} {}, read as U+FFFD",
                if *count == 1 { "" } else { "s" },
                if *count == 1 { "" } else { "s" },
                list(offsets, *count)
            ),
            DecodeWarning::Mixed { encoding, count, lines } => write!(
                f,
                "mixed encodings: {count} line{} in {encoding}, the rest UTF-8 (line{} {})",
                if *count == 1 { "" } else { "s" },
                if *count == 1 { "" } else { "s" },
                list(lines, *count)
            ),
        }
    }
}

/// Why bytes are not text (the message is lowercase, e.g. `a PNG image, not text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText(pub String);

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Decodes `bytes`, detecting the encoding: a byte order mark wins, then valid UTF-8, then
/// UTF-8 with a few malformed bytes or with whole lines in another encoding (both warned),
/// then a `charset` declared in an HTML `<meta>`, then `chardetng`'s guess (biased to
/// Chinese).
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
    if let Some(decoded) = mostly_utf8(bytes) {
        return decoded;
    }
    let sample = &bytes[..bytes.len().min(DETECT_LEN)];
    let enc = declared_charset(head).unwrap_or_else(|| guess(sample, bytes.len() <= DETECT_LEN));
    let (text, _, had_errors) = enc.decode(bytes);
    checked(text.into_owned(), enc, had_errors)
}

/// UTF-8 facts of some bytes.
#[derive(Debug, Default)]
struct Utf8Scan {
    /// Valid chars outside ASCII.
    wide: usize,
    /// Malformed sequences.
    bad: usize,
    /// Whether the bytes end inside a char (a file cut short).
    cut: bool,
}

/// Counts valid wide chars and malformed sequences in `bytes` (which start at `base` in the
/// file), noting the offsets of the first malformed ones.
fn scan_utf8(mut bytes: &[u8], base: usize, offsets: &mut Vec<usize>) -> Utf8Scan {
    let mut scan = Utf8Scan::default();
    let mut at = base;
    let leads = |b: &[u8]| b.iter().filter(|&&c| c >= 0xC0).count();
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => {
                scan.wide += leads(bytes);
                return scan;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                scan.wide += leads(&bytes[..valid]);
                scan.bad += 1;
                if offsets.len() < LISTED {
                    offsets.push(at + valid);
                }
                scan.cut |= e.error_len().is_none();
                let skip = valid + e.error_len().unwrap_or(bytes.len() - valid);
                bytes = &bytes[skip..];
                at += skip;
            }
        }
    }
}

/// Whether a line (or text) with these counts is UTF-8 with a few bad bytes, rather than
/// another encoding (where most wide chars are malformed as UTF-8).
fn is_utf8_with_slips(scan: &Utf8Scan) -> bool {
    scan.wide >= 4 * scan.bad
}

/// Text that is UTF-8 but for some malformed bytes or some lines in another encoding; `None`
/// when the bytes are not UTF-8 at all.
fn mostly_utf8(bytes: &[u8]) -> Option<Result<Decoded, NotText>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Line {
        Utf8,
        Legacy,
    }
    let mut kinds = Vec::new();
    let mut offsets = Vec::new();
    let (mut bad, mut utf8_wide, mut legacy_lines) = (0, 0, Vec::new());
    let mut start = 0;
    for (n, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        let mut line_offsets = Vec::new();
        let scan = scan_utf8(line, start, &mut line_offsets);
        start += line.len();
        // A last line that is only a char cut short is no other encoding.
        if scan.bad == 0 || is_utf8_with_slips(&scan) || (scan.bad == 1 && scan.cut) {
            // A line of one or two wide chars can be valid UTF-8 by chance in GBK text.
            if scan.wide >= 3 {
                utf8_wide += scan.wide;
            }
            bad += scan.bad;
            offsets.extend(line_offsets.into_iter().take(LISTED - offsets.len().min(LISTED)));
            kinds.push(Line::Utf8);
        } else {
            legacy_lines.push(n + 1);
            kinds.push(Line::Legacy);
        }
    }
    if utf8_wide == 0 {
        return None;
    }
    if legacy_lines.is_empty() {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let warning = DecodeWarning::Malformed { count: bad, offsets };
        return Some(checked(text, UTF_8, true).map(|d| d.warned(warning)));
    }
    // Some lines in another encoding: guess it from those lines alone.
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let mut other = Vec::new();
    for (line, kind) in lines.iter().zip(&kinds) {
        if *kind == Line::Legacy && other.len() < DETECT_LEN {
            other.extend_from_slice(line);
        }
    }
    let enc = guess(&other[..other.len().min(DETECT_LEN)], other.len() <= DETECT_LEN);
    let mut text = String::with_capacity(bytes.len());
    for (line, kind) in lines.iter().zip(&kinds) {
        match kind {
            Line::Utf8 => text.push_str(&String::from_utf8_lossy(line)),
            Line::Legacy => text.push_str(&enc.decode_without_bom_handling(line).0),
        }
    }
    let count = legacy_lines.len();
    legacy_lines.truncate(LISTED);
    let mut warnings = Vec::new();
    if bad > 0 {
        warnings.push(DecodeWarning::Malformed { count: bad, offsets });
    }
    warnings.push(DecodeWarning::Mixed { encoding: enc.name(), count, lines: legacy_lines });
    Some(checked(text, UTF_8, true).map(|mut d| {
        d.warnings = warnings;
        d
    }))
}

impl Decoded {
    fn warned(mut self, warning: DecodeWarning) -> Decoded {
        self.warnings.push(warning);
        self
    }
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
    Ok(Decoded { text, encoding: enc.name(), had_errors, warnings: Vec::new() })
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
    fn utf8_with_a_stray_or_cut_byte_stays_utf8() {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        let at = 3 * 10;
        bytes.insert(at, 0xff);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text.replace('\u{fffd}', ""), SAMPLE);
        assert_eq!(d.warnings, vec![DecodeWarning::Malformed { count: 1, offsets: vec![at] }]);
        assert!(d.warnings[0].to_string().contains("byte offset 30"), "{}", d.warnings[0]);
        // A char cut short at the end.
        let cut = &SAMPLE.as_bytes()[..SAMPLE.len() - 1];
        let d = decode(cut).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with(&SAMPLE[..SAMPLE.len() - 3]));
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn utf8_with_gbk_lines_is_read_line_by_line_and_warned() {
        let (gb, _, _) = encoding_rs::GBK.encode("市长李华出席会议并讲话，强调要抓好落实。\n");
        let mut bytes = format!("{SAMPLE}\n").into_bytes();
        bytes.extend_from_slice(&gb);
        bytes.extend_from_slice(format!("{SAMPLE}\n").as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, format!("{SAMPLE}\n市长李华出席会议并讲话，强调要抓好落实。\n{SAMPLE}\n"));
        assert_eq!(d.warnings, vec![DecodeWarning::Mixed { encoding: "GBK", count: 1, lines: vec![2] }]);
        // GBK alone is no mixture.
        let (gb, _, _) = encoding_rs::GBK.encode(SAMPLE);
        assert!(decode(&gb).unwrap().warnings.is_empty());
    }

    #[test]
    fn empty_is_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
