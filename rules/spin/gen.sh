#!/usr/bin/env bash
# Regenerates model/bigram.bin, model/trigram.bin and model/synonyms.bin from Debian packages:
#   pocketsphinx-en-us (CMU Sphinx generic US English 3-gram model, BSD-2-Clause)
#   wordnet-base       (WordNet 3.0, WordNet 3.0 licence)
# Needs apt-get (run `apt-get update` once) and Go; not run at build or run time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download pocketsphinx-en-us wordnet-base >/dev/null)
for deb in "$tmp"/*.deb; do dpkg-deb -x "$deb" "$tmp/root"; done
cd "$here"
go run ./internal/gen \
  -lm "$tmp/root/usr/share/pocketsphinx/model/en-us/en-us.lm.bin" \
  -wordnet "$tmp/root/usr/share/wordnet" \
  -out model
