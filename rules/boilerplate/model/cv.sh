#!/usr/bin/env bash
# Cross-validated figures of the line model through the real scorers: the labeled files are
# split into folds by file (GroupKFold, the same split as fit.py --cv) and copied into one
# folder a fold (the walker does not follow symlinks); each fold is audited by the binary
# with the model fitted without it (TEXTAUDIT_BOILERPLATE_MODEL), and the fold reports are
# merged and scored as one. Corpus rules (template) see one fold at a time.
#
# usage: cv.sh BINARY FEATURES.csv REAL_DIR WEB_DIR [FOLDS]
#   REAL_DIR and WEB_DIR hold files/ and labels.jsonl (../shared/eval/real, the unpacked web set)
set -euo pipefail
BIN=$(realpath "$1"); CSV=$(realpath "$2"); REAL=$(realpath "$3"); WEB=$(realpath "$4"); FOLDS=${5:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
SCORE=$(dirname "$REAL")
# CV_DIR reuses the fold models of an earlier run (fitting the page model is the slow part).
OUT=${CV_DIR:-$(mktemp -d)}
for k in $(seq 0 $((FOLDS - 1))); do
  [ -s "$OUT/model_$k.json" ] ||
    /usr/bin/python3 "$HERE/fit.py" "$CSV" "$OUT/model_$k.json" --fold "$k" --folds "$FOLDS" --test-files "$OUT/test_$k.txt" 2>/dev/null
  rm -rf "$OUT/real/$k" "$OUT/web/$k"
  for set in real web; do
    src=$REAL; [ "$set" = web ] && src=$WEB
    mkdir -p "$OUT/$set/$k"
    grep "^$set/" "$OUT/test_$k.txt" | cut -d/ -f2- | while read -r f; do cp "$src/files/$f" "$OUT/$set/$k/$f"; done
    TEXTAUDIT_BOILERPLATE_MODEL="$OUT/model_$k.json" "$BIN" audit --now 2026-12-03 --format json --min-severity warning \
      "$OUT/$set/$k" > "$OUT/$set/report_$k.json" || true
  done
done
for set in real web; do
  /usr/bin/python3 - "$OUT/$set" "$FOLDS" > "$OUT/$set.json" <<'EOF'
import json, sys
files = []
for k in range(int(sys.argv[2])):
    files += json.load(open(f"{sys.argv[1]}/report_{k}.json"))["files"]
print(json.dumps({"files": files}))
EOF
done
echo "== real (cross-validated, --min-severity warning)"
python3 "$SCORE/score.py" "$REAL/labels.jsonl" "$OUT/real.json" | sed -n '1,2p'
echo "== web (cross-validated)"
python3 "$SCORE/score_content.py" "$WEB/labels.jsonl" "$OUT/web.json" "$WEB/files"
echo "reports in $OUT"
