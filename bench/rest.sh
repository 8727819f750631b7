#!/usr/bin/env bash
# REST chain snapshot under load with auth on: the gateway in embedded mode (Release, its own synthetic feed) with
# the rate limits raised for the run, and the .NET load driver on this machine (both share its cores).
# Usage: bash bench/rest.sh [seconds=30] [concurrency=32] [path] [options] (path "batch": POST /api/v1/pricing/batch)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
concurrency="${2:-32}"
source bench/lib.sh
port=$(free_port)
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
dotnet build src/Gateway -c Release -nologo -v quiet
dotnet build bench/DeltaStream.RestBench -c Release -nologo -v quiet
export DeltaStream__RateLimits__Api__PermitLimit=100000000 DeltaStream__RateLimits__SignIn__PermitLimit=1000 \
  DeltaStream__Cluster__SiloPort="$(free_port)" DeltaStream__Cluster__GatewayPort="$(free_port)" \
  DeltaStream__Auth__SigningKey="bench-signing-key-of-at-least-thirty-two-bytes-0123" Logging__LogLevel__Default=Warning
log=$(mktemp)
dotnet src/Gateway/bin/Release/net10.0/DeltaStream.Gateway.dll --urls "http://127.0.0.1:$port" > "$log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; kill -0 $gateway 2>/dev/null || { cat "$log"; exit 1; }; sleep 1; done
wait_settled $gateway
dotnet bench/DeltaStream.RestBench/bin/Release/net10.0/DeltaStream.RestBench.dll "http://127.0.0.1:$port" "$seconds" "$concurrency" "${@:3}"
