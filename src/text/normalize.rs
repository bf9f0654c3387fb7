//! One-to-one character normalisation: offsets never move.

/// Folds one char: full-width letters and digits to ASCII, ASCII punctuation to the Chinese
/// full-width forms used in reports, every kind of space to a plain space, quotes unified.
pub fn normalize_char(c: char) -> char {
    match c {
        // Full-width ASCII letters and digits.
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '!' => '！',
        '?' => '？',
        '"' => '“',
        '「' | '『' => '“',
        '」' | '』' => '”',
        '〈' => '《',
        '〉' => '》',
        '\u{3000}' | '\u{a0}' | '\t' | '\u{2002}' | '\u{2003}' | '\u{2009}' | '\u{200b}' | '\u{feff}' => ' ',
        '\r' => '\n',
        '•' | '・' | '‧' => '·',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_widths_and_punctuation() {
        let cases = [('，', '，'), (',', '，'), ('１', '1'), ('Ｚ', 'Z'), ('\u{3000}', ' '), ('・', '·'), ('中', '中')];
        for (input, want) in cases {
            assert_eq!(normalize_char(input), want, "{input:?}");
        }
    }
}
