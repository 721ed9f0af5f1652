#!/usr/bin/env bash
# Tools the integration tests run that must not enter the repository's own
# node_modules (another TypeScript, other OpenTelemetry versions): each goes
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
install otel-api-1.3 @opentelemetry/api@1.3.0
install otel-api-1.10 @opentelemetry/api@1.10.0
install otel-sdk-3 @opentelemetry/api@1.10.0 @opentelemetry/sdk-trace@3.1.1 @opentelemetry/sdk-node@0.301.0
