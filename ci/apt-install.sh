# Sourced by ci/qemu.sh and ci/browser.sh: installs a Debian package for optional tests when that is possible (root, or
# sudo), and says so either way. Usage: apt_install PACKAGE LABEL TESTS; returns 0 when installed, 1 when not (the
# tests named then report themselves as not run, never as passed).
apt_install() {
  local package=$1 label=$2 tests=$3 sudo=""
  if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "$label: not installed and no root to install it; the $tests tests will report themselves as not run."
      return 1
    fi
  fi
  echo "$label: installing (apt-get install $package)"
  if ! { $sudo apt-get install -y -qq "$package" >/dev/null 2>&1 || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq "$package" >/dev/null 2>&1; }; }; then
    echo "$label: installation failed; the $tests tests will report themselves as not run."
    return 1
  fi
}
