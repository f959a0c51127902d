#!/usr/bin/env bash
# Performance of claimtrail on this machine, in one table (issue 12).
#
#   scripts/bench.sh                 # 10,000 and 100,000 articles, 1M-claim store
#   SMALL=1 scripts/bench.sh         # a quick run on small corpora
#
# It builds corpora from testdata by mutation (scripts/gencorpus), runs the
# stage benchmarks (go test -bench), then the CLI end to end, and the peers
# side by side: wc -w on the same bytes (the floor of reading the text), the
# npm package compromise finding quotations on the same texts (installed
# into a temporary folder), and go-diff's character diff (in the diff
# benchmarks). Needs Go, Node and npm; takes about 15 minutes in full.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

N1=${N1:-10000}
N2=${N2:-100000}
N3=${N3:-330000} # articles for a store of about a million claims
COUNT=${COUNT:-5}
if [[ -n "${SMALL:-}" ]]; then N1=500 N2=2000 N3=3000 COUNT=1; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
row() { printf '| %-58s | %18s | %s\n' "$1" "$2" "$3"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
now() { date +%s%N; }

echo "building…" >&2
go build -o "$work/claimtrail" ./cmd/claimtrail
ct="$work/claimtrail"
go run ./scripts/gencorpus -n "$N1" >"$work/c1.jsonl"
go run ./scripts/gencorpus -n "$N2" >"$work/c2.jsonl"
bytes1=$(wc -c <"$work/c1.jsonl")

echo "stage benchmarks…" >&2
go test -run '^$' -bench . -benchmem -count "$COUNT" ./text ./claims ./sources ./diff >"$work/bench.txt" 2>&1 || { cat "$work/bench.txt" >&2; exit 1; }

echo
echo "## claimtrail performance on $(nproc) cores ($(uname -m), $(go version | cut -d' ' -f3))"
echo
row "measure" "value" "note"
row "---" "---" "---"
# median of each benchmark over COUNT runs
awk '/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	for (i = 3; i <= NF; i++) { if ($(i) == "ns/op") ns[name] = ns[name] " " $(i-1); if ($(i) == "MB/s") mb[name] = mb[name] " " $(i-1); if ($(i) == "allocs/op") al[name] = $(i-1) }
}
function med(s,   n, a, i, j, t) { n = split(s, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }; return a[int((n + 1) / 2)] }
END { for (k in ns) { v = med(ns[k]); unit = "ns"; if (v > 1e6) { v = v / 1e6; unit = "ms" } else if (v > 1e3) { v = v / 1e3; unit = "µs" }
	extra = ""; if (k in mb) extra = sprintf("%.1f MB/s", med(mb[k])); printf "| %-58s | %14.2f %-3s | %s %s allocs\n", k, v, unit, extra, al[k] } }' "$work/bench.txt" | sort

echo "end to end…" >&2
t0=$(now); wc -w "$work/c1.jsonl" >/dev/null; t1=$(now)
row "wc -w, $N1 articles ($((bytes1 / 1024)) KiB)" "$(secs "$t0" "$t1") s" "the floor: reading the bytes"
t0=$(now); "$ct" extract --jobs 1 -f jsonl "$work/c1.jsonl" >/dev/null; t1=$(now)
one=$(secs "$t0" "$t1")
row "extract, $N1 articles, --jobs 1" "$one s" "$(awk -v b="$bytes1" -v s="$one" 'BEGIN { printf "%.1f MB/s", b / 1e6 / s }')"
t0=$(now); "$ct" extract --jobs "$(nproc)" -f jsonl "$work/c1.jsonl" >/dev/null; t1=$(now)
all=$(secs "$t0" "$t1")
row "extract, $N1 articles, --jobs $(nproc)" "$all s" "$(awk -v a="$one" -v b="$all" 'BEGIN { printf "%.2f× the one-core rate", a / b }')"

t0=$(now); "$ct" ingest -q --db "$work/s1.db" "$work/c1.jsonl" >/dev/null; t1=$(now)
s=$(secs "$t0" "$t1")
row "ingest into SQLite, $N1 articles" "$(awk -v n="$N1" -v s="$s" 'BEGIN { printf "%.0f articles/s", n / s }')" "$s s"
/usr/bin/time -f '%M' -o "$work/rss" "$ct" ingest -q --db "$work/s2.db" "$work/c2.jsonl" >/dev/null
row "ingest $N2 articles, peak memory" "$(awk '{ printf "%.0f MB", $1 / 1024 }' "$work/rss")" "streaming: the corpus is $(($(wc -c <"$work/c2.jsonl") / 1048576)) MiB"

echo "a store of about a million claims…" >&2
go run ./scripts/gencorpus -n "$N3" | "$ct" ingest -q --db "$work/s3.db" - >/dev/null
claims=$("$ct" claims --db "$work/s3.db" -f csv --all-versions 2>/dev/null | wc -l)
for q in 'claims --source Samir Haddad' 'search ميناء' 'search ministry'; do
	read -r -a args <<<"$q"
	cmdargs=("${args[0]}" --db "$work/s3.db" --limit 20)
	if [[ ${args[0]} == claims ]]; then cmdargs+=(--source "${args[*]:2}"); else cmdargs+=("${args[*]:1}"); fi
	"$ct" "${cmdargs[@]}" >/dev/null # warm
	t0=$(now)
	for _ in 1 2 3 4 5; do "$ct" "${cmdargs[@]}" >/dev/null; done
	t1=$(now)
	row "$q, store of $claims claims" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f ms", (b - a) / 5e6 }')" "a whole process: start, open, query, print"
done

echo "peer: compromise…" >&2
if command -v npm >/dev/null && (cd "$work" && npm install --silent --no-audit --no-fund compromise >/dev/null 2>&1); then
	read -r n q ms < <(node scripts/peer/quotes.mjs "$work" "$work/c1.jsonl")
	t0=$(now); "$ct" extract --jobs 1 -f jsonl "$work/c1.jsonl" >"$work/claims.jsonl"; t1=$(now)
	ours=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", (b - a) / 1e6 }')
	direct=$(grep -o '"type":"direct"' "$work/claims.jsonl" | wc -l)
	row "compromise .quotations(), $n articles" "$ms ms" "$q quoted spans, no speakers"
	row "claimtrail extract (whole pipeline), same texts" "$ours ms" "$direct direct claims with speakers; $(awk -v a="$ms" -v b="$ours" 'BEGIN { printf "%.1f×", a / b }') compromise's speed"
else
	row "compromise" "not measured" "npm install failed"
fi
