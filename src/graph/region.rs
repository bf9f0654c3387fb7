//! The region a body belongs to, read off its canonical name. Person merging uses it to keep
//! namesakes in different places apart.

use std::sync::LazyLock;

use regex::Regex;

/// Leading words of bodies that are national, not regional (`国务院`, `全国人大常委会`).
const NATIONAL: &[&str] = &["中华人民共和国", "中央", "全国", "国务院", "国家", "中国"];

/// The provincial- or city-level place a name starts with: the shortest run of Han
/// characters ending in 省, 自治区, 特别行政区 or 市, else one ending in 州 or 盟.
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Han}{1,9}?(?:省|自治区|特别行政区|市)|\p{Han}{1,6}?(?:自治州|州|盟))").expect("valid regex")
});

/// The region of a body, from its canonical name: `中共北京市委员会` → `北京市`,
/// `北京市科学技术委员会` → `北京市`, `湖北省黄石市人民政府` → `湖北省`. National bodies and
/// names that start with no place (`国务院`, `中关村管委会`) give `None`.
///
/// ```
/// use guanxi::graph::region_of;
/// assert_eq!(region_of("中共北京市委员会").as_deref(), Some("北京市"));
/// assert_eq!(region_of("国务院"), None);
/// ```
pub fn region_of(name: &str) -> Option<String> {
    let name = name.strip_prefix("中共").unwrap_or(name);
    if NATIONAL.iter().any(|p| name.starts_with(p)) {
        return None;
    }
    let m = PLACE.find(name)?;
    // A bare level word is no place (`市政府` names no city).
    (m.as_str().chars().count() > 1).then(|| m.as_str().to_string())
}

#[cfg(test)]
mod tests {
    use super::region_of;

    #[test]
    fn regions() {
        assert_eq!(region_of("北京市科学技术委员会").as_deref(), Some("北京市"));
        assert_eq!(region_of("中共上海市闵行区委员会").as_deref(), Some("上海市"));
        assert_eq!(region_of("广西壮族自治区人民政府").as_deref(), Some("广西壮族自治区"));
        assert_eq!(region_of("全国人大常委会"), None);
        assert_eq!(region_of("中关村管委会"), None);
        assert_eq!(region_of("市政府"), None);
        assert_eq!(region_of("北京市").as_deref(), Some("北京市"));
    }
}
