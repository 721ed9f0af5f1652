#!/usr/bin/env bash
# Regenerates test/exporters/jaeger-receiver/gen/ from the Jaeger IDL that jaeger-client ships.
#
# The generated JavaScript is committed, so CI and contributors need no Thrift compiler. Run this
# only after upgrading jaeger-client (or to check the committed code is what the compiler makes):
#
#   apt-get install -y thrift-compiler   # Debian/Ubuntu; the committed code came from 0.17.0
#   scripts/generate-jaeger-thrift.sh
#
# Why a separate compiler: the test receiver must decode what @opentelemetry/exporter-jaeger sends
# with code that shares nothing with the exporter's own encoder (jaeger-client uses thriftrw).
# Apache Thrift's compiler + the `thrift` npm runtime is an independent implementation.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
idl="$root/node_modules/jaeger-client/dist/src/jaeger-idl/thrift"
out="$root/test/exporters/jaeger-receiver/gen"

command -v thrift >/dev/null || { echo "thrift not found: apt-get install -y thrift-compiler" >&2; exit 1; }
[ -d "$idl" ] || { echo "missing $idl: run npm ci first" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
# agent.thrift includes jaeger.thrift and zipkincore.thrift; -r generates those too.
thrift -r --gen js:node -out "$out" "$idl/agent.thrift"
echo "generated into ${out#"$root/"}: $(cd "$out" && ls | tr '\n' ' ')"
