#!/usr/bin/env bash
# Builds the benchmark corpus (../shared/bench/gencorpus) at each size with
# cchc, Hugo (Debian's hugo package) and the bare goldmark+minify pass,
# interleaved, and prints the median wall time, pages per second and peak
# RSS of each, from /usr/bin/time -v, and the files each writes (creating
# files is much of a build's cost). Compare only within one run: the
# machine is shared and its disk is noisy.
#
#   bench/compare.sh               # 1000 and 10000 articles, 3 rounds
#   ROUNDS=5 bench/compare.sh 1000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000}")
sizes=(${sizes[@]})
rounds=${ROUNDS:-3}
work=${BENCH_DIR:-/tmp/cchc-bench}
gencorpus=${GENCORPUS:-../shared/bench/gencorpus}
mkdir -p "$work"

command -v hugo >/dev/null || { apt-get update -qq && apt-get install -y -qq hugo >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
go build -o "$work/cchc" ./cmd/cchc
go build -o "$work/barepass" ./bench/barepass
echo "hugo: $(hugo version | cut -d' ' -f1-2)   go: $(go version | cut -d' ' -f3)   cores: $(nproc)"

# measure OUT CMD...: runs CMD with an empty OUT, prints
# "seconds maxrss_kb html_files all_files".
measure() {
  local out=$1; shift
  rm -rf "$out"
  sync
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  echo "$(cat "$work/time.txt") $(find "$out" -name '*.html' | wc -l) $(find "$out" -type f | wc -l)"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  (cd "$gencorpus" && go run . -n "$n" -out "$corpus") >/dev/null
  declare -A wall rss pages files
  for tool in cchc hugo bare; do wall[$tool]=""; rss[$tool]=""; done
  for r in $(seq "$rounds"); do
    for tool in cchc hugo bare; do
      case $tool in
        cchc) res=$(measure "$work/out-cchc" "$work/cchc" build -s "$corpus" -d "$work/out-cchc" --future) ;;
        hugo) res=$(cd "$corpus" && measure "$work/out-hugo" hugo --minify --quiet -d "$work/out-hugo") ;;
        bare) res=$(measure "$work/out-bare" "$work/barepass" -s "$corpus" -d "$work/out-bare") ;;
      esac
      read -r s kb p f <<<"$res"
      wall[$tool]+="$s "; rss[$tool]+="$kb "; pages[$tool]=$p; files[$tool]=$f
    done
  done
  echo
  echo "== $n articles, median of $rounds rounds"
  printf '%-6s %9s %9s %10s %8s %8s\n' tool wall_s pages/s peak_MB pages files
  for tool in cchc hugo bare; do
    w=$(tr ' ' '\n' <<<"${wall[$tool]}" | grep . | median)
    m=$(tr ' ' '\n' <<<"${rss[$tool]}" | grep . | median)
    printf '%-6s %9.2f %9.0f %10.1f %8d %8d\n' "$tool" "$w" "$(echo "${pages[$tool]} / $w" | bc -l)" "$(echo "$m / 1024" | bc -l)" "${pages[$tool]}" "${files[$tool]}"
    eval "W_$tool=$w M_$tool=$m"
  done
  printf 'cchc/hugo wall %.2f (target <= 0.50), peak RSS %.2f (target <= 0.20); cchc/bare wall %.2f (target <= 1.50 at 10,000)\n' \
    "$(echo "$W_cchc / $W_hugo" | bc -l)" "$(echo "$M_cchc / $M_hugo" | bc -l)" "$(echo "$W_cchc / $W_bare" | bc -l)"
  printf 'cchc/hugo files %.2f (target <= 1.20): cchc %d, of which the search index %d; hugo %d\n' \
    "$(echo "${files[cchc]} / ${files[hugo]}" | bc -l)" "${files[cchc]}" "$(find "$work/out-cchc/tim-kiem/i" -type f | wc -l)" "${files[hugo]}"
  echo "all walls (s): cchc ${wall[cchc]}| hugo ${wall[hugo]}| bare ${wall[bare]}"
done
