#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzzes the parsers (number, 156/5656 message, folding, numbering plan) with libFuzzer
# under AddressSanitizer (leaks included) and UndefinedBehaviorSanitizer for a bounded time.
#
#   tests/fuzz/run-fuzz.sh [SECONDS] [JOBS]      default 60 seconds, 1 job
#
# Builds a separate clang tree in _build-fuzz, starts from the committed corpus
# (tests/fuzz/corpus/seeds written by hand, tests/fuzz/corpus/found from earlier runs;
# never written to) plus what earlier local runs found (_build-fuzz/corpus), and exits
# non-zero on any crash, leak, UB report or failed check; the input that caused it is
# left in _build-fuzz/artifacts/. To add a run's finds to the committed corpus, minimised:
#   G_SLICE=always-malloc _build-fuzz/tests/fuzz/fuzz-parsers -merge=1 \
#     tests/fuzz/corpus/found _build-fuzz/corpus
set -eu
seconds=${1:-60}
jobs=${2:-1}
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${PHANANH_FUZZ_BUILD:-$top/_build-fuzz}

if ! command -v clang >/dev/null; then
  echo "run-fuzz: clang is needed (apt install clang)" >&2
  exit 2
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$top" -Dfuzzing=true -Dtests=true \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized
fi
meson compile -C "$build" tests/fuzz/fuzz-parsers

mkdir -p "$build/corpus" "$build/artifacts"
# GLib 2.74's slice allocator hides use-after-free from ASan.
export G_SLICE=always-malloc G_DEBUG=gc-friendly
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# With -jobs libFuzzer runs each job in a child whose output goes to fuzz-N.log in
# the current folder: only ask for that when more than one job is wanted.
parallel=
if [ "$jobs" -gt 1 ]; then
  parallel="-jobs=$jobs -workers=$jobs"
  cd "$build"
fi

status=0
# shellcheck disable=SC2086
"$build/tests/fuzz/fuzz-parsers" \
  -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 $parallel \
  -print_final_stats=1 -artifact_prefix="$build/artifacts/" \
  "$build/corpus" "$top/tests/fuzz/corpus/seeds" "$top/tests/fuzz/corpus/found" || status=$?

if [ "$status" -ne 0 ]; then
  echo "run-fuzz: the fuzzer found a problem (exit $status); see $build/artifacts/" >&2
fi
exit "$status"
