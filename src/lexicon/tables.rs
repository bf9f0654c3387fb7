//! The typed rows of each dictionary file and their validation.

use super::kinds::{BodyKind, MeetingKind, TitleKind};
use super::tsv::{Row, Table};
use crate::error::{Error, Result};

/// Level of an administrative region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// 省.
    Province,
    /// 直辖市 (北京, 天津, 上海, 重庆).
    Municipality,
    /// 自治区.
    AutonomousRegion,
    /// 特别行政区.
    Sar,
    /// 地级市 (and sub-provincial cities).
    City,
    /// 地区, 自治州, 盟.
    Prefecture,
    /// 市辖区.
    District,
    /// 县, 县级市, 旗.
    County,
}

impl Level {
    fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "province" => Level::Province,
            "municipality" => Level::Municipality,
            "autonomous_region" => Level::AutonomousRegion,
            "sar" => Level::Sar,
            "city" => Level::City,
            "prefecture" => Level::Prefecture,
            "district" => Level::District,
            "county" => Level::County,
            _ => return None,
        })
    }

    /// Whether the bare level word `w` (省, 市, 区, 县, 州 ...) can stand for a region of
    /// this level.
    pub fn answers_to(self, w: &str) -> bool {
        matches!(
            (w, self),
            ("省", Level::Province)
                | ("全省", Level::Province)
                | ("自治区", Level::AutonomousRegion)
                | ("区", Level::AutonomousRegion)
                | ("市", Level::Municipality | Level::City)
                | ("全市", Level::Municipality | Level::City)
                | ("区", Level::District)
                | ("县", Level::County)
                | ("州", Level::Prefecture)
                | ("盟", Level::Prefecture)
                | ("旗", Level::County)
        )
    }

    /// Provincial level (省, 直辖市, 自治区, 特别行政区).
    pub fn is_provincial(self) -> bool {
        matches!(self, Level::Province | Level::Municipality | Level::AutonomousRegion | Level::Sar)
    }
}

const LEVEL_NAMES: &str = "province, municipality, autonomous_region, sar, city, prefecture, district, county";

/// An administrative region.
#[derive(Debug, Clone)]
pub struct Region {
    /// Full name (北京市).
    pub name: String,
    /// Name inside body names (北京).
    pub short: String,
    /// Its level.
    pub level: Level,
    /// Full name of the region it lies in.
    pub parent: Option<String>,
}

/// A body that exists once.
#[derive(Debug, Clone)]
pub struct Body {
    /// Full name.
    pub name: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Kind of body.
    pub kind: BodyKind,
    /// Parent body's full name.
    pub parent: Option<String>,
}

/// A body every region of some levels has; `{}` in names stands for the region.
#[derive(Debug, Clone)]
pub struct Department {
    /// Full name template.
    pub name: String,
    /// Short-form templates.
    pub aliases: Vec<String>,
    /// Kind of body.
    pub kind: BodyKind,
    /// Levels that have it; empty means all.
    pub levels: Vec<Level>,
    /// Parent template.
    pub parent: Option<String>,
}

impl Department {
    /// Whether a region of `level` has this body.
    pub fn exists_at(&self, level: Level) -> bool {
        self.levels.is_empty() || self.levels.contains(&level)
    }
}

/// Where a title attaches when the text writes no body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TitleBody {
    /// The body written before it (or carried over in the chain).
    Written,
    /// The government of the region in context.
    Government,
    /// This body.
    Named(String),
    /// No body: the post stands alone (国家主席).
    None,
}

/// A post or rank.
#[derive(Debug, Clone)]
pub struct Title {
    /// The title as written.
    pub title: String,
    /// Its kind.
    pub kind: TitleKind,
    /// Where it attaches when no body is written.
    pub body: TitleBody,
}

impl Title {
    /// A label for a group (区领导), not a post.
    pub fn is_collective(&self) -> bool {
        self.kind == TitleKind::Collective
    }

    /// A post used as a form of address after a name (某某总书记, 某某省长, 某某主任), so the
    /// name before it is a person whatever follows. Ranks, academic and generic titles
    /// (工程师, 委员, 顾问) also stand in ordinary noun phrases (卓越工程师).
    pub fn is_address(&self) -> bool {
        matches!(
            self.kind,
            TitleKind::Party
                | TitleKind::Government
                | TitleKind::Head
                | TitleKind::Congress
                | TitleKind::Cppcc
                | TitleKind::Foreign
                | TitleKind::Military
                | TitleKind::Judicial
        ) || ADDRESS_GENERAL_TITLES.contains(&self.title.as_str())
    }
}

/// Generic titles that are used as address (某某主席, 某某董事长).
const ADDRESS_GENERAL_TITLES: &[&str] =
    &["主任", "主席", "会长", "校长", "理事长", "秘书长", "董事长", "总经理", "院长", "行长", "社长"];

/// How a trigger says a person took part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    /// 主持.
    Presided,
    /// 讲话, 致辞, 发言.
    Spoke,
    /// 出席, 参加.
    Attended,
    /// 召开, 主办.
    Organized,
    /// 指出, 强调: remarks, which count as speaking for someone who is there.
    Remarked,
    /// 会见, 会谈: both sides take part.
    Met,
    /// 重要指示, 贺信: named, but not there.
    Absent,
    /// 带领, 率领: the leader and the members named after the verb take part.
    Led,
}

impl Act {
    fn parse(s: &str) -> Option<Act> {
        Some(match s {
            "presided" => Act::Presided,
            "spoke" => Act::Spoke,
            "attended" => Act::Attended,
            "organized" => Act::Organized,
            "remarked" => Act::Remarked,
            "met" => Act::Met,
            "absent" => Act::Absent,
            "led" => Act::Led,
            _ => return None,
        })
    }
}

/// A trigger word.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// The word.
    pub word: String,
    /// What it says.
    pub act: Act,
}

/// A head word of meeting names.
#[derive(Debug, Clone)]
pub struct MeetingWord {
    /// The word (座谈会).
    pub word: String,
    /// Its kind.
    pub kind: MeetingKind,
}

/// A word seen right before or after names.
#[derive(Debug, Clone)]
pub struct NameContext {
    /// The word.
    pub word: String,
    /// True when it follows the name.
    pub after: bool,
}

/// Where a region cue stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueSide {
    /// Right before the region (来自X, 赴X).
    Before,
    /// Right after the region or the body named with it (X客人, X日报).
    After,
    /// Anywhere in a line that names the publisher (来源：…).
    Line,
}

/// A word that says how a region named next to it stands to the report.
#[derive(Debug, Clone)]
pub struct RegionCue {
    /// The word.
    pub word: String,
    /// Where it stands.
    pub side: CueSide,
    /// Factor on the mention's weight: below 1 the region is elsewhere, above 1 it publishes.
    pub weight: f32,
}

/// What kind of state a country row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryKind {
    /// A member state of the United Nations.
    Member,
    /// An observer state.
    Observer,
    /// The People's Republic of China: its bodies are the Chinese ones.
    SelfState,
}

/// A sovereign state.
#[derive(Debug, Clone)]
pub struct Country {
    /// Full name (俄罗斯联邦).
    pub name: String,
    /// Name in running text (俄罗斯).
    pub short: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Member, observer or China itself.
    pub kind: CountryKind,
}

/// Rows of every table, before indexing.
#[derive(Debug, Default)]
pub(super) struct Parsed {
    pub regions: Vec<Region>,
    pub bodies: Vec<Body>,
    pub departments: Vec<Department>,
    pub titles: Vec<Title>,
    pub triggers: Vec<Trigger>,
    pub surnames: Vec<String>,
    pub function_surnames: Vec<char>,
    pub org_shapes: Vec<(String, BodyKind)>,
    pub meeting_words: Vec<MeetingWord>,
    pub name_context: Vec<NameContext>,
    pub transliteration: Vec<char>,
    pub region_cues: Vec<RegionCue>,
    pub countries: Vec<Country>,
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// `row`'s field `i` parsed as a kind, else an error naming the file and line: a misspelt kind
/// would otherwise silently change what the rules do.
fn checked_kind<K>(t: &Table, r: &Row, i: usize, parse: fn(&str) -> Option<K>, spellings: String) -> Result<K> {
    let k = &r.fields[i];
    parse(k).ok_or_else(|| t.error(r, format!("unknown kind `{k}` (expected one of {spellings})")))
}

impl Parsed {
    /// Parses one file; its kind is told by its file name.
    pub fn add(&mut self, file: &str, text: &str) -> Result<()> {
        let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
        match base {
            "regions.tsv" => {
                let t = Table::parse(file, text, &["name", "short", "level", "parent"])?;
                for r in &t.rows {
                    let level = Level::parse(&r.fields[2]).ok_or_else(|| {
                        t.error(r, format!("unknown level `{}` (expected one of {LEVEL_NAMES})", r.fields[2]))
                    })?;
                    let short = if r.fields[1].is_empty() { r.fields[0].clone() } else { r.fields[1].clone() };
                    self.regions.push(Region { name: r.fields[0].clone(), short, level, parent: opt(&r.fields[3]) });
                }
            }
            "bodies.tsv" => {
                let t = Table::parse(file, text, &["name", "aliases", "kind", "parent"])?;
                for r in &t.rows {
                    self.bodies.push(Body {
                        name: r.fields[0].clone(),
                        aliases: super::short_forms::with_short_forms(&r.fields[0], r.list(1)),
                        kind: checked_kind(&t, r, 2, BodyKind::parse, BodyKind::spellings())?,
                        parent: opt(&r.fields[3]),
                    });
                }
            }
            "departments.tsv" => {
                let t = Table::parse(file, text, &["name", "aliases", "kind", "levels", "parent"])?;
                for r in &t.rows {
                    if !r.fields[0].contains("{}") {
                        return Err(t.error(r, format!("the name `{}` has no `{{}}` for the region", r.fields[0])));
                    }
                    let mut levels = Vec::new();
                    for l in r.list(3) {
                        if l == "all" {
                            continue;
                        }
                        levels.push(Level::parse(&l).ok_or_else(|| {
                            t.error(r, format!("unknown level `{l}` (expected all or one of {LEVEL_NAMES})"))
                        })?);
                    }
                    self.departments.push(Department {
                        name: r.fields[0].clone(),
                        aliases: super::short_forms::with_short_forms(&r.fields[0], r.list(1)),
                        kind: checked_kind(&t, r, 2, BodyKind::parse, BodyKind::spellings())?,
                        levels,
                        parent: opt(&r.fields[4]),
                    });
                }
            }
            "titles.tsv" => {
                let t = Table::parse(file, text, &["title", "kind", "body"])?;
                for r in &t.rows {
                    let body = match r.fields[2].as_str() {
                        "" => TitleBody::Written,
                        "@government" => TitleBody::Government,
                        "@none" => TitleBody::None,
                        s if s.starts_with('@') => {
                            return Err(t.error(
                                r,
                                format!("unknown body `{s}` (expected -, @government, @none or a body name)"),
                            ))
                        }
                        s => TitleBody::Named(s.to_string()),
                    };
                    let kind = checked_kind(&t, r, 1, TitleKind::parse, TitleKind::spellings())?;
                    self.titles.push(Title { title: r.fields[0].clone(), kind, body });
                }
            }
            "triggers.tsv" => {
                let t = Table::parse(file, text, &["word", "act"])?;
                for r in &t.rows {
                    let act = Act::parse(&r.fields[1]).ok_or_else(|| {
                        t.error(
                            r,
                            format!(
                            "unknown act `{}` (expected presided, spoke, attended, organized, remarked, met or absent)",
                            r.fields[1]
                        ),
                        )
                    })?;
                    self.triggers.push(Trigger { word: r.fields[0].clone(), act });
                }
            }
            "surnames.tsv" => {
                let t = Table::parse(file, text, &["surname", "kind"])?;
                for r in &t.rows {
                    match r.fields[1].as_str() {
                        "single" | "compound" => self.surnames.push(r.fields[0].clone()),
                        // Found as a name's start only where no function word can stand.
                        "function" => self.function_surnames.extend(r.fields[0].chars().next()),
                        k => {
                            return Err(
                                t.error(r, format!("unknown kind `{k}` (expected single, compound or function)"))
                            )
                        }
                    }
                }
            }
            "org_shapes.tsv" => {
                let t = Table::parse(file, text, &["suffix", "kind"])?;
                for r in &t.rows {
                    self.org_shapes
                        .push((r.fields[0].clone(), checked_kind(&t, r, 1, BodyKind::parse, BodyKind::spellings())?));
                }
            }
            "meeting_words.tsv" => {
                let t = Table::parse(file, text, &["word", "kind"])?;
                for r in &t.rows {
                    let kind = checked_kind(&t, r, 1, MeetingKind::parse, MeetingKind::spellings())?;
                    self.meeting_words.push(MeetingWord { word: r.fields[0].clone(), kind });
                }
            }
            "name_context.tsv" => {
                let t = Table::parse(file, text, &["word", "side"])?;
                for r in &t.rows {
                    let after = match r.fields[1].as_str() {
                        "after" => true,
                        "before" => false,
                        s => return Err(t.error(r, format!("unknown side `{s}` (expected before or after)"))),
                    };
                    self.name_context.push(NameContext { word: r.fields[0].clone(), after });
                }
            }
            "transliteration.tsv" => {
                let t = Table::parse(file, text, &["char", "note"])?;
                for r in &t.rows {
                    let mut cs = r.fields[0].chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => self.transliteration.push(c),
                        _ => return Err(t.error(r, format!("`{}` is not one character", r.fields[0]))),
                    }
                }
            }
            "region_cues.tsv" => {
                let t = Table::parse(file, text, &["word", "side", "weight"])?;
                for r in &t.rows {
                    let side = match r.fields[1].as_str() {
                        "before" => CueSide::Before,
                        "after" => CueSide::After,
                        "line" => CueSide::Line,
                        s => return Err(t.error(r, format!("unknown side `{s}` (expected before, after or line)"))),
                    };
                    let weight = r.fields[2]
                        .parse::<f32>()
                        .ok()
                        .filter(|w| w.is_finite() && *w > 0.0)
                        .ok_or_else(|| t.error(r, format!("`{}` is not a positive number", r.fields[2])))?;
                    self.region_cues.push(RegionCue { word: r.fields[0].clone(), side, weight });
                }
            }
            "countries.tsv" => {
                let t = Table::parse(file, text, &["name", "short", "aliases", "kind"])?;
                for r in &t.rows {
                    let kind = match r.fields[3].as_str() {
                        "member" => CountryKind::Member,
                        "observer" => CountryKind::Observer,
                        "self" => CountryKind::SelfState,
                        k => return Err(t.error(r, format!("unknown kind `{k}` (expected member, observer or self)"))),
                    };
                    let short = if r.fields[1].is_empty() { r.fields[0].clone() } else { r.fields[1].clone() };
                    self.countries.push(Country { name: r.fields[0].clone(), short, aliases: r.list(2), kind });
                }
            }
            _ => {
                return Err(Error::Dictionary {
                    file: file.to_string(),
                    line: 0,
                    message: "unknown dictionary file".into(),
                })
            }
        }
        Ok(())
    }
}
