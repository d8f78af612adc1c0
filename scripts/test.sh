#!/usr/bin/env bash
# Every test: lint, native Rust, wasm-bindgen-test in Node, the package in Node, the browser.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt / clippy"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown --features serde-boundary -- -D warnings

echo "== native Rust tests"
cargo test

echo "== wasm-bindgen-test (Node)"
cargo test --target wasm32-unknown-unknown --test wasm

echo "== Node tests of pkg/"
node --test tests/node/

echo "== browser tests (headless Chromium)"
node --test tests/browser/

echo "== fuzz seed replay"
bash scripts/fuzz.sh replay
