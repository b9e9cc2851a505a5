#!/usr/bin/env bash
# Renders the ground-truth resumes in resumes/*.json to HTML + TXT (render.ts), prints the HTML to
# PDF with headless Chromium and converts it to DOCX with LibreOffice, into tests/fixtures/import/.
# Needs: chromium, libreoffice-writer (apt-get install -y --no-install-recommends chromium libreoffice-writer).
#   build.sh              resumes/*.json -> tests/fixtures/import/
#   build.sh --holdout    holdout/*.json -> tests/fixtures/import-holdout/ (the held-out set, never tuned on)
#   build.sh --holdout2   holdout2/*.json -> tests/fixtures/import-holdout2/ (held-out set 2, written after the second parser round)
#   build.sh --holdout3   holdout3/*.json -> tests/fixtures/import-holdout3/ (held-out set 3, written after the third parser round)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
set_name="resumes"
out="$root/tests/fixtures/import"
case "${1:-}" in
  "") ;;
  --holdout) set_name="holdout"; out="$root/tests/fixtures/import-holdout" ;;
  --holdout2) set_name="holdout2"; out="$root/tests/fixtures/import-holdout2" ;;
  --holdout3) set_name="holdout3"; out="$root/tests/fixtures/import-holdout3" ;;
  *) echo "usage: $0 [--holdout | --holdout2 | --holdout3]" >&2; exit 2 ;;
esac
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in chromium soffice; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y --no-install-recommends chromium libreoffice-writer" >&2; exit 1; }
done

mkdir -p "$out"
(cd "$root" && npx tsx "$here/render.ts" "$work/html" "$set_name")

for html in "$work"/html/*.html; do
  id="$(basename "$html" .html)"
  # A private profile dir keeps parallel Chromium runs (other sessions) from sharing a lock.
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --user-data-dir="$work/chromium" --no-pdf-header-footer \
    --print-to-pdf="$out/$id.pdf" "file://$html" 2>/dev/null
  cp "$work/html/$id.txt" "$out/$id.txt"
done

# One LibreOffice run converts all files; its own profile avoids clashing with another soffice.
soffice -env:UserInstallation="file://$work/lo-profile" --headless \
  --infilter="HTML (StarWriter)" --convert-to "docx:MS Word 2007 XML" --outdir "$out" "$work"/html/*.html >/dev/null

too_big=0
for f in "$out"/*.pdf "$out"/*.docx; do
  size=$(stat -c %s "$f")
  if [ "$size" -ge 153600 ]; then echo "too big (>150 KB): $f ($size bytes)" >&2; too_big=1; fi
done
ls -l "$out"
exit "$too_big"
