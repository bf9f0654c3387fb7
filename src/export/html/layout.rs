//! Where the viewer draws each node, computed here so that the page needs nothing but a
//! browser and the same graph always gives the same picture.
//!
//! - **Overview.** Nodes with relations are laid out piece by piece (connected components) by
//!   ForceAtlas2 (the `fa2` crate), starting from their communities ([`super::community`])
//!   placed apart, so that a community ends up as one group; nodes are then pushed apart
//!   until no two symbols overlap, and the pieces are packed into a block of a screen's
//!   proportions, largest first. Nodes without any relation go in a grid below it (the
//!   viewer hides them unless asked).
//! - **Focus.** For every meeting, a radial layout of what the meeting filter shows: the
//!   meeting in the middle, its participants around it, their bodies and the organisers on an
//!   outer ring next to the participants they belong to; the rings are ellipses [`WIDE`]
//!   times as wide as high.
//!
//! Coordinates are points with y growing downwards; a node is a symbol of radius `r` at
//! its centre, its label to one side.

use std::collections::{BTreeMap, BTreeSet};
use std::f64::consts::TAU;

use fa2::{FA2Data, FA2Settings};
use petgraph::stable_graph::NodeIndex;

use super::super::drawn::{Arrow, Family};
use super::community::communities;
use crate::graph::{NodeKind, RelationGraph};

/// Font size of node labels, in screen pixels.
pub const FONT_SIZE: f64 = 12.0;

/// The usual length of a link in the overview.
const LINK: f64 = 60.0;

/// Focus layouts are this much wider than high: screens are, and labels run sideways.
const WIDE: f64 = 1.3;

/// Space kept between two symbols.
const GAP: f64 = 10.0;

/// A node's place: centre and symbol radius.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Centre, x.
    pub x: f64,
    /// Centre, y (downwards).
    pub y: f64,
    /// Radius of its symbol.
    pub r: f64,
}

/// A finished layout.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Places of the nodes, in page order.
    pub nodes: Vec<Placed>,
    /// Each node's community (0 the largest); nodes without relations are alone in theirs.
    pub community: Vec<usize>,
    /// Each node's number of neighbours (what decides whose label shows first).
    pub degree: Vec<usize>,
    /// The outline of each community of at least [`MIN_HULL`] members: a convex polygon
    /// around its symbols, with the community's number.
    pub hulls: Vec<(usize, Vec<(f64, f64)>)>,
    /// For each meeting (by page index): the places of the nodes its filter shows.
    pub focus: BTreeMap<usize, Vec<(usize, f64, f64)>>,
    /// Width of the whole drawing (nodes without relations included).
    pub width: f64,
    /// Height of the whole drawing.
    pub height: f64,
}

/// Communities smaller than this get no outline.
pub const MIN_HULL: usize = 4;

/// A rough width of a label: CJK characters a full em, others about half.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.55 } else { 1.0 }).sum::<f64>() * size
}

/// The radius of a node's symbol: more neighbours, bigger, within limits.
fn radius(degree: usize) -> f64 {
    (4.0 + 1.8 * (degree as f64).sqrt()).min(16.0)
}

/// Lays out `nodes` (page order) with `arrows`.
pub fn compute(graph: &RelationGraph, nodes: &[NodeIndex], arrows: &[Arrow]) -> Layout {
    let n = nodes.len();
    let index: std::collections::HashMap<NodeIndex, usize> = nodes.iter().enumerate().map(|(i, &ix)| (ix, i)).collect();
    let links: Vec<(usize, usize)> =
        arrows.iter().map(|a| (index[&a.source], index[&a.target])).filter(|(a, b)| a != b).collect();
    let mut neighbours: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    for &(a, b) in &links {
        neighbours[a].insert(b);
        neighbours[b].insert(a);
    }
    let degree: Vec<usize> = neighbours.iter().map(BTreeSet::len).collect();
    let community = communities(n, &links);
    let mut places: Vec<Placed> = degree.iter().map(|&d| Placed { x: 0.0, y: 0.0, r: radius(d) }).collect();

    // Pieces, largest first.
    let mut sets = petgraph::unionfind::UnionFind::<usize>::new(n);
    for &(a, b) in &links {
        sets.union(a, b);
    }
    let mut pieces: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in (0..n).filter(|&i| degree[i] > 0) {
        pieces.entry(sets.find(i)).or_default().push(i);
    }
    let mut pieces: Vec<Vec<usize>> = pieces.into_values().collect();
    pieces.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let boxes: Vec<(f64, f64)> =
        pieces.iter().map(|piece| lay_out_piece(piece, &links, &community, &mut places)).collect();
    let (width, main_height) = pack(&pieces, &boxes, &mut places);

    // Nodes without relations: a grid under the rest, by kind and id.
    let lone: Vec<usize> = (0..n).filter(|&i| degree[i] == 0).collect();
    let cell_w =
        lone.iter().map(|&i| text_width(&graph.node(nodes[i]).label, FONT_SIZE)).fold(60.0, f64::max).min(200.0) + 24.0;
    let columns = ((width.max(600.0) / cell_w).floor() as usize).max(1);
    let top = if pieces.is_empty() { 0.0 } else { main_height + 60.0 };
    let mut sorted_lone = lone.clone();
    sorted_lone.sort_by_key(|&i| graph.node(nodes[i]).kind);
    for (k, &i) in sorted_lone.iter().enumerate() {
        places[i].x = (k % columns) as f64 * cell_w + 12.0;
        places[i].y = top + (k / columns) as f64 * 26.0 + 12.0;
    }
    let lone_rows = sorted_lone.len().div_ceil(columns);
    let height = if lone.is_empty() { main_height } else { top + lone_rows as f64 * 26.0 + 12.0 };
    let width = if lone.is_empty() { width } else { width.max(columns as f64 * cell_w) };

    let hulls = outlines(&community, &degree, &places);
    let focus = focus_layouts(graph, nodes, arrows, &index);
    Layout { nodes: places, community, degree, hulls, focus, width, height }
}

/// Lays out one piece with ForceAtlas2 from positions grouped by community, scales it to
/// [`LINK`], removes overlaps and moves it to the origin; returns its width and height.
fn lay_out_piece(piece: &[usize], links: &[(usize, usize)], community: &[usize], places: &mut [Placed]) -> (f64, f64) {
    if piece.len() == 1 {
        let p = &mut places[piece[0]];
        p.x = p.r;
        p.y = p.r;
        return (2.0 * p.r, 2.0 * p.r);
    }
    let local: BTreeMap<usize, usize> = piece.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    // Start: communities on a circle, members on a small spiral around their centre.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in piece {
        groups.entry(community[i]).or_default().push(i);
    }
    let spread = (piece.len() as f64).sqrt() * 10.0;
    let mut start = vec![(0.0, 0.0); piece.len()];
    for (g, members) in groups.values().enumerate() {
        let angle = g as f64 / groups.len() as f64 * TAU;
        let centre = if groups.len() == 1 { (0.0, 0.0) } else { (spread * angle.cos(), spread * angle.sin()) };
        for (k, &i) in members.iter().enumerate() {
            let t = k as f64 * 2.399_963; // the golden angle
            let d = 1.5 * (k as f64 + 0.5).sqrt();
            start[local[&i]] = (centre.0 + d * t.cos(), centre.1 + d * t.sin());
        }
    }
    let mut data = FA2Data::<f64>::with_capacity(piece.len(), links.len());
    for &(x, y) in &start {
        data.add_node_with_position(x, y);
    }
    for &(a, b) in links {
        if let (Some(&a), Some(&b)) = (local.get(&a), local.get(&b)) {
            data.add_edge(a, b);
        }
    }
    let mut fa2 = FA2Settings::from_graph_order(piece.len()).build(data);
    fa2.run(if piece.len() > 300 { 400 } else { 250 });
    let pos: Vec<(f64, f64)> = fa2.data().positions().collect();

    // Scale so that the median link is LINK long.
    let mut lengths: Vec<f64> = links
        .iter()
        .filter_map(|(a, b)| Some((local.get(a)?, local.get(b)?)))
        .map(|(&a, &b)| ((pos[a].0 - pos[b].0).powi(2) + (pos[a].1 - pos[b].1).powi(2)).sqrt())
        .collect();
    lengths.sort_by(f64::total_cmp);
    let median = lengths.get(lengths.len() / 2).copied().filter(|&m| m > 1e-9).unwrap_or(1.0);
    let scale = LINK / median;
    for (k, &i) in piece.iter().enumerate() {
        places[i].x = pos[k].0 * scale;
        places[i].y = pos[k].1 * scale;
    }
    separate(piece, places);
    let min_x = piece.iter().map(|&i| places[i].x - places[i].r).fold(f64::INFINITY, f64::min);
    let min_y = piece.iter().map(|&i| places[i].y - places[i].r).fold(f64::INFINITY, f64::min);
    for &i in piece {
        places[i].x -= min_x;
        places[i].y -= min_y;
    }
    let w = piece.iter().map(|&i| places[i].x + places[i].r).fold(0.0, f64::max);
    let h = piece.iter().map(|&i| places[i].y + places[i].r).fold(0.0, f64::max);
    (w, h)
}

/// Pushes the symbols of a piece apart until none overlaps another (with [`GAP`] between).
fn separate(piece: &[usize], places: &mut [Placed]) {
    for _ in 0..60 {
        let mut moved = false;
        for a in 0..piece.len() {
            for b in (a + 1)..piece.len() {
                let (i, j) = (piece[a], piece[b]);
                let (dx, dy) = (places[j].x - places[i].x, places[j].y - places[i].y);
                let want = places[i].r + places[j].r + GAP;
                let d2 = dx * dx + dy * dy;
                if d2 >= want * want {
                    continue;
                }
                let d = d2.sqrt();
                // Nodes on the same spot part along a direction fixed by their order.
                let (ux, uy) = if d > 1e-6 { (dx / d, dy / d) } else { ((a as f64).cos(), (b as f64).sin()) };
                let push = (want - d) / 2.0 + 0.01;
                places[i].x -= ux * push;
                places[i].y -= uy * push;
                places[j].x += ux * push;
                places[j].y += uy * push;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

/// Packs pieces (each at the origin, with its size) in rows, largest first, into a block
/// about 1.5 times as wide as high; moves them there and returns the block's size.
fn pack(pieces: &[Vec<usize>], boxes: &[(f64, f64)], places: &mut [Placed]) -> (f64, f64) {
    let margin = 40.0;
    let area: f64 = boxes.iter().map(|(w, h)| (w + margin) * (h + margin)).sum();
    let widest = boxes.iter().map(|b| b.0 + margin).fold(0.0, f64::max);
    let row_width = (area * 1.5).sqrt().max(widest);
    let (mut x, mut y, mut row_h, mut width) = (0.0, 0.0, 0.0_f64, 0.0_f64);
    for (piece, &(w, h)) in pieces.iter().zip(boxes) {
        if x > 0.0 && x + w > row_width {
            x = 0.0;
            y += row_h + margin;
            row_h = 0.0;
        }
        for &i in piece {
            places[i].x += x;
            places[i].y += y;
        }
        width = width.max(x + w);
        row_h = row_h.max(h);
        x += w + margin;
    }
    (width, y + row_h)
}

/// The convex outline of each community of at least [`MIN_HULL`] members, padded by the
/// symbols' radii.
fn outlines(community: &[usize], degree: &[usize], places: &[Placed]) -> Vec<(usize, Vec<(f64, f64)>)> {
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &c) in community.iter().enumerate() {
        if degree[i] > 0 {
            members.entry(c).or_default().push(i);
        }
    }
    members
        .into_iter()
        .filter(|(_, m)| m.len() >= MIN_HULL)
        .map(|(c, m)| {
            // Each symbol as an octagon around its centre, so the outline keeps a margin.
            let points: Vec<(f64, f64)> = m
                .iter()
                .flat_map(|&i| {
                    let p = places[i];
                    (0..8).map(move |k| {
                        let t = k as f64 / 8.0 * TAU;
                        (p.x + (p.r + 8.0) * t.cos(), p.y + (p.r + 8.0) * t.sin())
                    })
                })
                .collect();
            (c, convex_hull(points))
        })
        .collect()
}

/// The convex hull of some points (Andrew's monotone chain), counter-clockwise.
fn convex_hull(mut points: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    points.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    points.dedup();
    if points.len() < 3 {
        return points;
    }
    let cross = |o: (f64, f64), a: (f64, f64), b: (f64, f64)| (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0);
    let mut hull: Vec<(f64, f64)> = Vec::with_capacity(points.len() * 2);
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &(f64, f64)>> =
            if pass == 0 { Box::new(points.iter()) } else { Box::new(points.iter().rev()) };
        for &p in iter {
            while hull.len() >= start + 2 && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0 {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

/// What the meeting filter shows for meeting `m`: the meeting, the other ends of its arrows
/// (participants, organisers), and the bodies of the participants' posts.
pub fn focus_set(m: usize, ends: &[(usize, usize, Family)], kinds: &[NodeKind]) -> BTreeSet<usize> {
    let mut set = BTreeSet::from([m]);
    for &(a, b, _) in ends {
        if a == m || b == m {
            set.insert(a);
            set.insert(b);
        }
    }
    let persons: Vec<usize> = set.iter().copied().filter(|&i| kinds[i] == NodeKind::Person).collect();
    for &(a, b, family) in ends {
        if family == Family::Post && persons.contains(&a) {
            set.insert(b);
        }
    }
    set
}

/// A radial layout of each meeting's focus set (see the module docs).
fn focus_layouts(
    graph: &RelationGraph,
    nodes: &[NodeIndex],
    arrows: &[Arrow],
    index: &std::collections::HashMap<NodeIndex, usize>,
) -> BTreeMap<usize, Vec<(usize, f64, f64)>> {
    let kinds: Vec<NodeKind> = nodes.iter().map(|&ix| graph.node(ix).kind).collect();
    let ends: Vec<(usize, usize, Family)> =
        arrows.iter().map(|a| (index[&a.source], index[&a.target], a.family)).collect();
    let mut out = BTreeMap::new();
    for m in (0..nodes.len()).filter(|&i| kinds[i] == NodeKind::Meeting) {
        let set = focus_set(m, &ends, &kinds);
        // Participants: who presided or spoke first, then by page order.
        let mut persons: Vec<(bool, usize)> = Vec::new();
        for &(a, b, _) in &ends {
            if b == m && kinds[a] == NodeKind::Person {
                let strong = arrows.iter().any(|x| index[&x.source] == a && index[&x.target] == m && x.strong);
                persons.push((!strong, a));
            }
        }
        persons.sort();
        persons.dedup();
        let ring1 = (persons.len() as f64 * 48.0 / TAU).max(130.0);
        let mut placed: Vec<(usize, f64, f64)> = vec![(m, 0.0, 0.0)];
        let mut angle_of: BTreeMap<usize, f64> = BTreeMap::new();
        for (k, &(_, p)) in persons.iter().enumerate() {
            let t = -TAU / 4.0 + k as f64 / persons.len() as f64 * TAU;
            angle_of.insert(p, t);
            placed.push((p, WIDE * ring1 * t.cos(), ring1 * t.sin()));
        }
        // Bodies: near the mean angle of their participants (organisers at the top).
        let mut bodies: Vec<(f64, usize)> = set
            .iter()
            .copied()
            .filter(|&i| i != m && !angle_of.contains_key(&i))
            .map(|o| {
                let near: Vec<f64> = ends
                    .iter()
                    .filter(|&&(a, b, f)| f == Family::Post && b == o && angle_of.contains_key(&a))
                    .map(|&(a, _, _)| angle_of[&a])
                    .collect();
                let (sx, sy) = near.iter().fold((0.0, 0.0), |(x, y), t| (x + t.cos(), y + t.sin()));
                let angle = if near.is_empty() { -TAU / 4.0 } else { sy.atan2(sx) };
                (angle.rem_euclid(TAU), o)
            })
            .collect();
        bodies.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        if !bodies.is_empty() {
            let ring2 = (bodies.len() as f64 * 36.0 / TAU).max(ring1 + 160.0);
            let slot = TAU / bodies.len() as f64;
            // Turn the ring so that bodies sit, on average, at their preferred angles.
            let (sx, sy) = bodies.iter().enumerate().fold((0.0, 0.0), |(x, y), (k, (pref, _))| {
                let d = pref - k as f64 * slot;
                (x + d.cos(), y + d.sin())
            });
            let turn = sy.atan2(sx);
            for (k, &(_, o)) in bodies.iter().enumerate() {
                let t = turn + k as f64 * slot;
                placed.push((o, WIDE * ring2 * t.cos(), ring2 * t.sin()));
            }
        }
        placed.sort_by_key(|p| p.0);
        out.insert(m, placed);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::convex_hull;

    #[test]
    fn a_hull_leaves_inner_points_out() {
        let hull = convex_hull(vec![(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (1.0, 1.0), (1.0, 0.0)]);
        assert_eq!(hull.len(), 4);
        assert!(!hull.contains(&(1.0, 1.0)));
    }
}
