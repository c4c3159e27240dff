#!/usr/bin/env bash
# Regenerates lists/*.txt from the npm package stopwords-iso (MIT licence,
# https://github.com/stopwords-iso/stopwords-iso). Needs node and npm; not run at build time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent stopwords-iso@1.1.0 >/dev/null && tar xzf stopwords-iso-1.1.0.tgz)
node -e '
const fs = require("fs");
const d = JSON.parse(fs.readFileSync(process.argv[1] + "/package/stopwords-iso.json", "utf8"));
const langs = process.argv[3].split(",");
for (const l of langs) {
  const words = [...new Set(d[l].map(w => w.toLowerCase().trim()).filter(w => w && !/[0-9_]/.test(w)))].sort();
  fs.writeFileSync(process.argv[2] + "/lists/" + l + ".txt", words.join("\n") + "\n");
}' "$tmp" "$here" "af,ar,bg,ca,cs,da,de,el,en,es,et,eu,fa,fi,fr,ga,gl,he,hr,hu,id,it,la,lt,lv,ms,nl,no,pl,pt,ro,ru,sk,sl,so,sv,sw,tl,tr,uk,vi"
