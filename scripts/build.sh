#!/usr/bin/env bash
# Builds the WebAssembly module into pkg/wasm/: cargo (size profile), wasm-bindgen (ES module glue),
# then wasm-opt -Oz from the npm package binaryen (it also drops the name section).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --lib --release --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir pkg/wasm --out-name openspecimen_validate --no-typescript \
  target/wasm32-unknown-unknown/release/openspecimen_validate.wasm
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  pkg/wasm/openspecimen_validate_bg.wasm -o pkg/wasm/openspecimen_validate_bg.wasm
ls -l pkg/wasm/openspecimen_validate_bg.wasm | awk '{ print "build: pkg/wasm/openspecimen_validate_bg.wasm " $5 " bytes" }'
