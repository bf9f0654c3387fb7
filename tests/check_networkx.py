#!/usr/bin/env python3
"""Checks that networkx reads a guanxi graph.json directly.

Usage: python3 tests/check_networkx.py GRAPH_JSON [--expect-kinds person,organization,meeting]

Loads the file with networkx.node_link_graph (edges under "edges", the networkx >= 3.4
default), checks the three node kinds, that every edge has a kind and sources, and prints
counts. Exits non-zero on any failure. Without GRAPH_JSON it builds the test fixtures first
(needs `cargo`).
"""
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import networkx as nx


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    assert data.get("format") == "guanxi-graph", f"format is {data.get('format')!r}"
    try:
        return nx.node_link_graph(data, edges="edges")
    except TypeError:  # networkx < 3.4 names the key "link"
        return nx.node_link_graph(data, link="edges")


def main():
    args = sys.argv[1:]
    expect = {"person", "organization", "meeting"}
    if "--expect-kinds" in args:
        i = args.index("--expect-kinds")
        expect = set(args[i + 1].split(","))
        del args[i : i + 2]
    if args:
        path = Path(args[0])
    else:
        root = Path(__file__).resolve().parent.parent
        out = Path(tempfile.mkdtemp()) / "g"
        subprocess.run(
            ["cargo", "run", "--quiet", "--", "build", "tests/fixtures/reports", "--out", str(out), "--no-svg"],
            cwd=root, check=True)
        path = out / "graph.json"
    if path.is_dir():
        path = path / "graph.json"
    g = load(path)
    assert g.is_directed() and g.is_multigraph(), "expected a directed multigraph"
    kinds = Counter(d["kind"] for _, d in g.nodes(data=True))
    assert expect <= set(kinds), f"node kinds {dict(kinds)} lack {expect - set(kinds)}"
    for n, d in g.nodes(data=True):
        assert d.get("label"), f"node {n} has no label"
    edge_kinds = Counter()
    for u, v, k, d in g.edges(keys=True, data=True):
        assert d.get("kind"), f"edge {u}->{v} has no kind"
        assert "sources" in d, f"edge {u}->{v} has no sources"
        edge_kinds[d["kind"]] += 1
    print(f"networkx {nx.__version__}: {g.number_of_nodes()} nodes {dict(sorted(kinds.items()))}, "
          f"{g.number_of_edges()} edges {dict(sorted(edge_kinds.items()))}")


if __name__ == "__main__":
    main()
