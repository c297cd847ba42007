#!/usr/bin/env bash
# Screenshots of the generated site as readers see it, in headless Chromium: the front page and one usage page
# (after mvn site, or mvn -Psite-check verify). Writes target/site-screenshots/*.png (not committed) and fails when
# a page is missing or a screenshot is empty. Usage: src/site/screenshots.sh [site folder] [output folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
site="${1:-target/site}"
out="${2:-target/site-screenshots}"
browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [ -z "$browser" ]; then
  echo "screenshots: no chromium on the PATH (Debian: apt-get install chromium); no screenshots taken" >&2
  exit 2
fi
mkdir -p "$out"
for page in index.html examples/carbon-cluster.html configure-cluster-mojo.html; do
  [ -f "$site/$page" ] || { echo "screenshots: $site/$page does not exist; run mvn site first" >&2; exit 1; }
  png="$out/$(echo "$page" | tr '/' '_' | sed 's/\.html$//').png"
  rm -f "$png"
  # --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start. A private profile folder, so
  # a running browser of the user is never touched; a timeout, so a hung renderer never hangs the build.
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$out/.profile" --window-size=1280,2000 --screenshot="$png" \
    "file://$(realpath "$site/$page")" >/dev/null 2>&1 || true
  size=$(stat -c %s "$png" 2>/dev/null || echo 0)
  if [ "$size" -lt 20000 ]; then
    echo "screenshots: $png is missing or nearly empty ($size bytes)" >&2
    exit 1
  fi
  echo "screenshots: $png ($size bytes)"
done
rm -rf "$out/.profile"
