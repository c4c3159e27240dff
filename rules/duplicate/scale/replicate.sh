#!/bin/sh
# Replicates the benchmark corpus (/tmp/bench, ~24k files) into OUT until it holds N files,
# each copy renamed, so the duplicate family's corpus pass can be timed at 100,000 files:
#   rules/duplicate/scale/replicate.sh /tmp/bench /tmp/bench100k 100000
#   /usr/bin/time -v textaudit audit --format json /tmp/bench100k > /dev/null
# Copies of copies are exact duplicates by construction, so the run is a worst case for
# retrieval and verification (every paragraph has three or four partners).
set -eu
SRC=${1:-/tmp/bench}
OUT=${2:-/tmp/bench100k}
N=${3:-100000}
python3 - "$SRC" "$OUT" "$N" <<'PY'
import os, shutil, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs)
os.makedirs(out, exist_ok=True)
for i in range(n):
    shutil.copyfile(files[i % len(files)], os.path.join(out, "r%d_%06d.txt" % (i // len(files), i)))
print(n, "files in", out)
PY
