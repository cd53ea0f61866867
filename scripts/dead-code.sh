#!/usr/bin/env bash
# Finds code the app itself never uses. The library is built for the browser with
# `--cfg waypoint_dead_code`, which makes every module crate-private except the two
# entries (src/lib.rs), so the compiler's dead-code warnings name whatever only the
# tests reach. Those the tests need on purpose are listed, each with its reason, in
# tests/dead_code_allowed.txt; anything else fails, and so does a listed item that is
# no longer reported (so the list stays true).
set -euo pipefail
cd "$(dirname "$0")/.."
allowed=tests/dead_code_allowed.txt
found=$(cargo rustc --quiet --lib --target wasm32-unknown-unknown --profile check --locked \
    -- --cfg waypoint_dead_code 2>&1 |
  awk '/^warning: .*never (used|read|constructed)/ { sub(/^warning: /, ""); what = $0; next }
       what != "" && /-->/ { sub(/:[0-9]+:[0-9]+$/, "", $2); print $2 ": " what; what = "" }' |
  sort -u)
listed=$(sed -e 's/[[:space:]]*#.*$//' -e '/^[[:space:]]*$/d' "$allowed" | sort -u)
new=$(comm -23 <(printf '%s\n' "$found") <(printf '%s\n' "$listed") | sed '/^$/d')
gone=$(comm -13 <(printf '%s\n' "$found") <(printf '%s\n' "$listed") | sed '/^$/d')
status=0
if [ -n "$new" ]; then
  echo "Code the app never uses (remove it, use it, or list it with a reason in $allowed):"
  printf '  %s\n' "$new"
  status=1
fi
if [ -n "$gone" ]; then
  echo "Listed in $allowed but no longer unused (take it off the list):"
  printf '  %s\n' "$gone"
  status=1
fi
[ "$status" = 0 ] && echo "dead code: none beyond the $(printf '%s\n' "$listed" | wc -l) items the tests need ($allowed)"
exit "$status"
