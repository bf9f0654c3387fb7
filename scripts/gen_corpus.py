#!/usr/bin/env python3
"""Generates a realistic corpus for the scale benchmarks: copies of the dev reports with
every person renamed in each copy, so that the graph grows as a real one does (new persons
in every report, the same bodies and meetings again and again, namesakes by chance).

Usage: python3 scripts/gen_corpus.py N OUT [DEV_DIR] [--start S]

Writes N reports to OUT/<i // 1000>/<i>.txt for i = S .. S+N-1 (copy i is dev report i mod
71; S is 0 unless given, so `--start 100000` makes 1,000 more for an update). The persons of
each report are those of its gold annotation (NNN.gold.json beside NNN.txt); each is replaced
everywhere in the copy by a name generated from common surnames and given-name characters,
of the same length, drawn with a seed made from the copy number (the same N gives the same
corpus). No name is taken from anywhere: the generated names are random combinations.
"""
import json
import os
import random
import re
import sys
from pathlib import Path

# Common single-character surnames and characters common in given names: general knowledge,
# combined at random.
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建文斌宇浩凯健俊帆帅旭宁龙林欣佳琪瑞航博睿哲晨轩然怡雪婷颖琳慧晶蕾倩梅莉燕荣海波峰德志国庆春东新立永成长安和顺祥福兴盛昌宏远振山清河"


def names_of(gold_path):
    data = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    return sorted({p for p in data.get("persons", []) if isinstance(p, str) and p}, key=len, reverse=True)


def fresh_name(rng, length, taken):
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(max(1, length - 1)))
        if name not in taken:
            taken.add(name)
            return name


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    args = sys.argv[1:]
    start = 0
    if "--start" in args:
        k = args.index("--start")
        start = int(args[k + 1])
        del args[k:k + 2]
    n, out = int(args[0]), Path(args[1])
    dev = Path(args[2]) if len(args) > 2 else Path(__file__).resolve().parent.parent.parent / "shared/eval/dev"
    if not dev.is_dir():
        dev = Path("/work/shared/eval/dev")
    reports = []
    for txt in sorted(dev.glob("*.txt")):
        gold = txt.with_suffix(".gold.json")
        names = names_of(gold) if gold.exists() else []
        pattern = re.compile("|".join(re.escape(x) for x in names)) if names else None
        reports.append((txt.read_text(encoding="utf-8"), names, pattern))
    if not reports:
        sys.exit(f"no reports in {dev}")
    for i in range(start, start + n):
        text, names, pattern = reports[i % len(reports)]
        if pattern:
            rng = random.Random(i)
            taken = set()
            new = {name: fresh_name(rng, len(name), taken) for name in names}
            text = pattern.sub(lambda m: new[m.group(0)], text)
        folder = out / str(i // 1000)
        if i % 1000 == 0 or i == start:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    print(f"gen_corpus: {n} reports from {len(reports)} in {dev} written to {out}")


if __name__ == "__main__":
    main()
