#!/usr/bin/env bash
# Every check, from a fresh clone: install, type-check, lint, unit tests, the
# instructor invariant, build, and browser tests in Debian's Chromium.
#
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1

step() { printf '\n==> %s\n' "$*"; }

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
step "type-check (astro check, tsc)"
npm run --silent typecheck
step "lint and format"
npm run --silent lint
step "unit tests (vitest)"
npx vitest run
step "lessons: solutions pass, starters and wrong variants fail, right variants pass, Go examples vet"
node scripts/check-lessons.mjs
step "build"
npm run --silent build
step "build for a subfolder (BASE=/course/ into dist-base/, for e2e/base-path.e2e.test.ts)"
# Not precompressed: it is only tested, and brotli is most of a build's time.
BASE=/course/ PRECOMPRESS=off npm run --silent build -- --outDir dist-base
step "browser tests (playwright-core + chromium)"
npx vitest run --config vitest.e2e.config.ts
echo
echo "all checks passed"
