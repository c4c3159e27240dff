#!/usr/bin/env bash
# Probes the spin rule's recall on articles spun with thesauri it does not use:
#   rules/spin/probe/run.sh BINARY SOURCE_DIR
# Generates two probes into a temporary folder (removed on exit) from SOURCE_DIR (clean
# articles, one per file, e.g. the BBC 2225 collection): mythes-en-us at replacement rate 0.3
# (half the articles spun end to end, the rest in one to three paragraphs) and Aiksaurus
# (Moby) at rate 0.5 (four in five spun end to end); runs BINARY with the spin family alone
# and prints each probe's score. Needs: apt-get install mythes-en-us libaiksaurus-1.2-data.
set -euo pipefail
bin=$1 src=$2
here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-python3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'disable: ["*"]\nenable: [spin]\n' >"$tmp/spin.yaml"
probe() {
	local name=$1; shift
	"$py" "$here/spin_probe.py" generate --source "$src" --out "$tmp/$name" "$@" >/dev/null
	# spun and clean copies apart, so spin.aligned-copy cannot pair a file with its source
	"$bin" audit --config "$tmp/spin.yaml" --format json "$tmp/$name/spun" >"$tmp/$name-spun.json" || true
	"$bin" audit --config "$tmp/spin.yaml" --format json "$tmp/$name/clean" >"$tmp/$name-clean.json" || true
	printf '%-10s ' "$name"
	"$py" "$here/spin_probe.py" score --out "$tmp/$name" --report "$tmp/$name-spun.json" --report "$tmp/$name-clean.json"
}
probe mythes --thesaurus mythes --rate 0.3 --whole 0.5 --seed 14
probe aiksaurus --thesaurus aiksaurus --rate 0.5 --whole 0.8 --seed 15
