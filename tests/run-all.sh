#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, unit and integration tests, the shipped
# site's own check, and the browser tests in headless Chromium. Installs what it needs on a
# Debian machine where it runs as root (Chromium, Node packages); elsewhere it says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if ! command -v cargo >/dev/null 2>&1; then
  echo "error: cargo is not installed. Install Rust with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

step "cargo fmt --check"
cargo fmt -- --check

step "cargo clippy"
cargo clippy --locked --all-targets -- -D warnings

step "cargo test"
cargo test --locked 2>&1 | tee -a "$log"

step "trellis check on the shipped site"
cargo run --locked --quiet -- check

if [ -f tests/browser/package.json ]; then
  step "browser tests (headless Chromium)"
  bash tests/browser/setup.sh
  cargo build --locked --quiet
  (cd tests/browser && node --test --test-reporter=spec --test-concurrency=1 ./*.test.mjs) 2>&1 | tee -a "$log"
fi

# One closing line for every runner above: cargo's "N passed" and node's "pass N" / "fail N".
awk '/test result: ok\./ { for (i = 1; i < NF; i++) if ($(i + 1) ~ /^passed/) p += $i }
     /^ℹ pass [0-9]+/ { p += $3 }
     /^ℹ fail [0-9]+/ { f += $3 }
     END { printf "\ntests: %d passed, %d failed\n", p, f }' "$log"
