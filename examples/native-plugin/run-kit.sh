#!/usr/bin/env bash
# Builds the library and runs the kit on it: ./run-kit.sh [path/to/lib.so] [-Dtck.KEY=VALUE ...]
# Without a path it builds and judges build/libacme-eventidx.so. The verdict file is
# adapters/native/target/conformance/vendor/eventidx-native.json; the exit status is 0 when every kit test passed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
library="$here/build/libacme-eventidx.so"
if [ $# -gt 0 ] && [[ "$1" != -D* ]]; then
  library="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  shift
else
  make -s -C "$here"
fi
cd "$root"
exec ./mvnw -B -q ${MAVEN_ARGS:-} verify -pl adapters/native -am \
  -Dtest=VendorLibraryConformanceTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtck.native.library="$library" "$@"
