#!/usr/bin/env bash
# Remake docs/report-seed.png: the review report of the seed, as headless Chromium draws it.
# Needs Debian's chromium (apt-get install -y chromium). Run from anywhere: docs/report-screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
.venv/bin/studyfacts report seeds/000_b53d737dffa061d6.txt -o "$tmp/report.html" --quiet
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$tmp/profile" \
  --window-size=1280,1450 --screenshot="$PWD/docs/report-seed.png" "file://$tmp/report.html" 2>/dev/null
echo "wrote docs/report-seed.png"
