#!/usr/bin/env bash
# Installs the MongoDB stand-in the tests use when no mongod is on PATH: CongoDB, the in-memory MongoDB
# wire-protocol server inside npm @push.rocks/smartmongo 2.2.0, patched by patch.mjs. A plain `npm install` of
# that package fails (an unpublished @push.rocks/lik version, and mongodb-memory-server downloads binaries), so
# this unpacks its tarball and installs only the six packages CongoDB imports, pinned in package.json.
# Idempotent: a finished install leaves a stamp naming the package and patch it was made from.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${DELTASTREAM_MONGO_STANDIN_DIR:-$here/../../artifacts/mongo-standin}"
package="@push.rocks/smartmongo@2.2.0"
stamp_text="$package $(sha256sum "$here/patch.mjs" "$here/package.json" | sha256sum | cut -c1-16)"

if [ -f "$target/.installed" ] && [ "$(cat "$target/.installed")" = "$stamp_text" ]; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "npm is needed for the MongoDB stand-in (apt-get install nodejs npm)" >&2; exit 1; }

rm -rf "$target"
mkdir -p "$target"
cp "$here/package.json" "$target/package.json"
(cd "$target" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
tarball_dir="$(mktemp -d)"
trap 'rm -rf "$tarball_dir"' EXIT
(cd "$tarball_dir" && npm pack "$package" --silent >/dev/null)
mkdir -p "$target/node_modules/@push.rocks/smartmongo"
tar -xzf "$tarball_dir"/*.tgz -C "$target/node_modules/@push.rocks/smartmongo" --strip-components=1
node "$here/patch.mjs" "$target/node_modules/@push.rocks/smartmongo/dist_ts/congodb"
echo "$stamp_text" > "$target/.installed"
