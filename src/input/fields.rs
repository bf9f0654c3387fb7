//! Which keys of a scraped item hold its text, title, date and URL.

use crate::{Error, Result};

/// A part of a scraped item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The article: plain text or HTML.
    Text,
    /// The headline.
    Title,
    /// The publication date.
    Date,
    /// The page's address, which becomes the document's source.
    Url,
}

impl Field {
    /// Every field, in the order `--field` lists them.
    pub const ALL: [Field; 4] = [Field::Text, Field::Title, Field::Date, Field::Url];

    /// The name `--field` uses.
    pub fn name(self) -> &'static str {
        match self {
            Field::Text => "text",
            Field::Title => "title",
            Field::Date => "date",
            Field::Url => "url",
        }
    }

    /// The keys looked for by default, first found first used.
    pub fn default_keys(self) -> &'static [&'static str] {
        match self {
            Field::Text => &["content", "text", "body", "html", "article"],
            Field::Title => &["title"],
            Field::Date => &["date", "published", "publish_time", "pubdate", "time"],
            Field::Url => &["url", "link", "source_url"],
        }
    }
}

/// The keys of each field (the defaults, or those given with `--field NAME=KEY`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldKeys {
    keys: [Vec<String>; 4],
}

impl Default for FieldKeys {
    fn default() -> FieldKeys {
        FieldKeys { keys: Field::ALL.map(|f| f.default_keys().iter().map(|k| k.to_string()).collect()) }
    }
}

impl FieldKeys {
    /// The defaults with overrides `NAME=KEY` (`text=正文`, `date=发布时间`); a field given
    /// several times is looked up under each key in turn.
    ///
    /// ```
    /// use guanxi::input::{Field, FieldKeys};
    /// let keys = FieldKeys::with_overrides(&["text=正文".into(), "url=网址".into()]).unwrap();
    /// assert_eq!(keys.keys(Field::Text), ["正文"]);
    /// assert_eq!(keys.keys(Field::Title), ["title"]);
    /// assert!(FieldKeys::with_overrides(&["author=x".into()]).is_err());
    /// ```
    pub fn with_overrides(overrides: &[String]) -> Result<FieldKeys> {
        let mut out = FieldKeys::default();
        let mut given = [false; 4];
        for o in overrides {
            let bad = |message: String| Error::Usage { message };
            let (name, key) =
                o.split_once('=').ok_or_else(|| bad(format!("--field {o:?}: expected NAME=KEY (text=正文)")))?;
            let field = Field::ALL
                .into_iter()
                .find(|f| f.name() == name.trim())
                .ok_or_else(|| bad(format!("--field {o:?}: unknown field {name:?} (known: text, title, date, url)")))?;
            let i = field as usize;
            if !given[i] {
                out.keys[i].clear();
                given[i] = true;
            }
            out.keys[i].push(key.trim().to_string());
        }
        Ok(out)
    }

    /// The keys of `field`, first looked up first.
    pub fn keys(&self, field: Field) -> &[String] {
        &self.keys[field as usize]
    }

    /// The first key of `field` found among `present` (keys compared without case).
    pub fn find<'a>(&self, field: Field, present: &'a [String]) -> Option<&'a str> {
        self.keys(field).iter().find_map(|k| present.iter().find(|p| p.eq_ignore_ascii_case(k)).map(String::as_str))
    }
}
