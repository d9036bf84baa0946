#!/usr/bin/env bash
# Instructions per operation, raw vs goalkit, for the in-memory benchmarks:
# deterministic where wall-clock time on a small shared machine is not.
# Needs valgrind (callgrind). Usage, from the repository root:
#   bash internal/benchkit/instructions.sh
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

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

echo "| benchmark (memory transport) | raw instructions/op | goalkit instructions/op | ratio |"
echo "|---|---|---|---|"
while read -r pkg bench n; do
	bin="$tmp/$(basename "$pkg").test"
	[ -x "$bin" ] || CGO_ENABLED=0 go test -c -o "$bin" "./$pkg"
	raw=$(per_op "$bin" "^${bench}\$/^memory\$/^raw\$" "$n")
	gk=$(per_op "$bin" "^${bench}\$/^memory\$/^goalkit\$" "$n")
	printf '| `%s` %s | %d | %d | %s |\n' "$pkg" "${bench//\$\/^//}" "$raw" "$gk" "$(awk "BEGIN {printf \"%.3fx\", $gk / $raw}")"
done <<'LIST'
internal/transport BenchmarkGetJSON$/^goals=1 200
internal/transport BenchmarkGetJSON$/^goals=25 100
goals BenchmarkList 100
goals BenchmarkCreate 200
giosg BenchmarkAllGoals 2
giosg BenchmarkCreateGoal 200
pagesense BenchmarkListGoals$/^goals=1 200
pagesense BenchmarkListGoals$/^goals=50 50
pagesense BenchmarkCreateGoal 200
LIST
