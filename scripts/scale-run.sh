#!/usr/bin/env bash
# The scale-and-failure run (ScaleAndFailureRunTests) at a chosen length: Redis, the MongoDB server (or the stand-in),
# silos added up to three, then SIGTERM and SIGKILL while the feed writes; prints the report (also written to
# artifacts/scale-run.txt). Usage: bash scripts/scale-run.sh [ticks per symbol=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
command -v redis-server >/dev/null || { apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; }
if [ -z "${DELTASTREAM_TEST_MONGO:-}" ] && ! command -v mongod >/dev/null; then bash scripts/mongo-standin/install.sh; fi
mkdir -p artifacts
export DELTASTREAM_SCALE_TICKS="${1:-2000}" DELTASTREAM_SCALE_REPORT="$PWD/artifacts/scale-run.txt"
dotnet build DeltaStream.sln -c Release -nologo -v quiet
dotnet test --project tests/EndToEnd.Tests -c Release --no-build --filter-class "*ScaleAndFailureRunTests"
cat "$DELTASTREAM_SCALE_REPORT"
