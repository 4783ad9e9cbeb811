#!/usr/bin/env bash
# Builds the libraries and runs the kit on one: ./run-kit.sh [eventidx|device|driver | path/to/lib.so] [-Dtck.KEY=VALUE ...]
# A side name builds and judges build/libacme-SIDE.so as that side (eventidx without arguments). A path judges that
# library, as the side -Dtck.native.side names (eventidx by default). The verdict file is
# adapters/native/target/conformance/vendor/SIDE-native.json; the exit status is 0 when every kit test passed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
side=eventidx
library=""
if [ $# -gt 0 ] && [[ "$1" != -D* ]]; then
  case "$1" in
    eventidx|device|driver) side="$1" ;;
    *) library="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" ;;
  esac
  shift
fi
side_setting=()
if [ -z "$library" ]; then
  make -s -C "$here"
  library="$here/build/libacme-$side.so"
  side_setting=(-Dtck.native.side="$side")
fi
cd "$root"
exec ./mvnw -B -q ${MAVEN_ARGS:-} verify -pl adapters/native -am \
  -Dtest=VendorLibraryConformanceTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtck.native.library="$library" "${side_setting[@]}" "$@"
