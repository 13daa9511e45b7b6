#!/usr/bin/env bash
# The JSON scan benchmark, without touching Package.swift: builds a scratch
# package (in $SCRATCH, default /tmp/dcq-json-scan) from the reader's sources
# and runs it. Usage: bench/json-scan/run.sh [FILE] [WORKERS...]
# With no FILE, generates 100,000 conversations into bench/data/big.json.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
scratch=${SCRATCH:-/tmp/dcq-json-scan}
file=${1:-$root/bench/data/big.json}
shift || true
workers=("$@")
[ ${#workers[@]} -gt 0 ] || workers=(1 2)

if [ ! -f "$file" ]; then
  mkdir -p "$(dirname "$file")"
  python3 "$here/generate.py" 100000 > "$file"
fi

mkdir -p "$scratch/Sources/QueryLanguage/Values" "$scratch/Sources/json-scan"
ln -sfn "$root/Sources/QueryLanguage/JSON" "$scratch/Sources/QueryLanguage/JSON"
ln -sf "$root/Sources/QueryLanguage/Values/Value.swift" "$scratch/Sources/QueryLanguage/Values/"
ln -sf "$root/Sources/dcq/MappedFile.swift" "$scratch/Sources/json-scan/"
ln -sf "$here/main.swift" "$scratch/Sources/json-scan/"
cat > "$scratch/Package.swift" <<'MANIFEST'
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "json-scan",
  targets: [
    .target(name: "QueryLanguage"),
    .executableTarget(name: "json-scan", dependencies: ["QueryLanguage"]),
  ]
)
MANIFEST
(cd "$scratch" && swift build -c release >/dev/null)
ls -l "$file"
for count in "${workers[@]}"; do
  "$scratch/.build/release/json-scan" "$file" "$count" 5
done
