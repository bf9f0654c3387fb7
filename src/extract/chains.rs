//! Title chains: the posts written before a name (`北京市委常委、教育工委书记，市政府党组成员`),
//! split into (title, body) pairs with the body carried over and shared prefixes distributed.

use std::collections::BTreeSet;

use jieba_rs::Jieba;

use super::body_shapes;
use super::foreign;
use super::names;
use super::orgs::{self, OrgRef, OrgResolver};
use crate::lexicon::{BodyKind, Level, Lexicon, Surface, Title, TitleBody, TitleKind};

/// One post of a chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainRole {
    /// The title as written.
    pub title: String,
    /// The body it is held in, when the text names or implies one.
    pub org: Option<OrgRef>,
}

/// The chain before one name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    /// Where the chain starts (char offset).
    pub start: usize,
    /// The posts, in text order.
    pub roles: Vec<ChainRole>,
    /// The chain ends in a group label (区领导), which gives no post.
    pub collective: bool,
    /// Every body named in the chain.
    pub orgs: Vec<OrgRef>,
    /// Words the chain reads as another body than a dictionary scan would (纪委 after 院党委
    /// is the hospital's): start, end and the body.
    pub read_apart: Vec<(usize, usize, OrgRef)>,
}

/// Chars that separate the posts of one chain.
fn is_chain_separator(c: char) -> bool {
    matches!(c, '、' | '，')
}

/// Chars that end a chain on the left.
fn is_chain_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '：' | '“' | '”' | '《' | '》' | '（' | '）' | '\n' | ' ' | '【' | '】')
}

/// Two-char words of place that end with a region's level char (社区, 园区, 超市): a body
/// name never starts at their second char.
const PLACE_WORDS_ENDING_IN_LEVEL: &[&str] = &[
    "社区", "园区", "城区", "景区", "小区", "街区", "矿区", "林区", "牧区", "山区", "片区", "厂区", "校区", "超市",
    "城市", "都市",
];

/// Whether `a` followed by `b` is one of [`PLACE_WORDS_ENDING_IN_LEVEL`].
fn ends_place_word(a: char, b: char) -> bool {
    PLACE_WORDS_ENDING_IN_LEVEL.iter().any(|w| {
        let mut cs = w.chars();
        cs.next() == Some(a) && cs.next() == Some(b)
    })
}

/// Chars that, standing right before a body, end the words before it (会议听取了|…).
pub(super) const LEAD_IN_CHARS: &[char] =
    &['了', '的', '由', '在', '向', '把', '被', '据', '受', '请', '是', '即', '赴', '给'];

/// Words that tie a body to the one before it (集团所属某某公司, 旗下), or that introduce the
/// persons of a list (会议选举|某某公司总经理某某, 出席的还有|某某医院院长某某): the body named
/// after them starts after them.
const LEAD_IN_WORDS: &[&str] =
    &["所属", "下属", "旗下", "属下", "还有", "包括", "以及", "选举", "推选", "增选", "补选", "邀请", "特邀", "聘请"];

/// Titles that hold the ending of their body (科主任, 纪检监察组组长, 党总支书记, a township's 人大主席): after
/// the body's name they are its post (body ending, post).
const TITLES_WITH_THEIR_BODY: &[(&str, &str)] = &[
    ("科", "主任"),
    ("纪检监察组", "组长"),
    ("人大", "主席"),
    ("人大", "副主席"),
    ("党总支", "书记"),
    ("党总支", "副书记"),
];

/// Whether a name ends like a unit inside a body (a bureau, division, department, office,
/// centre or working committee) rather than a body of its own.
fn is_sub_unit(name: &str) -> bool {
    ["局", "处", "部", "室", "司", "科", "中心", "办", "党工委", "工委", "研究所"].iter().any(|s| name.ends_with(s))
        && !name.ends_with("公司")
}

/// Whether a name ends like a school or department of a university (医学院, 研究生院, 物理系).
fn is_school(name: &str) -> bool {
    ["学院", "研究生院", "研究院", "书院", "系", "学部"].iter().any(|s| name.ends_with(s)) && !name.ends_with("大学")
}

/// The segment of an organ written bare before its post (工会主席, 居委会主任), one of `organs`
/// at `span`: a placeholder body of that name, filled in when the posts are distributed.
fn bare_organ_segment(
    org_text: &[char],
    organs: &[&str],
    kind: impl Fn(&str) -> BodyKind,
    (start, end): (usize, usize),
    title: &Option<Title>,
) -> Option<Segment> {
    let organ = organs.iter().find(|o| org_text.iter().copied().eq(o.chars()))?;
    title.as_ref()?;
    Some(Segment {
        start,
        org: Some(OrgRef::shaped(organ.to_string(), Vec::new(), kind(organ))),
        org_span: Some((start, end)),
        title: title.clone(),
        lead_in: false,
        unread: false,
    })
}

/// Whether two posts are of one family: one is the other's deputy (局长, 副局长, 常务副局长),
/// or both are posts of the same organ (党组书记, 党组成员).
fn same_post_family(a: &str, b: &str) -> bool {
    let base = |t: &str| {
        let t = t.strip_prefix("常务").unwrap_or(t);
        t.strip_prefix('副').unwrap_or(t).to_string()
    };
    let organ = |t: &str| ["党组", "党委", "党工委"].into_iter().find(|o| t.starts_with(o));
    base(a) == base(b) || organ(a).is_some_and(|o| organ(b) == Some(o))
}

/// The office of a body, written bare in a chain after the body (县委常委、办公室主任).
const BARE_OFFICE: &str = "办公室";

/// `inner` as a part of `outer`: its name prefixed with the outer body's.
fn sub_body(outer: &OrgRef, inner: OrgRef) -> OrgRef {
    let mut aliases = inner.aliases;
    aliases.push(inner.name.clone());
    OrgRef {
        name: format!("{}{}", outer.name, inner.name),
        aliases,
        kind: inner.kind,
        parent: Some(outer.name.clone()),
        region: outer.region,
        bare_region: false,
        known: false,
    }
}

/// One segment between separators: an optional body and an optional title.
struct Segment {
    start: usize,
    org: Option<OrgRef>,
    /// Where the body's name stands, when the dictionaries resolved it.
    org_span: Option<(usize, usize)>,
    title: Option<Title>,
    /// The segment began with words that are not part of the chain: it is the first one.
    lead_in: bool,
    /// Words before the title that may name its body but resolve to none (某某量贩店采购|经理):
    /// the post's body is unknown, not the report's own unit.
    unread: bool,
}

/// Parses chains with one report's resolver.
pub struct ChainParser<'a> {
    lex: &'a Lexicon,
    jieba: &'a Jieba,
    orgs: &'a OrgResolver<'a>,
    chars: &'a [char],
}

impl<'a> ChainParser<'a> {
    /// A parser over `chars`.
    pub fn new(lex: &'a Lexicon, jieba: &'a Jieba, orgs: &'a OrgResolver<'a>, chars: &'a [char]) -> Self {
        ChainParser { lex, jieba, orgs, chars }
    }

    /// Where the bracket that closes right before `at` opens, when it holds a region's name or
    /// 集团 inside a body's name (某某（甘肃）有限公司, 某某（集团）公司): Han chars stand on both sides.
    fn bracket_in_name(&self, at: usize, floor: usize) -> Option<usize> {
        let chars = self.chars;
        if at < floor + 4 || chars[at - 1] != '）' || !chars.get(at).is_some_and(|&c| names::is_han(c)) {
            return None;
        }
        let open = (at.saturating_sub(8).max(floor)..at - 1).rev().find(|&k| chars[k] == '（')?;
        let inside: String = chars[open + 1..at - 1].iter().collect();
        let n = inside.len();
        let named = inside == "集团"
            || inside == "中国"
            || self
                .lex
                .scan(&inside)
                .any(|(a, b, s)| a == 0 && b == n && s.iter().any(|x| matches!(x, Surface::Region(_))));
        (named && open > floor && names::is_han(chars[open - 1])).then_some(open)
    }

    /// Whether the char at `at` separates two posts of a chain: `、`, `，`, or `兼` between
    /// two posts (副主席兼秘书长: both are posts; 兼任, 兼职, 兼顾 are words of their own).
    fn separates(&self, at: usize) -> bool {
        let chars = self.chars;
        if is_chain_separator(chars[at]) {
            return true;
        }
        chars[at] == '兼'
            && at > 0
            && !chars.get(at + 1).is_some_and(|c| "任职顾管容并具备有".contains(*c))
            && self.lex.title_suffix(&chars[..at]).is_some()
    }

    /// The separator right before `at`, past the stray spaces scraped text leaves around it
    /// (某县委副书记 、县长).
    fn separator_before(&self, at: usize, floor: usize) -> Option<usize> {
        let k = self.past_spaces(at, floor);
        (k > floor && self.separates(k - 1)).then(|| k - 1)
    }

    /// `at`, moved back past the spaces right before it (not before `floor`).
    fn past_spaces(&self, at: usize, floor: usize) -> usize {
        let mut k = at;
        while k > floor && self.chars[k - 1] == ' ' {
            k -= 1;
        }
        k
    }

    /// The chain that ends at `name_start`, not reaching back before `floor`.
    /// `region_of_list` is the body of the chain before, when this one follows it as the next
    /// item of one list (某市委书记张三，市委副书记、市长李四): its region is what this chain's
    /// bare level words speak of.
    pub fn chain_before(
        &self,
        name_start: usize,
        floor: usize,
        known: &BTreeSet<String>,
        region_of_list: Option<&OrgRef>,
    ) -> Option<Chain> {
        let chars = self.chars;
        let mut segs: Vec<Segment> = Vec::new();
        let mut end = name_start;
        // The separator after the segment being read (none after the last one).
        let mut joined_by: Option<char> = None;
        loop {
            // The segment runs back to the previous separator or stop.
            let mut start = end;
            loop {
                while start > floor && !self.separates(start - 1) && !is_chain_stop(chars[start - 1]) {
                    start -= 1;
                }
                // A region or 集团 in brackets inside a body's name (某某（江苏）有限公司).
                match self.bracket_in_name(start, floor) {
                    Some(open) => start = open,
                    None => break,
                }
            }
            if start == end {
                break;
            }
            let first_seg = segs.is_empty();
            let Some(seg) = self.segment(start, end, first_seg, known) else { break };
            // A body without a title shares the next segment's titles; only `、` joins them.
            if seg.title.is_none() && (first_seg || joined_by != Some('、') || seg.org.is_none()) {
                break;
            }
            // 分管日常工作的副部长: a modifier, not the start of the clause.
            let lead_in = seg.lead_in && !(seg.org.is_none() && seg.start > 0 && chars[seg.start - 1] == '的');
            segs.push(seg);
            if lead_in || start == floor || start == 0 {
                break;
            }
            let Some(sep) = self.separator_before(start, floor) else { break };
            joined_by = Some(chars[sep]);
            end = self.past_spaces(sep, floor);
        }
        if segs.is_empty() {
            return None;
        }
        segs.reverse();
        // A chain may not begin with a body that has no title of its own after it... which
        // the loop above already ensured; drop leading untitled bodies joined by `，`.
        Some(self.distribute(segs, region_of_list))
    }

    /// Parses chars `start..end` as one segment.
    fn segment(&self, start: usize, end: usize, last: bool, known: &BTreeSet<String>) -> Option<Segment> {
        // Words before the body that are no part of it: a date, or a person named earlier in
        // the sentence with a link word (科技部部长某某和|共青团中央书记处…).
        let start = self.start_after_person_or_date(start, end, known);
        let text = &self.chars[start..end];
        let (title, org_end) = match self.lex.title_suffix(text) {
            Some((len, t)) => (Some(t.clone()), end - len),
            None => (None, end),
        };
        // A division's head after its name (心血管内科主任, 某某纪检监察组组长): the post of the
        // division named before it, not 科主任.
        let (title, org_end) = match &title {
            Some(t) if org_end > start && names::is_han(self.chars[org_end - 1]) => {
                let split = TITLES_WITH_THEIR_BODY.iter().find_map(|(body, post)| {
                    let deputy = t.title.strip_suffix(&format!("{body}{post}"))?;
                    Some((body.chars().count(), self.lex.title(&format!("{deputy}{post}"))?))
                });
                match split {
                    Some((body_len, head)) => (Some(head.clone()), org_end + body_len),
                    None => (title, org_end),
                }
            }
            _ => (title, org_end),
        };
        if last && title.is_none() {
            return None;
        }
        // A deputy of a people's congress (县人大代表) holds a post there; other 代表 are a
        // group's (企业代表).
        let title = title.map(|mut t| {
            let congress = || {
                self.orgs
                    .resolve_dictionary(&self.chars[start..org_end], None)
                    .is_some_and(|o| o.kind == Some(BodyKind::Congress))
            };
            if t.is_collective() && t.title == "代表" && org_end > start && congress() {
                t.kind = TitleKind::Congress;
            }
            t
        });
        // 前主席, 原局长: the post was held before; the body is what precedes.
        let org_end =
            if org_end > start && matches!(self.chars[org_end - 1], '前' | '原') { org_end - 1 } else { org_end };
        if org_end == start {
            return Some(Segment { start, org: None, org_span: None, title, lead_in: false, unread: false });
        }
        let org_text = &self.chars[start..org_end];
        // A party organ written bare before its post (…讲话，党委副书记、副局长某某): the organ is
        // part of the post, the unit comes from the chain or the list before.
        if let Some(organ) = orgs::PARTY_ORGANS.iter().find(|o| org_text.iter().copied().eq(o.chars())) {
            // (Its members too: 党委委员, 党委常委.)
            if let Some(mut t) =
                title.filter(|t| t.kind == TitleKind::Party || ["委员", "常委"].contains(&t.title.as_str()))
            {
                t.title = format!("{organ}{}", t.title);
                return Some(Segment {
                    start,
                    org: None,
                    org_span: None,
                    title: Some(t),
                    lead_in: false,
                    unread: false,
                });
            }
            return None;
        }
        // A unit's union or youth league written bare (…党委副书记、工会主席): the unit comes
        // from the body the chain carries, when the posts are distributed.
        if let Some(seg) =
            bare_organ_segment(org_text, orgs::BARE_UNIT_ORGANS, orgs::organ_kind, (start, org_end), &title)
        {
            return Some(seg);
        }
        if let Some((k, org)) = title.as_ref().and_then(|t| foreign::foreign_body(self.lex, org_text, t)) {
            return Some(Segment {
                start: start + k,
                org: Some(org),
                org_span: None,
                title,
                lead_in: k > 0,
                unread: false,
            });
        }
        // A township's bare level word (镇党委书记, 镇人大主席) in the report of a township.
        if let Some((k, org)) = (0..org_text.len()).find_map(|k| {
            let before = (start + k).checked_sub(1).map(|b| self.chars[b]);
            let org = self.orgs.township_body(&org_text[k..], before)?;
            (k == 0 || self.is_lead_in(start, start + k)).then_some((k, org))
        }) {
            if k > 0 && title.is_none() {
                return None;
            }
            return Some(Segment {
                start: start + k,
                org: Some(org),
                org_span: Some((start + k, org_end)),
                title,
                lead_in: k > 0,
                unread: false,
            });
        }
        // So is a community's residents' committee (…社区党委书记、居委会主任): the community
        // comes from the body carried, or the post has none.
        let government = |_: &str| BodyKind::Government;
        if let Some(seg) =
            bare_organ_segment(org_text, orgs::RESIDENTS_COMMITTEES, government, (start, org_end), &title)
        {
            return Some(seg);
        }
        // The body is the longest tail of the text that the dictionaries cover wholly ...
        // (never from inside a place word: 某某社|区党委 is the community's committee).
        if let Some(k) = (0..org_text.len()).find(|&k| {
            !(k > 0 && ends_place_word(org_text[k - 1], org_text[k]))
                && self.orgs.resolve_dictionary(&org_text[k..], None).is_some()
        }) {
            let lead_in = k > 0;
            // A body standing alone (shared prefix) must be the whole segment.
            if lead_in && title.is_none() {
                return None;
            }
            if !lead_in || self.is_lead_in(start, start + k) || !last {
                let org = self.orgs.resolve_dictionary(&org_text[k..], None);
                return Some(Segment {
                    start: start + k,
                    org,
                    org_span: Some((start + k, org_end)),
                    title,
                    lead_in,
                    unread: false,
                });
            }
        }
        // ... or, failing that, the text after the last word that cannot be part of a body,
        // when it ends like a body or stands right before the name.
        let cut = self.lead_in_end(start, org_end);
        if cut == org_end {
            return title.map(|t| Segment {
                start: org_end,
                org: None,
                org_span: None,
                title: Some(t),
                lead_in: true,
                unread: false,
            });
        }
        let tail = &self.chars[cut..org_end];
        // A township's head after its name (温泉镇镇长): the township's government.
        if let Some(g) = title
            .as_ref()
            .and_then(|t| body_shapes::township_of_head(tail, &t.title))
            .map(|stem| self.orgs.government_of_named(&stem))
        {
            return Some(Segment {
                start: cut,
                org: Some(g),
                org_span: None,
                title,
                lead_in: cut > start,
                unread: false,
            });
        }
        // A body's office written bare after it (县委常委、办公室主任): an office, of the body the
        // chain carries once the posts are distributed.
        if title.is_some() && tail.iter().copied().eq(BARE_OFFICE.chars()) {
            return Some(Segment {
                start: cut,
                org: Some(OrgRef::shaped(BARE_OFFICE.to_string(), Vec::new(), BodyKind::Government)),
                org_span: Some((cut, org_end)),
                title,
                lead_in: cut > start,
                unread: false,
            });
        }
        // Unknown text is a body only when it ends like one (…管委会, …集团).
        // A unit named by its kind word (医院党委书记, 集团总会计师) is the report's own unit.
        let Some(org) = self.orgs.resolve(tail, None, false).or_else(|| self.orgs.own_unit(tail)) else {
            // A body followed by the field of its post (某某公司职工食堂|总经理, 某某超市生鲜采购|
            // 经理): the post is the body's.
            if let Some((k, org)) = title.as_ref().and(self.body_before_field(tail)) {
                return Some(Segment {
                    start: cut,
                    org: Some(org),
                    org_span: Some((cut, cut + k)),
                    title,
                    lead_in: cut > start,
                    unread: false,
                });
            }
            return if last {
                title.map(|t| Segment {
                    start: org_end,
                    org: None,
                    org_span: None,
                    title: Some(t),
                    lead_in: true,
                    unread: true,
                })
            } else {
                None
            };
        };
        if !last && !self.orgs.has_org_shape(&org.name) && org.aliases.is_empty() && !orgs::is_own_unit_word(&org.name)
        {
            return None;
        }
        Some(Segment {
            start: cut,
            org: Some(org),
            org_span: Some((cut, org_end)),
            title,
            lead_in: cut > start,
            unread: false,
        })
    }

    /// The first char of `start..end` after the last known name (with a link word after it)
    /// or date in it.
    fn start_after_person_or_date(&self, start: usize, end: usize, known: &BTreeSet<String>) -> usize {
        let chars = self.chars;
        let mut from = start;
        for k in start..end {
            if chars[k].is_ascii_digit() {
                let mut j = k + 1;
                while j < end && (chars[j].is_ascii_digit() || matches!(chars[j], '日' | '月' | '年' | '时' | '号'))
                {
                    j += 1;
                }
                from = from.max(j);
            }
        }
        for name in known {
            let n: Vec<char> = name.chars().collect();
            if n.len() > end - start {
                continue;
            }
            for k in start..=end - n.len() {
                if chars[k..k + n.len()] == n[..] {
                    let mut j = k + n.len();
                    if j < end && matches!(chars[j], '和' | '与' | '及' | '同') {
                        j += 1;
                    }
                    from = from.max(j);
                }
            }
        }
        from.min(end)
    }

    /// The longest body that `tail` starts with when no more than a few words of a post's
    /// field follow it (职工食堂, 生鲜采购): its length and the body.
    fn body_before_field(&self, tail: &[char]) -> Option<(usize, OrgRef)> {
        const MAX_FIELD: usize = 6;
        (2..tail.len() - 1).rev().take_while(|&k| tail.len() - k <= MAX_FIELD).find_map(|k| {
            // The rest is a field, not a body of its own (市委|第二巡察组).
            let rest: String = tail[k..].iter().collect();
            if self.orgs.has_org_shape(&rest)
                || rest.ends_with(['组', '队', '班', '团', '会'])
                || rest.starts_with('第')
            {
                return None;
            }
            let org = self.orgs.resolve(&tail[..k], None, false)?;
            (!org.bare_region && (org.known || self.orgs.has_org_shape(&org.name))).then_some((k, org))
        })
    }

    /// Whether `start..end` ends with words that stand before a body (会议听取了), not with
    /// part of its name (共青团|中央书记处).
    fn is_lead_in(&self, start: usize, end: usize) -> bool {
        self.lead_in_end(start, end) == end
    }

    /// The end of the last lead-in word in `start..end` (a preposition or particle by jieba's
    /// tags, or a trigger verb: 会议听取了|…, 钱明远同|…), or `start`.
    fn lead_in_end(&self, start: usize, end: usize) -> usize {
        let text: String = self.chars[start..end].iter().collect();
        let mut cut = start;
        let mut pos = start;
        // Academic units are named after disciplines joined by 与 (某某科学与技术学院).
        // (Its organs too: 某某与某某学院党委.)
        let academic = (start..end).any(|k| {
            body_shapes::academic_ending_at(self.chars, k).is_some_and(|n| {
                let rest = &self.chars[k + n..end];
                rest.is_empty() || orgs::PARTY_ORGANS.iter().any(|o| rest.iter().copied().eq(o.chars()))
            })
        });
        let tags = self.jieba.tag(&text, false);
        for (i, tag) in tags.iter().enumerate() {
            let len = tag.word.chars().count();
            pos += len;
            if academic
                && i > 0
                && body_shapes::joins_disciplines(
                    (tags[i - 1].word, tags[i - 1].tag),
                    tag.word,
                    tags.get(i + 1).map(|t| (t.word, t.tag)),
                )
            {
                continue;
            }
            let function = tag.tag.starts_with('p')
                || tag.tag.starts_with('u')
                || (tag.tag.starts_with('c') && len >= 2)
                || self.lex.is_trigger(tag.word)
                || LEAD_IN_WORDS.contains(&tag.word);
            if function || (len == 1 && LEAD_IN_CHARS.contains(&self.chars[pos - 1])) {
                cut = pos;
            }
        }
        cut
    }

    /// Turns segments into posts: bodies carried over, shared prefixes distributed, and
    /// heads of government attached to their government.
    fn distribute(&self, segs: Vec<Segment>, region_of_list: Option<&OrgRef>) -> Chain {
        let start = segs[0].start;
        let mut roles = Vec::new();
        let mut all_orgs = Vec::new();
        let mut pending: Vec<OrgRef> = Vec::new();
        let mut carry: Vec<OrgRef> = Vec::new();
        let mut collective = false;
        let mut read_apart = Vec::new();
        for mut seg in segs {
            // A department named without its region (政法委, 市政府) after a body of another
            // region is that region's (扬州市委常委、政法委书记 → 扬州市委政法委).
            let carried = carry.first().or(region_of_list);
            seg.org = seg.org.map(|o| self.in_carried_region(o, seg.org_span, carried));
            // 纪委 written bare after a bare post of a unit's party committee (党委委员、纪委书记)
            // is the unit's, not the region's.
            if let Some((a, b)) = seg.org_span {
                let written = self.chars[a..b].iter().copied().eq(orgs::UNIT_DISCIPLINE_COMMITTEE.chars());
                let after_unit_post = roles.last().is_some_and(|r: &ChainRole| {
                    r.org.is_none() && r.title.starts_with("党委") && orgs::is_unit_party_post(&r.title)
                });
                if written && carry.is_empty() && after_unit_post {
                    let organ =
                        OrgRef::shaped(orgs::UNIT_DISCIPLINE_COMMITTEE.to_string(), Vec::new(), BodyKind::Party);
                    read_apart.push((a, b, organ.clone()));
                    seg.org = Some(organ);
                }
            }
            // A unit's organ written bare after the unit's party committee is that unit's
            // (院党委副书记、纪委书记 → 院纪委), not the region's.
            if let (Some((a, b)), Some(c)) = (seg.org_span, carry.first()) {
                let organ: String = self.chars[a..b].iter().collect();
                // (A residents' committee only while it is still the bare word: a village's
                // report has named it already.)
                let bare = seg.org.as_ref().is_some_and(|o| o.name == organ);
                let same_unit = || {
                    orgs::organ_of_same_unit(c, &organ)
                        .filter(|_| bare || !orgs::RESIDENTS_COMMITTEES.contains(&organ.as_str()))
                };
                if let Some(u) = self.orgs.township_organ(c, &organ).or_else(same_unit) {
                    read_apart.push((a, b, u.clone()));
                    seg.org = Some(u);
                }
            }
            // A residents' committee no community's committee names is no body.
            if seg.org.as_ref().is_some_and(|o| orgs::RESIDENTS_COMMITTEES.contains(&o.name.as_str())) {
                seg.org = None;
            }
            // A bare office with no body before it is nobody's office.
            if carry.is_empty() && seg.org.as_ref().is_some_and(|o| o.name == BARE_OFFICE) {
                seg.org = None;
            }
            if let Some(o) = seg.org.as_ref().filter(|o| !o.bare_region) {
                all_orgs.push(o.clone());
            }
            let Some(title) = seg.title else {
                pending.extend(seg.org);
                continue;
            };
            if title.is_collective() {
                collective = true;
                pending.clear();
                continue;
            }
            // A body the dictionaries do not know, named right after another body of the chain,
            // is part of it (某部党组成员、某司司长 → 某部某司).
            let seg_org = seg.org.map(|o| match carry.first() {
                Some(c) if !o.known && o.parent.is_none() => {
                    let known_carry = c.known && !c.bare_region;
                    // A known body once joined to the one before (省人大常委会党组成员、法制工作委员会主任).
                    if let Some(known) = known_carry.then(|| self.known_part(c, &o)).flatten() {
                        known
                    } else if (known_carry && is_sub_unit(&o.name))
                        // A school of a university named before it (某某大学副校长、医学院院长).
                        || (c.kind == Some(BodyKind::University) && is_school(&o.name))
                    {
                        sub_body(c, o)
                    } else {
                        o
                    }
                }
                _ => o,
            });
            let written: Vec<OrgRef> = match seg_org {
                Some(o) => {
                    let mut v = std::mem::take(&mut pending);
                    v.push(o);
                    v
                }
                None if !pending.is_empty() => std::mem::take(&mut pending),
                None => Vec::new(),
            };
            let orgs: Vec<Option<OrgRef>> = match &title.body {
                TitleBody::None if written.is_empty() => vec![None],
                // The post names its body (国务委员 → 国务院).
                TitleBody::Named(b) if written.is_empty() => {
                    let chars: Vec<char> = b.chars().collect();
                    vec![self.orgs.resolve(&chars, None, true)]
                }
                TitleBody::Government => {
                    let region = written
                        .iter()
                        .chain(carry.iter())
                        .find_map(|o| o.region)
                        .or_else(|| self.region_for_head(&title));
                    let from_written: Vec<Option<OrgRef>> = written
                        .iter()
                        .map(|o| {
                            Some(if o.bare_region {
                                self.orgs.government_of(o.region.expect("bare regions have a region"))
                            } else {
                                o.clone()
                            })
                        })
                        .collect();
                    if !from_written.is_empty()
                        && written.iter().all(|o| o.bare_region || o.kind == Some(BodyKind::Government))
                    {
                        from_written
                    } else if let Some(r) = region {
                        vec![Some(self.orgs.government_of(r))]
                    } else {
                        // A region the dictionaries lack (青禾县委 → 青禾县人民政府).
                        vec![written.iter().chain(carry.iter()).find_map(|o| self.orgs.government_by_shape(&o.name))]
                    }
                }
                _ if written.is_empty() => {
                    if carry.is_empty() {
                        vec![None]
                    } else {
                        carry.iter().map(|o| Some(self.for_title(o, &title))).collect()
                    }
                }
                _ => written.iter().cloned().map(Some).collect(),
            };
            if !written.is_empty() {
                carry = written;
            }
            for org in orgs {
                let role = self.shaped_role(&title.title, org, seg.unread);
                if let Some(o) = &role.org {
                    if !all_orgs.contains(o) {
                        all_orgs.push(o.clone());
                    }
                }
                roles.push(role);
            }
        }
        // A post written with its bare organ (党委副书记、院长) or a party group's post
        // (党组书记、检察长) is held in the unit of the chain's administrative post.
        // (Not in the unit's union: 党委副书记、工会主席 holds the first post in the unit.)
        let unit = roles
            .iter()
            .filter(|r| self.lex.title(&r.title).is_some_and(|t| t.kind != TitleKind::Party))
            .filter_map(|r| r.org.clone())
            .find(|o| !orgs::is_unit_organ(&o.name));
        if let Some(unit) = unit {
            for r in roles.iter_mut().filter(|r| r.org.is_none() && orgs::is_unit_party_post(&r.title)) {
                r.org = Some(unit.clone());
            }
        }
        Chain { start, roles, collective, orgs: all_orgs, read_apart }
    }

    /// The dictionary body that `inner`, named after `outer` in a chain, is when joined to it
    /// (某省人大常委会 + 法制工作委员会 → 某省人大常委会法制工作委员会).
    /// The outer body's short names are tried too: a department's short name may be defined
    /// on them only (某县委 + 统战部 → 某县委统战部 → 中共某县委员会统一战线工作部).
    fn known_part(&self, outer: &OrgRef, inner: &OrgRef) -> Option<OrgRef> {
        std::iter::once(&outer.name).chain(outer.aliases.iter()).find_map(|o| {
            let joined: Vec<char> = o.chars().chain(inner.name.chars()).collect();
            self.orgs.resolve_dictionary(&joined, outer.region).filter(|r| r.known && r.name != outer.name)
        })
    }

    /// `org`, named at `span`, resolved again with the region of the chain's carried body
    /// when that region differs from the one the name was given alone.
    fn in_carried_region(&self, org: OrgRef, span: Option<(usize, usize)>, carried: Option<&OrgRef>) -> OrgRef {
        let (Some((a, b)), Some(region)) = (span, carried.and_then(|c| c.region)) else { return org };
        if org.region == Some(region) || org.bare_region {
            return org;
        }
        match self.orgs.resolve_dictionary(&self.chars[a..b], Some(region)) {
            Some(r) if r.region != org.region && r.region.is_some() => r,
            _ => org,
        }
    }

    /// A post whose body is known by its shape: a unit's party committee gives the unit a
    /// 党委 post (某某大学党委 + 书记 → 党委书记 of 某某大学), a township's head holds a post
    /// in its government (某某镇 + 镇长 → 某某镇人民政府).
    fn shaped_role(&self, title: &str, org: Option<OrgRef>, unread: bool) -> ChainRole {
        // A head named without a body: of the report's township (镇长), or of its own unit
        // (院长 in a hospital's report).
        if org.is_none() && !unread {
            if let Some(g) = self.orgs.township_government(title).or_else(|| self.orgs.own_unit_of_head(title)) {
                return ChainRole { title: title.to_string(), org: Some(g) };
            }
        }
        if let Some(o) = &org {
            if let Some(g) = self.orgs.government_of_township(&o.name, title) {
                return ChainRole { title: title.to_string(), org: Some(g) };
            }
            let unit_of = |u: &str| {
                let chars: Vec<char> = u.chars().collect();
                self.orgs.resolve(&chars, None, false).or_else(|| self.orgs.own_unit(&chars)).filter(|r| !r.bare_region)
            };
            if let Some((t, unit)) = body_shapes::unit_party_post(o, title, unit_of) {
                return ChainRole { title: t, org: Some(unit) };
            }
        }
        ChainRole { title: title.to_string(), org }
    }

    /// Fills the posts of `chain` that name no body with the body of the chain before it,
    /// when the two chains are items of one list (某某医院党委书记张三、院长李四: 院长 of
    /// 某某医院). The caller checks that the chains are adjacent.
    pub fn inherit(&self, chain: &mut Chain, prev: &Chain) {
        // A deputy's post is held in the body of the head before (学术委员会主任、某院院士甲，
        // 副主任乙: 学术委员会); other posts in the last body named.
        let deputy_of = |t: &str| chain.roles.iter().any(|r| r.title.strip_prefix('副') == Some(t));
        let head = prev.roles.iter().filter(|r| deputy_of(&r.title)).find_map(titled_org);
        let Some(base) = head.or_else(|| prev.roles.iter().rev().find_map(titled_org)) else {
            return;
        };
        if chain.collective || chain.roles.iter().any(|r| r.org.is_some()) {
            return;
        }
        let (base_title, base_org) = base;
        for role in &mut chain.roles {
            // A post written with its bare organ (党委副书记) is looked up without it.
            let organ = orgs::PARTY_ORGANS.iter().find(|o| role.title.starts_with(*o));
            let bare_title = organ.map_or(role.title.as_str(), |o| &role.title[o.len()..]);
            let Some(title) = self.lex.title(bare_title) else { continue };
            if !matches!(title.body, TitleBody::Written) || title.is_collective() {
                continue;
            }
            // A rank or an academic post is held in an institution, never in a committee
            // (学术委员会主任甲，副主任、研究员乙: 乙's rank is no post of the committee).
            if matches!(title.kind, TitleKind::Academic | TitleKind::Rank) && base_org.name.ends_with("委员会") {
                continue;
            }
            let org = if base_title.starts_with("党委") && title.kind == TitleKind::Party {
                // The unit of the party committee before (党委书记 of 某某大学): 党委副书记 too.
                if organ.is_none() {
                    role.title = format!("党委{}", role.title);
                }
                base_org.clone()
            } else if let Some(g) = self.orgs.government_of_township(&base_org.name, &role.title) {
                g
            } else {
                self.for_title(base_org, title)
            };
            if !chain.orgs.contains(&org) {
                chain.orgs.push(org.clone());
            }
            role.org = Some(org);
        }
    }

    /// Fills the posts of `chain` that name no body with the body of an earlier chain of the
    /// same sentence, when each is a post of the same family as one there (某局党组书记、
    /// 局长张三讲话，党组成员、副局长李四主持: the deputy's posts are the bureau's).
    pub fn inherit_related(&self, chain: &mut Chain, prev: &Chain) {
        let related = |t: &str| prev.roles.iter().any(|p| p.org.is_some() && same_post_family(t, &p.title));
        if !chain.roles.is_empty() && chain.roles.iter().all(|r| related(&r.title)) {
            self.inherit(chain, prev);
        }
    }

    /// The body a carried-over post is held in: a party organ's posts stay with it, other
    /// posts go to the body it belongs to (某某集团党委书记、董事长 → 董事长 of 某某集团).
    fn for_title(&self, org: &OrgRef, title: &Title) -> OrgRef {
        if title.kind == TitleKind::Party {
            return org.clone();
        }
        for organ in ["党委", "党组", "党工委", "党支部", "党总支"] {
            if let Some(rest) = org.name.strip_suffix(organ) {
                if rest.chars().count() >= 2 || orgs::is_own_unit_word(rest) {
                    let chars: Vec<char> = rest.chars().collect();
                    if let Some(parent) = self.orgs.resolve(&chars, None, true).or_else(|| self.orgs.own_unit(&chars)) {
                        return parent;
                    }
                }
            }
        }
        org.clone()
    }

    /// The report's region a head-of-government title speaks of (区长 → the district): the
    /// level char before 长 says which tier.
    fn region_for_head(&self, title: &Title) -> Option<usize> {
        if title.kind != TitleKind::Head {
            return None;
        }
        let level_char = title.title.strip_suffix('长')?.chars().last()?;
        let want: &[Level] = match level_char {
            '区' => &[Level::District],
            '县' | '旗' => &[Level::County],
            '市' => &[Level::City, Level::Municipality],
            '州' | '盟' => &[Level::Prefecture],
            '省' => &[Level::Province],
            _ => &[],
        };
        let ctx = self.orgs.context();
        // A county-level city's head is a 市长 too (its report's 市长 is its own).
        if level_char == '市' {
            return ctx.resolve_level_word(self.lex, "市");
        }
        [ctx.county, ctx.city, ctx.province].into_iter().flatten().find(|&r| want.contains(&self.lex.regions[r].level))
    }
}

/// A post's title and body, when it has a body.
fn titled_org(r: &ChainRole) -> Option<(&str, &OrgRef)> {
    r.org.as_ref().map(|o| (r.title.as_str(), o))
}
