#!/usr/bin/env bash
# Runs every benchmark of dbbuf-tck and writes, under benchmarks/target/:
#   jmh-result.json          JMH's own result (all JMH benchmarks)
#   jmh.log                  JMH's console output
#   conformance-timing.json  the timed full conformance runs (JUnit Platform Launcher)
#   benchmarks.md            the results table, with every target stated met or not met
#   benchmarks.json          the same as JSON
#   benchmarks.svg           IOPS and MMIO doorbell writes per I/O against queue depth
#
# Usage: benchmarks/run.sh [--quick] [JMH options...]
#   --quick   short iterations (smoke use, a few minutes); the numbers are indicative only
#   anything else is passed to JMH, e.g. a benchmark regex or -p trapNanos=5000
# JAVA_HOME must point at a JDK 25 (default /usr/lib/jvm/temurin-25-jdk-amd64). MVN_ARGS adds Maven options (e.g. -o).
set -euo pipefail

cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
out=benchmarks/target
jar="$out/benchmarks.jar"

quick=false
if [[ "${1:-}" == "--quick" ]]; then
  quick=true
  shift
fi

# shellcheck disable=SC2086 # MVN_ARGS is a list of options
./mvnw -B -q ${MVN_ARGS:-} -pl benchmarks -am package -DskipTests

if $quick; then
  jmh_settings=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
  conformance_runs=1
  settings="quick: JMH -f 1 -wi 1 -w 1s -i 2 -r 1s; 1 conformance run"
else
  # the benchmarks' own annotations: 1 fork each; end to end 2 x 2 s warm-up, 3 x 2 s measured;
  # EventIdx decisions 2 x 1 s / 3 x 1 s; stepped device 2 x 5 s / 3 x 2 s; explorer 2 x 2 s / 3 x 2 s;
  # depth-65536 check 1 warm-up + 3 measured single shots
  jmh_settings=()
  conformance_runs=3
  settings="JMH settings of each benchmark's annotations (1 fork; end to end 2 x 2 s warm-up, 3 x 2 s measured); \
3 conformance runs (first cold)"
fi
if [[ $# -gt 0 ]]; then
  settings="$settings; JMH arguments: $*"
fi

rm -f "$out/jmh-result.json" "$out/conformance-timing.json"
# a failing benchmark is reported and left out of the JSON; the report then says "not measured"
"$java" -jar "$jar" "${jmh_settings[@]}" -foe false -rf json -rff "$out/jmh-result.json" "$@" 2>&1 \
  | tee "$out/jmh.log"
"$java" -cp "$jar" dev.dbbuf.benchmarks.kit.ConformanceRunTiming "$out/conformance-timing.json" \
  "$conformance_runs" > "$out/conformance-timing.log" 2>&1 \
  || echo "conformance timing failed, see $out/conformance-timing.log"
grep '^conformance run' "$out/conformance-timing.log" || true
"$java" -cp "$jar" dev.dbbuf.benchmarks.report.BenchmarkReport "$out/jmh-result.json" "$out" \
  "$out/conformance-timing.json" "$settings; load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$out/benchmarks.md"
