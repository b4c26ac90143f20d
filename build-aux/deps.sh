# build-aux/deps.sh: what Escala needs on Debian 12, and the steps shared by
# build-aux/run and build-aux/test. Sourced, not run.
#
# The package list lives here and only here. Missing packages are installed with apt
# (as root, or through sudo); when everything is installed apt is not touched at all,
# so the scripts work offline on a prepared machine.

ESC_SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ESC_BUILD_DIR="$ESC_SOURCE_DIR/_build"

ESC_DEBIAN_PACKAGES=(
  build-essential meson ninja-build pkg-config gettext appstream desktop-file-utils
  libgtk-4-dev libadwaita-1-dev libglpk-dev glpk-utils libxlsxwriter-dev libjson-glib-dev
  libgsf-1-dev libxml2-dev xvfb xauth libgtk-4-bin librsvg2-common libxml2-utils
  shared-mime-info flatpak-builder
)

# Prints the packages of ESC_DEBIAN_PACKAGES that are not installed, one per line.
esc_missing_packages() {
  local package
  for package in "${ESC_DEBIAN_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      printf '%s\n' "$package"
    fi
  done
}

# Runs a command as root: directly when we are root, else through sudo.
esc_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "error: need root (or sudo) to run: $*" >&2
    return 1
  fi
}

# Installs whatever is missing.
esc_install_dependencies() {
  local missing
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "note: not a Debian system; make sure these (or their equivalents) are installed:" >&2
    echo "  ${ESC_DEBIAN_PACKAGES[*]}" >&2
    return 0
  fi
  missing=$(esc_missing_packages)
  if [ -z "$missing" ]; then
    return 0
  fi
  echo "Installing missing packages:" $missing
  esc_as_root apt-get update
  esc_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "${ESC_DEBIAN_PACKAGES[@]}"
}

# Configures _build the first time (or anew after a failed configure) and builds.
esc_build() {
  cd "$ESC_SOURCE_DIR"
  if [ ! -f "$ESC_BUILD_DIR/build.ninja" ]; then
    # Nothing in _build is worth keeping when it has no build.ninja.
    rm -rf "$ESC_BUILD_DIR"
    meson setup "$ESC_BUILD_DIR"
  fi
  ninja -C "$ESC_BUILD_DIR"
}
