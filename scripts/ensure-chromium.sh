#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core (a test never downloads a
# browser). Installs the Debian package when it is missing; runs before `npm test` (pretest).
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: /usr/bin/chromium is missing and this is not a Debian-like system; install Chromium there by hand." >&2
  exit 1
fi
as_root=()
if [[ "$(id -u)" != "0" ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "ensure-chromium: /usr/bin/chromium is missing; run 'apt-get install chromium' as root." >&2
    exit 1
  fi
  as_root=(sudo)
fi
echo "ensure-chromium: installing Debian's chromium for the browser tests"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version
