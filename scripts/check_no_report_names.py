#!/usr/bin/env python3
"""Fail when a tracked file quotes a person or meeting of the evaluation reports.

Examples in code, comments, tests, dictionaries and docs are invented: a rule states a general
fact of Chinese official writing and is tested on invented text. This check reads the gold
files in ../shared/eval/dev (the persons and the meeting names the reports are about) and
lists every tracked file that contains one of them.

usage: scripts/check_no_report_names.py [GOLD_DIR]     (default: shared/eval/dev beside the
       repository, wherever the script is run from)
Exit status 1 when something is found, 0 otherwise; the gold folder missing is not an error.
"""
import glob
import json
import os
import subprocess
import sys

# Meeting names shorter than this are generic words (座谈会, 常务会议), not a report's own.
MIN_MEETING_CHARS = 7


def report_strings(gold_dir):
    strings = {}
    for path in sorted(glob.glob(os.path.join(gold_dir, "*.gold.json"))):
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
        stem = os.path.basename(path)[: -len(".gold.json")]
        for person in gold.get("persons", []):
            name = person["name"] if isinstance(person, dict) else person
            if len(name) >= 2:
                strings.setdefault(name, stem)
        for meeting in gold.get("meetings", []):
            names = meeting.get("name")
            for name in names if isinstance(names, list) else [names]:
                if name and len(name) >= MIN_MEETING_CHARS:
                    strings.setdefault(name, stem)
    return strings


def main():
    # The default is the evaluation folder beside the repository, wherever the script is run from.
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval", "dev")
    gold_dir = sys.argv[1] if len(sys.argv) > 1 else default
    if not os.path.isdir(gold_dir):
        print(f"check_no_report_names: {gold_dir} not found; not checked")
        return 0
    strings = report_strings(gold_dir)
    # The repository's files, read from its root wherever the script is run from.
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    files = subprocess.check_output(["git", "ls-files", "-z"]).decode("utf-8").split("\0")
    found = 0
    for name in files:
        if not name or not os.path.isfile(name):
            continue
        try:
            with open(name, encoding="utf-8") as f:
                text = f.read()
        except (UnicodeDecodeError, OSError):
            continue
        hits = sorted(s for s in strings if s in text)
        if hits:
            found += len(hits)
            shown = ", ".join(f"{s} ({strings[s]})" for s in hits[:8])
            more = f" and {len(hits) - 8} more" if len(hits) > 8 else ""
            print(f"{name}: {shown}{more}")
    if found:
        print(f"check_no_report_names: {found} string(s) of the evaluation reports in tracked files")
        return 1
    print("check_no_report_names: no person or meeting of the evaluation reports in tracked files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
