#!/usr/bin/env bash
# Makes sure a Chromium is available for the browser tests: $CHROMIUM_PATH,
# or one on PATH, or Debian's `chromium` package installed with apt-get.
# Never downloads a browser from anywhere else.
set -euo pipefail

if [[ -n "${CHROMIUM_PATH:-}" && -x "${CHROMIUM_PATH}" ]]; then
  echo "chromium: using CHROMIUM_PATH=${CHROMIUM_PATH}"
  exit 0
fi
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then
    echo "chromium: using $(command -v "$name")"
    exit 0
  fi
done

echo "chromium: not found, installing Debian's chromium package"
SUDO=""
if [[ "$(id -u)" != "0" ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
command -v chromium
