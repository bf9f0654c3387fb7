//! The short forms bodies also go by: writers shorten 人民代表大会 to 人大 inside any longer
//! name (某省人大监察和司法委员会) and a party committee's name to …委 before its organs
//! (县委全面深化改革委员会), so the dictionaries need not list each spelling.

/// (full part, short part), longest first: the first that a name holds is shortened.
const SHORTENINGS: &[(&str, &str)] =
    &[("人民代表大会常务委员会", "人大常委会"), ("人民代表大会", "人大"), ("中共{}委员会", "{}委")];

/// The aliases `aliases` with the usual short spellings of `name` and of each alias added,
/// in order and without repeats.
pub fn with_short_forms(name: &str, aliases: Vec<String>) -> Vec<String> {
    let mut out = aliases.clone();
    for s in std::iter::once(name.to_string()).chain(aliases) {
        if let Some((full, short)) = SHORTENINGS.iter().find(|(full, _)| s.contains(full)) {
            let shortened = s.replacen(full, short, 1);
            if shortened != name && !out.contains(&shortened) {
                out.push(shortened);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn congress_bodies_go_by_renda() {
        let got = with_short_forms("{}人民代表大会监察和司法委员会", vec!["{}人大监司委".into()]);
        assert_eq!(got, ["{}人大监司委", "{}人大监察和司法委员会"]);
        let got = with_short_forms("{}人民代表大会常务委员会法制工作委员会", vec![]);
        assert_eq!(got, ["{}人大常委会法制工作委员会"]);
        assert!(with_short_forms("{}人民政府", vec!["{}政府".into()]) == ["{}政府"]);
        let got = with_short_forms("中共{}委员会全面深化改革委员会", vec!["{}委深改委".into()]);
        assert_eq!(got, ["{}委深改委", "{}委全面深化改革委员会"]);
    }
}
