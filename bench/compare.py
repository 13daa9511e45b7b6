#!/usr/bin/env python3
"""Times dcq against jq 1.6 and DuckDB on the same generated file, in one run.

Usage: python3 bench/compare.py [--count 100000] [--runs 3]
Builds dcq and dcq-gen in release mode, generates bench/data/conversations-N.json
once, then runs each query --runs times per tool and reports the best wall time,
the peak resident memory (max RSS, mapped file pages included) and the ratios.
DuckDB (pip install duckdb) and jq (apt-get install jq) are skipped when missing.
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import time

from benchdata import ROOT, build, conversations


QUERIES = [
    {
        "name": "filter+select",
        "dcq": "where contact.platform == \"WHATSAPP\" and not finished | select id, n = contact.name",
        "jq": '.[] | select(.contact.platform=="WHATSAPP" and (.finished|not)) | {id, n: .contact.name}',
        "sql": "SELECT id, contact.name AS n FROM read_json('{file}', format='array', maximum_object_size=16777216) "
               "WHERE contact.platform = 'WHATSAPP' AND NOT finished",
    },
    {
        "name": "summarize by",
        "dcq": "summarize n = count() by d = currentDepartment.name",
        "jq": 'reduce .[] as $c ({}; .[$c.currentDepartment.name // "null"] += 1) | to_entries[] | {d: .key, n: .value}',
        "sql": "SELECT currentDepartment.name AS d, count(*) AS n FROM read_json('{file}', format='array', "
               "maximum_object_size=16777216) GROUP BY 1",
    },
]

DUCKDB_RUNNER = """
import duckdb, sys

con = duckdb.connect()
con.execute("SET threads TO 2")
rows = con.execute(sys.argv[1]).fetchall()
out = sys.stdout
for row in rows:
    out.write(repr(row) + "\\n")
"""


def run(argv):
    """Runs argv with stdout to /dev/null; returns (wall seconds, max RSS in bytes, exit code)."""
    with open(os.devnull, "wb") as devnull:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=devnull, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        err = process.stderr.read().decode(errors="replace")
        process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{argv[0]} failed ({code}): {err[:500]}")
    return wall, usage.ru_maxrss * 1024


def best(argv, runs):
    results = [run(argv) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def output_of(argv):
    return subprocess.run(argv, check=True, capture_output=True).stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    bindir = build(["dcq", "dcq-gen"])
    dcq = os.path.join(bindir, "dcq")
    file = conversations(bindir, args.count)
    size = os.path.getsize(file)
    print(f"input: {file}: {args.count} conversations, {size / 1e6:.1f} MB; "
          f"{os.cpu_count()} cores; best of {args.runs} runs, page cache warm")
    # Warm the page cache. Keep nothing of it in this process: a child forked
    # from a big parent counts the parent's pages in its peak RSS until exec.
    subprocess.run(["cat", file], stdout=subprocess.DEVNULL, check=True)

    have_jq = shutil.which("jq") is not None
    try:
        import duckdb  # noqa: F401
        have_duckdb = True
    except ImportError:
        have_duckdb = False

    for query in QUERIES:
        dcq_argv = [dcq, "--input", file, "--ndjson", query["dcq"]]
        wall, rss = best(dcq_argv, args.runs)
        line = f"{query['name']:14} dcq {wall * 1000:7.0f} ms  RSS {rss / size:4.2f}x file"
        if have_jq:
            jq_wall, _ = best(["jq", "-c", query["jq"], file], 1)
            line += f" | jq {jq_wall * 1000:6.0f} ms ({jq_wall / wall:5.1f}x)"
        if have_duckdb:
            sql = query["sql"].format(file=file)
            duck_wall, _ = best([sys.executable, "-c", DUCKDB_RUNNER, sql], 1)
            line += f" | duckdb {duck_wall * 1000:6.0f} ms ({duck_wall / wall:5.1f}x)"
        print(line, flush=True)

    if have_jq:
        ours = output_of([dcq, "--input", file, "--ndjson", QUERIES[0]["dcq"]]).splitlines()
        theirs = output_of(["jq", "-c", QUERIES[0]["jq"], file]).splitlines()
        print("filter+select output identical to jq's:", ours == theirs, f"({len(ours)} lines)")


if __name__ == "__main__":
    main()
