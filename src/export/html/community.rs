//! Communities: groups of nodes more linked among themselves than with the rest (Leiden
//! modularity optimisation, by the leiden-rs crate, seeded so that the same graph gives the
//! same groups). The viewer draws each as a shaded area and lays its members out together.

use std::collections::BTreeMap;

use leiden_rs::{GraphDataBuilder, Leiden, LeidenConfig};

/// The community of each of `n` nodes given their links (pairs of indices; repeated pairs
/// weigh more), numbered by size (0 the largest; equal sizes by their first member). Nodes
/// without links are their own communities.
pub fn communities(n: usize, links: &[(usize, usize)]) -> Vec<usize> {
    let mut weights: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for &(a, b) in links {
        if a != b {
            *weights.entry((a.min(b), a.max(b))).or_default() += 1.0;
        }
    }
    let raw: Vec<usize> = detect(n, &weights).unwrap_or_else(|| (0..n).collect());
    // Renumber: largest first, then by first member.
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &c) in raw.iter().enumerate() {
        members.entry(c).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = members.into_values().collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let mut out = vec![0; n];
    for (c, group) in groups.iter().enumerate() {
        for &i in group {
            out[i] = c;
        }
    }
    out
}

/// Leiden on the weighted links; `None` when the crate refuses the graph (no links).
fn detect(n: usize, weights: &BTreeMap<(usize, usize), f64>) -> Option<Vec<usize>> {
    if weights.is_empty() {
        return None;
    }
    let mut builder = GraphDataBuilder::new(n);
    for (&(a, b), &w) in weights {
        builder.add_edge(a, b, w).ok()?;
    }
    let data = builder.build().ok()?;
    let config = LeidenConfig { seed: Some(7), ..LeidenConfig::default() };
    let found = Leiden::new(config).run(&data).ok()?;
    Some((0..n).map(|i| found.partition.community_of(i)).collect())
}

#[cfg(test)]
mod tests {
    use super::communities;

    #[test]
    fn two_triangles_and_a_bridge_are_two_communities() {
        let links = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)];
        let c = communities(7, &links);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[1], c[2]);
        assert_eq!(c[3], c[4]);
        assert_eq!(c[4], c[5]);
        assert_ne!(c[0], c[3]);
        assert!(c[6] != c[0] && c[6] != c[3], "a node without links is alone");
        assert_eq!(c, communities(7, &links), "the same every time");
    }
}
