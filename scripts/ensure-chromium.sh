#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (idempotent);
# playwright-core drives it, so no browser is downloaded by Playwright.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "ensure-chromium: /usr/bin/chromium is missing (run as root, or: sudo apt-get install chromium)" >&2
  exit 1
fi
echo "ensure-chromium: installing chromium"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
