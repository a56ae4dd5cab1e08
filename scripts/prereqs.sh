#!/usr/bin/env bash
# What `make run` and `make test` need from the machine, checked before anything is built:
#   scripts/prereqs.sh run    JDK 25, Maven 3.8+, Python 3.11+ with venv
#   scripts/prereqs.sh test   the same, and Node.js 20.11+ with npm
# Everything else (the emulator, cfn-lint and SAM CLI, the npm packages, the browser) comes from
# the package registries through make itself. What is missing and Debian packages in a usable
# version is installed with apt-get when this runs as root; otherwise the script stops at once
# and prints the one command to run.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-test}"

missing=()   # what is missing, as people call it
wanted=()    # for each: "<minimum version of the package, or ->|<Debian package>|<how to get it otherwise>"

# candidate <package>: the version apt would install, empty if none
candidate() {
  command -v apt-cache >/dev/null 2>&1 || return 0
  apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ && $2 != "(none)" { print $2 }'
}
# at_least <version> <minimum>: true when version >= minimum (dotted numbers)
at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }
# need <what> <minimum version of the package, or -> <package> <how to get it otherwise>
need() {
  missing+=("$1")
  wanted+=("$2|$3|$1: $4")
}

if ! scripts/java-home.sh >/dev/null 2>&1; then
  need "JDK 25" - openjdk-25-jdk-headless "install Temurin 25 (https://adoptium.net) and set JAVA_HOME to it"
fi
if ! command -v mvn >/dev/null 2>&1 || ! at_least "$(mvn -v 2>/dev/null | sed -nE 's/.*Maven ([0-9.]+).*/\1/p' | head -n1)" 3.8; then
  need "Maven 3.8+" 3.8 maven "install Apache Maven 3.8 or later (https://maven.apache.org)"
fi
python="$(command -v python3.11 || command -v python3 || true)"
if [ -z "$python" ] || ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  need "Python 3.11+" 3.11 python3 "install Python 3.11 or later"
elif ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
  need "Python's venv module" - python3-venv "install the venv module of $python"
fi
if [ "$what" = test ]; then
  if ! command -v node >/dev/null 2>&1 || ! at_least "$(node --version | tr -d v)" 20.11 \
      || ! command -v npm >/dev/null 2>&1; then
    need "Node.js 20.11+ with npm" 20.11 nodejs "install Node.js 20.11 or later with npm (https://nodejs.org)"
  fi
fi

[ "${#missing[@]}" -eq 0 ] && exit 0
root=""
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 && [ -z "${PREREQS_INSTALLED:-}" ]; then
  root=yes
  apt-get update -qq >/dev/null 2>&1 || true  # a fresh machine has no package lists yet
fi
packages=()  # the Debian packages that provide what is missing, when apt has a usable version
manual=()    # what apt cannot provide here, and how to get it
for item in "${wanted[@]}"; do
  IFS='|' read -r minimum package how <<<"$item"
  version="$(candidate "$package" | sed -E 's/^[0-9]+://')"
  if [ -n "$version" ] && { [ "$minimum" = - ] || at_least "$version" "$minimum"; }; then
    packages+=("$package")
  else
    manual+=("$how")
  fi
done
echo "make $what needs: $(IFS=,; echo "${missing[*]}" | sed 's/,/, /g')" >&2
if [ "${#manual[@]}" -gt 0 ]; then
  printf '  %s\n' "${manual[@]}" >&2
  [ "${#packages[@]}" -gt 0 ] && echo "  and: apt-get install -y ${packages[*]}" >&2
  exit 1
fi
if [ -n "$root" ]; then
  echo "Installing them as root: apt-get install -y ${packages[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  PREREQS_INSTALLED=yes exec "$0" "$what"  # checked again (once), so that a package that did not help is said
fi
echo "Run: sudo apt-get install -y ${packages[*]}" >&2
exit 1
