#!/usr/bin/env bash
# Installs the build into a temporary prefix, builds tests/package/consumer
# against find_package(morgue) and runs it on an index of the sample corpus.
#   check_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cmake -S "$source/tests/package/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/consumer" >/dev/null
"$tmp/prefix/bin/morgue-index" --quiet --db "$tmp/db" "$source/corpus/articles"
out=$("$tmp/consumer/consumer" "$tmp/db" bioluminescent)
echo "$out"
grep -q "<mark>" <<<"$out"
