#!/usr/bin/env bash
# Builds the domain module's test classes (they hold the JMH benchmark and its generated harness) and runs the
# flow engine benchmark: a ten-step flow parsed once and run many times, sampled so that the median shows.
#
#   bench/flow-engine.sh                 # 3 forks x 5 measurement iterations of 2 s, about two and a half minutes
#   bench/flow-engine.sh -f 1 -i 3       # any further JMH options override the defaults
#   bench/flow-engine.sh runTenSteps     # only the run, not the parse
#
# The benchmark is not part of the test suite: surefire never runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -pl domain test-compile
mvn -B -q -pl domain dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="domain/target/classes:domain/target/test-classes:$(cat domain/target/bench-classpath.txt)"

pattern='io.flowgate.domain.flow.language.bench.FlowEngineBenchmark'
if [[ $# -gt 0 && $1 != -* ]]; then
  pattern="$pattern.$1"
  shift
fi

# JMH refuses an option given twice, so a default applies only when the command line does not set that option.
defaults=(-f 3 -wi 5 -w 1s -i 5 -r 2s)
options=()
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
  [[ " $* " == *" ${defaults[k]} "* ]] || options+=("${defaults[k]}" "${defaults[k + 1]}")
done

exec java -cp "$classpath" org.openjdk.jmh.Main "$pattern" "${options[@]}" "$@"
