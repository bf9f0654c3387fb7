//! Dictionary surfaces found in a document, indexed by char position.

use crate::lexicon::{Lexicon, Surface};

/// One dictionary surface at a char range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// What it stands for.
    pub surface: Surface,
}

/// All hits of a document, sorted by start (then longest first).
#[derive(Debug, Default)]
pub struct Hits {
    hits: Vec<Hit>,
    /// Indices into `hits`, sorted by end.
    by_end: Vec<usize>,
    /// For each char position, the index of the first hit starting there or later: the
    /// rules ask at every position, and a lookup beats a binary search.
    first_from: Vec<usize>,
    /// For each char position, the index into `by_end` of the first hit ending there or later.
    first_ending_from: Vec<usize>,
    /// Region short forms that begin a smaller place's name (青山|镇), sorted by start: no
    /// region, but still a proper name where bodies are recognised by their shape.
    places: Vec<(usize, usize)>,
}

/// Conjunctions that can begin a region's name (和县) when a level word follows them.
pub(super) const CONJUNCTIONS: &[char] = &['和', '与', '及', '同'];

/// Level chars of regions (县, 市, 区 ...).
pub(super) const LEVEL_CHARS: &[char] = &['省', '市', '县', '区', '州', '旗'];

/// Chars that make a place name before them a township, village or street (青山镇, 周宁路).
const SMALLER_PLACE: &[char] = &['镇', '乡', '村', '街', '路', '巷', '屯'];

/// Whether a region's short form (`written`, followed by `rest`) is the first part of a smaller
/// place's name: a town, village or street is often named like a district or county elsewhere
/// (a 青山镇 far from any 青山区), so the short form names no region there. Full names
/// (某某县城关镇) still do.
fn names_a_smaller_place(lex: &Lexicon, region: usize, written: &[char], rest: &[char]) -> bool {
    let Some(&next) = rest.first() else { return false };
    let full = lex.regions[region].name.chars().eq(written.iter().copied());
    !full && (SMALLER_PLACE.contains(&next) || rest.starts_with(&['社', '区']))
}

/// For each position `p` of `0..=n + 1`, the index of the first of `keys` (ascending, none
/// past `n`) that is `p` or more.
fn firsts(keys: impl Iterator<Item = usize>, n: usize) -> Vec<usize> {
    let keys: Vec<usize> = keys.collect();
    let mut out = Vec::with_capacity(n + 2);
    let mut k = 0;
    for p in 0..=n + 1 {
        while k < keys.len() && keys[k] < p {
            k += 1;
        }
        out.push(k);
    }
    out
}

impl Hits {
    /// Scans `chars` once with the lexicon's automaton.
    pub fn scan(lex: &Lexicon, chars: &[char]) -> Hits {
        let text: String = chars.iter().collect();
        Hits::scan_text(lex, chars, &text, &crate::text::char_at_byte(&text))
    }

    /// [`Hits::scan`] where the caller already holds `chars` as a string (`text`) and the
    /// char index of each of its bytes (`char_at`, from [`crate::text::char_at_byte`]).
    pub fn scan_text(lex: &Lexicon, chars: &[char], text: &str, char_at: &[usize]) -> Hits {
        let mut hits = Vec::new();
        let mut places = Vec::new();
        for (bs, be, surfaces) in lex.scan(text) {
            let (start, end) = (char_at[bs], char_at[be]);
            for &surface in surfaces {
                if let Surface::Region(r) = surface {
                    if names_a_smaller_place(lex, r, &chars[start..end], chars.get(end..).unwrap_or(&[])) {
                        places.push((start, end));
                        continue;
                    }
                }
                hits.push(Hit { start, end, surface });
            }
        }
        // A region's short form that begins inside a title and runs past it is the title's end
        // and a name's start (市长|宁某, 副省长|沙某), not the region (长宁, 长沙).
        let mut titles: Vec<(usize, usize)> =
            hits.iter().filter(|h| matches!(h.surface, Surface::Title(_))).map(|h| (h.start, h.end)).collect();
        titles.sort_unstable();
        let longest_title = titles.iter().map(|(a, b)| b - a).max().unwrap_or(0);
        let mut starts: Vec<usize> = hits.iter().map(|h| h.start).collect();
        starts.sort_unstable();
        let mut body_ends: Vec<usize> = hits
            .iter()
            .filter(|h| !matches!(h.surface, Surface::Region(_) | Surface::Trigger(_)))
            .map(|h| h.end)
            .collect();
        body_ends.sort_unstable();
        // 某院和县委, 某局长和县长: a conjunction and a level word after a body or a title, not a
        // county named 和县 (nor its bodies).
        hits.retain(|h| {
            let written = &chars[h.start..h.end];
            !(written.len() >= 2
                && CONJUNCTIONS.contains(&written[0])
                && LEVEL_CHARS.contains(&written[1])
                && matches!(h.surface, Surface::Region(_) | Surface::Body(_))
                && body_ends.binary_search(&h.start).is_ok())
        });
        hits.retain(|h| {
            let Surface::Region(r) = h.surface else { return true };
            let full = lex.regions[r].name.chars().eq(chars[h.start..h.end].iter().copied());
            // Only titles starting less than the longest title's length before the region can cross it.
            let near = titles.partition_point(|t| t.0 + longest_title < h.start);
            if full {
                return true;
            }
            let crosses = titles[near..].iter().take_while(|t| t.0 < h.start).any(|&(_, b)| h.start < b && b < h.end);
            // Right after a title, a short form that goes on as no body does is a name's start
            // (县长|宁某某: a name that begins like 宁海).
            let after_title = titles[near..].iter().take_while(|t| t.0 < h.start).any(|&(_, b)| b == h.start);
            let goes_on_as_name = chars.get(h.end).is_some_and(|&c| crate::extract::names::is_han(c))
                && starts.binary_search(&h.end).is_err();
            let name_start = after_title && goes_on_as_name;
            !crosses && !name_start
        });
        hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut by_end: Vec<usize> = (0..hits.len()).collect();
        by_end.sort_by(|&a, &b| hits[a].end.cmp(&hits[b].end).then(hits[b].start.cmp(&hits[a].start)));
        places.sort_unstable();
        places.dedup();
        let first_from = firsts(hits.iter().map(|h| h.start), chars.len());
        let first_ending_from = firsts(by_end.iter().map(|&k| hits[k].end), chars.len());
        Hits { hits, by_end, first_from, first_ending_from, places }
    }

    /// The index of the first hit starting at `pos` or later.
    fn first_starting_from(&self, pos: usize) -> usize {
        self.first_from.get(pos).copied().unwrap_or(self.hits.len())
    }

    /// The end of the smaller place's name part that starts at `pos` (青山 of 青山镇), if one does.
    pub fn place_at(&self, pos: usize) -> Option<usize> {
        let i = self.places.partition_point(|p| p.0 < pos);
        self.places[i..].iter().take_while(|p| p.0 == pos).map(|p| p.1).max()
    }

    /// Hits that start at `pos`, longest first.
    pub fn starting_at(&self, pos: usize) -> impl Iterator<Item = &Hit> {
        let i = self.first_starting_from(pos);
        self.hits[i..].iter().take_while(move |h| h.start == pos)
    }

    /// Hits that end at `pos`, longest first.
    pub fn ending_at(&self, pos: usize) -> impl Iterator<Item = &Hit> {
        let i = self.first_ending_from.get(pos).copied().unwrap_or(self.by_end.len());
        self.by_end[i..].iter().map(|&k| &self.hits[k]).take_while(move |h| h.end == pos)
    }

    /// Hits that lie inside `start..end`, in order of start.
    pub fn within(&self, start: usize, end: usize) -> impl Iterator<Item = &Hit> {
        let i = self.first_starting_from(start);
        self.hits[i..].iter().take_while(move |h| h.start < end).filter(move |h| h.end <= end)
    }
}
