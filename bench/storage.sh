#!/usr/bin/env bash
# MongoDB storage figures: grain state writes/s, read-model inserts/s, history query p50/p99. Runs against
# DELTASTREAM_TEST_MONGO when set (a connection string), else against the test stand-in (scripts/mongo-standin),
# started here on a free loopback port and stopped after. Usage: bash bench/storage.sh [seconds per figure]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
dotnet build bench/DeltaStream.StorageBench -c Release -nologo -v quiet
if [ -n "${DELTASTREAM_TEST_MONGO:-}" ]; then
  target="$DELTASTREAM_TEST_MONGO"
else
  bash scripts/mongo-standin/install.sh
  coproc STANDIN { exec node scripts/mongo-standin/server.mjs --port 0; }
  trap 'kill "$STANDIN_PID" 2>/dev/null || true' EXIT
  read -r _ port <&"${STANDIN[0]}"
  target="mongodb://127.0.0.1:$port/deltastream_bench"
fi
dotnet bench/DeltaStream.StorageBench/bin/Release/net10.0/DeltaStream.StorageBench.dll "$target" "$seconds"
