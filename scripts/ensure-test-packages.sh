#!/usr/bin/env bash
# The tests use two Debian packages and never download anything at run time: `chromium`, driven by
# playwright-core for the browser tests, and `poppler-utils` (pdftotext, pdfinfo, pdffonts,
# pdftoppm), which the print tests read PDFs with and the print worker renders previews with.
# Installs whichever is missing; runs before `npm test` (pretest).
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
for tool in pdftotext pdfinfo pdffonts pdftoppm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    missing+=(poppler-utils)
    break
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-test-packages: missing ${missing[*]} and this is not a Debian-like system; install them there by hand." >&2
  exit 1
fi
as_root=()
if [[ "$(id -u)" != "0" ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "ensure-test-packages: missing ${missing[*]}; run 'apt-get install ${missing[*]}' as root." >&2
    exit 1
  fi
  as_root=(sudo)
fi
echo "ensure-test-packages: installing Debian's ${missing[*]} for the tests"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
