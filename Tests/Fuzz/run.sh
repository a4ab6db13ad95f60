#!/bin/sh
# Runs every libFuzzer target built by Tests/Fuzz/build.sh for SECONDS each (default 10), starting
# from the committed seeds in Tests/Fuzz/Corpus/<target>. What the search adds goes into
# .build/fuzz/corpus/<target> (kept between runs, never committed); a crashing input is written to
# .build/fuzz/artifacts/ and the script exits non-zero.
#
# Usage: Tests/Fuzz/run.sh [SECONDS]   (run from the package root)
set -u
SECONDS_EACH=${1:-10}
ROOT=$(pwd)
OUT=$ROOT/.build/fuzz
mkdir -p "$OUT/artifacts"
status=0
# Swift's own crash reporter would inspect the dying process under AddressSanitizer and bury the
# real report under a false one of its own; libFuzzer's stack trace is the one wanted.
export SWIFT_BACKTRACE=enable=no
for seeds in "$ROOT"/Tests/Fuzz/Corpus/*/; do
    name=$(basename "$seeds")
    work=$OUT/corpus/$name
    if [ ! -x "$OUT/$name" ]; then
        echo "fuzz: $name is not built; run Tests/Fuzz/build.sh" >&2
        status=1
        continue
    fi
    mkdir -p "$work"
    # -timeout: one input taking over 10 s is a hang. -rss_limit_mb: 2 GB is a leak or an
    # unbounded allocation (the readers' own limits are far below). -max_len: the inputs that
    # matter are short, and 64 KiB keeps each execution cheap.
    if "$OUT/$name" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$OUT/artifacts/$name-" -print_final_stats=1 "$work" "$seeds" >"$OUT/$name.log" 2>&1; then
        echo "fuzz: $name: $(grep -E '^stat::number_of_executed_units' "$OUT/$name.log" | awk '{print $2}') runs in ${SECONDS_EACH} s, no crash"
    else
        echo "fuzz: $name FAILED; the input is in $OUT/artifacts/, the log in $OUT/$name.log:" >&2
        grep -E 'ERROR|Fatal error|==[0-9]+==|SUMMARY' "$OUT/$name.log" | head -5 >&2
        status=1
    fi
done
exit $status
