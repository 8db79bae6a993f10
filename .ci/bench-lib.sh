# shellcheck shell=bash
# Shared by the .ci/bench* scripts (sourced, not run): paths, the build, Maven arguments, medians, the machine.

export LC_ALL=C.UTF-8
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Where results go; the build itself always goes to target/ (target/bench/m2, target/bench/classpath.txt).
BENCH_OUT=${BENCH_OUT:-$BENCH_ROOT/target/bench}
mkdir -p "$BENCH_OUT"

# The plugin is installed into a local repository of its own (target/bench/m2) that falls back to the usual one
# for everything else (Maven 3.9's chained local repository), so that the benchmarks measure this checkout's
# plugin and never overwrite, or pick up, a 1.0.0-SNAPSHOT installed by another checkout.
BENCH_REPO_TAIL=${BENCH_REPO_TAIL:-$HOME/.m2/repository}
MVN_REPO_ARGS=("-Dmaven.repo.local=$BENCH_ROOT/target/bench/m2" "-Dmaven.repo.local.tail=$BENCH_REPO_TAIL")

PLUGIN_VERSION=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$BENCH_ROOT/pom.xml" | head -1)
PLUGIN="ai.osvi:osvi-maven-plugin:$PLUGIN_VERSION"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# Builds once per `.ci/bench` run (BENCH_BUILT is exported): the plugin into target/bench/m2, the benchmarks into
# target/bench-classes and their classpath into target/bench/classpath.txt. No unit or integration test runs.
bench_build() {
    if [[ -n ${BENCH_BUILT:-} ]]; then
        return
    fi
    echo "bench: building the plugin and the benchmarks (./mvnw -Pbench install, tests skipped)" >&2
    (cd "$BENCH_ROOT" && ./mvnw -B -q -Pbench -DskipTests -Dmaven.test.skip=true -Dinvoker.skip=true -Dmaven.javadoc.skip=true \
        "${MVN_REPO_ARGS[@]}" install)
    export BENCH_BUILT=1
}

bench_classpath() {
    echo "$BENCH_ROOT/target/bench-classes:$BENCH_ROOT/target/classes:$(cat "$BENCH_ROOT/target/bench/classpath.txt")"
}

# Reads numbers, one a line; prints their median.
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2];
        else printf "%.6g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Milliseconds since the epoch, to the microsecond.
now_ms() {
    awk -v t="$EPOCHREALTIME" 'BEGIN { printf "%.3f\n", t * 1000 }'
}

# The machine, as Markdown list items.
bench_machine() {
    local cpu
    cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
    echo "- CPU: ${cpu:-unknown}; nproc: $(nproc); memory: $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "- JDK: $("$JAVA" -version 2>&1 | head -2 | tail -1)"
    echo "- Maven: $(cd "$BENCH_ROOT" && ./mvnw -v 2>/dev/null | head -1)"
    echo "- Load average when this part started (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
}
