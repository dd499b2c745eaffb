#!/usr/bin/env bash
# Makes sure the Go toolchain is available for checking the Go examples in
# lesson text: `go` on PATH, or Debian's golang-go installed with apt-get.
set -euo pipefail

if command -v go >/dev/null 2>&1 && command -v gofmt >/dev/null 2>&1; then
  echo "go: using $(command -v go) ($(go version))"
  exit 0
fi
echo "go: not found, installing Debian's golang-go package"
SUDO=""
if [[ "$(id -u)" != "0" ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq golang-go >/dev/null
# Debian puts the toolchain under /usr/lib/go/bin and links go and gofmt into /usr/bin.
command -v go && command -v gofmt
