#!/usr/bin/env bash
# The fuzz targets of fuzz/ (cargo-fuzz + libFuzzer), on the stable toolchain: RUSTC_BOOTSTRAP=1 lets
# stable take the nightly flags cargo-fuzz passes (-Z, sanitizer coverage).
#   scripts/fuzz.sh replay          every target over its seeds in fuzz/seeds/<target>/ once (CI, < 1 min
#                                   after the first build)
#   scripts/fuzz.sh run SECONDS     each target fuzzed for SECONDS, growing fuzz/corpus/<target>/ (ignored
#                                   by git); a crash, a hang (> 10 s on one input) or > 2 GB RSS stops that
#                                   target and leaves the input in fuzz/artifacts/<target>/
#   TARGETS="payload date" scripts/fuzz.sh run 300   only those targets
# Built without AddressSanitizer (--sanitizer none): the crate has no unsafe code outside the WASM
# allocator, which the native build does not compile, and the build is twice as fast.
# Without cargo-fuzz (scripts/setup.sh installs it), replay builds the same targets as plain libFuzzer
# binaries and runs them on the seed files.
set -euo pipefail
cd "$(dirname "$0")/.."

export RUSTC_BOOTSTRAP=1
all_targets="payload email date ip pattern"
targets=${TARGETS:-$all_targets}
mode=${1:-}
fuzz_flags=(--sanitizer none)

case "$mode" in
  replay)
    if cargo fuzz --version >/dev/null 2>&1; then
      (cd fuzz && cargo fuzz build "${fuzz_flags[@]}")
      for target in $targets; do
        echo "fuzz replay: $target ($(ls fuzz/seeds/$target | wc -l) seeds)"
        log=$(mktemp)
        if ! (cd fuzz && cargo fuzz run "${fuzz_flags[@]}" "$target" "seeds/$target" -- -runs=0 -timeout=10 \
          -rss_limit_mb=2048) >"$log" 2>&1; then
          cat "$log"
          rm -f "$log"
          echo "fuzz replay: $target FAILED on a seed"
          exit 1
        fi
        grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$log" | tail -1
        rm -f "$log"
      done
    else
      echo "fuzz replay: cargo-fuzz not installed; replaying with plain libFuzzer binaries"
      (cd fuzz && cargo build --release --bins)
      for target in $targets; do
        echo "fuzz replay: $target ($(ls fuzz/seeds/$target | wc -l) seeds)"
        if ! out=$(fuzz/target/release/"$target" -timeout=10 -rss_limit_mb=2048 fuzz/seeds/"$target"/* 2>&1); then
          echo "$out"
          echo "fuzz replay: $target FAILED on a seed"
          exit 1
        fi
        echo "$(grep -c '^Executed' <<<"$out") seeds executed"
      done
    fi
    ;;
  run)
    seconds=${2:?usage: scripts/fuzz.sh run SECONDS}
    failed=""
    (cd fuzz && cargo fuzz build "${fuzz_flags[@]}")
    for target in $targets; do
      mkdir -p fuzz/corpus/"$target" fuzz/target/logs
      log=fuzz/target/logs/"$target".log
      echo "fuzz run: $target for ${seconds}s (log: $log)"
      if (cd fuzz && cargo fuzz run "${fuzz_flags[@]}" "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1) >"$log" 2>&1; then
        status="ok"
      else
        status="FAILED"
        failed="$failed $target"
      fi
      runs=$(awk '/^stat::number_of_executed_units/ { print $2 }' "$log")
      done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
      echo "fuzz run: $target $status: ${runs:-?} inputs; ${done_line:-no DONE line}; corpus $(ls fuzz/corpus/$target | wc -l) files"
    done
    if [ -n "$failed" ]; then
      echo "fuzz run: findings in:$failed (inputs in fuzz/artifacts/, logs in fuzz/target/logs/)"
      exit 1
    fi
    ;;
  *)
    echo "usage: scripts/fuzz.sh replay | run SECONDS" >&2
    exit 2
    ;;
esac
