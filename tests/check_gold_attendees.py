#!/usr/bin/env python3
"""Check that a built graph answers `query attendees` for a gold report's meetings exactly.

usage: check_gold_attendees.py GRAPH_DIR GOLD_JSON [GUANXI]

For every meeting of the gold file, `guanxi query GRAPH_DIR attendees NAME --json` must list
exactly the persons the gold says attended it. Exit status 1 on the first difference.
"""
import json
import subprocess
import sys


def main():
    graph, gold_path = sys.argv[1], sys.argv[2]
    guanxi = sys.argv[3] if len(sys.argv) > 3 else "./target/release/guanxi"
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    for index, meeting in enumerate(gold.get("meetings", [])):
        names = meeting["name"] if isinstance(meeting["name"], list) else [meeting["name"]]
        want = sorted({a["person"] for a in gold.get("attendance", []) if a["meeting"] == index})
        out = subprocess.run([guanxi, "query", graph, "attendees", names[0], "--json"],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(f"check_gold_attendees: query attendees {names[0]} failed: {out.stderr.strip()}")
            return 1
        got = sorted({a["person"]["label"] for a in json.loads(out.stdout)["attendees"]})
        if got != want:
            print(f"check_gold_attendees: attendees of {names[0]} are {got}, gold says {want}")
            return 1
        print(f"check_gold_attendees: {names[0]}: {len(got)} attendees, as the gold says")
    return 0


if __name__ == "__main__":
    sys.exit(main())
