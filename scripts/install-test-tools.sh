#!/usr/bin/env bash
# Tools the integration tests run that must not enter the repository's own
# node_modules (TypeScript 7, TypeScript 6 with ts-patch 4): each goes
# into its own throw-away project under a cache folder. Prints `name=/folder`.
set -euo pipefail
cache="${TS_AUTOTRACE_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ts-autotrace-tools}"
install() {
  local name="$1"
  shift
  local dir="$cache/$name"
  if [ ! -f "$dir/.installed" ] || [ "$(cat "$dir/.installed")" != "$*" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    echo '{"private":true}' >"$dir/package.json"
    npm install --prefix "$dir" --no-audit --no-fund --no-package-lock --save-exact "$@" >&2
    echo "$*" >"$dir/.installed"
  fi
  echo "$name=$dir"
}
install ts7 typescript@7.0.2
install ts6 @typescript/typescript6@6.0.2 typescript@6.0.2 ts-patch@4.0.1
