#!/usr/bin/env bash
# Instructions per operation, raw vs goalkit, for every paired benchmark
# (benchkit.Pair) over the in-memory transport: deterministic where
# wall-clock time on a small shared machine is not. Benchmarks are found,
# not listed: a new Pair is measured without editing this file.
# Needs valgrind (callgrind). Usage, from the repository root:
#   bash internal/benchkit/instructions.sh [package...]
# (default: every package with a paired benchmark).
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=(internal/transport goals triggers giosg pagesense)

# per_op BINARY PATTERN N: instructions per op, from runs at N and 2N (the
# difference cancels start-up). One P, no GC and no async preemption keep
# the count repeatable (within 0.5%).
per_op() {
	local count=()
	for n in "$3" $((2 * $3)); do
		count+=("$(GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 GOGC=off valgrind --tool=callgrind --callgrind-out-file=/dev/null \
			"$1" -test.run '^$' -test.bench "$2" -test.benchtime "${n}x" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')")
	done
	echo $(((count[1] - count[0]) / $3))
}

# anchored turns a benchmark name into an exact -test.bench pattern.
anchored() { local IFS=/; local parts=($1) out=(); for p in "${parts[@]}"; do out+=("^${p}\$"); done; echo "${out[*]}"; }

echo "| benchmark (memory transport) | raw instructions/op | goalkit instructions/op | ratio |"
echo "|---|---|---|---|"
for pkg in "${pkgs[@]}"; do
	bin="$tmp/$(basename "$pkg").test"
	CGO_ENABLED=0 go test -c -o "$bin" "./$pkg"
	# One short timed run finds the pairs (at the top level or one below,
	# as BenchmarkGetJSON/goals=1) and sizes N to ~20 ms of work.
	for pat in '/memory/raw$' '//memory/raw$'; do
		GOMAXPROCS=1 "$bin" -test.run '^$' -test.bench "$pat" -test.benchtime 20x
	done |
		sed -n 's|^\(Benchmark[^ \t]*\)/memory/raw[-0-9]*[ \t]*[0-9]*[ \t]*\([0-9.]*\) ns/op.*|\1 \2|p' |
		while read -r name ns; do
			n=$(awk "BEGIN {n = int(2e7 / $ns); if (n < 2) n = 2; if (n > 200) n = 200; print n}")
			raw=$(per_op "$bin" "$(anchored "$name/memory/raw")" "$n")
			gk=$(per_op "$bin" "$(anchored "$name/memory/goalkit")" "$n")
			printf '| `%s` %s | %d | %d | %s |\n' "$pkg" "$name" "$raw" "$gk" "$(awk "BEGIN {printf \"%.3fx\", $gk / $raw}")"
		done
done
