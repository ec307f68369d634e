#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100, the last release on Node 20) into .cache/code-server/
# for the end-to-end suite (test/e2e). Follows shared/notes/real-vscode.md: code-server's own install
# scripts download binaries from GitHub, which this network refuses, so they are replaced by the steps
# below. Idempotent: a finished install leaves a marker, and a second run only checks it.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=4.100.3
DIR="${MOAT_CODE_SERVER_DIR:-$PWD/.cache/code-server}"
MARKER="$DIR/.installed-$VERSION"
VSCODE="$DIR/node_modules/code-server/lib/vscode"
# The files the steps produce; all must be there for the cached install to count.
REQUIRED=(
  "$DIR/node_modules/code-server/out/node/entry.js"
  "$VSCODE/node_modules/node-pty/build/Release/pty.node"
  "$VSCODE/node_modules/@vscode/spdlog/build/Release/spdlog.node"
  "$VSCODE/node_modules/kerberos/build/Release/kerberos.node"
  "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
)

installed() {
  [ -f "$MARKER" ] || return 1
  local f
  for f in "${REQUIRED[@]}"; do [ -e "$f" ] || return 1; done
}

if installed; then echo "code-server $VERSION: cached in $DIR"; exit 0; fi

mkdir -p "$DIR"
# Two runs at once (two terminals, a test and CI) would corrupt the same node_modules.
exec 9>"$DIR.lock"
flock 9
if installed; then echo "code-server $VERSION: cached in $DIR"; exit 0; fi
start=$SECONDS

# Native modules need headers (kerberos: libkrb5; native-keymap: libxkbfile; keytar: libsecret);
# Debian's ripgrep replaces the binary @vscode/ripgrep would download; chromium drives the tests.
PACKAGES=(build-essential pkg-config python3 libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # The package lists may be stale or absent on a fresh machine: update only when the install fails.
  apt_install() { apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}"; }
  apt_install || { apt-get update -o DPkg::Lock::Timeout=300 && apt_install; }
fi

# npm_config_yes: node-pty's script runs `npx node-gyp`, which would otherwise ask (no terminal in CI).
export npm_config_yes=true
cd "$DIR"
[ -f package.json ] || echo '{"private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION"
(cd node_modules/argon2 && npx --yes node-pre-gyp install --fallback-to-build)

cd "$VSCODE"
npm install --no-audit --no-fund --omit=dev --ignore-scripts
npm rebuild kerberos @parcel/watcher @vscode/deviceid @vscode/spdlog native-watchdog node-pty
mkdir -p node_modules/@vscode/ripgrep/bin && cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
# VS Code's server looks its modules up in node_modules.asar, which only the packaged desktop app has.
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts)

for f in "${REQUIRED[@]}"; do [ -e "$f" ] || { echo "install-code-server: missing $f" >&2; exit 1; }; done
# @parcel/watcher comes prebuilt from npm (no build/ folder): loading each native module proves them all.
node -e 'for (const m of process.argv.slice(1)) require(m)' kerberos @parcel/watcher @vscode/deviceid @vscode/spdlog native-watchdog node-pty
date -u +%FT%TZ > "$MARKER"
echo "code-server $VERSION: installed in $DIR in $((SECONDS - start)) s"
