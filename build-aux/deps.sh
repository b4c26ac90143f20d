# build-aux/deps.sh: what Escala needs on Debian 12, and the steps shared by
# build-aux/run and build-aux/test. Sourced, not run.
#
# The package list lives here and only here. Missing packages are installed with apt
# (as root, or through sudo); when everything is installed apt is not touched at all,
# so the scripts work offline on a prepared machine.

ESC_SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Both build directories may be set from outside (ESC_BUILD_DIR=/tmp/b build-aux/test).
ESC_BUILD_DIR=${ESC_BUILD_DIR:-"$ESC_SOURCE_DIR/_build"}
# The sanitizer build of build-aux/test: AddressSanitizer (with LeakSanitizer) and
# UndefinedBehaviorSanitizer, every report fatal. -O1 keeps the run short while the
# stacks stay readable.
ESC_ASAN_BUILD_DIR=${ESC_ASAN_BUILD_DIR:-"$ESC_SOURCE_DIR/_build-asan"}
ESC_ASAN_SETUP_OPTIONS=(
  -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug -Doptimization=1
  "-Dc_args=-fno-omit-frame-pointer -fno-sanitize-recover=undefined"
)

ESC_DEBIAN_PACKAGES=(
  build-essential meson ninja-build pkg-config gettext appstream desktop-file-utils
  libgtk-4-dev libadwaita-1-dev libglpk-dev glpk-utils libxlsxwriter-dev libjson-glib-dev
  libgsf-1-dev libxml2-dev xvfb xauth libgtk-4-bin librsvg2-common libxml2-utils
  shared-mime-info flatpak-builder locales
)

# The locales the display and export tests switch to (decimal comma, weekday names, date
# order) and that build-aux/screenshots uses; a test skips when its locale is missing.
ESC_TEST_LOCALES=(pt_BR.UTF-8 de_DE.UTF-8 en_US.UTF-8)

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
    esc_generate_locales
    return
  fi
  echo "Installing missing packages:" $missing
  esc_as_root apt-get update
  esc_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "${ESC_DEBIAN_PACKAGES[@]}"
  esc_generate_locales
}

# Generates the test locales that "locale -a" does not list (root or sudo); does nothing,
# and needs no root, when they are all there.
esc_generate_locales() {
  local name missing=()
  for name in "${ESC_TEST_LOCALES[@]}"; do
    # "locale -a" spells them "de_DE.utf8".
    if ! locale -a 2>/dev/null | grep -qix "${name%%.*}\.utf-\{0,1\}8"; then
      missing+=("$name")
    fi
  done
  if [ ${#missing[@]} -eq 0 ] || [ ! -f /etc/locale.gen ]; then
    return 0
  fi
  echo "Generating locales:" "${missing[@]}"
  for name in "${missing[@]}"; do
    esc_as_root sed -i "s/^# *\(${name//./\\.} UTF-8\)\$/\1/" /etc/locale.gen
  done
  esc_as_root locale-gen
}

# esc_build [DIR [MESON-SETUP-OPTION...]]: configures DIR (default _build) the first time
# (or anew after a failed configure) with the options given, and builds.
esc_build() {
  local dir=${1:-$ESC_BUILD_DIR}
  if [ $# -gt 0 ]; then shift; fi
  cd "$ESC_SOURCE_DIR"
  if [ ! -f "$dir/build.ninja" ]; then
    # Nothing in the build directory is worth keeping when it has no build.ninja.
    rm -rf "$dir"
    meson setup "$dir" "$@"
  fi
  ninja -C "$dir"
}

# esc_test DIR [MESON-TEST-OPTION...]: runs the tests of DIR (benchmarks are not tests)
# under a virtual display when xvfb-run is there, with the environment the UI tests need.
# Sets ESC_TEST_PASSED, ESC_TEST_FAILED and ESC_TEST_SKIPPED (test programs, as meson
# counts them) and ESC_TEST_SUMMARY ("N passed, N failed, N skipped"), and returns
# non-zero when a test failed or meson gave no summary. The caller's environment passes
# to the tests.
esc_test() {
  local dir=$1 log status=0
  shift
  log=$(mktemp)
  ESC_TEST_PASSED=0 ESC_TEST_FAILED=0 ESC_TEST_SKIPPED=0
  (
    cd "$ESC_SOURCE_DIR"
    export GTK_A11Y=none GSK_RENDERER=cairo GSETTINGS_BACKEND=memory
    export GSETTINGS_SCHEMA_DIR="$dir/data"
    runner=()
    if command -v xvfb-run >/dev/null 2>&1; then
      runner=(xvfb-run -a -s "-screen 0 1280x1024x24")
    fi
    "${runner[@]}" meson test -C "$dir" --print-errorlogs "$@"
  ) 2>&1 | tee "$log" || status=$?

  # meson's summary: "Ok: 12", "Expected Fail: 0", "Fail: 0", "Unexpected Pass: 0",
  # "Skipped: 1", "Timeout: 0".
  if ! grep -q '^Ok: *[0-9]' "$log"; then
    rm -f "$log"
    ESC_TEST_FAILED=1
    ESC_TEST_SUMMARY="meson test gave no summary (exit status $status)"
    return $(( status == 0 ? 1 : status ))
  fi
  ESC_TEST_PASSED=$(( $(esc_meson_count 'Ok' "$log") +
                      $(esc_meson_count 'Expected Fail' "$log") ))
  ESC_TEST_FAILED=$(( $(esc_meson_count 'Fail' "$log") +
                      $(esc_meson_count 'Unexpected Pass' "$log") +
                      $(esc_meson_count 'Timeout' "$log") ))
  ESC_TEST_SKIPPED=$(esc_meson_count 'Skipped' "$log")
  rm -f "$log"
  ESC_TEST_SUMMARY="$ESC_TEST_PASSED passed, $ESC_TEST_FAILED failed, $ESC_TEST_SKIPPED skipped"
  if [ "$ESC_TEST_FAILED" -ne 0 ] && [ "$status" -eq 0 ]; then
    status=1
  fi
  return "$status"
}

# esc_meson_count LABEL LOG: the number of meson's last "LABEL: N" line in LOG (0 if none).
esc_meson_count() {
  local n
  n=$(sed -n "s/^$1: *\([0-9][0-9]*\).*/\1/p" "$2" | tail -n 1)
  echo "${n:-0}"
}

# esc_test_sanitized DIR [MESON-TEST-OPTION...]: esc_test for the sanitizer build: every
# AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer report fails its test,
# and leaks inside system libraries are suppressed by tests/lsan.supp. Sets the same
# variables as esc_test, summed over its two runs:
#   1. every suite but "ui", with the fast (frame pointer) unwinder: each allocation's
#      first caller is exact (enough for the fontconfig entry of tests/lsan.supp) and our
#      code keeps its frame pointers, so its stacks are whole;
#   2. suite "ui" (GTK processes) with DWARF unwinding of allocation stacks: GLib and GTK
#      are built without frame pointers, and GTK's own leaks are only told from ours by
#      the GLib function they come through. 12 frames reach it and keep the run a few
#      times faster than the default 30 (every malloc is unwound).
# (The fuzz replays ask for full stacks themselves: tests/fuzz/fuzz-replay.c.)
esc_test_sanitized() {
  local dir=$1 status=0 passed failed skipped asan lsan ubsan
  shift
  # abort_on_error: a report ends the test at once, whatever it was doing.
  asan="detect_leaks=1:abort_on_error=1"
  ubsan="print_stacktrace=1:halt_on_error=1"
  lsan="suppressions=$ESC_SOURCE_DIR/tests/lsan.supp:print_suppressions=0"
  # (Assignments before a function call hold, exported, for that call only.)
  # G_SLICE=always-malloc: memory freed to GSlice must be visible to LeakSanitizer.
  ASAN_OPTIONS=$asan UBSAN_OPTIONS=$ubsan LSAN_OPTIONS=$lsan G_SLICE=always-malloc \
    G_DEBUG=gc-friendly esc_test "$dir" --no-suite ui "$@" || status=1
  passed=$ESC_TEST_PASSED failed=$ESC_TEST_FAILED skipped=$ESC_TEST_SKIPPED
  ASAN_OPTIONS="$asan:fast_unwind_on_malloc=0:malloc_context_size=12" UBSAN_OPTIONS=$ubsan \
    LSAN_OPTIONS=$lsan G_SLICE=always-malloc G_DEBUG=gc-friendly \
    esc_test "$dir" --suite ui "$@" || status=1
  ESC_TEST_PASSED=$(( passed + ESC_TEST_PASSED ))
  ESC_TEST_FAILED=$(( failed + ESC_TEST_FAILED ))
  ESC_TEST_SKIPPED=$(( skipped + ESC_TEST_SKIPPED ))
  ESC_TEST_SUMMARY="$ESC_TEST_PASSED passed, $ESC_TEST_FAILED failed, $ESC_TEST_SKIPPED skipped"
  return "$status"
}
