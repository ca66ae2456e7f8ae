#!/usr/bin/env bash
# Runs on the GPU machine, from the repository root, with carry ["tmp/gpu-check"] (built by
# scripts/gpu-check/build.sh): unpacks the carried Node binary and Dawn, points the Vulkan loader at the NVIDIA ICD,
# and trains the fixed benchmark model on webgpu (Dawn's Vulkan backend), wasm and cpu, each in its own process
# with its own timeout, then at batch 32 on webgpu and wasm. Writes $OUT/gpu-train.json (one JSON line, merged) and
# $OUT/gpu-train.log, and prints both.
# Exit status: 0 all ran; 2 no GPU adapter (the wasm/cpu figures are still reported); 1 anything else failed.
# Local use (no GPU): OUT=/tmp/gpu-out bash scripts/gpu-check/run.sh [--allow-software]
# Env: GPU_CHECK_STEPS (4), GPU_CHECK_LARGE_BATCH (32; 0 skips), GPU_CHECK_T_WEBGPU (150 s), GPU_CHECK_T_WASM (60),
#      GPU_CHECK_T_CPU (90), GPU_CHECK_T_LARGE (60), GPU_CHECK_DIR (/tmp/alinea-gpu-check: where it unpacks).
set -uo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)/tmp/gpu-check
WORK=${GPU_CHECK_DIR:-/tmp/alinea-gpu-check}
OUT=${OUT:-$WORK/out}
STEPS=${GPU_CHECK_STEPS:-4}
LARGE=${GPU_CHECK_LARGE_BATCH:-32}
EXTRA=()
[ "${1:-}" = "--allow-software" ] && EXTRA+=(--allow-software)
mkdir -p "$OUT"
LOG=$OUT/gpu-train.log
: >"$LOG"
say() { echo "$*" | tee -a "$LOG"; }
die() { say "gpu-check: $*"; exit 1; }

[ -f "$SRC/gpu-train.mjs" ] || die "missing $SRC/gpu-train.mjs: run scripts/gpu-check/build.sh and carry [\"tmp/gpu-check\"]"
rm -rf "$WORK/run" "$WORK/res" && mkdir -p "$WORK/run" "$WORK/res" || die "cannot write $WORK"
cp -r "$SRC/." "$WORK/run/"
cd "$WORK/run" || die "cannot enter $WORK/run"
if command -v sha256sum >/dev/null; then sha256sum --quiet -c SHA256SUMS >>"$LOG" 2>&1 || die "tmp/gpu-check is damaged (sha256sum -c SHA256SUMS failed)"; fi

unxz_to() { # $1: file.xz, $2: target
  if command -v xz >/dev/null; then xz -dc "$1" >"$2"
  elif command -v python3 >/dev/null; then python3 -c 'import lzma,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2],"wb"))' "$1" "$2"
  else return 1; fi && rm -f "$1"
}
unxz_to node.xz node || die "cannot unpack node.xz (neither xz nor python3 here)"
unxz_to dist/linux-x64/dawn.node.xz dist/linux-x64/dawn.node || die "cannot unpack dawn.node.xz"
chmod +x node
NODE_V=$(./node --version 2>&1) || die "the carried node does not run: $NODE_V"

# Vulkan: the machine's loader if it has one, else the carried one; the NVIDIA ICD only (no lavapipe, no EGL).
if ldconfig -p 2>/dev/null | grep -q 'libvulkan\.so\.1 '; then VK_LOADER=system
else VK_LOADER=carried; export LD_LIBRARY_PATH=$WORK/run/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}; fi
ICD=${VK_DRIVER_FILES:-${VK_ICD_FILENAMES:-}}
if [ -z "$ICD" ]; then
  for f in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json \
           /usr/local/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.*.json /usr/share/vulkan/icd.d/nvidia_icd.*.json; do
    [ -f "$f" ] && { ICD=$f; break; }
  done
fi
if [ -z "$ICD" ]; then # no ICD file: write one for the driver's Vulkan library if it is there
  GLX=$(ldconfig -p 2>/dev/null | awk '/libGLX_nvidia\.so\.0 .*x86-64/ {print $NF; exit}')
  [ -z "$GLX" ] && for d in /usr/local/nvidia/lib64 /usr/local/nvidia/lib /usr/lib/x86_64-linux-gnu; do [ -e "$d/libGLX_nvidia.so.0" ] && { GLX=$d/libGLX_nvidia.so.0; break; }; done
  if [ -n "$GLX" ]; then
    ICD=$WORK/run/nvidia_icd.json
    printf '{"file_format_version":"1.0.1","ICD":{"library_path":"%s","api_version":"1.3.0"}}\n' "$GLX" >"$ICD"
    export LD_LIBRARY_PATH=$(dirname "$GLX")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  fi
fi
if [ -n "$ICD" ]; then export VK_DRIVER_FILES=$ICD VK_ICD_FILENAMES=$ICD; fi
# The ICD may name its library without a path (libGLX_nvidia.so.0): make the driver's folders searchable.
for d in /usr/local/nvidia/lib64 /usr/local/nvidia/lib; do
  [ -d "$d" ] && case ":${LD_LIBRARY_PATH:-}:" in *":$d:"*) ;; *) export LD_LIBRARY_PATH=${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}$d ;; esac
done
unset EGL_PLATFORM __EGL_VENDOR_LIBRARY_FILENAMES LIBGL_ALWAYS_SOFTWARE

say "node $NODE_V; Vulkan loader: $VK_LOADER; ICD: ${ICD:-none found}; LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}"
command -v nvidia-smi >/dev/null && nvidia-smi -L 2>&1 | tee -a "$LOG"
say "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"

# One process per measurement: a crash or hang in one does not take the others with it.
NO_ADAPTER=0
FAILED=0
measure() { # $1 label, $2 backend, $3 batch, $4 timeout seconds
  say "== $1 (backend $2, batch $3, $STEPS timed steps, timeout $4 s)"
  local t0=$SECONDS rc
  timeout -k 10 "$4" ./node gpu-train.mjs --backends "$2" --label "$1" --batch "$3" --steps "$STEPS" --out "$WORK/res/$1.json" "${EXTRA[@]}" \
    > >(grep -v -E '^(=+|Hi, looks like.*|)$' >>"$LOG") 2>&1
  rc=$?
  say "   exit $rc after $((SECONDS - t0)) s$([ $rc -eq 124 ] && echo ' (timed out)')"
  case $rc in 0) ;; 2) NO_ADAPTER=1 ;; *) FAILED=1 ;; esac
  MERGE+=("$WORK/res/$1.json")
}
MERGE=()
measure webgpu webgpu 8 "${GPU_CHECK_T_WEBGPU:-150}"
measure wasm wasm 8 "${GPU_CHECK_T_WASM:-60}"
measure cpu cpu 8 "${GPU_CHECK_T_CPU:-90}"
if [ "$LARGE" != 0 ]; then
  [ $NO_ADAPTER = 0 ] && measure "webgpu-b$LARGE" webgpu "$LARGE" "${GPU_CHECK_T_LARGE:-60}"
  measure "wasm-b$LARGE" wasm "$LARGE" "${GPU_CHECK_T_LARGE:-60}"
fi
sleep 0.2 # let the log filters finish
say "== result ($OUT/gpu-train.json)"
./node gpu-train.mjs --merge "${MERGE[@]}" --out "$OUT/gpu-train.json" >/dev/null || die "merging the results failed"
cat "$OUT/gpu-train.json" | tee -a "$LOG"
if [ $NO_ADAPTER = 1 ]; then say "gpu-check: no GPU adapter found (Dawn's Vulkan backend gave none; see webgpu.error above); wasm/cpu figures are from this machine's CPUs"; exit 2; fi
if [ $FAILED = 1 ]; then say "gpu-check: a measurement failed (see the errors above)"; exit 1; fi
exit 0
