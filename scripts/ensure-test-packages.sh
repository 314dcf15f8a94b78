#!/usr/bin/env bash
# The tests use three Debian packages and never download anything at run time: `chromium`, driven
# by playwright-core for the browser tests; `poppler-utils` (pdftotext, pdfinfo, pdffonts,
# pdftoppm), which the print tests read PDFs with and the print worker renders previews with; and
# `redis-server`, the shared store the multi-instance tests start on a free port. The S3-compatible
# store the media tests start is moto's server, from PyPI (docs/deployment.md says why moto).
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
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if ! command -v moto_server >/dev/null 2>&1; then
  echo "ensure-test-packages: installing moto's S3 server from PyPI for the tests"
  python3 -m pip install --quiet --disable-pip-version-check 'moto[server]==5.2.5'
  # pyenv installs console scripts behind shims that exist only after a rehash.
  command -v pyenv >/dev/null 2>&1 && pyenv rehash
fi
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
