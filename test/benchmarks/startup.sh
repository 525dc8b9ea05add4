#!/usr/bin/env bash
# Start-up of the whole stack (./vl up --until-healthy), warm (median of RUNS) and cold (a fresh clone
# with an empty cache: Node, npm ci, Kafka jars, broker format, six services). Prints one line a run.
#   test/benchmarks/startup.sh [RUNS]      default 3
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-3}"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

"$ROOT/vl" up --until-healthy >/dev/null 2>&1 # fill the caches once
warm=()
for i in $(seq "$RUNS"); do
  t=$(seconds "$ROOT/vl" up --until-healthy)
  warm+=("$t")
  echo "warm run $i: ${t}s"
done
echo "warm median of $RUNS: $(printf '%s\n' "${warm[@]}" | median)s"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
git clone -q "$ROOT" "$scratch/repo"
# Maven's own repository (~/.m2) stays warm: the Kafka jars are copied from it, not downloaded
t=$(VL_CACHE="$scratch/cache" seconds "$scratch/repo/vl" up --until-healthy)
echo "cold (fresh clone, empty VL_CACHE, no node_modules): ${t}s"
