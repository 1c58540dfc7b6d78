#!/usr/bin/env bash
# Search at each corpus size (issue: Tìm kiếm): what the index adds to a
# build, its size, and a side-by-side with Pagefind on the same built site.
#
#   bench/search.sh                  # 1000 and 10000 articles, 3 rounds
#   BASE_REV=<commit> bench/search.sh 1000
#   BENCH_DIR=/dev/shm/cchc-bench bench/search.sh 10000   # in memory: no disk noise
#
# - build cost: `cchc build` at HEAD against the same command at BASE_REV
#   (the commit before the search index), interleaved; medians of wall time
#   and peak RSS (/usr/bin/time -v).
# - index: files and bytes under tim-kiem/i/, and all the files the build
#   writes (bench/compare.sh sets them against Hugo's).
# - Pagefind (npm package pagefind, pinned below) indexes the same articles
#   of the same build (--glob bai-viet/*/index.html: cchc indexes articles
#   and pages, not lists); its wall time and peak RSS, files and bytes.
# - queries: bench/searchcmp runs 30 queries through both engines in
#   headless Chromium (bytes transferred per query, what each finds).
set -euo pipefail
cd "$(dirname "$0")/.."
read -ra sizes <<< "${*:-1000 10000}"
rounds=${ROUNDS:-3}
work=${BENCH_DIR:-/tmp/cchc-bench}
gencorpus=${GENCORPUS:-../shared/bench/gencorpus}
base_rev=${BASE_REV:-9317571}
pagefind_version=1.6.0
mkdir -p "$work"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

go build -o "$work/cchc" ./cmd/cchc
rm -rf "$work/base-src"
git worktree add -f --detach "$work/base-src" "$base_rev" >/dev/null 2>&1
(cd "$work/base-src" && go build -o "$work/cchc-base" ./cmd/cchc)
git worktree remove --force "$work/base-src"
if [ ! -x "$work/pagefind/node_modules/.bin/pagefind" ]; then
  mkdir -p "$work/pagefind"
  (cd "$work/pagefind" && npm install --silent --no-audit --no-fund "pagefind@$pagefind_version" >/dev/null)
fi
pagefind=$work/pagefind/node_modules/.bin/pagefind
go build -o "$work/searchcmp" ./bench/searchcmp
echo "base: $base_rev   pagefind: $pagefind_version   cores: $(nproc)"

# run OUT CMD...: prints "seconds maxrss_kb".
run() {
  local out=$1; shift
  rm -rf "$out"; sync
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  cat "$work/time.txt"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { awk -v c="$1" '{print $c}'; }

for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  (cd "$gencorpus" && go run . -n "$n" -out "$corpus") >/dev/null
  site="$work/search-site-$n"
  base=() head=() pf=()
  for _ in $(seq "$rounds"); do
    base+=("$(run "$work/search-base" "$work/cchc-base" build -s "$corpus" -d "$work/search-base")")
    head+=("$(run "$site" "$work/cchc" build -s "$corpus" -d "$site")")
    rm -rf "$site/pagefind"
    pf+=("$(/usr/bin/time -f '%e %M' -o "$work/time.txt" "$pagefind" --site "$site" --glob 'bai-viet/*/index.html' >/dev/null 2>&1; cat "$work/time.txt")")
  done
  bw=$(printf '%s\n' "${base[@]}" | col 1 | median); br=$(printf '%s\n' "${base[@]}" | col 2 | median)
  hw=$(printf '%s\n' "${head[@]}" | col 1 | median); hr=$(printf '%s\n' "${head[@]}" | col 2 | median)
  pw=$(printf '%s\n' "${pf[@]}" | col 1 | median); pr=$(printf '%s\n' "${pf[@]}" | col 2 | median)
  printf '\n%d articles\n' "$n"
  printf '  cchc build without search %6.2f s %5d MB | with search %6.2f s %5d MB | search adds %5.2f s, %4d MB\n' \
    "$bw" $((br / 1024)) "$hw" $((hr / 1024)) "$(echo "$hw - $bw" | bc -l)" $(((hr - br) / 1024))
  printf '  pagefind index            %6.2f s %5d MB   (adds / pagefind: time %.3f, memory %.3f)\n' \
    "$pw" $((pr / 1024)) "$(echo "($hw - $bw) / $pw" | bc -l)" "$(echo "($hr - $br) / $pr" | bc -l)"
  printf '  index on disk: cchc %d files %s (of %d the build writes) | pagefind %d files %s\n' \
    "$(find "$site/tim-kiem/i" -type f | wc -l)" "$(du -sh "$site/tim-kiem/i" | cut -f1)" \
    "$(find "$site" -path "$site/pagefind" -prune -o -type f -print | wc -l)" \
    "$(find "$site/pagefind" -type f | wc -l)" "$(du -sh "$site/pagefind" | cut -f1)"
  "$work/searchcmp" -site "$site" -corpus "$corpus"
done
