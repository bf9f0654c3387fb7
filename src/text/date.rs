//! Publication dates as pages, feeds and tables write them, to ISO `YYYY-MM-DD`.

use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, NaiveDate};
use regex::Regex;

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})(?:\s*[-月/.]\s*(\d{1,2}))?").expect("valid regex")
    })
}

/// The first date written in `s` as `YYYY-MM-DD` (or `YYYY-MM` when it gives no day):
/// `2024-2-5 10:00`, `2024/02/05`, `2024.2.5`, `2024年2月5日`, `2024-02-05T10:00:00+08:00`.
///
/// ```
/// use guanxi::text::iso_date;
/// assert_eq!(iso_date("发布时间：2024年2月5日 10:00").as_deref(), Some("2024-02-05"));
/// assert_eq!(iso_date("2024-02").as_deref(), Some("2024-02"));
/// assert_eq!(iso_date("2024-02-30"), None);
/// ```
pub fn iso_date(s: &str) -> Option<String> {
    let c = date_re().captures(s)?;
    let y: i32 = c[1].parse().ok()?;
    let m: u32 = c[2].parse().ok()?;
    match c.get(3) {
        Some(d) => {
            let d: u32 = d.as_str().parse().ok()?;
            NaiveDate::from_ymd_opt(y, m, d).map(|date| date.format("%Y-%m-%d").to_string())
        }
        None => (1..=12).contains(&m).then(|| format!("{y:04}-{m:02}")),
    }
}

/// A date as scraped data gives it: any of [`iso_date`]'s forms, eight digits (`20241031`), or
/// a Unix time in seconds or milliseconds (taken in China's time zone, UTC+8, where the
/// reports are published).
///
/// ```
/// use guanxi::text::scraped_date;
/// assert_eq!(scraped_date("20241031").as_deref(), Some("2024-10-31"));
/// assert_eq!(scraped_date("1730390400").as_deref(), Some("2024-11-01"));
/// assert_eq!(scraped_date("1730390400000").as_deref(), Some("2024-11-01"));
/// assert_eq!(scraped_date("2024/10/31 08:00").as_deref(), Some("2024-10-31"));
/// assert_eq!(scraped_date("yesterday"), None);
/// ```
pub fn scraped_date(s: &str) -> Option<String> {
    let t = s.trim();
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return match t.len() {
            8 => NaiveDate::parse_from_str(t, "%Y%m%d").ok().map(|d| d.format("%Y-%m-%d").to_string()),
            9..=11 => unix_date(t.parse().ok()?),
            12..=14 => unix_date(t.parse::<i64>().ok()? / 1000),
            _ => None,
        };
    }
    iso_date(t)
}

fn unix_date(secs: i64) -> Option<String> {
    let china = FixedOffset::east_opt(8 * 3600)?;
    let at = DateTime::from_timestamp(secs, 0)?.with_timezone(&china);
    Some(at.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_normalised() {
        assert_eq!(iso_date("2024-2-5 10:00").as_deref(), Some("2024-02-05"));
        assert_eq!(iso_date("2024年02月20日").as_deref(), Some("2024-02-20"));
        assert_eq!(iso_date("2024-13-01"), None);
        assert_eq!(scraped_date("2024-10-31T23:30:00+08:00").as_deref(), Some("2024-10-31"));
        assert_eq!(scraped_date("123"), None);
    }
}
