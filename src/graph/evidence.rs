//! Evidence sentences: the text of the sentences that hold a report's evidence spans, kept
//! on the document so that a viewer can show why an edge exists without the reports at hand.
//!
//! `build` computes them from each report's text and record ([`evidence_sentences`]) and
//! keeps them with [`RelationGraph::add_sentences`]; `graph.json` lists them under the
//! document (`"sentences": [{"start": 40, "end": 75, "text": "…"}]`). An edge's source spans
//! lead to them with [`Document::sentence_of`]. Graphs written without them still load.
//!
//! ```
//! use guanxi::graph::evidence::evidence_sentences;
//! let record: guanxi::Extraction = serde_json::from_str(r#"{"source": "a.txt",
//!   "roles": [{"person": "张明", "title": "市长", "evidence": {"start": 8, "end": 12}}]}"#).unwrap();
//! let s = evidence_sentences(&record, "某市开会。会议由市长张明主持。散会。");
//! assert_eq!(s[0].text, "会议由市长张明主持。");
//! ```

use serde::{Deserialize, Serialize};

use super::model::Document;
use super::RelationGraph;
use crate::extract::record::{Extraction, Span};
use crate::text;

/// Sentences longer than this many chars are cut to [`WINDOW`] chars either side of the
/// evidence, so that a report without punctuation does not end up whole in the graph.
pub const MAX_SENTENCE: usize = 300;

/// Chars kept either side of the evidence in a cut sentence.
pub const WINDOW: usize = 100;

/// A stretch of a report, by char offsets (as in the extraction record), with its text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Sentence {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The text as read.
    pub text: String,
}

/// The sentences of `text` that hold an evidence span of `record` (its roles, meetings and
/// attendance), sorted by start, each once. A span across a sentence end takes the
/// sentences it touches; a sentence longer than [`MAX_SENTENCE`] is cut to [`WINDOW`] chars
/// either side of the span.
pub fn evidence_sentences(record: &Extraction, text: &str) -> Vec<Sentence> {
    let doc = text::Document::new(text);
    let bounds = text::sentences(&doc.chars, 0, doc.len());
    let spans = record
        .roles
        .iter()
        .filter_map(|r| r.evidence)
        .chain(record.meetings.iter().filter_map(|m| m.evidence))
        .chain(record.attendance.iter().filter_map(|a| a.evidence));
    let mut out: Vec<Sentence> = Vec::new();
    for span in spans {
        if span.start >= span.end || span.end > doc.len() {
            continue;
        }
        let first = bounds.partition_point(|&(_, e)| e <= span.start);
        let last = bounds.partition_point(|&(s, _)| s < span.end);
        let (mut start, mut end) = match bounds.get(first..last) {
            Some([a, .., b]) => (a.0.min(span.start), b.1.max(span.end)),
            Some([a]) => (a.0.min(span.start), a.1.max(span.end)),
            _ => (span.start, span.end),
        };
        if end - start > MAX_SENTENCE {
            start = start.max(span.start.saturating_sub(WINDOW));
            end = end.min(span.end + WINDOW);
        }
        out.push(Sentence { start, end, text: doc.original_slice(start, end) });
    }
    out.sort();
    out.dedup_by(|b, a| a.start <= b.start && b.end <= a.end);
    out
}

impl Document {
    /// The kept sentence that holds `span`, or failing that the first that overlaps it.
    pub fn sentence_of(&self, span: Span) -> Option<&Sentence> {
        let within = self.sentences.iter().find(|s| s.start <= span.start && span.end <= s.end);
        within.or_else(|| self.sentences.iter().find(|s| s.start < span.end && span.start < s.end))
    }
}

impl RelationGraph {
    /// Keeps `sentences` on the document at `path` (merged with those it has, sorted). A
    /// path not in the graph is ignored.
    pub fn add_sentences(&mut self, path: &str, sentences: Vec<Sentence>) {
        let Some(&doc) = self.doc_index.get(path) else { return };
        let kept = &mut self.documents[doc.0 as usize].sentences;
        kept.extend(sentences);
        kept.sort();
        kept.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(spans: &[(usize, usize)]) -> Extraction {
        let mut r = Extraction { source: "a.txt".into(), ..Extraction::default() };
        for &(s, e) in spans {
            r.roles.push(crate::Role {
                person: "张明".into(),
                title: "市长".into(),
                organization: None,
                evidence: Some(Span::new(s, e)),
                title_mention: None,
            });
        }
        r
    }

    #[test]
    fn each_sentence_once_in_order() {
        let text = "甲开会。乙市长张明主持。丙讲话。";
        let s = evidence_sentences(&record(&[(12, 14), (6, 8), (7, 9)]), text);
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["乙市长张明主持。", "丙讲话。"]);
        assert_eq!((s[0].start, s[0].end), (4, 12));
    }

    #[test]
    fn a_span_across_sentences_takes_both() {
        let s = evidence_sentences(&record(&[(2, 6)]), "甲开会。乙主持。");
        assert_eq!(s[0].text, "甲开会。乙主持。");
    }

    #[test]
    fn long_sentences_are_cut_around_the_span() {
        let text = "字".repeat(1000);
        let s = evidence_sentences(&record(&[(500, 502)]), &text);
        assert_eq!((s[0].start, s[0].end), (400, 602));
    }

    #[test]
    fn spans_out_of_range_are_skipped() {
        assert!(evidence_sentences(&record(&[(5, 50)]), "甲开会。").is_empty());
    }

    #[test]
    fn spans_find_their_sentence() {
        let mut d = Document { path: "a".into(), title: None, published: None, sentences: Vec::new() };
        d.sentences = evidence_sentences(&record(&[(6, 8)]), "甲开会。乙市长张明主持。");
        assert_eq!(d.sentence_of(Span::new(7, 9)).map(|s| s.start), Some(4));
        assert_eq!(d.sentence_of(Span::new(0, 2)), None);
    }
}
