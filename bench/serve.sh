#!/usr/bin/env bash
# Live-preview latency: the time from writing an article to the reload
# message reaching a connected client, for `cchc serve` (server-sent
# events) and `hugo server` (livereload websocket), on the generated
# corpus (../shared/bench/gencorpus); then, in headless Chromium showing
# the article, the time from the write to the edit's text on screen
# (write→screen), which counts the page's reload or in-place update too.
# Each server gets EDITS edits of the same article, one at a time;
# bench/servelatency prints the median and the 90th percentile. Hugo's own
# "Total in N ms" lines are summarised too.
#
#   bench/serve.sh               # 1000 and 10000 articles, 20 edits each
#   EDITS=10 bench/serve.sh 1000
#   SAMPLE=1 bench/serve.sh 1000 # also cchc on testdata/sample, in Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000}")
sizes=(${sizes[@]})
edits=${EDITS:-20}
work=${BENCH_DIR:-/tmp/cchc-bench}
gencorpus=${GENCORPUS:-../shared/bench/gencorpus}
mkdir -p "$work"

command -v hugo >/dev/null || { apt-get update -qq && apt-get install -y -qq hugo >/dev/null; }
go build -o "$work/cchc" ./cmd/cchc
go build -o "$work/servelatency" ./bench/servelatency
echo "hugo: $(hugo version | cut -d' ' -f1-2)   go: $(go version | cut -d' ' -f3)   cores: $(nproc)"

pid=""
stop() { if [ -n "$pid" ]; then kill -INT "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap stop EXIT

# wait_for FILE PATTERN: until the server's log shows PATTERN (at most 10 min).
wait_for() {
  for _ in $(seq 6000); do
    grep -q "$2" "$1" && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$1" >&2; return 1; }
    sleep 0.1
  done
  echo "timed out waiting for '$2' in $1" >&2; return 1
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# browser PAGE_URL EVENTS_FLAG EVENTS_URL FILE: write→event and write→screen.
browser() {
  "$work/servelatency" -page "$1" "$2" "$3" -file "$4" -n "$edits" | sed 's/^/             /'
}

if [ -n "${SAMPLE:-}" ]; then
  rm -rf "$work/sample" && cp -r testdata/sample "$work/sample"
  echo
  echo "== testdata/sample, $edits edits of content/bai-viet/cai-thien-chi-so-papi.md"
  "$work/cchc" serve -s "$work/sample" --port 18131 >"$work/serve-cchc.log" 2>"$work/serve-cchc.err" &
  pid=$!
  wait_for "$work/serve-cchc.log" 'Xem thử tại'
  url=$(grep -m1 'Xem thử tại' "$work/serve-cchc.log" | grep -o 'http://[^ ]*')
  echo "cchc serve   in Chromium:"
  browser "${url}bai-viet/cai-thien-chi-so-papi/" -sse "${url}_cchc/events" "$work/sample/content/bai-viet/cai-thien-chi-so-papi.md"
  stop
fi

for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  (cd "$gencorpus" && go run . -n "$n" -out "$corpus") >/dev/null
  article=$(find "$corpus/content/bai-viet" -name '*.md' ! -name '_index.md' | sort | sed -n 1p)
  echo
  echo "== $n articles, $edits edits of ${article#"$corpus"/}"

  "$work/cchc" serve -s "$corpus" --port 18131 >"$work/serve-cchc.log" 2>"$work/serve-cchc.err" &
  pid=$!
  wait_for "$work/serve-cchc.log" 'Xem thử tại'
  url=$(grep -m1 'Xem thử tại' "$work/serve-cchc.log" | grep -o 'http://[^ ]*')
  printf 'cchc serve   first build: %s\n' "$(sed -n 1p "$work/serve-cchc.log")"
  printf 'cchc serve   write→reload: '
  "$work/servelatency" -sse "${url}_cchc/events" -file "$article" -n "$edits"
  echo "cchc serve   in Chromium:"
  browser "${url}bai-viet/$(basename "$article" .md)/" -sse "${url}_cchc/events" "$article"
  stop

  (cd "$corpus" && exec hugo server --bind 127.0.0.1 --port 18132 --buildFuture >"$work/serve-hugo.log" 2>&1) &
  pid=$!
  wait_for "$work/serve-hugo.log" 'Web Server is available'
  printf 'hugo server  first build: %s\n' "$(grep -m1 'Built in' "$work/serve-hugo.log" || true)"
  printf 'hugo server  write→reload: '
  hpath=$(grep -m1 -o 'http://localhost:18132/[^ ]*' "$work/serve-hugo.log" | sed 's|http://localhost:18132||')
  "$work/servelatency" -ws "ws://127.0.0.1:18132${hpath}livereload" -file "$article" -n "$edits"
  echo "hugo server  in Chromium:"
  browser "http://localhost:18132${hpath}bai-viet/$(basename "$article" .md)/" -ws "ws://127.0.0.1:18132${hpath}livereload" "$article"
  stop
  totals=$(grep -o 'Total in [0-9]* ms' "$work/serve-hugo.log" | awk '{print $3}' || true)
  if [ -n "$totals" ]; then
    printf 'hugo server  printed rebuild times: median %s ms over %s rebuilds\n' "$(median <<<"$totals")" "$(wc -l <<<"$totals")"
  fi
done
