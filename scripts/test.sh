#!/usr/bin/env bash
# Every check, from a fresh clone: install, type-check, lint, unit tests, the
# instructor invariant, build, and browser tests in Debian's Chromium.
#
#   bash scripts/test.sh
#
# After installing, two lanes run side by side, since most steps use one core
# and CI has two: (1) type-check, build, subfolder build (each writes .astro/,
# so they stay in one lane); (2) unit tests, the lessons, lint. Each lane's output is printed whole when it ends, with the
# time of every step. The browser tests run last, against both builds.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1
started=$SECONDS

step() { printf '\n==> %s\n' "$*"; }
# Runs a named step, printing how long it took (CI time is a budget).
timed() {
  local name=$1
  shift
  local t=$SECONDS
  step "$name"
  "$@"
  printf -- '--- %s: %ss\n' "$name" "$((SECONDS - t))"
}

step "install dependencies"
# `npm install` with the committed lock, not `npm ci`: this registry lacks other
# platforms' optional packages (rollup, esbuild), which `npm ci` insists on.
# Node 20 must stay clean: an engine warning means a dependency wants a newer
# Node than the README promises (pin or override it in package.json).
mkdir -p .tmp
status=0
npm install --no-audit --no-fund >.tmp/install.log 2>&1 || status=$?
grep -v "^npm warn Unknown user config" .tmp/install.log || true
if [[ $status != 0 ]]; then exit "$status"; fi
if grep -q EBADENGINE .tmp/install.log; then
  echo "npm install printed an engine warning on $(node --version); pin or override that package" >&2
  exit 1
fi
step "browser and Go toolchain"
bash scripts/ensure-chromium.sh
bash scripts/ensure-go.sh

site_lane() {
  timed "type-check (astro check, tsc)" npm run --silent typecheck
  timed "build" npm run --silent build
  # Not precompressed: it is only tested, and brotli is most of a build's time.
  timed "build for a subfolder (BASE=/course/ into dist-base/, for e2e/base-path.e2e.test.ts)" \
    env BASE=/course/ PRECOMPRESS=off npm run --silent build -- --outDir dist-base
}
tests_lane() {
  timed "unit tests (vitest)" npx vitest run
  timed "lessons: every variant graded, Go examples vetted, quiz programs run" node scripts/check-lessons.mjs
  timed "lint and format" npm run --silent lint
}

# Starts a lane in the background, its output in .tmp/lane-<name>.log.
lane_pids=()
lane_names=()
start_lane() {
  "$1" >".tmp/lane-$1.log" 2>&1 &
  lane_pids+=("$!")
  lane_names+=("$1")
}
start_lane site_lane
start_lane tests_lane
failed=0
for i in "${!lane_pids[@]}"; do
  status=0
  wait "${lane_pids[$i]}" || status=$?
  cat ".tmp/lane-${lane_names[$i]}.log"
  if [[ $status != 0 ]]; then
    printf '\n!!! %s failed (exit %s)\n' "${lane_names[$i]}" "$status" >&2
    failed=1
  fi
done
if [[ $failed != 0 ]]; then exit 1; fi

timed "browser tests (playwright-core + chromium)" npx vitest run --config vitest.e2e.config.ts
echo
echo "all checks passed in $((SECONDS - started))s"
