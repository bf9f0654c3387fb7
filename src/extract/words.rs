//! What jieba says of words around a place: ordinary words, word boundaries.

use super::names;
use super::Extractor;

impl Extractor {
    /// Whether jieba's dictionary knows `w` as an ordinary word (not a person's name).
    pub(super) fn is_common_word(&self, w: &str) -> bool {
        let tags = self.jieba.tag(w, false);
        tags.len() == 1 && !tags[0].tag.starts_with("nr")
    }

    /// Whether jieba knows `w` as an ordinary word (a common noun, verb, adjective ...):
    /// never a name, even right after a title. Names of places and things may still be
    /// given names (jieba tags some given names as places).
    pub(super) fn is_ordinary_word(&self, w: &str) -> bool {
        let tags = self.jieba.tag(w, false);
        // jieba's dictionary tags some names as numerals: a word without a numeral char is none.
        let numeral_without_numerals = |t: &str| {
            t == "m"
                && !w.chars().any(|c| c.is_ascii_digit() || "〇零一二三四五六七八九十百千万亿两几多数半".contains(c))
        };
        tags.len() == 1
            && !matches!(tags[0].tag, t if t.starts_with("nr") || t == "ns" || t == "nz" || t == "nt" || numeral_without_numerals(t))
    }

    /// Whether jieba knows `w` as an adjective only (严谨, 文雅): a name after a title and before
    /// punctuation, where no adjective stands.
    pub(super) fn is_adjective(&self, w: &str) -> bool {
        let tags = self.jieba.tag(w, false);
        tags.len() == 1 && tags[0].tag.starts_with('a')
    }

    /// Whether the first two chars of `name` are a preposition, conjunction or adverb that
    /// jieba knows (关于, 由于, 曾经): a name does not start with one, though its surname may
    /// stand alone (总书记|关于某某的论述).
    pub(super) fn starts_with_function_word(&self, name: &str) -> bool {
        let head: String = name.chars().take(2).collect();
        let tags = self.jieba.tag(&head, false);
        head.chars().count() == 2 && tags.len() == 1 && matches!(tags[0].tag.chars().next(), Some('p' | 'c' | 'd'))
    }

    /// Whether `name` is the bare name of a university's school: a subject before 学院
    /// (马克思主义学院, 机械与车辆工程学院), no place or person in it (某市职业技术学院 and 某某理工
    /// 学院 are colleges of their own).
    pub(super) fn is_school_name(&self, name: &str) -> bool {
        let Some(subject) = name.strip_suffix("学院") else { return false };
        subject.chars().count() >= 2
            && subject.chars().all(names::is_han)
            && !subject.contains("大学")
            && self.jieba.tag(subject, false).iter().all(|t| !matches!(t.tag, "ns" | "nr" | "nrt" | "nrfg"))
    }

    /// Whether jieba knows `w` as a verb or a function word (召开, 各个): no part of a place's name.
    pub(super) fn is_verb_or_function_word(&self, w: &str) -> bool {
        let tags = self.jieba.tag(w, false);
        tags.len() == 1 && matches!(tags[0].tag.chars().next(), Some('v' | 'p' | 'c' | 'd' | 'r' | 'm' | 'q' | 'u'))
    }

    /// Whether the two chars before `start` form an ordinary word, so a name may start at
    /// `start` (贯彻|沈国华总书记).
    pub(super) fn word_ends_before(&self, chars: &[char], start: usize, floor: usize) -> bool {
        start >= floor + 2 && self.is_common_word(&chars[start - 2..start].iter().collect::<String>())
    }

    /// Whether jieba's segmentation of the text around `pos` has a word boundary there.
    pub(super) fn word_starts_at(&self, chars: &[char], pos: usize, floor: usize) -> bool {
        if pos <= floor || !names::is_han(chars[pos - 1]) {
            return true;
        }
        let from = pos.saturating_sub(6).max(floor);
        let to = (pos + 4).min(chars.len());
        let window: String = chars[from..to].iter().collect();
        let mut at = from;
        for w in self.jieba.cut(&window, true) {
            if at == pos {
                return true;
            }
            at += w.word.chars().count();
            if at > pos {
                return false;
            }
        }
        at == pos
    }
}
