#!/usr/bin/env bash
# Builds bootstrap's test classes (they hold the JMH hot-path benchmarks and their generated harness) together with
# the modules they use, and runs the benchmarks: client-assertion verification, access-token signing, bearer-token
# verification with and without the cache, and the replay store's insert on the local PostgreSQL.
#
#   bench/hot-paths.sh                                # every benchmark, 3 warm-up and 5 measured seconds per case
#   bench/hot-paths.sh TokenSigningBenchmark          # one benchmark class
#   bench/hot-paths.sh BearerVerificationBenchmark -p alg=ES256 -i 10   # further JMH options override the defaults
#   bench/hot-paths.sh ReplayInsertBenchmark.oneCaller -t 4   # -t overrides the 1 and 16 callers of the replay cases
#
# The replay benchmark creates a fresh database on FLOWGATE_TEST_DB_URL (default the local PostgreSQL as
# postgres) and drops it afterwards. The benchmarks are not part of the test suite: surefire never runs them.
set -euo pipefail
cd "$(dirname "$0")/.."

export FLOWGATE_TEST_DB_URL="${FLOWGATE_TEST_DB_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
export FLOWGATE_TEST_DB_USER="${FLOWGATE_TEST_DB_USER:-postgres}"

# One reactor build, so that the sibling modules resolve to their fresh target directories, not to installed jars.
mvn -B -q -pl bootstrap -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="bootstrap/target/classes:bootstrap/target/test-classes:$(cat bootstrap/target/bench-classpath.txt)"

pattern='io.flowgate.bootstrap.bench'
if [[ $# -gt 0 && $1 != -* ]]; then
  pattern="$pattern.$1"
  shift
else
  pattern="$pattern.*"
fi

# JMH refuses an option given twice, so a default applies only when the command line does not set that option.
defaults=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
options=()
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
  [[ " $* " == *" ${defaults[k]} "* ]] || options+=("${defaults[k]}" "${defaults[k + 1]}")
done

# The server's logging configuration: Flowgate's own messages (which crypto provider signs), libraries only on trouble.
exec java -Djava.util.logging.config.file=bootstrap/src/main/resources/flowgate-logging.properties -cp "$classpath" \
  org.openjdk.jmh.Main "$pattern" "${options[@]}" "$@"
