#!/usr/bin/env bash
# Rebuilds tests/fixtures/ from the texts in scripts/fixtures/ with real tools: headless Chromium
# (print to PDF), LibreOffice (DOCX export), pdfkit and the docx package, qpdf (encryption).
# The outputs are committed; run this only to change a fixture.  Usage: bash scripts/make-fixtures.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/tests/fixtures"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"

install_tools() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
  command -v qpdf >/dev/null || missing+=(qpdf)
  fc-list 2>/dev/null | grep -qi "liberation sans" || missing+=(fonts-liberation)
  [ ${#missing[@]} -eq 0 ] && return
  flock /tmp/apt.lock apt-get update
  if ! apt-cache show libreoffice-writer-nogui >/dev/null 2>&1; then
    missing=("${missing[@]/libreoffice-writer-nogui/libreoffice-writer}")
  fi
  DEBIAN_FRONTEND=noninteractive flock /tmp/apt.lock apt-get install -y --no-install-recommends "${missing[@]}"
}

pdf_from_html() { # html -> pdf through Chromium's print pipeline
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --user-data-dir="$WORK/chromium-profile" --no-pdf-header-footer \
    --print-to-pdf="$2" "file://$1" 2>"$WORK/chromium.log" || { cat "$WORK/chromium.log"; exit 1; }
}

docx_from_html() { # html -> docx through LibreOffice Writer's Word 2007 export
  soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to 'docx:MS Word 2007 XML' --outdir "$WORK/docx" "$1" >"$WORK/soffice.log" 2>&1 || { cat "$WORK/soffice.log"; exit 1; }
  cp "$WORK/docx/$(basename "${1%.html}").docx" "$2"
}

half_of() { head -c $(( $(stat -c %s "$1") / 2 )) "$1" >"$2"; }

install_tools
mkdir -p "$OUT"
npx tsx scripts/fixtures/generate.ts html "$WORK/html"

pdf_from_html "$WORK/html/resume.html" "$OUT/resume-chromium.pdf"
pdf_from_html "$WORK/html/cover-letter.html" "$OUT/cover-letter-chromium.pdf"
pdf_from_html "$WORK/html/five-pages.html" "$OUT/five-pages.pdf"
docx_from_html "$WORK/html/resume.html" "$OUT/resume-libreoffice.docx"
docx_from_html "$WORK/html/cover-letter.html" "$OUT/cover-letter-libreoffice.docx"
docx_from_html "$WORK/html/five-pages.html" "$OUT/five-pages.docx"
cp scripts/fixtures/resume.txt "$OUT/resume.txt"

npx tsx scripts/fixtures/generate.ts node "$OUT"

# Hostile and odd files.
qpdf --encrypt user-secret owner-secret 256 -- "$OUT/resume-chromium.pdf" "$OUT/encrypted.pdf"
half_of "$OUT/resume-chromium.pdf" "$OUT/truncated.pdf"
half_of "$OUT/resume-libreoffice.docx" "$OUT/truncated.docx"
cp /bin/true "$OUT/executable-renamed.pdf" && chmod 644 "$OUT/executable-renamed.pdf"  # a real ELF binary wearing a .pdf name
cp "$OUT/resume-libreoffice.docx" "$OUT/docx-named-as.pdf"  # a Word file wearing a .pdf name
: >"$OUT/empty.pdf"

too_big=$(find "$OUT" -maxdepth 1 -type f -size +200k)
if [ -n "$too_big" ]; then echo "fixtures over 200 KB: $too_big" >&2; exit 1; fi
ls -l "$OUT" | grep -v "^d"
