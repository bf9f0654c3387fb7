//! Byte offsets to char offsets: matchers (Aho-Corasick, regex) give bytes of a `String`,
//! records count chars.

/// For every byte offset of `text` (and its end), the char offset it falls in.
///
/// ```
/// let at = guanxi::text::char_at_byte("张a");
/// assert_eq!(at, [0, 0, 0, 1, 2]);
/// ```
pub fn char_at_byte(text: &str) -> Vec<usize> {
    let mut at = vec![0; text.len() + 1];
    let mut n = 0;
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        at[bi..bi + c.len_utf8()].fill(ci);
        n = ci + 1;
    }
    at[text.len()] = n;
    at
}
