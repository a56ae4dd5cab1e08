#!/usr/bin/env bash
# Prints a JDK 25 home: $JAVA_HOME if it is one, else the first JDK 25 found in the usual places.
# The java25 Lambda runtime is what production runs, so builds and tests use the same release.
set -euo pipefail
is25() { [ -x "$1/bin/java" ] && "$1/bin/java" -version 2>&1 | head -n1 | grep -q '"25'; }
if [ -n "${JAVA_HOME:-}" ] && is25 "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi
for d in /usr/lib/jvm/*25* /usr/lib/jvm/*-25-* /opt/java/*25* "$HOME"/.sdkman/candidates/java/25*; do
  if [ -d "$d" ] && is25 "$d"; then echo "$d"; exit 0; fi
done
echo "No JDK 25 found: install one (Temurin 25) and set JAVA_HOME to it." >&2
exit 1
