#!/usr/bin/env python3
"""Times statements inside one dcq session (issue 4's in-session targets).

Usage: python3 bench/session.py [--count 100000] [--runs 5]
Builds dcq and dcq-gen in release mode, generates bench/data/conversations-N.json
when missing, and runs bench/session.dcq in one dcq process per run. A script of
several statements runs in one session exactly as the REPL does (one
QuerySession over one CachingRecordSource), and `.timer on` prints each
statement's time. Prints, per statement, the best and the median over the runs,
and the target where the issue sets one.
"""
import argparse
import os
import re
import statistics
import subprocess

from benchdata import ROOT, build, conversations

SCRIPT = os.path.join(ROOT, "bench", "session.dcq")
# Targets of issue 4, for the statements that repeat one already run (the
# records are then loaded, as in a REPL session after its first query).
TARGETS = {"where": 30.0, "summarize": 60.0}


def statements():
    """The script's statements, in order (one per line; comments and dot-commands skipped)."""
    lines = []
    with open(SCRIPT) as script:
        for line in script:
            line = line.strip()
            if line and not line.startswith("#") and not line.startswith("."):
                lines.append(line)
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    bindir = build(["dcq", "dcq-gen"])
    file = conversations(bindir, args.count)
    subprocess.run(["cat", file], stdout=subprocess.DEVNULL, check=True)

    texts = statements()
    times = [[] for _ in texts]
    for _ in range(args.runs):
        result = subprocess.run([os.path.join(bindir, "dcq"), "--input", file, "--ndjson", "-f", SCRIPT],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
        found = [float(value) for value in re.findall(r"time: ([0-9.]+) ms", result.stderr)]
        if len(found) != len(texts):
            raise SystemExit(f"expected {len(texts)} timings, got {len(found)}: {result.stderr[:300]}")
        for index, value in enumerate(found):
            times[index].append(value)

    size = os.path.getsize(file)
    print(f"input: {file}: {args.count} conversations, {size / 1e6:.1f} MB; {os.cpu_count()} cores; "
          f"{args.runs} sessions")
    print(f"{'statement':<72} {'best':>8} {'median':>8}  target")
    seen = set()
    for text, values in zip(texts, times):
        verb = text.split()[0]
        repeat = text in seen
        seen.add(text)
        target = f"{TARGETS[verb]:.0f} ms" if repeat and verb in TARGETS else ""
        verdict = ""
        if target:
            verdict = "  ok" if statistics.median(values) <= TARGETS[verb] else "  MISSED"
        shown = text if len(text) <= 70 else text[:69] + "…"
        print(f"{shown:<72} {min(values):6.1f}ms {statistics.median(values):6.1f}ms  {target}{verdict}")


if __name__ == "__main__":
    main()
