#!/usr/bin/env bash
# Installs Debian's HAProxy for the load-balancer test and the fleet benchmark when it is
# missing (idempotent). Prints the path of the haproxy binary.
set -euo pipefail

find_haproxy() { command -v haproxy 2>/dev/null || { [ -x /usr/sbin/haproxy ] && echo /usr/sbin/haproxy; } || true; }

BIN="$(find_haproxy)"
if [ -z "$BIN" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-haproxy: haproxy is missing (run as root, or: sudo apt-get install haproxy)" >&2
    exit 1
  fi
  echo "ensure-haproxy: installing haproxy" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null
  # The package starts a system service on port 80 with its own configuration: this project runs its own.
  if command -v systemctl >/dev/null 2>&1; then systemctl disable --now haproxy >/dev/null 2>&1 || true; fi
  if command -v service >/dev/null 2>&1; then service haproxy stop >/dev/null 2>&1 || true; fi
  BIN="$(find_haproxy)"
  [ -n "$BIN" ] || { echo "ensure-haproxy: haproxy installed but not found" >&2; exit 1; }
fi
echo "$BIN"
