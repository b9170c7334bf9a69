#!/usr/bin/env bash
# Pack benchmark: `skillkit pack` vs the `zip -r -X -i ... -x ...` recipe, side by side.
#
#   bench/pack/run.sh            # from anywhere
#
# Environment:
#   N=2000             skills in the generated corpus (bench/lint/gen_corpus.py)
#   RUNS=3             timed runs per tool and corpus (the best wall time is reported)
#   SEED=1             generator seed
#   LEVEL=6            deflate level for every tool
#   REAL_CORPUS=DIR    real skills to pack as well (default ../shared/corpus; skipped if absent)
#   SKILLKIT=BIN       time this binary instead of building build-bench/cli/skillkit (Release)
#   OUT=DIR            where results.{md,json} go (default bench/pack/results/)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

N="${N:-2000}"
RUNS="${RUNS:-3}"
SEED="${SEED:-1}"
LEVEL="${LEVEL:-6}"
REAL_CORPUS="${REAL_CORPUS:-$ROOT/../shared/corpus}"
OUT="${OUT:-$HERE/results}"

if ! command -v zip >/dev/null; then
  sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq zip >/dev/null
fi
if [[ -z "${SKILLKIT:-}" ]]; then
  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSKILLKIT_TESTS=OFF >/dev/null
  cmake --build build-bench --target skillkit
  SKILLKIT="$ROOT/build-bench/cli/skillkit"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/lint/gen_corpus.py "$work/generated" -n "$N" --seed "$SEED" >/dev/null

corpora=()
[[ -d "$REAL_CORPUS" ]] && corpora+=(--corpus "real=$REAL_CORPUS")
corpora+=(--corpus "generated-$N=$work/generated")
mkdir -p "$OUT"
python3 "$HERE/measure.py" --skillkit "$SKILLKIT" "${corpora[@]}" --runs "$RUNS" \
  --level "$LEVEL" --markdown "$OUT/results.md" --json "$OUT/results.json"
