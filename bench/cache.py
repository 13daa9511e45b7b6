#!/usr/bin/env python3
"""Times a full sync from the loopback mock and queries over the warm cache.

Usage: python3 bench/cache.py [--count 100000] [--runs 3] [--rate-limit 600/10s]
Builds dcq, dcq-gen and datacrazy-mock in release mode, serves the generated
conversations from datacrazy-mock on 127.0.0.1, and prints:
- the wall time of a full sync (`dcq --refresh`) with pacing off;
- with --rate-limit N/W, the same through a mock and a pacer limited to N per W,
  against the minimum the limit allows (requests / N * W);
- a query over the warm cache (`--offline`) against the same query with --input.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

from benchdata import ROOT, build, conversations

QUERY = 'where contact.platform == "WHATSAPP" and not finished | select id, n = contact.name'


def timed(argv, env):
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{argv} failed ({result.returncode}): {result.stderr.decode()[:500]}")
    return wall, result.stdout


def start_mock(bindir, file, extra):
    mock = subprocess.Popen([os.path.join(bindir, "datacrazy-mock"), "--file", file, "--token", "bench-token"] + extra,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = mock.stdout.readline()
    match = re.search(r"listening on (\S+)", line)
    if not match:
        mock.kill()
        sys.exit(f"datacrazy-mock did not start: {line!r}")
    return mock, match.group(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rate-limit", default=None, help="e.g. 600/10s: also time a paced sync")
    args = parser.parse_args()

    bindir = build(["dcq", "dcq-gen", "datacrazy-mock"])
    dcq = os.path.join(bindir, "dcq")
    file = conversations(bindir, args.count)

    with tempfile.TemporaryDirectory() as cache:
        mock, url = start_mock(bindir, file, ["--max-take", "100"])
        env = dict(os.environ, DATACRAZY_API_URL=url, DATACRAZY_TOKEN="bench-token", DCQ_CACHE_DIR=cache,
                   DCQ_RATE_LIMIT="off")
        try:
            syncs = [timed([dcq, "--refresh", "count"], env) for _ in range(args.runs)]
            best = min(wall for wall, _ in syncs)
            print(f"full sync of {syncs[0][1].decode().strip()} conversations, pacing off: "
                  f"best {best:.2f} s of {args.runs} (target 15 s)")
            cached = min(timed([dcq, "--offline", "--ndjson", QUERY], env)[0] for _ in range(args.runs))
            direct = min(timed([dcq, "--input", file, "--ndjson", QUERY], env)[0] for _ in range(args.runs))
            print(f"query over the warm cache: {cached * 1000:.0f} ms; same query with --input: "
                  f"{direct * 1000:.0f} ms (target 250 ms, and not slower than --input)")
        finally:
            mock.kill()

        if args.rate_limit:
            count, window = args.rate_limit.split("/")
            seconds = float(window.rstrip("s"))
            mock, url = start_mock(bindir, file, ["--max-take", "100", "--rate-limit", args.rate_limit])
            env = dict(env, DATACRAZY_API_URL=url, DCQ_RATE_LIMIT=args.rate_limit)
            try:
                wall, _ = timed([dcq, "--refresh", "-v", "count"], env)
                requests = -(-args.count // 100) + 2
                # N requests go at once, then N more each window (plus the pacer's 5% margin).
                bare = (requests - 1) // int(count) * seconds
                paced = bare * 1.05
                print(f"paced sync ({args.rate_limit}, ~{requests} requests): {wall:.1f} s; the limit allows "
                      f"{bare:.1f} s at best, {paced:.2f} s with CLI.md's 5% margin "
                      f"({(wall / paced - 1) * 100:+.0f}% over that)")
            finally:
                mock.kill()


if __name__ == "__main__":
    main()
