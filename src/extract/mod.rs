//! From a document to its extraction record.
//!
//! Stages, each in its own module: [`hits`] (dictionary surfaces), [`context`] (the report's
//! regions), [`orgs`] (bodies), [`names`] (name candidates), [`chains`] (title chains and
//! posts), [`meetings`], [`attendance`]; [`record`] holds the output types.

pub mod attendance;
pub mod body_shapes;
pub mod chains;
pub mod context;
pub mod foreign;
pub mod hits;
pub mod meetings;
mod mentioned;
pub mod names;
pub mod orgs;
pub mod people;
pub mod record;
pub mod region_evidence;
pub mod shaped_bodies;
pub mod spans;

use std::collections::{BTreeMap, BTreeSet};

use jieba_rs::Jieba;

use self::attendance::{sentence_participation, NameSpan, Participation, Sentence};
use self::chains::ChainParser;
use self::context::RegionContext;
use self::hits::Hits;
use self::meetings::{choose_meetings, find_date, MeetingCandidate, MeetingFinder, Organizers};
use self::names::NameFinder;
use self::orgs::{OrgRef, OrgResolver, OrgTable};
use self::people::PersonTable;
use self::record::{Attendance, AttendanceRole, Extraction, Meeting, Span};
use crate::lexicon::{Act, BodyKind, Lexicon, MeetingKind, Surface};
use crate::text::{find_article, sentences, Document};

/// Last chars of body names (强基办, 人才局): a name found without a title never ends so.
const BODY_ENDINGS: &[char] =
    &['局', '厅', '署', '委', '部', '处', '科', '司', '办', '室', '组', '站', '所', '队', '院', '会', '校'];

/// Words that mark a name as a credit line (记者 黄某 摄), not a person of the report.
const CREDIT_WORDS: &[&str] = &["记者", "摄影", "编辑", "通讯员", "校对", "审核", "撰稿", "作者"];

/// Turns reports into extraction records. Build one and reuse it: building loads the
/// dictionaries and jieba's model.
pub struct Extractor {
    lexicon: Lexicon,
    jieba: Jieba,
}

impl Extractor {
    /// An extractor over `lexicon`.
    pub fn new(lexicon: Lexicon) -> Extractor {
        Extractor { lexicon, jieba: Jieba::new() }
    }

    /// The dictionaries in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Whether jieba's dictionary knows `w` as an ordinary word (not a person's name).
    fn is_common_word(&self, w: &str) -> bool {
        let tags = self.jieba.tag(w, false);
        tags.len() == 1 && !tags[0].tag.starts_with("nr")
    }

    /// Whether jieba knows `w` as an ordinary word (a common noun, verb, adjective ...):
    /// never a name, even right after a title. Names of places and things may still be
    /// given names (jieba tags some given names as places).
    fn is_ordinary_word(&self, w: &str) -> bool {
        let tags = self.jieba.tag(w, false);
        tags.len() == 1 && !matches!(tags[0].tag, t if t.starts_with("nr") || t == "ns" || t == "nz" || t == "nt")
    }

    /// Whether the two chars before `start` form an ordinary word, so a name may start at
    /// `start` (贯彻|沈国华总书记).
    fn word_ends_before(&self, chars: &[char], start: usize, floor: usize) -> bool {
        start >= floor + 2 && self.is_common_word(&chars[start - 2..start].iter().collect::<String>())
    }

    /// Extracts the record of one document. `source` is stored as the record's `source`.
    pub fn extract(&self, source: &str, text: &str) -> Extraction {
        let lex = &self.lexicon;
        let doc = Document::new(text);
        let chars = &doc.chars;
        let article = find_article(chars);
        let hits = Hits::scan(lex, chars);

        let mut units: Vec<(usize, usize)> = Vec::new();
        if let Some(t) = article.title {
            units.push(t);
        }
        for &(a, b) in &article.body {
            if Some((a, b)) != article.title {
                units.extend(sentences(chars, a, b));
            }
        }
        let ctx = RegionContext::infer(lex, &hits, chars, &units, article.title);
        let resolver = OrgResolver::new(lex, ctx);
        let chain_parser = ChainParser::new(lex, &self.jieba, &resolver, chars);
        let finder = NameFinder::new(lex, chars, &hits);

        let mut people = PersonTable::default();
        let mut orgs = OrgTable::default();

        // Round 1: names after title chains (and after group labels).
        for &(s, e) in &units {
            self.chains_in(&doc, &hits, &finder, &chain_parser, (s, e), &mut people, &mut orgs);
        }
        // Round 2: names before a title (冯德明委员长) or a trigger (沈国华出席), and lists.
        for &(s, e) in &units {
            self.bare_names_in(&doc, &hits, &finder, &resolver, (s, e), &mut people, &mut orgs);
        }

        // Every place each person is named.
        let mentions = find_mentions(chars, &units, people.names());
        let mut name_spans: Vec<NameSpan> = mentions
            .iter()
            .flat_map(|(n, spans)| {
                spans.iter().map(move |sp| NameSpan { name: n.clone(), start: sp.start, end: sp.end })
            })
            .collect();
        name_spans.sort_by_key(|n| (n.start, n.end));

        // Bodies named anywhere in the report, then short forms resolved in context.
        let mut org_mentions = self.scan_orgs(chars, &hits, &resolver, &units, &name_spans, &mut orgs);
        org_mentions.extend(listed_bodies(chars, &units, people.names(), &mut orgs));
        let shaped = shaped_bodies::shaped_bodies(
            lex,
            &self.jieba,
            &hits,
            &resolver,
            chars,
            &units,
            people.names(),
            &org_mentions,
            &mut orgs,
        );
        org_mentions.extend(shaped);
        let renames = orgs.merge_short_forms();
        people.rename_organizations(&renames);

        // Meetings.
        let meeting_finder = MeetingFinder::new(lex, &self.jieba, chars, &hits);
        let mut candidates: Vec<MeetingCandidate> = Vec::new();
        for (k, &(s, e)) in units.iter().enumerate() {
            let headline = article.title == Some((s, e));
            candidates.extend(meeting_finder.in_sentence((s, e), headline));
            candidates.extend(meeting_finder.receptions((s, e), people.names()));
            if !headline {
                candidates.extend(meeting_finder.running_visits((s, e), people.names()));
            }
            if headline && k == 0 {
                candidates.extend(meeting_finder.headline_event((s, e)));
            }
        }
        let all_candidates = candidates.clone();
        let (spoken_of, candidates): (Vec<_>, Vec<_>) = candidates.into_iter().partition(|c| c.in_remarks);
        let first_body_date = units
            .iter()
            .find(|u| Some(**u) != article.title)
            .and_then(|&(a, b)| find_date(&chars[a..b].iter().collect::<String>(), article.published.as_deref()));
        let mut meetings = choose_meetings(candidates, chars, article.published.as_deref(), first_body_date);

        // Attendance.
        let mut participation = Participation::default();
        let mut last_subject = Vec::new();
        for &(s, e) in &units {
            // The names inside the sentence (the spans are sorted by start).
            let from = name_spans.partition_point(|n| n.start < s);
            let to = name_spans.partition_point(|n| n.start < e);
            sentence_participation(
                lex,
                &hits,
                chars,
                (s, e),
                &name_spans[from..to],
                &mut last_subject,
                &mut participation,
            );
        }
        let published = article.published.clone();
        let mut record_meetings: Vec<Meeting> = meetings
            .iter()
            .map(|m| {
                let sentence: String = chars[m.sentence.0..m.sentence.1].iter().collect();
                let first_body: String = units
                    .iter()
                    .find(|u| Some(**u) != article.title)
                    .map(|&(a, b)| chars[a..b].iter().collect())
                    .unwrap_or_default();
                let date =
                    find_date(&sentence, published.as_deref()).or_else(|| find_date(&first_body, published.as_deref()));
                let organizers = Organizers {
                    lex,
                    hits: &hits,
                    chars,
                    resolver: &resolver,
                    mentions: &org_mentions,
                    renames: &renames,
                }
                .of(m, &all_candidates, &mut orgs);
                Meeting { name: m.name.clone(), date, organizers, evidence: Some(Span::new(m.start, m.end)) }
            })
            .collect();
        // A meeting only spoken of is no event of the report, but the bodies that convened it
        // are bodies named in the text.
        for m in &spoken_of {
            Organizers { lex, hits: &hits, chars, resolver: &resolver, mentions: &org_mentions, renames: &renames }.of(
                m,
                &all_candidates,
                &mut orgs,
            );
        }
        let attendance = build_attendance(&participation, &mut record_meetings, &mut meetings, &article, chars);
        // Organizers may have named a body in full that posts named by a short form.
        let late_renames = orgs.merge_short_forms();
        people.rename_organizations(&late_renames);
        for m in &mut record_meetings {
            for o in &mut m.organizers {
                if let Some(new) = late_renames.get(o) {
                    o.clone_from(new);
                }
            }
            m.organizers.dedup();
        }

        let (persons, roles) = people.finish(&mentions);
        let title = article.title.map(|(a, b)| doc.original_slice(a, b).trim().to_string());
        let mut record = Extraction {
            source: source.to_string(),
            title,
            published,
            persons,
            organizations: orgs.into_vec(),
            roles,
            meetings: record_meetings,
            attendance,
        };
        spans::fill_spans(chars, &mut record);
        record
    }

    /// Names after title chains in one sentence.
    #[allow(clippy::too_many_arguments)]
    fn chains_in(
        &self,
        doc: &Document,
        hits: &Hits,
        finder: &NameFinder,
        parser: &ChainParser,
        (s, e): (usize, usize),
        people: &mut PersonTable,
        orgs: &mut OrgTable,
    ) {
        let chars = &doc.chars;
        let titles: Vec<&hits::Hit> = hits.within(s, e).filter(|h| matches!(h.surface, Surface::Title(_))).collect();
        // A title end inside a longer title (副主任|委员) is no place for a name.
        let mut ends: Vec<usize> =
            titles.iter().map(|h| h.end).filter(|&p| !titles.iter().any(|t| t.start < p && p < t.end)).collect();
        ends.sort_unstable();
        ends.dedup();
        let mut covered_until = s;
        // The chain before the last group of names, and where that group ends.
        let mut prev: Option<(usize, chains::Chain)> = None;
        for p in ends {
            if p < covered_until {
                continue;
            }
            let known = people.names();
            let Some(name_end) = finder.name_at(p, e, known) else { continue };
            // The title and what follows make one word (理事国, 主席台), or the title is the
            // end of another word (办事处|长): no name here.
            if let Some(t) = titles.iter().filter(|t| t.end == p).max_by_key(|t| t.end - t.start) {
                let word: String = chars[t.start..=p].iter().collect();
                if self.jieba.has_word(&word) || self.title_starts_inside_body_word(chars, t.start, s) {
                    continue;
                }
            }
            let Some(mut chain) = parser.chain_before(p, s, known) else { continue };
            let name: String = chars[p..name_end].iter().collect();
            if self.is_credit(chars, p, s) || (!known.contains(&name) && self.is_ordinary_word(&name)) {
                continue;
            }
            // A list of chains and names (某某医院党委书记张三、院长李四): bodyless posts are
            // held in the body of the item before.
            if let Some((prev_end, prev_chain)) = &prev {
                if chain.start == prev_end + 1 && chars[*prev_end] == '、' {
                    parser.inherit(&mut chain, prev_chain);
                }
            }
            for o in &chain.orgs {
                orgs.add(o);
            }
            let mut group = vec![(p, name_end)];
            // A list of names sharing the chain: 副总理钱明远、许文斌.
            let mut end = name_end;
            while end + 1 < e && chars[end] == '、' {
                let Some(next_end) = finder.chinese_name_at(end + 1, e, known) else { break };
                if next_end < e && hits.starting_at(next_end).any(|h| matches!(h.surface, Surface::Title(_))) {
                    break;
                }
                let n: String = chars[end + 1..next_end].iter().collect();
                if self.is_common_word(&n) {
                    break;
                }
                group.push((end + 1, next_end));
                end = next_end;
            }
            covered_until = end;
            prev = Some((end, chain.clone()));
            for (a, b) in group {
                let person: String = chars[a..b].iter().collect();
                people.add(&person);
                if chain.collective {
                    continue;
                }
                for r in &chain.roles {
                    let org = r.org.as_ref().map(|o| orgs.add(o));
                    people.add_role(&person, &r.title, org, Span::new(chain.start, b));
                }
            }
        }
    }

    /// Names before a title or a trigger, and lists of names, in one sentence.
    #[allow(clippy::too_many_arguments)]
    fn bare_names_in(
        &self,
        doc: &Document,
        hits: &Hits,
        finder: &NameFinder,
        resolver: &OrgResolver,
        (s, e): (usize, usize),
        people: &mut PersonTable,
        orgs: &mut OrgTable,
    ) {
        let chars = &doc.chars;
        let lex = &self.lexicon;
        for h in hits.within(s, e) {
            let known = people.names();
            match h.surface {
                Surface::Title(t) => {
                    // 冯德明委员长主持: a name, then a title, then no name.
                    let title = &lex.titles[t];
                    // A title used as address (沈国华总书记关于…) names the person before it
                    // whatever follows, as long as jieba keeps the title a word of its own
                    // (书记处, 省|长江 are other words).
                    let ends = finder.ends_name(h.end, e);
                    let address = ends || (title.is_address() && self.stands_as_word(chars, h.start, h.end, s));
                    if title.is_collective() || !address || self.name_follows(chars, finder, h.end, e, known) {
                        continue;
                    }
                    if hits.ending_at(h.end).any(|x| x.start < h.start && matches!(x.surface, Surface::Title(_))) {
                        continue;
                    }
                    // Inside a longer title (宪法法律委副主任|委员) there is no name before it.
                    if hits
                        .within(s, e)
                        .any(|x| matches!(x.surface, Surface::Title(_)) && x.start <= h.start && h.end < x.end)
                    {
                        continue;
                    }
                    let loose = |st: usize| self.word_ends_before(chars, st, s) || self.word_starts_at(chars, st, s);
                    let Some(start) = finder.name_ending_at(h.start, s, known, &loose) else { continue };
                    let name: String = chars[start..h.start].iter().collect();
                    if !self.acceptable_bare_name(chars, &name, start, s, known)
                        || (!ends && !known.contains(&name) && self.word_not_full_name(&name))
                    {
                        continue;
                    }
                    let org = match &title.body {
                        crate::lexicon::TitleBody::Named(b) => {
                            let bc: Vec<char> = b.chars().collect();
                            resolver.resolve(&bc, None, true)
                        }
                        _ => None,
                    };
                    let org_name = org.as_ref().map(|o| orgs.add(o));
                    people.add_role(&name, &title.title, org_name, Span::new(start, h.end));
                }
                Surface::Trigger(t) => {
                    let act = lex.triggers[t].act;
                    if matches!(act, Act::Absent | Act::Organized) {
                        continue;
                    }
                    let strict = |_: usize| false;
                    let mut found = Vec::new();
                    let Some((start, end)) = self.name_before_trigger(chars, finder, h.start, s, known) else {
                        continue;
                    };
                    found.push((start, end));
                    // Earlier names of the same list: 陈向东、孙俊峰、袁清云分别…
                    let mut cur = start;
                    while cur > s + 1 && chars[cur - 1] == '、' {
                        let Some(st) = finder.name_ending_at(cur - 1, s, known, &strict) else { break };
                        found.push((st, cur - 1));
                        cur = st;
                    }
                    let accepted: Vec<String> = found
                        .into_iter()
                        .map(|(a, b)| (a, chars[a..b].iter().collect::<String>()))
                        .filter(|(a, name)| self.acceptable_bare_name(chars, name, *a, s, known))
                        .map(|(_, name)| name)
                        .collect();
                    for name in accepted {
                        people.add(&name);
                    }
                }
                _ => {}
            }
        }
        self.mentioned_names_in(chars, finder, (s, e), people);
        self.subject_names_in(chars, hits, finder, (s, e), people);
        // Lists of three or more names: 马丽、陈思远、黄国强…
        let mut i = s;
        while i < e {
            // Cheap tests first: a list item starts with a surname and is soon followed by 、.
            let window = &chars[i + 1..(i + 13).min(e)];
            let plausible = (lex.is_single_surname(chars[i]) || window.contains(&'·')) && window.contains(&'、');
            if !plausible || !finder.boundary_before(i, s) {
                i += 1;
                continue;
            }
            let known = people.names();
            let mut items = Vec::new();
            let mut cur = i;
            while let Some(end) = finder
                .chinese_name_at(cur, e, known)
                .or_else(|| finder.foreign_name_at(cur, e).filter(|&end| chars[cur..end].contains(&'·')))
            {
                items.push((cur, end));
                if end < e && chars[end] == '、' {
                    cur = end + 1;
                } else {
                    break;
                }
            }
            if items.len() >= 3 {
                let names: Vec<String> = items.iter().map(|&(a, b)| chars[a..b].iter().collect()).collect();
                // A long list may hold a name that is also a word (高峰); a short one may not.
                let plain = names.iter().filter(|n| known.contains(*n) || !self.is_common_word(n)).count();
                if plain == names.len() || (names.len() >= 5 && plain * 5 >= names.len() * 4) {
                    for n in &names {
                        people.add(n);
                    }
                }
                i = items.last().map(|x| x.1).unwrap_or(i + 1);
            } else {
                i += 1;
            }
        }
    }

    /// The name right before a trigger at `trigger`, over 同志/等 and an adverb between them
    /// (高建民一同调研, 王秀英等步入): (start, end).
    fn name_before_trigger(
        &self,
        chars: &[char],
        finder: &NameFinder,
        trigger: usize,
        floor: usize,
        known: &BTreeSet<String>,
    ) -> Option<(usize, usize)> {
        let strict = |_: usize| false;
        let mut end = trigger;
        for w in ["同志", "等"] {
            let wl = w.chars().count();
            if end >= floor + wl && chars[end - wl..end].iter().copied().eq(w.chars()) {
                end -= wl;
            }
        }
        if let Some(start) = finder.name_ending_at(end, floor, known, &strict) {
            return Some((start, end));
        }
        // One word that stands after names (一同, 分别, 先后) may come between.
        for wl in [2, 1] {
            if end >= floor + wl + 2 {
                let w: String = chars[end - wl..end].iter().collect();
                if self.lexicon.is_after_name(&w) {
                    if let Some(start) = finder.name_ending_at(end - wl, floor, known, &strict) {
                        return Some((start, end - wl));
                    }
                }
            }
        }
        None
    }

    /// Whether a name found without a title chain may be taken: not an ordinary word, not a
    /// credit, and starting where jieba starts a word (委员会|常务委员 has no name 员会).
    fn acceptable_bare_name(
        &self,
        chars: &[char],
        name: &str,
        start: usize,
        floor: usize,
        known: &BTreeSet<String>,
    ) -> bool {
        if known.contains(name) {
            return true;
        }
        !self.is_common_word(name)
            && !self.is_credit(chars, start, floor)
            && self.word_starts_at(chars, start, floor)
            && !name.ends_with(BODY_ENDINGS)
    }

    /// Whether the first char of a title at `start` ends a body-name word that began before it
    /// (办事处|长: the 处 of 办事处 is not the 处 of 处长).
    /// A school's name before its head's title is no such word (大学|校长, 中学|校长).
    fn title_starts_inside_body_word(&self, chars: &[char], start: usize, floor: usize) -> bool {
        let school = start >= floor + 2 && matches!(chars[start - 2..start], ['大' | '中' | '小', '学']);
        !school
            && self.lexicon.org_shapes.iter().any(|(w, _)| {
                let n = w.chars().count();
                n >= 2 && start + 1 >= floor + n && chars[start + 1 - n..=start].iter().copied().eq(w.chars())
            })
    }

    /// Whether jieba's segmentation of the text around `pos` has a word boundary there.
    fn word_starts_at(&self, chars: &[char], pos: usize, floor: usize) -> bool {
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

    /// Whether the name at `start` stands in a credit line (记者 黄某 摄).
    fn is_credit(&self, chars: &[char], start: usize, floor: usize) -> bool {
        let from = start.saturating_sub(6).max(floor);
        let before: String = chars[from..start].iter().collect();
        CREDIT_WORDS.iter().any(|w| before.contains(w))
    }

    /// Every body the dictionaries know, named anywhere in the report.
    fn scan_orgs(
        &self,
        chars: &[char],
        hits: &Hits,
        resolver: &OrgResolver,
        units: &[(usize, usize)],
        names: &[NameSpan],
        orgs: &mut OrgTable,
    ) -> Vec<(usize, usize, String)> {
        let mut mentions = Vec::new();
        for &(s, e) in units {
            let mut i = s;
            // The last regional body named and where it ends: a department named without its
            // region in the same title chain is that region's (扬州市委常委、政法委书记).
            let mut last: Option<(usize, usize)> = None;
            while i < e {
                let starts_org = hits
                    .starting_at(i)
                    .any(|h| matches!(h.surface, Surface::Body(_) | Surface::Region(_) | Surface::DepartmentBare(_)))
                    || (matches!(chars[i], '省' | '市' | '区' | '县' | '州')
                        && hits.starting_at(i + 1).any(|h| matches!(h.surface, Surface::DepartmentSuffix)));
                let inside_name = {
                    let k = names.partition_point(|n| n.start <= i);
                    k > 0 && names[k - 1].end > i
                };
                if !starts_org || inside_name {
                    i += 1;
                    continue;
                }
                let carried = last.filter(|&(end, _)| same_chain(chars, names, end, i)).map(|(_, r)| r);
                let found = resolver.longest_at(&chars[i..e], carried);
                if let Some((len, r)) = &found {
                    last = r.region.filter(|_| !r.bare_region).map(|region| (i + len, region));
                }
                match found {
                    Some((len, r)) if !r.bare_region && len >= 2 => {
                        if is_generic_org(&r, chars, i + len, e)
                            || r.kind == Some(BodyKind::State)
                            || self.runs_into_category(chars, i, i + len, e)
                            || is_media_credit(chars, i + len, e)
                        {
                            i += len;
                            continue;
                        }
                        // A joint name (省委省政府) names each of its bodies.
                        let mut from = i;
                        for (end, joint) in resolver.joint_bodies(&chars[i..i + len], carried) {
                            let name = orgs.add(&joint);
                            mentions.push((from, i + end, name));
                            from = i + end;
                        }
                        let name = orgs.add(&r);
                        mentions.push((i, i + len, name));
                        i += len;
                    }
                    Some((len, r)) => {
                        // A place named among bodies, or with its officials (北京市、湖北省负责同志
                        // 作交流发言): the region's government.
                        if let Some(region) = r.region.filter(|_| self.region_acts_as_body(chars, hits, i, i + len, e))
                        {
                            let gov = resolver.government_of(region);
                            let name = orgs.add(&gov);
                            mentions.push((i, i + len, name));
                        }
                        i += len.max(1)
                    }
                    None => i += 1,
                }
            }
        }
        mentions
    }

    /// Whether the region named at `start..end` stands for a governing body: it is listed with
    /// `、` among dictionary bodies, or the list it closes is followed by words for officials
    /// (北京市、湖北省、某某大学负责同志作交流发言).
    fn region_acts_as_body(&self, chars: &[char], hits: &Hits, start: usize, end: usize, limit: usize) -> bool {
        let officials = |k: usize| {
            let after: String = chars[k..(k + 6).min(limit)].iter().collect();
            ["负责同志", "主要负责同志", "有关负责同志", "负责人", "党委和政府", "党委政府"]
                .iter()
                .any(|w| after.starts_with(w))
        };
        if officials(end) {
            return true;
        }
        // The items of the 、-list around the region: short runs of Han chars between 、.
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut k = start;
        while k > 1 && chars[k - 1] == '、' && items.len() < 12 {
            let mut a = k - 1;
            while a > 0 && names::is_han(chars[a - 1]) && k - 1 - a < 10 {
                a -= 1;
            }
            if a > 0 && names::is_han(chars[a - 1]) {
                break;
            }
            items.push((a, k - 1));
            k = a;
        }
        let mut k = end;
        while k < limit && chars[k] == '、' && items.len() < 24 {
            let b = (k + 1..(k + 12).min(limit)).find(|&j| !names::is_han(chars[j])).unwrap_or(limit);
            items.push((k + 1, b));
            k = b;
        }
        // A dictionary body that is a whole item (not a place: 福建、上海、北京 are places).
        let body_item =
            |&(a, b): &(usize, usize)| hits.starting_at(a).any(|h| matches!(h.surface, Surface::Body(_)) && h.end == b);
        let list_end = items.iter().map(|x| x.1).max().unwrap_or(end).max(end);
        !items.is_empty() && (items.iter().any(body_item) || officials(list_end))
    }
}

impl Extractor {
    /// Whether a category word (委办局, 有关部门) overlaps the end of the body name at
    /// `start..end`: then the name is part of the category, not a body.
    fn runs_into_category(&self, chars: &[char], start: usize, end: usize, limit: usize) -> bool {
        let window: String = chars[start..(end + 4).min(limit)].iter().collect();
        let name_len = end - start;
        self.lexicon.org_shapes.iter().filter(|(_, k)| *k == BodyKind::Category).any(|(w, _)| {
            window.find(w.as_str()).is_some_and(|b| {
                let at = window[..b].chars().count();
                at < name_len && at + w.chars().count() > name_len
            })
        })
    }
}

/// Whether `end..at` is the rest of one post in a title chain and its separator (常委、): a
/// few Han chars naming no person, then `、` or `，`.
fn same_chain(chars: &[char], names: &[NameSpan], end: usize, at: usize) -> bool {
    if at <= end || at - end > 8 || !matches!(chars[at - 1], '、' | '，') {
        return false;
    }
    chars[end..at - 1].iter().all(|c| names::is_han(*c)) && !names.iter().any(|n| n.start < at && n.end > end)
}

/// Whether a body name ending at `end` is a news agency's credit (新华社北京3日电, 央视网消息).
fn is_media_credit(chars: &[char], end: usize, limit: usize) -> bool {
    let rest: String = chars[end..(end + 12).min(limit)].iter().collect();
    if ["网消息", "消息", "记者", "讯", "客户端", "网讯"].iter().any(|w| rest.starts_with(w)) {
        return true;
    }
    // 新华社北京12月3日电
    rest.find("日电").is_some_and(|i| rest[..i].chars().all(|c| names::is_han(c) || c.is_ascii_digit() || c == '月'))
}

/// Words for groups of bodies that close a list of them (甲科技、乙食品等民营企业).
const BODY_GROUPS: &[(&str, BodyKind)] = &[
    ("企业", BodyKind::Enterprise),
    ("公司", BodyKind::Enterprise),
    ("银行", BodyKind::Enterprise),
    ("集团", BodyKind::Enterprise),
    ("高校", BodyKind::University),
    ("大学", BodyKind::University),
    ("院校", BodyKind::University),
    ("科研院所", BodyKind::Institute),
    ("机构", BodyKind::Institute),
    ("协会", BodyKind::Association),
    ("商会", BodyKind::Association),
];

/// Bodies named in a list closed by 等 and a group word within a few chars (甲、乙、丙等民营企业):
/// each item is a body of that kind, however unknown its name.
fn listed_bodies(
    chars: &[char],
    units: &[(usize, usize)],
    persons: &BTreeSet<String>,
    orgs: &mut OrgTable,
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for &(s, e) in units {
        for i in s + 1..e {
            if chars[i] != '等' {
                continue;
            }
            let after: String = chars[i + 1..(i + 10).min(e)].iter().collect();
            let Some(&(_, kind)) =
                BODY_GROUPS.iter().filter(|(w, _)| after.contains(w)).min_by_key(|(w, _)| after.find(w))
            else {
                continue;
            };
            // The items, walking back from 等 over 、.
            let mut items = Vec::new();
            let mut end = i;
            loop {
                let mut a = end;
                while a > s && (names::is_han(chars[a - 1]) || chars[a - 1].is_ascii_alphanumeric()) && end - a < 12 {
                    a -= 1;
                }
                let ok_start = a == s || matches!(chars[a - 1], '、' | '，' | '：' | '“' | '（' | ' ');
                if end - a < 2 || !ok_start {
                    break;
                }
                items.push((a, end));
                if a > s && chars[a - 1] == '、' {
                    end = a - 1;
                } else {
                    break;
                }
            }
            if items.len() < 2 {
                continue;
            }
            for (a, b) in items {
                let name: String = chars[a..b].iter().collect();
                // A list of persons (市县领导吴岚、方晓东等企业负责人) is no list of bodies.
                if persons.iter().any(|p| name.contains(p.as_str())) {
                    continue;
                }
                let r = OrgRef {
                    name: name.clone(),
                    aliases: vec![],
                    kind: Some(kind),
                    parent: None,
                    region: None,
                    bare_region: false,
                    known: false,
                };
                out.push((a, b, orgs.add(&r)));
            }
        }
    }
    out
}

/// A short form followed by words that make it a category (市委办局), not a body.
fn is_generic_org(r: &OrgRef, chars: &[char], end: usize, limit: usize) -> bool {
    if r.region.is_some() || end >= limit {
        return false;
    }
    r.name.chars().count() <= 2 && names::is_han(chars[end])
}

/// Every occurrence of the known names in the units, longest name first at each place.
///
/// A report names a few dozen persons at most: names grouped by their first char and tried
/// longest first at each char find the leftmost-longest occurrences without building an
/// automaton for every document.
fn find_mentions(chars: &[char], units: &[(usize, usize)], names: &BTreeSet<String>) -> BTreeMap<String, Vec<Span>> {
    let mut out: BTreeMap<String, Vec<Span>> = BTreeMap::new();
    // (first char, name's chars, name), sorted by first char, then longest first.
    let mut by_first: Vec<(char, Vec<char>, &String)> = names
        .iter()
        .filter_map(|n| {
            let cs: Vec<char> = n.chars().collect();
            Some((*cs.first()?, cs, n))
        })
        .collect();
    by_first.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())).then(a.2.cmp(b.2)));
    if by_first.is_empty() {
        return out;
    }
    for &(s, e) in units {
        let mut i = s;
        while i < e {
            let from = by_first.partition_point(|(c, _, _)| *c < chars[i]);
            let found = by_first[from..]
                .iter()
                .take_while(|(c, _, _)| *c == chars[i])
                .find(|(_, cs, _)| i + cs.len() <= e && chars[i..i + cs.len()] == cs[..]);
            match found {
                Some((_, cs, name)) => {
                    out.entry((*name).clone()).or_default().push(Span::new(i, i + cs.len()));
                    i += cs.len();
                }
                None => i += 1,
            }
        }
    }
    out
}

/// Attendance entries from what the triggers said: presiding and speaking imply attending;
/// remarks count as speaking for those who were there.
fn build_attendance(
    p: &Participation,
    meetings: &mut Vec<Meeting>,
    candidates: &mut Vec<MeetingCandidate>,
    article: &crate::text::Article,
    chars: &[char],
) -> Vec<Attendance> {
    let mut out = Vec::new();
    // Remarks make a person present, unless the report says they sent words from elsewhere
    // (沈国华作出重要指示强调 …).
    let present = |acts: &[(Act, (usize, usize))]| {
        let absent = acts.iter().any(|(a, _)| *a == Act::Absent);
        acts.iter()
            .any(|(a, _)| matches!(a, Act::Attended | Act::Presided | Act::Spoke) || (*a == Act::Remarked && !absent))
    };
    if meetings.is_empty() && p.acts.values().any(|a| present(a)) {
        // Someone took part in something the text does not name: describe it by the headline.
        // The first part of the headline (two headlines are often joined by a space).
        let name = article
            .title
            .map(|(a, b)| chars[a..b].iter().take_while(|c| **c != ' ').collect::<String>())
            .unwrap_or_else(|| "会议".to_string());
        meetings.push(Meeting {
            name,
            date: None,
            organizers: vec![],
            evidence: article.title.map(|(a, b)| Span::new(a, b)),
        });
        candidates.push(MeetingCandidate {
            name: String::new(),
            start: 0,
            end: 0,
            sentence: (0, 0),
            in_headline: true,
            kind: MeetingKind::Meeting,
            quoted: false,
            in_remarks: false,
            running_visit: false,
        });
    }
    // Persons in a stable order: by first act's sentence, then name.
    let mut persons: Vec<(&String, &Vec<(Act, Sentence)>)> = p.acts.iter().collect();
    persons.sort_by_key(|(n, acts)| (acts.iter().map(|(_, s)| s.0).min().unwrap_or(0), (*n).clone()));
    for (name, acts) in persons {
        if !present(acts) {
            continue;
        }
        let has = |want: Act| acts.iter().find(|(a, _)| *a == want).map(|(_, s)| *s);
        let meeting_for = |sent: (usize, usize)| candidates.iter().position(|c| c.sentence == sent).unwrap_or(0);
        let first = acts.iter().map(|(_, s)| *s).min().unwrap_or((0, 0));
        let ev = |s: (usize, usize)| Some(Span::new(s.0, s.1));
        out.push(Attendance {
            person: name.clone(),
            meeting: meeting_for(first),
            role: AttendanceRole::Attended,
            evidence: ev(first),
        });
        if let Some(s) = has(Act::Presided) {
            out.push(Attendance {
                person: name.clone(),
                meeting: meeting_for(s),
                role: AttendanceRole::Presided,
                evidence: ev(s),
            });
        }
        if let Some(s) = has(Act::Spoke).or(has(Act::Remarked)) {
            out.push(Attendance {
                person: name.clone(),
                meeting: meeting_for(s),
                role: AttendanceRole::Spoke,
                evidence: ev(s),
            });
        }
    }
    out
}
