//! Node-link JSON: the same layout as `graph.json` (see [`crate::graph::io`]).

use std::io::Write;

use crate::graph::RelationGraph;

/// Writes `graph` as node-link JSON.
pub fn write(graph: &RelationGraph, out: &mut dyn Write) -> std::io::Result<()> {
    graph.write_json(out)
}
