#!/usr/bin/env bash
# Browser tests use Debian's Chromium (Playwright's own browser download is blocked here).
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests (about 30 s)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing: install it with 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH), then run npm test again." >&2
exit 1
