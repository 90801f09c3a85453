#!/usr/bin/env bash
# Installs the Debian packages the test suite uses: Chromium and its driver for the browser tests,
# poppler-utils for reading generated PDFs, LibreOffice Writer (headless) and fontconfig for rendering the
# DOCX report the way LibreOffice users see it, and the two text extractors that read a PDF through its fonts'
# ToUnicode maps alone: pdfminer.six (python3-pdfminer) and pdf.js (libjs-pdf, run in Chromium). The tests point fontconfig at the bundled Sarabun fonts
# themselves (a generated fonts.conf), so no fonts are installed system-wide. Safe to run again; does nothing when all are present.
set -euo pipefail
packages=(chromium chromium-driver poppler-utils libreoffice-writer-nogui fontconfig python3-pdfminer libjs-pdf)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-test-deps: all present (${packages[*]})"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-test-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
