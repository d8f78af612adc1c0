#!/usr/bin/env bash
# Builds the WebAssembly module into pkg/wasm/: cargo (size profile), wasm-bindgen (ES module glue),
# then wasm-opt from the npm package binaryen (it also drops the name section). On the opt-level "z"
# output, wasm-opt -O3 measured 2-6 % faster than -Oz and 0.1 KB smaller gzipped (0.6 KB larger raw;
# the budget is gzip), so -O3.
#   scripts/build.sh                  the package (pkg/wasm/)
#   scripts/build.sh serde-boundary   the serde-wasm-bindgen variant bench/boundary.mjs measures
#                                     (bench/build/serde-boundary/; never shipped)
set -euo pipefail
cd "$(dirname "$0")/.."

features=()
target_dir=target
out_dir=pkg/wasm
if [ "${1:-}" = serde-boundary ]; then
  features=(--features serde-boundary)
  target_dir=target/serde-boundary
  out_dir=bench/build/serde-boundary
fi

cargo build --lib --release --target wasm32-unknown-unknown --target-dir "$target_dir" "${features[@]}"
wasm-bindgen --target web --out-dir "$out_dir" --out-name openspecimen_validate --no-typescript \
  "$target_dir/wasm32-unknown-unknown/release/openspecimen_validate.wasm"
node_modules/.bin/wasm-opt -O3 --strip-debug --strip-producers \
  "$out_dir/openspecimen_validate_bg.wasm" -o "$out_dir/openspecimen_validate_bg.wasm"
ls -l "$out_dir/openspecimen_validate_bg.wasm" | awk '{ print "build: " $9 " " $5 " bytes" }'
