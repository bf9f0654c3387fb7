//! Text preparation: decoding bytes, HTML pages to article text, normalisation that keeps
//! char offsets, sentences, and the article body.

mod article;
mod date;
mod decode;
mod html;
mod normalize;
mod offsets;
mod script;

pub use article::{find_article, Article};
pub use date::{iso_date, scraped_date};
pub use decode::{decode, DecodeWarning, Decoded, NotText};
pub use html::{html_to_text, looks_like_html, PageText};
pub use normalize::normalize_char;
pub use offsets::char_at_byte;
pub use script::{simplified_char, simplified_chars};

/// A document's text as chars, with a normalised copy of the same length so that every
/// offset into the normalised text is an offset into the original.
#[derive(Debug, Clone)]
pub struct Document {
    /// The text as read (after decoding).
    pub original: Vec<char>,
    /// Same length: Traditional characters in Simplified form, full-width ASCII folded,
    /// punctuation unified, spaces unified.
    pub chars: Vec<char>,
}

impl Document {
    /// Prepares `text`.
    pub fn new(text: &str) -> Document {
        // Sized exactly: a document is held twice, as chars (4 bytes each).
        let mut original = Vec::with_capacity(text.chars().count());
        original.extend(text.chars());
        let chars = original.iter().map(|&c| normalize_char(simplified_char(c))).collect();
        Document { original, chars }
    }

    /// The normalised chars `start..end` as a string.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }

    /// The original chars `start..end` as a string.
    pub fn original_slice(&self, start: usize, end: usize) -> String {
        self.original[start..end].iter().collect()
    }

    /// Number of chars.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether the document is empty.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }
}

/// Whether `w` is written at `k` of `chars`, ending before `limit`.
pub fn starts_with_at(chars: &[char], k: usize, limit: usize, w: &str) -> bool {
    // Char by char, without counting `w` first: most calls fail at the first char.
    let limit = limit.min(chars.len());
    if k > limit {
        return false;
    }
    for (at, c) in (k..).zip(w.chars()) {
        if at >= limit || chars[at] != c {
            return false;
        }
    }
    true
}

/// Whether `w` is written ending right before `k` of `chars`, starting at `floor` or later.
pub fn ends_with_at(chars: &[char], k: usize, floor: usize, w: &str) -> bool {
    // From the last char, without counting `w` first: most calls fail at once.
    let mut at = k.min(chars.len());
    for c in w.chars().rev() {
        if at <= floor || chars[at - 1] != c {
            return false;
        }
        at -= 1;
    }
    floor <= k && k <= chars.len()
}

/// Calls `f` with `chars` as a string, written on the stack when they are few (words and
/// names are): lookups tried at every position would otherwise allocate for each try.
pub fn with_str<R>(chars: &[char], f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if chars.len() * 4 > buf.len() {
        return f(&chars.iter().collect::<String>());
    }
    let mut n = 0;
    for c in chars {
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    f(std::str::from_utf8(&buf[..n]).expect("encoded chars are UTF-8"))
}

/// Whether `c` ends a sentence.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '\n')
}

/// Half-open char ranges of the sentences of `chars[start..end]`, each ending after its
/// terminator (trailing spaces excluded), empty ones skipped.
///
/// A run of more than [`MAX_SENTENCE`] chars without a terminator (a page with no full stops,
/// or a hostile input) is cut at its last comma before the limit, so that the work per
/// sentence stays bounded.
pub fn sentences(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = start;
    for i in start..end {
        if is_sentence_end(chars[i]) {
            push_bounded(chars, s, i + 1, &mut out);
            s = i + 1;
        }
    }
    push_bounded(chars, s, end, &mut out);
    out
}

/// The longest sentence the extractor looks at in one piece, in chars.
pub const MAX_SENTENCE: usize = 1000;

fn push_bounded(chars: &[char], mut s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    while e - s > MAX_SENTENCE {
        let limit = s + MAX_SENTENCE;
        let cut = (s + MAX_SENTENCE / 2..limit)
            .rev()
            .find(|&i| matches!(chars[i], '，' | '、' | ' '))
            .map_or(limit, |i| i + 1);
        push_trimmed(chars, s, cut, out);
        s = cut;
    }
    push_trimmed(chars, s, e, out);
}

fn push_trimmed(chars: &[char], mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if e > s && !(e - s == 1 && is_sentence_end(chars[s])) {
        out.push((s, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_offsets() {
        let d = Document::new("甲乙。 丙丁！\n戊");
        let s = sentences(&d.chars, 0, d.len());
        assert_eq!(s, vec![(0, 3), (4, 7), (8, 9)]);
    }

    #[test]
    fn overlong_sentences_are_cut_at_commas() {
        let text = "甲乙，".repeat(MAX_SENTENCE);
        let d = Document::new(&text);
        let s = sentences(&d.chars, 0, d.len());
        assert!(s.len() >= 3);
        assert!(s.iter().all(|&(a, b)| b - a <= MAX_SENTENCE && d.chars[b - 1] == '，'));
        assert_eq!(s.last().unwrap().1, d.len());
    }

    #[test]
    fn normalised_text_has_same_length() {
        let d = Document::new("Ａ,１ 。（x）");
        assert_eq!(d.chars.len(), d.original.len());
        assert_eq!(d.slice(0, d.len()), "A，1 。（x）");
        let t = Document::new("張明（主持）");
        assert_eq!((t.slice(0, t.len()), t.original_slice(0, 2)), ("张明（主持）".to_string(), "張明".to_string()));
    }
}
