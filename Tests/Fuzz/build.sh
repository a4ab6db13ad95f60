#!/bin/sh
# Builds the libFuzzer targets of Tests/Fuzz/Harnesses into .build/fuzz (Linux; Swift's
# -sanitize=fuzzer). SwiftPM cannot link them (it renames an executable's entry point, which
# -parse-as-library never emits), so swiftc is driven directly, one module at a time, in the
# order the modules depend on each other; all of them are instrumented (coverage and
# AddressSanitizer), so the search sees every branch of the code under test.
#
# Usage: Tests/Fuzz/build.sh [SWIFTC]   (run from the package root)
set -eu
SWIFTC=${1:-swiftc}
ROOT=$(pwd)
OUT=$ROOT/.build/fuzz
mkdir -p "$OUT/include/CKernels" "$OUT/ckernels"

# Nothing to do when no source changed since the last build.
if [ -f "$OUT/.built" ] && [ -z "$(find Sources labs Tests/Fuzz/Harnesses -newer "$OUT/.built" \( -name '*.swift' -o -name '*.c' -o -name '*.h' \) | head -1)" ]; then
    echo "fuzz: targets are up to date"
    exit 0
fi

# -O: instrumented -Onone code runs ~10× slower, and the search wants executions per second.
FLAGS="-O -sanitize=fuzzer,address -parse-as-library -I $OUT -I $OUT/include/CKernels
       -I $ROOT/Sources/COpenBLAS -I $ROOT/Sources/CZlib -I $ROOT/Sources/CLibPNG -I $ROOT/Sources/CLibDeflate"

# SwiftPM writes a module map for a C target with an include/ folder; swiftc needs one written out.
cat > "$OUT/include/CKernels/module.modulemap" <<MAP
module CKernels { header "$ROOT/Sources/CKernels/include/CKernels.h" export * }
MAP
for c in "$ROOT"/Sources/CKernels/*.c; do
    clang -O2 -c -I "$ROOT/Sources/CKernels/include" "$c" -o "$OUT/ckernels/$(basename "$c" .c).o"
done

# module name, then its source folder
build_module() {
    echo "fuzz: compiling $1"
    # shellcheck disable=SC2046,SC2086
    $SWIFTC $FLAGS -wmo -module-name "$1" -emit-module -emit-module-path "$OUT/$1.swiftmodule" \
        -c $(find "$ROOT/$2" -name '*.swift' | sort) -o "$OUT/$1.o"
}
build_module NNEngine Sources/NNEngine
build_module NNFiles Sources/NNFiles
build_module NNRender Sources/NNRender
build_module NNImage Sources/NNImage
build_module Grading labs/grading

LIBS="$OUT/NNEngine.o $OUT/NNFiles.o $OUT/NNRender.o $OUT/NNImage.o $OUT/Grading.o $OUT/ckernels/*.o
      -lopenblas -llapacke -lz -lpng16 -ldeflate"
for harness in "$ROOT"/Tests/Fuzz/Harnesses/*.swift; do
    name=$(basename "$harness" .swift)
    echo "fuzz: linking $name"
    # shellcheck disable=SC2086
    $SWIFTC $FLAGS "$harness" $LIBS -o "$OUT/$name"
done
touch "$OUT/.built"
