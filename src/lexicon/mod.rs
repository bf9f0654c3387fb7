//! Dictionaries: loading (embedded and user-supplied) and the lookups the extractor needs.
//!
//! Every table is a commented TSV file in `dictionaries/` (see its README). The built-in
//! files are compiled into the binary; `Lexicon::with_user_dir` adds a user's rows.

pub mod kinds;
mod short_forms;
mod tables;
pub mod tsv;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::error::{Error, Result};
pub use kinds::{BodyKind, MeetingKind, TitleKind};
pub use tables::{
    Act, Body, Country, CountryKind, CueSide, Department, Level, MeetingWord, NameContext, Region, RegionCue, Title,
    TitleBody, Trigger,
};

/// The built-in dictionary files, in load order: (file name, contents).
pub const EMBEDDED: &[(&str, &str)] = &[
    ("regions.tsv", include_str!("../../dictionaries/regions.tsv")),
    ("bodies.tsv", include_str!("../../dictionaries/bodies.tsv")),
    ("departments.tsv", include_str!("../../dictionaries/departments.tsv")),
    ("titles.tsv", include_str!("../../dictionaries/titles.tsv")),
    ("triggers.tsv", include_str!("../../dictionaries/triggers.tsv")),
    ("surnames.tsv", include_str!("../../dictionaries/surnames.tsv")),
    ("org_shapes.tsv", include_str!("../../dictionaries/org_shapes.tsv")),
    ("meeting_words.tsv", include_str!("../../dictionaries/meeting_words.tsv")),
    ("name_context.tsv", include_str!("../../dictionaries/name_context.tsv")),
    ("transliteration.tsv", include_str!("../../dictionaries/transliteration.tsv")),
    ("region_cues.tsv", include_str!("../../dictionaries/region_cues.tsv")),
    ("countries.tsv", include_str!("../../dictionaries/countries.tsv")),
];

/// What a dictionary surface found in the text stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// A title (index into `titles`).
    Title(usize),
    /// A trigger verb or phrase (index into `triggers`).
    Trigger(usize),
    /// A head word of meeting names (index into `meeting_words`).
    MeetingWord(usize),
    /// A region's full or short name (index into `regions`).
    Region(usize),
    /// A body's name or alias (index into `bodies`).
    Body(usize),
    /// The part of a department's name that follows its region (`科委` of `{}科委`).
    DepartmentSuffix,
    /// A department alias that stands on its own (index into `departments`).
    DepartmentBare(usize),
}

/// All dictionaries, indexed for the extractor.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Administrative regions.
    pub regions: Vec<Region>,
    /// Named bodies that exist once.
    pub bodies: Vec<Body>,
    /// Bodies every region of a level has.
    pub departments: Vec<Department>,
    /// Posts and ranks.
    pub titles: Vec<Title>,
    /// Verbs of taking part.
    pub triggers: Vec<Trigger>,
    /// Head words of meeting names.
    pub meeting_words: Vec<MeetingWord>,
    /// Body-name endings with their kind.
    pub org_shapes: Vec<(String, BodyKind)>,
    /// Words around names.
    pub name_context: Vec<NameContext>,
    /// Words around region names that say whether the report is the region's own.
    pub region_cues: Vec<RegionCue>,
    /// Sovereign states.
    pub countries: Vec<Country>,
    /// Country name, short name or alias → country.
    country_index: HashMap<String, usize>,
    max_country_len: usize,
    single_surnames: HashSet<char>,
    /// Surnames that are also function words (向, 和).
    function_surnames: HashSet<char>,
    transliteration: HashSet<char>,
    compound_surnames: HashSet<String>,
    /// Region surface (full or short name) → regions.
    region_index: HashMap<String, Vec<usize>>,
    /// Every proper prefix of a region name: the search for one stops at the first char
    /// that no name continues with.
    region_prefixes: HashSet<String>,
    /// Body name or alias → body.
    body_index: HashMap<String, usize>,
    /// Department alias with `{}` removed, as it follows a region → (department, is the full name).
    dept_suffix_index: HashMap<String, Vec<usize>>,
    /// Department aliases that stand on their own.
    dept_bare_index: HashMap<String, usize>,
    /// Every proper prefix of a body name or alias and of a bare department: the search for
    /// one stops at the first char that no name continues with.
    org_prefixes: HashSet<String>,
    /// Every proper prefix of the keys of `dept_suffix_index`, for the same reason.
    dept_suffix_prefixes: HashSet<String>,
    /// Department aliases written with words before the region (团{}委, 共青团{}委员会):
    /// (words before, words after, department), sorted.
    dept_prefixed: Vec<(String, String, usize)>,
    title_index: HashMap<String, usize>,
    trigger_index: HashSet<String>,
    name_before: HashSet<String>,
    name_after: HashSet<String>,
    /// "After a name" words by their first char, as chars, for allocation-free matching.
    after_by_first: HashMap<char, Vec<Vec<char>>>,
    /// "Before a name" words by their last char.
    before_by_last: HashMap<char, Vec<Vec<char>>>,
    /// Longest surface of each lookup family, to bound substring searches.
    max_org_len: usize,
    max_title_len: usize,
    max_region_len: usize,
    automaton: AhoCorasick,
    surfaces: Vec<Vec<Surface>>,
    /// The body endings of `org_shapes` (no category's) of two chars or more, in one
    /// automaton: where the first of them ends in a run of text.
    shape_endings: AhoCorasick,
}

impl Lexicon {
    /// The built-in dictionaries.
    pub fn embedded() -> Result<Lexicon> {
        Self::from_sources(EMBEDDED.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect())
    }

    /// The built-in dictionaries plus every known file found in `dir` (same names, same
    /// headers). Files in `dir` with other names are an error, so typos are not ignored.
    pub fn with_user_dir(dir: &Path) -> Result<Lexicon> {
        let mut sources: Vec<(String, String)> = EMBEDDED.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
        let entries = std::fs::read_dir(dir).map_err(|e| Error::Io { path: dir.into(), source: e })?;
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_string) else {
                continue;
            };
            if !name.ends_with(".tsv") {
                continue;
            }
            if !EMBEDDED.iter().any(|(n, _)| *n == name) {
                let known: Vec<&str> = EMBEDDED.iter().map(|(n, _)| *n).collect();
                return Err(Error::Input {
                    path,
                    message: format!("unknown dictionary file (known: {})", known.join(", ")),
                });
            }
            let bytes = std::fs::read(&path).map_err(|e| Error::Io { path: path.clone(), source: e })?;
            let text = String::from_utf8(bytes).map_err(|e| not_utf8(&path, e.as_bytes(), e.utf8_error()))?;
            sources.push((path.display().to_string(), text));
        }
        Self::from_sources(sources)
    }

    /// Builds a lexicon from (file name, contents) pairs; several files of one kind are
    /// concatenated (the kind is told by the file name's last component).
    pub fn from_sources(sources: Vec<(String, String)>) -> Result<Lexicon> {
        let mut parsed = tables::Parsed::default();
        for (name, text) in &sources {
            parsed.add(name, text)?;
        }
        Self::index(parsed)
    }

    fn index(p: tables::Parsed) -> Result<Lexicon> {
        let mut region_index: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, r) in p.regions.iter().enumerate() {
            region_index.entry(r.name.clone()).or_default().push(i);
            if r.short.chars().count() >= 2 && r.short != r.name {
                region_index.entry(r.short.clone()).or_default().push(i);
            }
        }
        let region_prefixes: HashSet<String> = region_index
            .keys()
            .flat_map(|name| name.char_indices().skip(1).map(|(b, _)| name[..b].to_string()))
            .collect();
        let mut body_index = HashMap::default();
        for (i, b) in p.bodies.iter().enumerate() {
            body_index.entry(b.name.clone()).or_insert(i);
            for a in &b.aliases {
                body_index.entry(a.clone()).or_insert(i);
            }
        }
        let mut dept_suffix_index: HashMap<String, Vec<usize>> = HashMap::default();
        let mut dept_bare_index = HashMap::default();
        let mut dept_prefixed = Vec::new();
        for (i, d) in p.departments.iter().enumerate() {
            for form in std::iter::once(&d.name).chain(d.aliases.iter()) {
                if let Some((before, after)) = form.split_once("{}") {
                    // 中共{}… is read as 中共 and a regional party body already.
                    if !before.is_empty() && before != "中共" && !after.is_empty() {
                        dept_prefixed.push((before.to_string(), after.to_string(), i));
                    }
                }
                if let Some(rest) = form.strip_prefix("{}") {
                    if !rest.is_empty() {
                        dept_suffix_index.entry(rest.to_string()).or_default().push(i);
                    }
                } else if !form.contains("{}") {
                    dept_bare_index.entry(form.clone()).or_insert(i);
                } else if let Some(rest) = form.strip_prefix("中共{}") {
                    // 中共{}委员会…: the text may write 北京市委员会… without 中共.
                    dept_suffix_index.entry(rest.to_string()).or_default().push(i);
                }
            }
        }
        let title_index: HashMap<String, usize> =
            p.titles.iter().enumerate().map(|(i, t)| (t.title.clone(), i)).collect();
        let mut name_before = HashSet::default();
        let mut name_after = HashSet::default();
        for c in &p.name_context {
            if c.after {
                name_after.insert(c.word.clone())
            } else {
                name_before.insert(c.word.clone())
            };
        }
        let mut after_by_first: HashMap<char, Vec<Vec<char>>> = HashMap::default();
        for w in &name_after {
            let cs: Vec<char> = w.chars().collect();
            after_by_first.entry(cs[0]).or_default().push(cs);
        }
        let mut before_by_last: HashMap<char, Vec<Vec<char>>> = HashMap::default();
        for w in &name_before {
            let cs: Vec<char> = w.chars().collect();
            before_by_last.entry(*cs.last().expect("words are not empty")).or_default().push(cs);
        }
        let mut single_surnames = HashSet::default();
        let mut compound_surnames = HashSet::default();
        for s in &p.surnames {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => {
                    single_surnames.insert(c);
                }
                _ => {
                    compound_surnames.insert(s.clone());
                }
            }
        }

        // One automaton over every surface scanned for in running text; a string may stand
        // for several things (主席 is a title; 会见 a trigger and a meeting word).
        let mut by_pattern: std::collections::BTreeMap<String, Vec<Surface>> = Default::default();
        let mut add = |w: &str, s: Surface| {
            if !w.is_empty() {
                let v = by_pattern.entry(w.to_string()).or_default();
                if !v.contains(&s) {
                    v.push(s);
                }
            }
        };
        for (i, t) in p.titles.iter().enumerate() {
            add(&t.title, Surface::Title(i));
        }
        for (i, t) in p.triggers.iter().enumerate() {
            add(&t.word, Surface::Trigger(i));
        }
        for (i, m) in p.meeting_words.iter().enumerate() {
            add(&m.word, Surface::MeetingWord(i));
        }
        for (w, ids) in &region_index {
            for &i in ids {
                add(w, Surface::Region(i));
            }
        }
        for (w, &i) in &body_index {
            add(w, Surface::Body(i));
        }
        for w in dept_suffix_index.keys() {
            add(w, Surface::DepartmentSuffix);
        }
        for (w, &i) in &dept_bare_index {
            add(w, Surface::DepartmentBare(i));
        }
        let (patterns, surfaces): (Vec<String>, Vec<Vec<Surface>>) = by_pattern.into_iter().unzip();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("dictionary surfaces always build an automaton");

        let proper_prefixes = |name: &String| -> Vec<String> {
            name.char_indices().skip(1).map(|(b, _)| name[..b].to_string()).collect()
        };
        let org_prefixes: HashSet<String> =
            body_index.keys().chain(dept_bare_index.keys()).flat_map(proper_prefixes).collect();
        let dept_suffix_prefixes: HashSet<String> = dept_suffix_index.keys().flat_map(proper_prefixes).collect();
        let shape_endings = AhoCorasick::new(
            p.org_shapes
                .iter()
                .filter(|(w, kind)| *kind != BodyKind::Category && w.chars().count() >= 2)
                .map(|(w, _)| w),
        )
        .expect("dictionary endings always build an automaton");
        let clen = |s: &String| s.chars().count();
        let max_org_len = body_index
            .keys()
            .chain(dept_suffix_index.keys())
            .chain(dept_bare_index.keys())
            .map(clen)
            .max()
            .unwrap_or(1);
        let trigger_index = p.triggers.iter().map(|t| t.word.clone()).collect();
        let mut country_index: HashMap<String, usize> = HashMap::default();
        for (i, c) in p.countries.iter().enumerate() {
            for form in [&c.name, &c.short].into_iter().chain(c.aliases.iter()) {
                country_index.entry(form.clone()).or_insert(i);
            }
        }
        let max_country_len = country_index.keys().map(clen).max().unwrap_or(1);
        Ok(Lexicon {
            region_cues: p.region_cues,
            countries: p.countries,
            country_index,
            max_country_len,
            trigger_index,
            max_title_len: title_index.keys().map(clen).max().unwrap_or(1),
            max_region_len: region_index.keys().map(clen).max().unwrap_or(1),
            region_prefixes,
            org_prefixes,
            dept_suffix_prefixes,
            max_org_len,
            regions: p.regions,
            bodies: p.bodies,
            departments: p.departments,
            titles: p.titles,
            triggers: p.triggers,
            meeting_words: p.meeting_words,
            org_shapes: p.org_shapes,
            shape_endings,
            name_context: p.name_context,
            single_surnames,
            function_surnames: p.function_surnames.iter().copied().collect(),
            transliteration: p.transliteration.iter().copied().collect(),
            compound_surnames,
            region_index,
            body_index,
            dept_suffix_index,
            dept_bare_index,
            dept_prefixed: {
                dept_prefixed.sort();
                dept_prefixed.dedup();
                dept_prefixed
            },
            title_index,
            name_before,
            name_after,
            after_by_first,
            before_by_last,
            automaton,
            surfaces,
        })
    }

    /// Every occurrence of a dictionary surface in `text` (overlapping), as (byte start,
    /// byte end, what it stands for).
    pub fn scan<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize, &'a [Surface])> + 'a {
        self.automaton
            .find_overlapping_iter(text)
            .map(move |m| (m.start(), m.end(), self.surfaces[m.pattern().as_usize()].as_slice()))
    }

    /// Whether `s` is a trigger word.
    pub fn is_trigger(&self, s: &str) -> bool {
        self.trigger_index.contains(s)
    }

    /// The title spelled exactly `s`.
    pub fn title(&self, s: &str) -> Option<&Title> {
        self.title_index.get(s).map(|&i| &self.titles[i])
    }

    /// Longest title that `chars` ends with, as its length in chars.
    pub fn title_suffix(&self, chars: &[char]) -> Option<(usize, &Title)> {
        let n = chars.len();
        let mut buf = String::new();
        for len in (1..=self.max_title_len.min(n)).rev() {
            buf.clear();
            buf.extend(&chars[n - len..]);
            if let Some(t) = self.title(&buf) {
                return Some((len, t));
            }
        }
        None
    }

    /// Regions written exactly `s` (full or short name).
    pub fn regions_named(&self, s: &str) -> &[usize] {
        self.region_index.get(s).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The region whose full name is `name`.
    pub fn region_by_name(&self, name: &str) -> Option<usize> {
        self.regions_named(name).iter().copied().find(|&i| self.regions[i].name == name)
    }

    /// Whether region `inner` lies in region `outer` (or is it).
    pub fn region_within(&self, inner: usize, outer: usize) -> bool {
        let mut cur = inner;
        for _ in 0..4 {
            if cur == outer {
                return true;
            }
            match self.regions[cur].parent.as_deref().and_then(|p| self.region_by_name(p)) {
                Some(p) => cur = p,
                None => return false,
            }
        }
        false
    }

    /// Longest region name that `chars` starts with: (length in chars, candidate regions).
    pub fn region_prefix(&self, chars: &[char]) -> Option<(usize, &[usize])> {
        let mut buf = String::new();
        let mut best = None;
        for (len, c) in chars.iter().take(self.max_region_len).enumerate() {
            buf.push(*c);
            if let Some(v) = self.region_index.get(&buf) {
                best = Some((len + 1, v.as_slice()));
            }
            if !self.region_prefixes.contains(&buf) {
                break;
            }
        }
        best
    }

    /// The body with this exact name or alias.
    pub fn body(&self, s: &str) -> Option<&Body> {
        self.body_index.get(s).map(|&i| &self.bodies[i])
    }

    /// Bodies by index.
    pub fn body_index_of(&self, s: &str) -> Option<usize> {
        self.body_index.get(s).copied()
    }

    /// Departments whose `{}`-form ends in exactly `s` (the part after the region).
    pub fn departments_after_region(&self, s: &str) -> &[usize] {
        self.dept_suffix_index.get(s).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Department aliases written with words before the region (团{}委): (words before,
    /// words after, department).
    pub fn prefixed_departments(&self) -> &[(String, String, usize)] {
        &self.dept_prefixed
    }

    /// The department written `s` on its own (教育工委).
    pub fn bare_department(&self, s: &str) -> Option<usize> {
        self.dept_bare_index.get(s).copied()
    }

    /// The byte end of the first body ending (of `org_shapes`, no category's, two chars or
    /// more) written in `s`: the end of the one that ends first.
    pub fn first_shape_ending_end(&self, s: &str) -> Option<usize> {
        self.shape_endings.find(s).map(|m| m.end())
    }

    /// Whether some body name or alias, or some bare department, goes on past `s`.
    pub fn org_continues(&self, s: &str) -> bool {
        self.org_prefixes.contains(s)
    }

    /// Whether some department's form after its region goes on past `s`.
    pub fn dept_suffix_continues(&self, s: &str) -> bool {
        self.dept_suffix_prefixes.contains(s)
    }

    /// Longest length of any body or department surface, in chars.
    pub fn max_org_len(&self) -> usize {
        self.max_org_len
    }

    /// Whether `c` is a single-character surname.
    pub fn is_single_surname(&self, c: char) -> bool {
        self.single_surnames.contains(&c)
    }

    /// Whether `c` is a surname that is also a common function word (向, 和, 从).
    pub fn is_function_surname(&self, c: char) -> bool {
        self.function_surnames.contains(&c)
    }

    /// Whether `c` is used to write foreign and minority names.
    pub fn is_transliteration(&self, c: char) -> bool {
        self.transliteration.contains(&c)
    }

    /// Whether `s` is a compound surname.
    pub fn is_compound_surname(&self, s: &str) -> bool {
        self.compound_surnames.contains(s)
    }

    /// Whether `w` is a word that often stands right after a name.
    pub fn is_after_name(&self, w: &str) -> bool {
        self.name_after.contains(w)
    }

    /// Whether a word that stands after names starts at `chars[0]` (within `chars`).
    pub fn after_name_starts(&self, chars: &[char]) -> bool {
        let Some(first) = chars.first() else { return false };
        self.after_by_first.get(first).is_some_and(|ws| ws.iter().any(|w| chars.starts_with(w)))
    }

    /// Whether a word that stands before names ends at the end of `chars`.
    pub fn before_name_ends(&self, chars: &[char]) -> bool {
        let Some(last) = chars.last() else { return false };
        self.before_by_last.get(last).is_some_and(|ws| ws.iter().any(|w| chars.ends_with(w)))
    }

    /// The longest country name (full, short or alias) that `chars` starts with: (length in
    /// chars, country).
    pub fn country_prefix(&self, chars: &[char]) -> Option<(usize, &Country)> {
        let mut buf = String::new();
        let mut best = None;
        for (len, c) in chars.iter().take(self.max_country_len).enumerate() {
            buf.push(*c);
            if let Some(&i) = self.country_index.get(&buf) {
                best = Some((len + 1, &self.countries[i]));
            }
        }
        best
    }

    /// Whether `w` is a word that often stands right before a name.
    pub fn is_before_name(&self, w: &str) -> bool {
        self.name_before.contains(w)
    }
}

/// The error for a dictionary file that is not UTF-8, naming the line and column of the first
/// bad byte (dictionaries are edited by hand, often saved as GBK by a spreadsheet).
fn not_utf8(path: &std::path::Path, bytes: &[u8], e: std::str::Utf8Error) -> Error {
    let good = &bytes[..e.valid_up_to()];
    let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = std::str::from_utf8(&good[line_start..]).map_or(0, |t| t.chars().count()) + 1;
    Error::Dictionary {
        file: path.display().to_string(),
        line,
        message: format!(
            "not UTF-8 (byte 0x{:02x} at column {column}); save the file as UTF-8",
            bytes[e.valid_up_to()]
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_dictionaries_load() {
        let lex = Lexicon::embedded().unwrap();
        assert!(lex.title("书记").is_some());
        assert!(lex.is_single_surname('张'));
        assert!(!lex.regions_named("北京市").is_empty());
    }

    #[test]
    fn longest_title_suffix_wins() {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = "海淀区副区长".chars().collect();
        let (len, t) = lex.title_suffix(&chars).unwrap();
        assert_eq!((len, t.title.as_str()), (3, "副区长"));
    }
}
