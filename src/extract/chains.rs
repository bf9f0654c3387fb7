//! Title chains: the posts written before a name (`北京市委常委、教育工委书记，市政府党组成员`),
//! split into (title, body) pairs with the body carried over and shared prefixes distributed.

use super::orgs::{OrgRef, OrgResolver};
use crate::lexicon::{Level, Lexicon, Title, TitleBody};

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
}

/// Chars that separate the posts of one chain.
fn is_chain_separator(c: char) -> bool {
    matches!(c, '、' | '，')
}

/// Chars that end a chain on the left.
fn is_chain_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '：' | '“' | '”' | '《' | '》' | '（' | '）' | '\n' | ' ' | '【' | '】')
}

/// Words that may stand before the first body of a chain without being part of it.
const LEAD_IN_CHARS: &[char] = &['了', '的', '由', '在', '向', '对', '为', '把', '被', '据', '经', '受', '从', '请', '是', '即', '同', '有', '到', '赴', '至', '给'];

/// One segment between separators: an optional body and an optional title.
struct Segment {
    start: usize,
    org: Option<OrgRef>,
    title: Option<Title>,
    /// The segment began with words that are not part of the chain: it is the first one.
    lead_in: bool,
}

/// Parses chains with one report's resolver.
pub struct ChainParser<'a> {
    lex: &'a Lexicon,
    orgs: &'a OrgResolver<'a>,
    chars: &'a [char],
}

impl<'a> ChainParser<'a> {
    /// A parser over `chars`.
    pub fn new(lex: &'a Lexicon, orgs: &'a OrgResolver<'a>, chars: &'a [char]) -> Self {
        ChainParser { lex, orgs, chars }
    }

    /// The chain that ends at `name_start`, not reaching back before `floor`.
    pub fn chain_before(&self, name_start: usize, floor: usize) -> Option<Chain> {
        let chars = self.chars;
        let mut segs: Vec<Segment> = Vec::new();
        let mut end = name_start;
        loop {
            // The segment runs back to the previous separator or stop.
            let mut start = end;
            while start > floor && !is_chain_separator(chars[start - 1]) && !is_chain_stop(chars[start - 1]) {
                start -= 1;
            }
            if start == end {
                break;
            }
            let first_seg = segs.is_empty();
            let Some(seg) = self.segment(start, end, first_seg) else { break };
            // A body without a title shares the next segment's titles; only `、` joins them.
            if seg.title.is_none() && (first_seg || chars[end] != '、' || seg.org.is_none()) {
                break;
            }
            let lead_in = seg.lead_in;
            segs.push(seg);
            if lead_in || start == floor || start == 0 || !is_chain_separator(chars[start - 1]) {
                break;
            }
            end = start - 1;
        }
        if segs.is_empty() {
            return None;
        }
        segs.reverse();
        // A chain may not begin with a body that has no title of its own after it... which
        // the loop above already ensured; drop leading untitled bodies joined by `，`.
        Some(self.distribute(segs))
    }

    /// Parses chars `start..end` as one segment.
    fn segment(&self, start: usize, end: usize, last: bool) -> Option<Segment> {
        let text = &self.chars[start..end];
        let (title, org_end) = match self.lex.title_suffix(text) {
            Some((len, t)) => (Some(t.clone()), end - len),
            None => (None, end),
        };
        if last && title.is_none() {
            return None;
        }
        if org_end == start {
            return Some(Segment { start, org: None, title, lead_in: false });
        }
        let org_text = &self.chars[start..org_end];
        // The body is the longest tail of the text that the dictionaries cover wholly ...
        if let Some(k) = (0..org_text.len()).find(|&k| self.orgs.resolve_dictionary(&org_text[k..], None).is_some()) {
            let lead_in = k > 0;
            if !lead_in || self.is_lead_in(&org_text[..k]) || !last {
                let org = self.orgs.resolve_dictionary(&org_text[k..], None);
                return Some(Segment { start: start + k, org, title, lead_in });
            }
        }
        // ... or, failing that, the text after the last word that cannot be part of a body,
        // when it ends like a body or stands right before the name.
        let cut = self.lead_in_end(start, org_end);
        if cut == org_end {
            return title.map(|t| Segment { start: org_end, org: None, title: Some(t), lead_in: true });
        }
        let tail = &self.chars[cut..org_end];
        let org = self.orgs.resolve(tail, None, last)?;
        if !last && !self.orgs.has_org_shape(&org.name) && org.aliases.is_empty() {
            return None;
        }
        Some(Segment { start: cut, org: Some(org), title, lead_in: cut > start })
    }

    /// Whether `chars` reads as words before a body (会议听取了), not part of its name.
    fn is_lead_in(&self, chars: &[char]) -> bool {
        chars.last().is_some_and(|c| LEAD_IN_CHARS.contains(c)) || chars.len() >= 2
    }

    /// The end of the last lead-in word (a verb such as 听取, or 了/的/由 ...) in `start..end`,
    /// or `start` when there is none.
    fn lead_in_end(&self, start: usize, end: usize) -> usize {
        let mut cut = start;
        for k in start..end {
            if LEAD_IN_CHARS.contains(&self.chars[k]) {
                cut = k + 1;
            }
        }
        cut
    }

    /// Turns segments into posts: bodies carried over, shared prefixes distributed, and
    /// heads of government attached to their government.
    fn distribute(&self, segs: Vec<Segment>) -> Chain {
        let start = segs[0].start;
        let mut roles = Vec::new();
        let mut all_orgs = Vec::new();
        let mut pending: Vec<OrgRef> = Vec::new();
        let mut carry: Vec<OrgRef> = Vec::new();
        let mut collective = false;
        for seg in segs {
            if let Some(o) = &seg.org {
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
            let written: Vec<OrgRef> = match seg.org {
                Some(o) => {
                    let mut v = std::mem::take(&mut pending);
                    v.push(o);
                    v
                }
                None if !pending.is_empty() => std::mem::take(&mut pending),
                None => Vec::new(),
            };
            let orgs: Vec<Option<OrgRef>> = match &title.body {
                TitleBody::Named(b) if written.is_empty() => {
                    let chars: Vec<char> = b.chars().collect();
                    vec![self.orgs.resolve(&chars, None, true)]
                }
                TitleBody::Government => {
                    let region = written
                        .iter()
                        .chain(carry.iter())
                        .find_map(|o| o.region)
                        .or_else(|| self.region_for_head(&title.title));
                    let from_written: Vec<Option<OrgRef>> = written
                        .iter()
                        .map(|o| Some(if o.bare_region { self.orgs.government_of(o.region.expect("bare regions have a region")) } else { o.clone() }))
                        .collect();
                    if !from_written.is_empty() && written.iter().all(|o| o.bare_region || o.kind.as_deref() == Some("government")) {
                        from_written
                    } else {
                        vec![region.map(|r| self.orgs.government_of(r))]
                    }
                }
                _ if written.is_empty() => {
                    if carry.is_empty() { vec![None] } else { carry.iter().cloned().map(Some).collect() }
                }
                _ => written.iter().cloned().map(Some).collect(),
            };
            if !written.is_empty() {
                carry = written;
            }
            for org in orgs {
                if let Some(o) = &org {
                    if !all_orgs.contains(o) {
                        all_orgs.push(o.clone());
                    }
                }
                roles.push(ChainRole { title: title.title.clone(), org });
            }
        }
        Chain { start, roles, collective, orgs: all_orgs }
    }

    /// The report's region a head-of-government title speaks of (区长 → the district).
    fn region_for_head(&self, title: &str) -> Option<usize> {
        let ctx = self.orgs.context();
        let want: &[Level] = if title.contains("区长") {
            &[Level::District]
        } else if title.contains("县长") {
            &[Level::County]
        } else if title.contains("市长") {
            &[Level::City, Level::Municipality]
        } else if title.contains("省长") {
            &[Level::Province]
        } else {
            &[]
        };
        [ctx.county, ctx.city, ctx.province].into_iter().flatten().find(|&r| want.contains(&self.lex.regions[r].level))
    }
}
