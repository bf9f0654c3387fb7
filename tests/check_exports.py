#!/usr/bin/env python3
"""Round trips of guanxi's exports through the tools users load them with.

Usage: python3 tests/check_exports.py [GRAPH_DIR_OR_JSON]

Without an argument it builds the bundled fictional reports first (needs `cargo`). Then:
- networkx.read_graphml and networkx.read_gexf load the GraphML and GEXF exports with the
  same node and edge counts (and node kinds) as graph.json;
- the Neo4j CSVs have the headers neo4j-admin expects (:ID, :LABEL, :START_ID, :END_ID,
  :TYPE), one row per node and per edge, known labels and types, and no relationship end
  missing from the nodes;
- the Cypher script has one statement per line: the schema statements match Neo4j 5's
  constraint syntax, and every batch (UNWIND … MERGE) parses with the openCypher grammar of
  the antlr4-cypher package when it is installed (otherwise a lexical check: strings closed,
  brackets balanced, a known statement shape);
- both the Cypher script (as written, schema lines aside) and the CSVs (through the engine's
  CSV reader) load into Kuzu, an embedded Cypher engine, when the kuzu package is installed:
  nodes by label and relationships by type count what the store counts (`guanxi query
  stats`), and the attendees of the most attended meeting are those `guanxi query attendees`
  gives;
- the Cytoscape JSON has every node and edge.
Prints the counts; exits non-zero on any failure.
"""
import csv
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
LABELS = {"person": "Person", "organization": "Organization", "meeting": "Meeting"}
TYPES = {"holds_post": "HOLDS_POST", "attended": "ATTENDED", "presided": "PRESIDED",
         "spoke": "SPOKE", "organized": "ORGANIZED"}
NODES_HEADER = ["id:ID", ":LABEL", "name", "date", "category", "parent", "aliases:string[]",
                "regions:string[]", "posts:string[]", "documents:int"]
RELS_HEADER = [":START_ID", ":END_ID", ":TYPE", "key", "title", "dates:string[]", "documents:int"]
CONSTRAINT = re.compile(r"^CREATE CONSTRAINT guanxi_(person|organization|meeting)_id IF NOT EXISTS "
                        r"FOR \(n:(Person|Organization|Meeting)\) REQUIRE n\.id IS UNIQUE;$")


def guanxi(*args):
    cmd = ["cargo", "run", "--release", "--quiet", "--", *args]
    subprocess.run(cmd, cwd=ROOT, check=True)


def check(cond, message):
    if not cond:
        raise SystemExit(f"check_exports: FAILED: {message}")


def cypher_parser():
    """A function that returns the syntax errors of one statement, or None without antlr4-cypher."""
    try:
        from antlr4 import CommonTokenStream, InputStream
        from antlr4.error.ErrorListener import ErrorListener
        from antlr4_cypher.CypherLexer import CypherLexer
        from antlr4_cypher.CypherParser import CypherParser
    except ImportError:
        return None

    class Errors(ErrorListener):
        def __init__(self):
            self.found = []

        def syntaxError(self, recognizer, symbol, line, column, msg, e):
            self.found.append(f"{line}:{column} {msg}")

    def parse(text):
        errors = Errors()
        lexer = CypherLexer(InputStream(text))
        lexer.removeErrorListeners()
        lexer.addErrorListener(errors)
        parser = CypherParser(CommonTokenStream(lexer))
        parser.removeErrorListeners()
        parser.addErrorListener(errors)
        parser.script()
        return errors.found

    return parse


def lexical_errors(statement):
    """Strings closed, brackets balanced outside strings, ends with one ';'."""
    stack, quote, escaped = [], None, False
    pairs = {")": "(", "]": "[", "}": "{"}
    for i, c in enumerate(statement):
        if quote:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c in "([{":
            stack.append(c)
        elif c in pairs:
            if not stack or stack.pop() != pairs[c]:
                return [f"unbalanced {c!r} at {i}"]
        elif c == ";" and i != len(statement) - 1:
            return [f"';' inside the statement at {i}"]
    if quote or stack:
        return ["unclosed string or bracket"]
    if not statement.endswith(";"):
        return ["no ';' at the end"]
    if not re.match(r"^UNWIND \[\{(id|a): '.*\}\] AS row (MERGE \(n:(Person|Organization|Meeting) \{id: row\.id\}\)|MATCH \(a:)", statement):
        return ["not an UNWIND … MERGE batch"]
    return []


NODE_COLUMNS = ("id STRING PRIMARY KEY, name STRING, date STRING, category STRING, parent STRING, "
                "aliases STRING[], regions STRING[], posts STRING[], documents INT64")
REL_ENDS = {"HOLDS_POST": ("Person", "Organization"), "ATTENDED": ("Person", "Meeting"),
            "PRESIDED": ("Person", "Meeting"), "SPOKE": ("Person", "Meeting"),
            "ORGANIZED": ("Organization", "Meeting")}
REL_COLUMNS = "key STRING, title STRING, dates STRING[], documents INT64"


def kuzu_schema(conn):
    """Kuzu's tables for the export's labels and types (Kuzu has no CREATE CONSTRAINT: the
    primary key on id is its uniqueness constraint)."""
    for label in LABELS.values():
        conn.execute(f"CREATE NODE TABLE {label}({NODE_COLUMNS})")
    for t, (a, b) in REL_ENDS.items():
        conn.execute(f"CREATE REL TABLE {t}(FROM {a} TO {b}, {REL_COLUMNS})")


def rows(conn, query):
    result = conn.execute(query)
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def counts(conn):
    got = {}
    for label in LABELS.values():
        got[label] = rows(conn, f"MATCH (n:{label}) RETURN count(n)")[0][0]
    for t in REL_ENDS:
        got[t] = rows(conn, f"MATCH ()-[r:{t}]->() RETURN count(r)")[0][0]
    return got


def load_csv(conn, folder):
    """The neo4j-admin CSVs through Kuzu's own CSV reader."""
    split = lambda c: f"CASE WHEN {c} IS NULL THEN NULL ELSE string_split({c}, ';') END"
    nodes = (f"LOAD WITH HEADERS (id STRING, label STRING, name STRING, date STRING, category STRING, "
             f"parent STRING, aliases STRING, regions STRING, posts STRING, documents INT64) "
             f"FROM '{folder / 'nodes.csv'}' (header=true)")
    for label in LABELS.values():
        conn.execute(f"{nodes} WITH * WHERE label = '{label}' CREATE (:{label} {{id: id, name: name, date: date, "
                     f"category: category, parent: parent, aliases: {split('aliases')}, regions: {split('regions')}, "
                     f"posts: {split('posts')}, documents: documents}})")
    rels = (f"LOAD WITH HEADERS (a STRING, b STRING, type STRING, key STRING, title STRING, dates STRING, "
            f"documents INT64) FROM '{folder / 'relationships.csv'}' (header=true)")
    for t, (a, b) in REL_ENDS.items():
        conn.execute(f"{rels} WITH * WHERE type = '{t}' MATCH (x:{a} {{id: a}}), (y:{b} {{id: b}}) "
                     f"CREATE (x)-[:{t} {{key: key, title: title, dates: {split('dates')}, documents: documents}}]->(y)")


def check_kuzu(graph_dir, graph_json, folder, nodes, edges, statements):
    try:
        import kuzu
    except ImportError:
        print("kuzu: not installed; the Cypher engine check is skipped")
        return
    stats = json.loads(subprocess.run(["cargo", "run", "--release", "--quiet", "--", "query", str(graph_dir), "stats", "--json"],
                                      cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    want = {LABELS[k]: n for k, n in stats["nodes_by_kind"].items()}
    want.update({TYPES[k]: n for k, n in stats["edges_by_kind"].items()})
    # The most attended meeting, and its attendees as the store gives them.
    attendance = Counter(e["target"] for e in edges if e["kind"] in ("attended", "presided", "spoke"))
    meeting = max(sorted(attendance), key=lambda m: attendance[m])
    answer = json.loads(subprocess.run(["cargo", "run", "--release", "--quiet", "--", "query", str(graph_dir), "attendees",
                                        meeting, "--json"], cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    want_attendees = sorted((a["person"]["id"], r) for a in answer["attendees"] for r in a["roles"])
    for how in ("cypher", "csv"):
        conn = kuzu.Connection(kuzu.Database(":memory:"))
        kuzu_schema(conn)
        if how == "cypher":
            for s in statements:
                conn.execute(s.rstrip(";"))
        else:
            load_csv(conn, folder)
        got = counts(conn)
        check(got == want, f"kuzu ({how}): counts {got} differ from the store's {want}")
        attendees = sorted((p, t.lower()) for p, t in rows(conn, f"MATCH (p:Person)-[r]->(m:Meeting) WHERE m.id = '{meeting}' "
                                                               f"RETURN p.id, label(r)"))
        check(attendees == want_attendees, f"kuzu ({how}): attendees of {meeting} {attendees} differ from {want_attendees}")
        print(f"kuzu {kuzu.__version__} ({how}): {sum(got[l] for l in LABELS.values())} nodes, "
              f"{sum(got[t] for t in REL_ENDS)} relationships by label and type as in the store; "
              f"{len(attendees)} attendances of the most attended meeting as `query attendees` gives")


def main():
    if len(sys.argv) > 1:
        graph_dir = Path(sys.argv[1])
        if graph_dir.suffix == ".json":
            graph_dir = graph_dir.parent
    else:
        graph_dir = Path(tempfile.mkdtemp()) / "g"
        guanxi("build", "tests/fixtures/reports", "tests/fixtures/extract", "--out", str(graph_dir), "--no-svg", "--no-html")
    graph_json = graph_dir / "graph.json"
    data = json.loads(graph_json.read_text(encoding="utf-8"))
    nodes, edges = data["nodes"], data["edges"]
    kinds = Counter(n["kind"] for n in nodes)
    out = Path(tempfile.mkdtemp())
    for fmt, name in [("graphml", "g.graphml"), ("gexf", "g.gexf"), ("cytoscape", "g.cyjs")]:
        guanxi("export", str(graph_json), "--format", fmt, "-o", str(out / name))
    guanxi("export", str(graph_json), "--format", "neo4j", "-o", str(out / "neo4j"))

    # networkx
    for fmt, reader in [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)]:
        g = reader(out / f"g.{fmt}")
        got = Counter(d["kind"] for _, d in g.nodes(data=True))
        check(g.number_of_nodes() == len(nodes), f"{fmt}: {g.number_of_nodes()} nodes, graph.json has {len(nodes)}")
        check(g.number_of_edges() == len(edges), f"{fmt}: {g.number_of_edges()} edges, graph.json has {len(edges)}")
        check(got == kinds, f"{fmt}: node kinds {dict(got)} differ from {dict(kinds)}")
        check(set(g.nodes) == {n["id"] for n in nodes}, f"{fmt}: node ids differ")
        print(f"networkx {nx.__version__} read_{fmt}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges "
              f"(graph.json: {len(nodes)}, {len(edges)}) {dict(sorted(got.items()))}")

    # Neo4j CSVs
    with open(out / "neo4j" / "nodes.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    check(rows[0] == NODES_HEADER, f"nodes.csv header {rows[0]}")
    check(len(rows) - 1 == len(nodes), f"nodes.csv has {len(rows) - 1} rows, graph.json {len(nodes)} nodes")
    check(all(len(r) == len(NODES_HEADER) for r in rows), "nodes.csv rows of another width")
    check(Counter(r[1] for r in rows[1:]) == Counter(LABELS[k] for k in (n["kind"] for n in nodes)), "nodes.csv labels")
    ids = {r[0] for r in rows[1:]}
    with open(out / "neo4j" / "relationships.csv", newline="", encoding="utf-8") as f:
        rels = list(csv.reader(f))
    check(rels[0] == RELS_HEADER, f"relationships.csv header {rels[0]}")
    check(len(rels) - 1 == len(edges), f"relationships.csv has {len(rels) - 1} rows, graph.json {len(edges)} edges")
    check(all(len(r) == len(RELS_HEADER) for r in rels), "relationships.csv rows of another width")
    check(all(r[0] in ids and r[1] in ids for r in rels[1:]), "a relationship end is not in nodes.csv")
    check(Counter(r[2] for r in rels[1:]) == Counter(TYPES[e["kind"]] for e in edges), "relationship types")
    print(f"neo4j: nodes.csv {len(rows) - 1} rows, relationships.csv {len(rels) - 1} rows, headers "
          f"{rows[0][0]},{rows[0][1]} / {','.join(rels[0][:3])}")

    # Cypher
    lines = (out / "neo4j" / "import.cypher").read_text(encoding="utf-8").splitlines()
    statements = [l for l in lines if l and not l.startswith("//")]
    schema = [s for s in statements if s.startswith("CREATE CONSTRAINT")]
    data_statements = [s for s in statements if not s.startswith("CREATE CONSTRAINT")]
    check(len(schema) == 3 and all(CONSTRAINT.match(s) for s in schema), "constraint statements")
    check(all(s.startswith("UNWIND [") for s in data_statements), "every data statement is a batch")
    check(len(data_statements) < len(nodes) + len(edges), "batches, not one statement per node or edge")
    parse = cypher_parser()
    for s in data_statements:
        errors = lexical_errors(s) + (parse(s) if parse else [])
        check(not errors, f"cypher: {errors} in {s[:120]}")
    how = "antlr4-cypher openCypher grammar" if parse else "lexical check (antlr4-cypher not installed)"
    print(f"cypher: {len(schema)} constraints, {len(data_statements)} UNWIND batches parse ({how})")

    check_kuzu(graph_dir, graph_json, out / "neo4j", nodes, edges, data_statements)

    # Cytoscape
    cy = json.loads((out / "g.cyjs").read_text(encoding="utf-8"))
    check(len(cy["elements"]["nodes"]) == len(nodes) and len(cy["elements"]["edges"]) == len(edges), "cytoscape counts")
    print(f"cytoscape: {len(cy['elements']['nodes'])} nodes, {len(cy['elements']['edges'])} edges")


if __name__ == "__main__":
    main()
