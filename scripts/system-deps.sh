#!/usr/bin/env bash
# Debian/Ubuntu packages the app and its tests need beside Python: Qt's shared libraries (the
# offscreen and xcb platforms), a virtual screen for GUI tests, venv support for Python, and for the
# report tests poppler's PDF tools (pdfsig, pdffonts, pdftotext, pdftoppm), NSS's certutil (a trust
# store for pdfsig) and SoftHSM2 (a software USB token).
# As root it installs what is missing; otherwise it prints the one apt-get line to run.
set -euo pipefail

packages=(
  python3-venv
  libegl1 libgl1 libopengl0 libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxrender1 libxi6
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libxcb-shm0
  xvfb xauth
  poppler-utils libnss3-tools softhsm2
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: install Qt 6's runtime libraries with your package manager." >&2
  exit 0
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
# Debian's Python lacks ensurepip (so `python -m venv` fails) until pythonX.Y-venv is installed.
python=${PYTHON:-python3}
if ! "$python" -c "import ensurepip" >/dev/null 2>&1; then
  missing+=("python$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv")
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Some system packages are missing. Run this once, then try again:"
  echo "  sudo apt-get install -y ${missing[*]}"
  exit 1
fi
