//! Escaping text for XML (GraphML, GEXF, the viewer's SVG and HTML).

/// Escapes text for XML character data and quoted attribute values: `&`, `<`, `>`, `"` and
/// `'` become entities, line breaks and tabs become character references (so they survive
/// attribute normalisation), and characters XML 1.0 forbids (other control characters,
/// U+FFFE, U+FFFF) become U+FFFD.
///
/// ```
/// assert_eq!(guanxi::export::xml::escape("<a href=\"x\">&'\u{1}"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{FFFD}");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// Escapes an id for XML one-to-one: the chars XML 1.0 cannot hold at all are written as
/// `\u{hex}` first (see [`super::attrs::escaped_id`]) instead of becoming U+FFFD, so that two
/// ids apart only by such a char stay two ids.
///
/// ```
/// use guanxi::export::xml::escape_id;
/// assert_ne!(escape_id("meeting:会\u{b}"), escape_id("meeting:会\u{c}"));
/// assert_eq!(escape_id("person:张明\n"), "person:张明&#10;");
/// ```
pub fn escape_id(id: &str) -> String {
    escape(&super::attrs::escaped_id(id, |c| !allowed(c) && !matches!(c, '\t' | '\n' | '\r')))
}

/// Whether XML 1.0 allows `c` in a document.
fn allowed(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_and_forbidden_characters() {
        assert_eq!(escape("a\nb\u{0}\u{FFFE}"), "a&#10;b\u{FFFD}\u{FFFD}");
        assert_eq!(escape("]]>"), "]]&gt;");
        assert_eq!(escape("张三丰"), "张三丰");
    }
}
