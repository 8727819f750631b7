#!/usr/bin/env bash
# Semantic search over the docs: all-MiniLM-L6-v2 embedding cost per chunk (batches of 1, 8, 32), the index build,
# query latency (p50/p99) and recall@3 over tests/Search.Tests/TestData/questions.json. Figures in BENCHMARKS.md.
# Usage: bash bench/search.sh [query-rounds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
echo "== machine"
uname -sr; nproc; grep -m1 "model name" /proc/cpuinfo || true; uptime
dotnet build bench/DeltaStream.SearchBench -c Release -nologo -v quiet
dotnet bench/DeltaStream.SearchBench/bin/Release/net10.0/DeltaStream.SearchBench.dll "${1:-20}"
