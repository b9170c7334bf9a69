#!/usr/bin/env bash
# Lint benchmark: skillkit vs the npm linters skill-check and skills-ref, side by side.
#
#   bench/lint/run.sh            # from anywhere; takes ~3-6 minutes on 2 cores
#
# Environment:
#   N=10000            skills in the generated corpus
#   RUNS=3             timed runs per tool and corpus (the best wall time is reported)
#   SEED=1             generator seed
#   REAL_CORPUS=DIR    real skills to time as well (default ../shared/corpus beside the repo;
#                      skipped when absent)
#   PER_SKILL_CLI=1    also time `skills-ref validate DIR` once per skill (one Node process per
#                      skill, the way its CLI works) on the real corpus; 0 to skip
#   SKILLKIT=BIN       time this binary instead of building build-bench/cli/skillkit
#   KEEP=DIR           generate the corpus into DIR and keep it (default: a temp dir, removed)
#   OUT=DIR            where results.{md,json} go (default bench/lint/results/)
#
# Steps: build skillkit in Release (build-bench/), install the pinned npm tools from
# bench/lint/package-lock.json if missing, generate the corpus (gen_corpus.py), then run
# measure.py, which times each tool the way a user runs it, checks from each tool's own output
# that it linted every skill, and prints the tables that bench/README.md quotes.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

N="${N:-10000}"
RUNS="${RUNS:-3}"
SEED="${SEED:-1}"
REAL_CORPUS="${REAL_CORPUS:-$ROOT/../shared/corpus}"
PER_SKILL_CLI="${PER_SKILL_CLI:-1}"
OUT="${OUT:-$HERE/results}"

log() { echo "bench: $*" >&2; }

apt_install() {
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  log "installing Debian packages: $*"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- tools this script needs ------------------------------------------------------------------
[[ -x /usr/bin/time ]] || apt_install time
command -v python3 >/dev/null || apt_install python3
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then apt_install nodejs npm; fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if ((node_major < 20)); then
  log "node $(node --version) is too old: skill-check needs Node.js 20 or later"
  exit 2
fi

# --- skillkit, Release build ------------------------------------------------------------------
if [[ -z "${SKILLKIT:-}" ]]; then
  SKILLKIT="$ROOT/build-bench/cli/skillkit"
  if [[ ! -f build-bench/build.ninja ]]; then
    command -v ninja >/dev/null || apt_install ninja-build
    log "configuring build-bench/ (Release)"
    # -Wno-error=restrict: GCC 12 at -O3 reports a false -Wrestrict inside libstdc++'s
    # `"literal" + std::string&&` (GCC bug 105651), which -Werror turns into a failed build.
    cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DSKILLKIT_TESTS=OFF \
      -DCMAKE_CXX_FLAGS=-Wno-error=restrict -G Ninja >/dev/null
  fi
  log "building skillkit (Release, build-bench/)"
  if ! cmake --build build-bench --target skillkit >/dev/null; then
    log "build failed; retrying in 60 s (the tree may be mid-edit)"
    sleep 60
    if ! cmake --build build-bench --target skillkit; then
      if [[ -x "$SKILLKIT" ]]; then
        log "WARNING: build failed again; timing the previous binary $SKILLKIT"
      else
        exit 2
      fi
    fi
  fi
fi
[[ -x "$SKILLKIT" ]] || { log "no skillkit binary at $SKILLKIT"; exit 2; }

# --- npm tools (pinned by bench/lint/package-lock.json) --------------------------------------
if [[ ! -x "$HERE/node_modules/.bin/skill-check" || ! -f "$HERE/node_modules/skills-ref/package.json" ]]; then
  log "installing skill-check and skills-ref (npm ci --prefix bench/lint)"
  npm ci --prefix "$HERE" --no-audit --no-fund --loglevel=error >/dev/null
fi

# --- corpora ----------------------------------------------------------------------------------
if [[ -n "${KEEP:-}" ]]; then
  WORK="$KEEP"
  mkdir -p "$WORK"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/skillkit-bench.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
fi
GEN="$WORK/generated-$N"
if [[ ! -f "$GEN/MANIFEST.tsv" ]]; then
  rm -rf "$GEN"
  log "generating $N skills into $GEN"
  python3 "$HERE/gen_corpus.py" "$GEN" -n "$N" --seed "$SEED"
fi

corpora=()
cli_on=()
if [[ -d "$REAL_CORPUS" ]]; then
  real_label="shared/corpus"
  [[ "$REAL_CORPUS" -ef "$ROOT/../shared/corpus" ]] || real_label="real:$(basename "$REAL_CORPUS")"
  corpora+=(--corpus "$real_label=$REAL_CORPUS")
  [[ "$PER_SKILL_CLI" == 1 ]] && cli_on+=(--per-skill-cli "$real_label")
else
  log "no real corpus at $REAL_CORPUS: timing the generated corpus only"
fi
corpora+=(--corpus "generated $N=$GEN")

# --- machine ----------------------------------------------------------------------------------
log "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB"
log "skillkit: $("$SKILLKIT" --version 2>/dev/null | head -1); node $(node --version); skill-check $(node -p "require('$HERE/node_modules/skill-check/package.json').version"); skills-ref $(node -p "require('$HERE/node_modules/skills-ref/package.json').version")"

mkdir -p "$OUT"
python3 "$HERE/measure.py" --skillkit "$SKILLKIT" --runs "$RUNS" "${corpora[@]}" "${cli_on[@]}" \
  --json "$OUT/results.json" --markdown "$OUT/results.md"
log "tables written to $OUT/results.md and $OUT/results.json"
