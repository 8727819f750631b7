#!/usr/bin/env bash
# Hot-path benchmarks: BenchmarkDotNet (price + Greeks, IV, chain recompute) and QuantLib on the same options.
# Installs QuantLib (Debian libquantlib0-dev) if missing. Results: BenchmarkDotNet.Artifacts/ and stdout.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ ! -f /usr/include/ql/version.hpp ]; then
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq libquantlib0-dev >/dev/null; else sudo apt-get install -y -qq libquantlib0-dev >/dev/null; fi
fi

echo "== machine"
uname -sr; nproc; grep -m1 "model name" /proc/cpuinfo || true; dotnet --version

echo "== DeltaStream (BenchmarkDotNet)"
dotnet run -c Release --project DeltaStream.Benchmarks -- --filter '*' --exporters markdown
dotnet run -c Release --project DeltaStream.Benchmarks --no-build -- accuracy

echo "== QuantLib (same options; then its American engines, CPU time)"
build=$(mktemp -d)
g++ -O2 -std=c++17 quantlib/ql_bench.cpp -lQuantLib -o "$build/ql_bench"
"$build/ql_bench"
g++ -O2 -std=c++17 quantlib/ql_american.cpp -lQuantLib -o "$build/ql_american"
"$build/ql_american" "$build/american.csv"
dotnet run -c Release --project DeltaStream.Benchmarks --no-build -- american "$build/american.csv"
rm -rf "$build"
