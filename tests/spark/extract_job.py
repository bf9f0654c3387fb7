#!/usr/bin/env python3
"""The map of a map/reduce: a PySpark job (local mode) that runs `guanxi extract` as a pipe
stage over report files and saves the records as text files (part-00000, ...).

Usage: python3 tests/spark/extract_job.py GUANXI OUT_DIR REPORT...

Each partition pipes its paths, one a line, into `xargs guanxi extract -q`; Spark writes
what the processes print (one extraction record a line) to OUT_DIR. `guanxi build
OUT_DIR/part-*` then merges them (tests/spark.rs).
"""
import sys

from pyspark.sql import SparkSession


def main():
    guanxi, out, reports = sys.argv[1], sys.argv[2], sys.argv[3:]
    spark = (SparkSession.builder.master("local[2]").appName("guanxi-extract")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    paths = spark.sparkContext.parallelize(reports, 4)
    records = paths.pipe(f"xargs -d '\\n' {guanxi} extract -q")
    records.saveAsTextFile(out)
    print(f"extract_job: {len(reports)} reports, {records.count()} records in {out}")
    spark.stop()


if __name__ == "__main__":
    main()
