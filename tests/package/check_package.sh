#!/usr/bin/env bash
# Installs the build into a temporary prefix, builds tests/package/consumer
# against find_package(morgue) and runs it on an index of the sample corpus:
# a search through morgue::core, and the HTTP service through morgue::http.
#   check_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
# Every installed header compiles on its own against the installed tree, so
# none includes a header that stayed behind in common/src.
for header in "$tmp"/prefix/include/morgue/*.h; do
  echo "#include <morgue/${header##*/}>" |
    "${CXX:-c++}" -std=c++20 -fsyntax-only -I "$tmp/prefix/include" -x c++ - ||
    { echo "installed header ${header##*/} does not compile alone" >&2; exit 1; }
done
cmake -S "$source/tests/package/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/consumer" >/dev/null
"$tmp/prefix/bin/morgue-index" --quiet --db "$tmp/db" "$source/corpus/articles"
out=$("$tmp/consumer/consumer" "$tmp/db" bioluminescent)
echo "$out"
grep -q "<mark>" <<<"$out"
# The search API alone does not bring in the HTTP library.
if ldd "$tmp/consumer/consumer" | grep -q httplib; then
  echo "consumer (morgue::core only) links cpp-httplib" >&2
  exit 1
fi
# The service: port 0 picks a free port, which the log names.
"$tmp/consumer/serve_consumer" "$tmp/db" 0 2>"$tmp/serve.log" &
server=$!
for _ in $(seq 100); do
  grep -q "listening on" "$tmp/serve.log" && break
  sleep 0.05
done
port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.log")
[ -n "$port" ] || { cat "$tmp/serve.log" >&2; exit 1; }
health=$(python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())' \
  "http://127.0.0.1:$port/healthz")
echo "$health"
grep -q '"status":"ok"' <<<"$health"
kill "$server"
wait "$server"
server=""
