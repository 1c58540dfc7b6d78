#!/usr/bin/env bash
# Clean build vs cached rebuild after changing one article, into a folder
# and into --zip, at each size (issue: build cache for CI). Medians of
# ROUNDS runs; compare only within one run (the machine is shared).
#
#   bench/cache.sh               # 1000 and 10000 articles, 3 rounds
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000}")
sizes=(${sizes[@]})
rounds=${ROUNDS:-3}
work=${BENCH_DIR:-/tmp/cchc-bench}
gencorpus=${GENCORPUS:-../shared/bench/gencorpus}
mkdir -p "$work"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
go build -o "$work/cchc" ./cmd/cchc

t() { /usr/bin/time -f '%e' -o "$work/t.txt" "$@" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }; cat "$work/t.txt"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in "${sizes[@]}"; do
  corpus="$work/cache-corpus-$n"
  (cd "$gencorpus" && go run . -n "$n" -out "$corpus") >/dev/null
  victim=$(ls "$corpus/content/bai-viet" | grep -v '^_' | sed -n 7p)
  for out in dir zip; do
    clean=() cached=()
    for r in $(seq "$rounds"); do
      rm -rf "$work/out" "$work/out.zip" "$work/cache"
      if [ $out = dir ]; then target=(-d "$work/out"); else target=(--zip "$work/out.zip"); fi
      clean+=("$(t "$work/cchc" build -s "$corpus" "${target[@]}" --future)")
      rm -rf "$work/out" "$work/out.zip"
      t "$work/cchc" build -s "$corpus" "${target[@]}" --future --cache "$work/cache" >/dev/null
      rm -rf "$work/out" "$work/out.zip"   # CI starts from a fresh clone: only the cache is kept
      printf '\nMột câu được thêm ở lần sửa %s.\n' "$r" >> "$corpus/content/bai-viet/$victim"
      cached+=("$(t "$work/cchc" build -s "$corpus" "${target[@]}" --future --cache "$work/cache")")
    done
    c=$(printf '%s\n' "${clean[@]}" | median); k=$(printf '%s\n' "${cached[@]}" | median)
    printf '%6d articles, %-3s: clean %6.2f s, cached after one edit %6.2f s, ratio %.2f (target < 0.25)   [clean: %s| cached: %s]\n' \
      "$n" "$out" "$c" "$k" "$(echo "$k / $c" | bc -l)" "${clean[*]} " "${cached[*]} "
  done
done
