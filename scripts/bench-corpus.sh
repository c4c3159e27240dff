#!/usr/bin/env bash
# bench-corpus.sh: wall time and peak RSS of whole textaudit runs over a corpus, each as a ratio
# against `find DIR -type f -exec wc -w {} +` measured in the same run (the machine may be
# shared, so only same-run ratios mean anything). Every configuration runs ROUNDS times in
# turn with the baseline, and the median is printed.
#
#   scripts/bench-corpus.sh [-n ROUNDS] [-b BINARY] DIR [CONFIG...]
#
# CONFIG names: wc (always run), none (every rule disabled: read, decode, document model),
# boilerplate, spin, language, date, duplicate, provenance (only that family enabled), full.
# Runs do not use the result cache (--no-cache), except: cold (full, with an empty cache
# folder each time: the cost of filling it), warm (full, with a cache filled before the
# rounds) and warm1pct (full, on a copy of DIR whose cache is filled before the rounds; before
# each round 1 % of the copy's files, every hundredth, are edited: what a re-run after a few
# files changed costs).
# Default: none language date boilerplate duplicate spin full. NAME=BINARY runs that
# configuration with another binary, to compare two builds in the same run (A/B).
set -euo pipefail

rounds=3
bin=""
while getopts "n:b:" opt; do
	case $opt in
	n) rounds=$OPTARG ;;
	b) bin=$OPTARG ;;
	*) echo "usage: $0 [-n ROUNDS] [-b BINARY] DIR [CONFIG...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -lt 1 ]; then
	echo "usage: $0 [-n ROUNDS] [-b BINARY] DIR [CONFIG...]" >&2
	exit 2
fi
dir=$1
shift
configs=("$@")
if [ ${#configs[@]} -eq 0 ]; then
	configs=(none language date boilerplate duplicate spin full)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
	bin=$work/textaudit
	(cd "$(dirname "$0")/.." && go build -o "$bin" ./cmd/textaudit)
fi

# One config file per configuration; "full" uses an empty config so no .textaudit.yaml found
# upward from the working folder changes the run.
for c in "${configs[@]}"; do
	name=${c%%=*}
	case $name in
	full | cold | warm | warm1pct) : >"$work/$name.yaml" ;;
	none) printf 'disable: ["*"]\n' >"$work/$name.yaml" ;;
	*) printf 'disable: ["*"]\nenable: [%s]\n' "$name" >"$work/$name.yaml" ;;
	esac
done

# measure NAME CMD...: appends "wall rss_kb" to $work/NAME.
measure() {
	local name=$1
	shift
	/usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
		local rc=$?
		# textaudit exits 1 when a gate fails; there is no gate here, but tolerate it.
		if [ $rc -ne 1 ]; then
			cat "$work/stderr" >&2
			exit $rc
		fi
	}
	tail -n 1 "$work/time" >>"$work/$name"
}

# cacheFlags NAME BINARY: the cache flags of a configuration (none for a build without a cache).
cacheFlags() {
	"$2" audit --help 2>/dev/null | grep -q -- --no-cache || return 0
	case $1 in
	cold) rm -rf "$work/cold-cache" && echo --cache-dir "$work/cold-cache" ;;
	warm) echo --cache-dir "$work/warm-cache" ;;
	warm1pct) echo --cache-dir "$work/$3-cache" ;;
	*) echo --no-cache ;;
	esac
}

# target NAME INDEX: the folder a configuration audits (its own copy for warm1pct).
target() {
	if [ "$1" = warm1pct ]; then
		echo "$work/run$2-corpus"
	else
		echo "$dir"
	fi
}

# edit1pct FOLDER ROUND: appends a line of its own to every hundredth file (in path order,
# a different hundredth each round).
edit1pct() {
	find "$1" -type f | LC_ALL=C sort | awk -v r="$2" 'NR % 100 == r % 100' | while IFS= read -r f; do
		printf '\nUpdated in round %s of the benchmark: %s.\n' "$2" "$(basename "$f")" >>"$f"
	done
}

for i in "${!configs[@]}"; do
	c=${configs[$i]}
	name=${c%%=*}
	b=$bin
	[ "$c" != "$name" ] && b=${c#*=}
	case $name in
	warm)
		"$b" audit --config "$work/warm.yaml" --cache-dir "$work/warm-cache" --progress=false --format json --now 2026-11-23 "$dir" >/dev/null 2>&1 || true
		;;
	warm1pct)
		cp -r "$dir" "$work/run$i-corpus"
		"$b" audit --config "$work/warm1pct.yaml" --cache-dir "$work/run$i-cache" --progress=false --format json --now 2026-11-23 "$work/run$i-corpus" >/dev/null 2>&1 || true
		;;
	esac
done

for ((r = 1; r <= rounds; r++)); do
	measure wc find "$dir" -type f -exec wc -w {} +
	for i in "${!configs[@]}"; do
		c=${configs[$i]}
		name=${c%%=*}
		b=$bin
		if [ "$name" != "$c" ]; then
			b=${c#*=}
		fi
		[ "$name" = warm1pct ] && edit1pct "$work/run$i-corpus" "$r"
		# shellcheck disable=SC2046 # cacheFlags prints words meant to split
		measure "run$i" "$b" audit --config "$work/$name.yaml" $(cacheFlags "$name" "$b" "run$i") --progress=false --format json --now 2026-11-23 "$(target "$name" "$i")"
	done
done

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

wc_wall=$(awk '{print $1}' "$work/wc" | median)
printf '%-12s %9s %9s %8s   (median of %d; each round runs wc then every config)\n' config wall peakRSS "x wc" "$rounds"
printf '%-12s %8ss %7sMB %8s\n' wc "$wc_wall" "$(awk '{print $2}' "$work/wc" | median | awk '{printf "%.0f", $1/1024}')" 1.00
for i in "${!configs[@]}"; do
	c=${configs[$i]}
	wall=$(awk '{print $1}' "$work/run$i" | median)
	rss=$(awk '{print $2}' "$work/run$i" | median | awk '{printf "%.0f", $1/1024}')
	ratio=$(awk -v a="$wall" -v b="$wc_wall" 'BEGIN {printf "%.2f", a/b}')
	printf '%-12s %8ss %7sMB %8s\n' "$c" "$wall" "$rss" "$ratio"
done
