#!/bin/sh
# Replicates the benchmark corpus (/tmp/bench, ~24k files) into OUT until it holds N files,
# each copy renamed, so the duplicate family's corpus pass can be timed at 100,000 files:
#   rules/duplicate/scale/replicate.sh /tmp/bench /tmp/bench100k 100000
#   /usr/bin/time -v textaudit audit --format json /tmp/bench100k > /dev/null
# Copies of copies are exact duplicates by construction, so the run also exercises the
# worst case for retrieval (every paragraph has several partners).
set -eu
SRC=${1:-/tmp/bench}
OUT=${2:-/tmp/bench100k}
N=${3:-100000}
mkdir -p "$OUT"
i=0
round=0
while [ "$i" -lt "$N" ]; do
	for f in $(find "$SRC" -type f | sort); do
		[ "$i" -ge "$N" ] && break
		cp "$f" "$OUT/r${round}_$(printf %06d "$i").txt"
		i=$((i + 1))
	done
	round=$((round + 1))
done
echo "$i files in $OUT"
