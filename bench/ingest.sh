#!/usr/bin/env bash
# Ingest throughput through Redis into the grains: redis-server, one silo process (Release, feed off) and the load
# driver on this machine. Prints per-second samples and a steady-state line. Usage: bash bench/ingest.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-40}"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 6391)
command -v redis-server >/dev/null || { apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; }
dotnet build DeltaStream.sln -c Release -nologo -v quiet
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes >/dev/null
export ConnectionStrings__Redis="127.0.0.1:$port" DeltaStream__Feed__Enabled=false DeltaStream__Cluster__ClusterId="ingest-$port"
dotnet src/Silo/bin/Release/net10.0/DeltaStream.Silo.dll --urls http://127.0.0.1:8191 > /tmp/ingest-silo.log 2>&1 &
silo=$!
trap 'kill $silo 2>/dev/null; wait $silo 2>/dev/null; redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:8191/health/ready >/dev/null && break; sleep 1; done
dotnet bench/DeltaStream.IngestBench/bin/Release/net10.0/DeltaStream.IngestBench.dll "127.0.0.1:$port" http://127.0.0.1:8191/metrics "$silo" "$seconds"
echo "redis after the run: $(redis-cli -p "$port" ping 2>&1) $(redis-cli -p "$port" info memory | grep -m1 used_memory_human)"
