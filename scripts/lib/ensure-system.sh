# Shared by the start and test commands: make sure Node ≥ 20 and the Debian tools Alinea calls are present.
# Installs missing ones with apt-get when running as root on Debian; otherwise says what to install.

require_node() {
  if ! command -v node >/dev/null 2>&1; then
    echo "Alinea needs Node.js 20 or newer: install it (https://nodejs.org or your package manager) and run again." >&2
    exit 1
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "Alinea needs Node.js 20 or newer; this is $(node --version)." >&2
    exit 1
  fi
}

# ensure_tools "cmd:package" … (e.g. ffmpeg:ffmpeg espeak-ng:espeak-ng chromium:chromium)
ensure_tools() {
  local missing_pkgs=() missing_cmds=()
  for pair in "$@"; do
    local cmd=${pair%%:*} pkg=${pair##*:}
    if ! command -v "$cmd" >/dev/null 2>&1; then
      missing_cmds+=("$cmd")
      missing_pkgs+=("$pkg")
    fi
  done
  [ ${#missing_pkgs[@]} -eq 0 ] && return 0
  apt_install "Missing programs: ${missing_cmds[*]}." "${missing_pkgs[@]}"
}

# apt_install WHY pkg …: installs as root on Debian, else explains what to install and stops.
apt_install() {
  local why=$1
  shift
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $* with apt-get …"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "$why Install the packages $* (e.g. sudo apt-get install $*) and run again." >&2
    exit 1
  fi
}

# ensure_debian_packages pkg … : libraries (no command to look for), e.g. the EGL/GLES stack the WebGPU
# training test runs on (Dawn's OpenGL ES backend on Mesa's llvmpipe).
ensure_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_install "Missing Debian packages: ${missing[*]}." "${missing[@]}"
}

# npm ci when node_modules is missing or older than the lockfile.
ensure_node_modules() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing npm dependencies …"
    npm ci --no-audit --no-fund
  fi
  if [ ! -f lib/db/generated/client.ts ] || [ prisma/schema.prisma -nt lib/db/generated/client.ts ] ||
    [ ! -f lib/db/generated-pg/client.ts ] || [ prisma/schema.prisma -nt lib/db/generated-pg/client.ts ]; then
    node scripts/prisma-generate.mjs
  fi
}
