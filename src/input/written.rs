//! The written forms of names in a Traditional-script report: the record names persons and
//! bodies in Simplified script (that of the dictionaries); the spellings of the text are kept
//! as aliases.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::text::{simplified_char, Document};
use crate::Extraction;

/// Adds to `record` the spellings that `text` (the text it was extracted from) uses for its
/// persons and bodies where they differ from the names (a Traditional 張明 for 张明).
///
/// ```
/// let mut record: guanxi::Extraction = serde_json::from_str(r#"{"source": "a",
///   "persons": [{"name": "张明", "mentions": [{"start": 0, "end": 2}]}],
///   "organizations": [{"name": "青川市发展和改革委员会"}]}"#).unwrap();
/// guanxi::input::keep_written_forms(&mut record, "張明任青川市發展和改革委員會主任。");
/// assert_eq!(record.persons[0].aliases, ["張明"]);
/// assert_eq!(record.organizations[0].aliases, ["青川市發展和改革委員會"]);
/// ```
pub fn keep_written_forms(record: &mut Extraction, text: &str) {
    // Most reports are in Simplified script: nothing to do, and nothing allocated.
    if !text.chars().any(|c| is_han(c) && simplified_char(c) != c) {
        return;
    }
    let doc = Document::new(text);
    let slice = |s: usize, e: usize| (e <= doc.len() && s < e).then(|| doc.original_slice(s, e));
    for p in &mut record.persons {
        for m in &p.mentions {
            if let Some(written) = slice(m.start, m.end) {
                add_alias(&mut p.aliases, &p.name, written);
            }
        }
    }
    // Bodies have no spans in the record: find where the text names them.
    let mut names: Vec<(usize, String)> = Vec::new();
    for (i, o) in record.organizations.iter().enumerate() {
        names.push((i, o.name.clone()));
        names.extend(o.aliases.iter().map(|a| (i, a.clone())));
    }
    names.retain(|(_, n)| !n.is_empty());
    if names.is_empty() {
        return;
    }
    let Ok(finder) =
        AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(names.iter().map(|(_, n)| n.as_str()))
    else {
        return;
    };
    let normalised: String = doc.chars.iter().collect();
    let char_at = crate::text::char_at_byte(&normalised);
    for m in finder.find_iter(&normalised) {
        let (org, _) = &names[m.pattern().as_usize()];
        let (s, e) = (char_at[m.start()], char_at[m.end()]);
        if let Some(written) = slice(s, e) {
            let o = &mut record.organizations[*org];
            let name = o.name.clone();
            add_alias(&mut o.aliases, &name, written);
        }
    }
}

fn add_alias(aliases: &mut Vec<String>, name: &str, written: String) {
    if written != name && !aliases.contains(&written) {
        aliases.push(written);
    }
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}
