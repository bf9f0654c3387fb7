//! Traditional characters to Simplified, one char for one char, so that a report from a Hong
//! Kong, Macau or Taiwan outlet meets the dictionaries (which are in Simplified script) and
//! every offset still counts chars of the text as read.
//!
//! The table is built when guanxi is compiled (`build.rs`) from OpenCC's `t2s` dictionaries
//! (the `ferrous-opencc` crate): every Han char that OpenCC turns into exactly one other char,
//! variants included (峯 → 峰, 羣 → 群). Its keys are chars that Simplified text does not use
//! (but for a few rare ones, such as 乾 of 乾坤 and 於 as a surname, which become 干 and 于:
//! the written form stays in the text and as an alias), so Simplified text passes through
//! unchanged and no guess of a document's script is needed. What needs more than one char on
//! a side is not converted: OpenCC's phrase table (vocabulary such as 軟體 → 软件, and words
//! whose chars convert by context) changes no name, post or word that marks attendance.

mod table {
    include!(concat!(env!("OUT_DIR"), "/t2s.rs"));
}

/// One bit per char of the Basic Multilingual Plane: set for the table's keys.
static TRADITIONAL_BMP: std::sync::LazyLock<Box<[u64; 1024]>> = std::sync::LazyLock::new(|| {
    let mut bits = Box::new([0u64; 1024]);
    for &(t, _) in table::T2S {
        let code = t as u32;
        if code < 0x1_0000 {
            bits[(code / 64) as usize] |= 1 << (code % 64);
        }
    }
    bits
});

/// The Simplified form of one char (the char itself when it has none).
///
/// ```
/// assert_eq!(guanxi::text::simplified_char('會'), '会');
/// assert_eq!(guanxi::text::simplified_char('峯'), '峰');
/// assert_eq!(guanxi::text::simplified_char('会'), '会');
/// ```
pub fn simplified_char(c: char) -> char {
    let code = c as u32;
    if code < 0x3400 {
        return c;
    }
    // Nearly every char of a report has no Traditional form to replace: a bit per BMP char
    // answers that without the binary search.
    if code < 0x1_0000 && TRADITIONAL_BMP[(code / 64) as usize] & (1 << (code % 64)) == 0 {
        return c;
    }
    match table::T2S.binary_search_by_key(&c, |&(t, _)| t) {
        Ok(i) => table::T2S[i].1,
        Err(_) => c,
    }
}

/// The chars of `text` with Traditional forms replaced by Simplified ones; always as many
/// chars as `text` has.
///
/// ```
/// let chars = guanxi::text::simplified_chars("會議由張明主持");
/// assert_eq!(chars.iter().collect::<String>(), "会议由张明主持");
/// ```
pub fn simplified_chars(text: &str) -> Vec<char> {
    text.chars().map(simplified_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_one_to_one() {
        assert!(table::T2S.len() > 2000, "{} entries", table::T2S.len());
        assert!(table::T2S.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(table::T2S.iter().all(|(t, s)| t != s));
    }

    #[test]
    fn every_table_entry_is_answered() {
        assert!(table::T2S.iter().all(|&(t, s)| simplified_char(t) == s));
    }

    #[test]
    fn same_length_and_simplified_unchanged() {
        let simplified = "市委书记张明主持会议，副市长李华、王强出席会议并讲话。";
        assert_eq!(simplified_chars(simplified).iter().collect::<String>(), simplified);
        let traditional = "市委書記張明主持會議，副市長李華、王強出席會議並講話。";
        let chars = simplified_chars(traditional);
        assert_eq!(chars.len(), traditional.chars().count());
        assert_eq!(chars.iter().collect::<String>(), simplified);
        assert_eq!(simplified_chars("𠀀會A").len(), 3);
    }
}
