#!/usr/bin/env bash
# Imports the colour emoji the desktop draws in messages (JavaFX cannot draw colour emoji fonts on Linux):
# Google's Noto Emoji images (Apache License 2.0) as one 32 px sprite sheet, from the npm package emoji-datasource-google,
# and an index "CODEPOINTS<TAB>COLUMN<TAB>ROW<TAB>SHORT_NAME" of every emoji and skin tone in it.
# Run from the repository root when moving to a newer Unicode emoji version; the results are committed.
set -euo pipefail
version="${1:-16.0.0}"
out=src/main/resources/emoji
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "emoji-datasource-google@$version" >/dev/null && tar xzf emoji-datasource-google-*.tgz)
cp "$work/package/img/google/sheets-256/32.png" "$out/sheet-32.png"
python3 - "$work/package/emoji.json" "$out/index.tsv" <<'PY'
import json, sys
emoji = json.load(open(sys.argv[1]))
rows = []
def add(key, e, name):
    if e.get("has_img_google"):
        rows.append((key, e["sheet_x"], e["sheet_y"], name))
for e in emoji:
    name = e["short_name"]
    add(e["unified"], e, name)
    # a bare code point without U+FE0F is drawn as emoji only where emoji presentation is its default
    nq = e.get("non_qualified")
    if nq and int(nq.split("-")[0], 16) >= 0x1F000:
        add(nq, e, name)
    for tone, variation in sorted(e.get("skin_variations", {}).items()):
        add(variation["unified"], variation, name)
with open(sys.argv[2], "w") as f:
    for key, x, y, name in sorted(set(rows)):
        f.write(f"{key}\t{x}\t{y}\t{name}\n")
PY
cp "$work/package/LICENSE" "$out/LICENSE-emoji-datasource.txt"
echo "emoji-datasource-google $version: $(wc -l < "$out/index.tsv") emoji in $out"
