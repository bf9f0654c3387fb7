//! Traditional characters to Simplified, one char for one char, so that a report from a Hong
//! Kong, Macau or Taiwan outlet meets the dictionaries (which are in Simplified script) and
//! every offset still counts chars of the text as read.
//!
//! The table is `fast2s`'s (MIT): every entry maps one char to one char, a few of them by
//! their neighbours (乾隆 keeps 乾, 乾淨 becomes 干净). Its keys are chars that Simplified text
//! does not use, with rare exceptions that it handles by context, so Simplified text passes
//! through unchanged and no per-document guess of the script is needed. Conversions that
//! need more than one char on a side (vocabulary such as 軟體/软件) are not made: they do
//! not occur in names, posts or the words that mark attendance.

/// The chars of `text` with Traditional forms replaced by Simplified ones; always as many
/// chars as `text` has.
///
/// ```
/// let chars = guanxi::text::simplified_chars("會議由張明主持");
/// assert_eq!(chars.iter().collect::<String>(), "会议由张明主持");
/// ```
pub fn simplified_chars(text: &str) -> Vec<char> {
    let converted: Vec<char> = fast2s::convert(text).chars().collect();
    let original = text.chars();
    if converted.len() == original.clone().count() {
        converted
    } else {
        // Not expected of a one-to-one table; keep the offsets whatever happens.
        original.collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_length_and_simplified_unchanged() {
        let simplified = "市委书记张明主持会议，副市长李华、王强出席会议并讲话。";
        assert_eq!(simplified_chars(simplified).iter().collect::<String>(), simplified);
        let traditional = "市委書記張明主持會議，副市長李華、王強出席會議並講話。";
        let chars = simplified_chars(traditional);
        assert_eq!(chars.len(), traditional.chars().count());
        assert_eq!(chars.iter().collect::<String>(), simplified);
        // Outside the Basic Multilingual Plane and mixed scripts keep their length too.
        assert_eq!(simplified_chars("𠀀會A").len(), 3);
    }
}
