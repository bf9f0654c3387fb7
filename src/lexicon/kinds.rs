//! The closed kinds of the dictionaries' rows (bodies, titles, meeting words), typed so that
//! the rules compare enums the compiler checks instead of strings a typo would break.

/// Declares a closed kind: the enum, its dictionary spellings and the parse from them.
macro_rules! closed_kind {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every kind with its spelling in the dictionaries, in that order.
            pub const ALL: &'static [($name, &'static str)] = &[$(($name::$variant, $word),)+];

            /// The kind spelt `word` in a dictionary, if there is one.
            pub fn parse(word: &str) -> Option<$name> {
                Self::ALL.iter().find(|(_, w)| *w == word).map(|(k, _)| *k)
            }

            /// Its spelling in the dictionaries and in the records.
            pub fn as_str(self) -> &'static str {
                Self::ALL.iter().find(|(k, _)| *k == self).map_or("", |(_, w)| w)
            }

            /// The spellings, for error messages.
            pub fn spellings() -> String {
                Self::ALL.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

closed_kind! {
    /// What a body is (`bodies.tsv`, `departments.tsv`, `org_shapes.tsv`).
    BodyKind {
        /// 协会, 学会, 基金会.
        Association = "association",
        /// An ending of generic words, not of a body (高等学校): only in `org_shapes.tsv`.
        Category = "category",
        /// 人民代表大会 and its standing committee.
        Congress = "congress",
        /// 法院.
        Court = "court",
        /// 政协.
        Cppcc = "cppcc",
        /// 公司, 集团.
        Enterprise = "enterprise",
        /// 政府 and its departments.
        Government = "government",
        /// Public institutions: 研究院, 研究所, 医院, 实验室.
        Institute = "institute",
        /// Bodies of several states (世界卫生组织).
        International = "international",
        /// Bodies of the armed forces (战区, 武警部队).
        Military = "military",
        /// 党委 and its departments; the democratic parties.
        Party = "party",
        /// 检察院.
        Procuratorate = "procuratorate",
        /// The state itself and its organs beside the government (监察委员会).
        State = "state",
        /// 大学, 学院.
        University = "university",
    }
}

closed_kind! {
    /// What a post is (`titles.tsv`).
    TitleKind {
        /// Academic and professional posts (教授, 主任医师, 副校长).
        Academic = "academic",
        /// A label of a group (区领导), not a post.
        Collective = "collective",
        /// A post of a people's congress.
        Congress = "congress",
        /// A post of a CPPCC.
        Cppcc = "cppcc",
        /// Posts of enterprises (董事长, 厂长, 总监).
        Enterprise = "enterprise",
        /// Posts of foreign states and international bodies (总统, 公使).
        Foreign = "foreign",
        /// Posts of any body (专员, 主任, 委员).
        General = "general",
        /// A government post other than the head (副厅长, 乡长).
        Government = "government",
        /// The head of a region's government (省长, 市长, 县长, 区长).
        Head = "head",
        /// Posts of courts and procuratorates (庭长, 检察长).
        Judicial = "judicial",
        /// Military posts and ranks (军长, 上将).
        Military = "military",
        /// 书记, 常委: party posts.
        Party = "party",
        /// 一级巡视员: ranks, not posts of a body.
        Rank = "rank",
    }
}

closed_kind! {
    /// What a meeting word names (`meeting_words.tsv`).
    MeetingKind {
        /// 会议, 座谈会.
        Meeting = "meeting",
        /// 会见, 会谈, 会晤.
        Reception = "reception",
        /// 调研, 考察.
        Visit = "visit",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_parses_from_its_own_spelling_and_nothing_else() {
        for &(k, w) in BodyKind::ALL {
            assert_eq!(BodyKind::parse(w), Some(k));
            assert_eq!(k.as_str(), w);
        }
        for &(k, w) in TitleKind::ALL {
            assert_eq!(TitleKind::parse(w), Some(k));
            assert_eq!(k.to_string(), w);
        }
        assert_eq!(MeetingKind::parse("visit"), Some(MeetingKind::Visit));
        assert_eq!(BodyKind::parse("Party"), None);
        assert_eq!(TitleKind::parse("chief"), None);
        assert!(MeetingKind::spellings().contains("reception"));
    }
}
