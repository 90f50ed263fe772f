#!/usr/bin/env bash
# Flowgate's benchmark on this machine, in one run: the HTTP ceiling (ping), the token endpoint with
# RS256 and ES256 access tokens, invocation of a 1-step and a 10-step flow, the crypto ceiling, and how
# long the disk under PostgreSQL's data takes to make a write durable.
# Prints one table and writes the same numbers as JSON under bench/results/, with the server's log.
# The server runs as bin/flowgate runs it.
# Environment: BENCH_DURATION (default 20s), BENCH_WARMUP and BENCH_WARMUP_MAX (20s and 150s: the shortest
# and longest warm-up before each scenario), BENCH_CONNECTIONS (32), BENCH_PORT (18181), BENCH_ASSERTIONS
# (per measured token run; default 1.5 times what the warm-up's rate needs), BENCH_JAVA_OPTS (extra JVM options
# for the server, e.g. a flight recording), BENCH_IGNORE_LOAD=1 to measure on a busy machine anyway
# (for trying the harness out; such numbers are not comparable), JAVA_HOME for the JDK (as bin/flowgate
# takes it; the table says which one ran). A run during which other processes
# than the server, PostgreSQL and wrk used more than 0.15 cores in a scenario ends with status 3.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${BENCH_DURATION:-20s}
warmup=${BENCH_WARMUP:-20s}
warmup_max=${BENCH_WARMUP_MAX:-150s}
connections=${BENCH_CONNECTIONS:-32}
threads=2
port=${BENCH_PORT:-18181}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
mkdir -p bench/results

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f bootstrap/target/flowgate.jar ] || mvn -B -q -DskipTests package
jar=bootstrap/target/flowgate.jar
# The JDK bin/flowgate runs the server on; the crypto ceiling is measured on the same one. ACCP loads a
# native library, which JDK 24 and later warn about unless it is allowed (JDK 17 takes the option too).
java=("${JAVA_HOME:+$JAVA_HOME/bin/}java" --enable-native-access=ALL-UNNAMED)
jdk=$("${java[@]}" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')
# The same JDK's jstat reads the server's JIT time (jit_seconds, below).
jstat="${JAVA_HOME:+$JAVA_HOME/bin/}jstat"
command -v "$jstat" >/dev/null || { echo "bench: $jstat not found: it comes with the JDK, not with a JRE" >&2; exit 1; }

# Numbers measured while something else uses the CPU are not Flowgate's numbers.
# CPU time of the whole machine, of this shell's finished children (wrk), in clock ticks.
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 }' /proc/stat; }
children_ticks() { awk '{ print $16 + $17 }' "/proc/$$/stat"; }
ticks_per_second=$(getconf CLK_TCK)
# Not the load average: on some kernels it takes minutes to fall after a busy spell on an idle machine.
idle_before=$(machine_ticks); sleep 5
busy=$(( $(machine_ticks) - idle_before ))
if (( busy > ticks_per_second * 5 / 10 )) && [ -z "${BENCH_IGNORE_LOAD:-}" ]; then
    echo "bench: the CPUs were $(( busy * 100 / (ticks_per_second * 5) )) % busy over 5 s before starting:" \
        "other processes are using them; not measuring" >&2
    exit 3
fi

stamp=$(date +%Y%m%dT%H%M%S)
database="flowgate_bench_$$"
psql -q -h 127.0.0.1 -U postgres -d postgres -c "create database $database"
operator=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
master_key=$(head -c 32 /dev/urandom | base64)
server=
# Whether /health/ready answers 200, asked through bash's own socket: a curl per poll cost the machine
# about 20 ms of CPU each, some 0.3 cores at this pace, taken from the server while it starts
# (restarts measured 2.58 s with this poll against 2.84 s with curl's, interleaved, five each).
ready_now() {
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
    local status; read -r -t 2 status <&3
    exec 3<&-
    [[ $status == "HTTP/1.1 200 "* ]]
}
start_server() { # starts bin/flowgate and waits until it is ready; sets server and ready_ms
    local started; started=$(date +%s%N)
    FLOWGATE_PORT=$port FLOWGATE_PUBLIC_URL=$base FLOWGATE_OPERATOR_TOKEN=$operator \
        FLOWGATE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" FLOWGATE_DB_USER=postgres \
        FLOWGATE_MASTER_KEY=$master_key JAVA_OPTS=${BENCH_JAVA_OPTS:-} bin/flowgate >> "$work/server.log" 2>&1 &
    server=$!
    until ready_now 2>/dev/null; do
        kill -0 "$server" 2>/dev/null || { echo "bench: the server stopped; its log:" >&2; cat "$work/server.log" >&2; exit 1; }
        sleep 0.05
    done
    ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}
stop_server() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
}
cleanup() {
    stop_server
    cp "$work/server.log" "bench/results/$stamp-server.log" 2>/dev/null || true
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $database with (force)" || true
    rm -rf "$work"
}
trap cleanup EXIT
# Four starts: the first on a fresh database (so with the migrations; after a build, it also records
# the class-data archive that bin/flowgate maps on later starts), then three on a current schema, as
# a node restarts or scales out; the target is their median (one start on a machine whose speed
# drifts was 2.5 s in one run and 3.2 s in the next). The last one stays up for the scenarios.
start_server
ready_fresh_ms=$ready_ms
restarts=()
for start in 1 2 3; do
    stop_server
    start_server
    restarts+=("$ready_ms")
done
ready_ms=$(printf '%s\n' "${restarts[@]}" | sort -n | sed -n 2p)
# A start that cannot map bin/flowgate's archive (the JVM says so in the server's log) is as slow as
# one without it: round 28's runs found their ready figures so, after a jar rebuilt under a running node.
archive_mapped=true
if grep -qiE 'unable to (use|map) shared|while processing the AOT cache' "$work/server.log"; then
    archive_mapped=false
    echo "bench: a start could not map the class-data archive (the server's log says why): the ready figures are not those of bin/flowgate's usual start" >&2
fi
# The server's JVM, not bin/flowgate's shell when that stays to keep the class-data archive.
jvm=$(pgrep -P "$server" java || echo "$server")

python3 bench/provision.py "$base" "$operator" bench > "$work/setup.json"
field() { python3 -c "import json,sys; d=json.load(open('$work/setup.json')); print($1)"; }
client=$(field 'd["clientId"]'); issuer=$(field 'd["issuer"]'); admin=$(field 'd["admin"]')
field 'json.dumps(d["privateJwk"])' > "$work/key.json"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$jvm/stat"; }
# The database's share of the same cores: every process of the local PostgreSQL (its pooled backends live on).
db_ticks() { for pid in $(pgrep -u postgres); do awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null; done \
    | awk '{ s += $1 } END { print s + 0 }'; }
# How long the server's threads waited for a CPU, runnable but not running, in ns (the kernel's
# scheduler statistics; empty where the kernel keeps none). Round 23 found the half-rate latency
# tail there, not in the server's own CPU (performance.md). A thread that ends during a scenario
# takes its count with it; the server's pools keep theirs.
wait_ns() { cat /proc/"$jvm"/task/*/schedstat 2>/dev/null | awk '{ s += $2 } END { if (NR) printf "%d", s }'; }
results="[]"
# The server's JIT compilers' time so far, in seconds (the JVM's own counter, read through its
# performance data as jstat reads it).
jit_seconds() { "$jstat" -compiler "$jvm" | awk 'NR == 2 { print $4 }'; }
# Warms the JIT up on the same requests, in rounds of 10 s, until two rounds in a row are no more
# than 5 % faster than the best before them and the compilers spent less than 5 % of each compiling
# (at least BENCH_WARMUP, at most BENCH_WARMUP_MAX): on two cores the compiler takes from tens of
# seconds to minutes, on a slower machine, before the numbers settle (the invoke scenario from cold,
# in 15 s windows on one: 720/s, 1,080, 1,300, 1,790, 2,000, 3,210, 3,600, then 3,400 – 3,500), and a
# cold run measures the compiler. The rate alone can look flat while the compilers are still at
# work: RS256 tokens on a slow machine went 913/s, 876, 1,107, 1,164, 1,192, 1,248 while they
# compiled for 10.4, 10.5, 10.0, 4.2, 0.4 and 0.0 s of each 10 s, then stayed at 1,137 – 1,240/s.
# Token rounds get fresh assertions, 1.5 times what the best round used. Sets warm_rate (requests/s
# of the best round) and records the warm-up's length in warmups.
warmups="{}"
warmup() { # name, wrk script, path, extra env
    local name=$1 script=$2 path=$3 round=10 elapsed=0 best=0 flat=0 rate
    cat "bench/$script" bench/report.lua > "$work/warmup.lua"
    while :; do
        local extra=()
        if [ "$script" = token.lua ]; then
            assertions $(( best > 0 ? best * round * 3 / 2 : 3000 * round )) "$work/warmup.txt"
            extra=(BENCH_ASSERTIONS="$work/warmup.txt")
        fi
        local jit_before; jit_before=$(jit_seconds)
        rate=$(env BENCH_PATH="$path" BENCH_THREADS=$threads "${@:4}" "${extra[@]}" \
            wrk -t$threads -c"$connections" -d${round}s -s "$work/warmup.lua" "$base" | grep '^RESULT ' | cut -c8- \
            | python3 -c 'import json,sys; r=json.load(sys.stdin); print(int(r["requests"] / r["seconds"]))')
        local jit_busy; jit_busy=$(python3 -c "print(int(($(jit_seconds) - $jit_before) * 100 >= 5 * $round))")
        elapsed=$(( elapsed + round ))
        if (( rate * 100 > best * 105 || jit_busy )); then flat=0; else flat=$(( flat + 1 )); fi
        if (( rate > best )); then best=$rate; fi
        if (( elapsed >= ${warmup_max%s} )) || { (( elapsed >= ${warmup%s} )) && (( flat >= 2 )); }; then
            break
        fi
    done
    warm_rate=$best
    warmups=$(python3 -c "import json; d=json.loads('$warmups'); d['$name']=$elapsed; print(json.dumps(d))")
}
measure() { # name, wrk script, path, extra env
    local name=$1 script=$2 path=$3
    cat "bench/$script" bench/report.lua > "$work/script.lua"
    local before; before=$(cpu_ticks)
    local db_before; db_before=$(db_ticks)
    local machine_before; machine_before=$(machine_ticks)
    local wrk_before; wrk_before=$(children_ticks)
    local jit_before; jit_before=$(jit_seconds)
    local wait_before; wait_before=$(wait_ns)
    local line
    line=$(env BENCH_PATH="$path" BENCH_THREADS=$threads "${@:4}" \
        wrk -t$threads -c"$connections" -d"$duration" -s "$work/script.lua" "$base" | grep '^RESULT ' | cut -c8-)
    local wrk=$(( $(children_ticks) - wrk_before ))
    local ticks=$(( $(cpu_ticks) - before ))
    local db=$(( $(db_ticks) - db_before ))
    local other=$(( $(machine_ticks) - machine_before - ticks - db - wrk ))
    local jit; jit=$(python3 -c "print(round($(jit_seconds) - $jit_before, 2))")
    local waited=None wait_after; wait_after=$(wait_ns)
    [ -n "$wait_before" ] && [ -n "$wait_after" ] && waited=$(( wait_after - wait_before ))
    results=$(python3 -c "
import json,sys
r=json.loads('$line'); r['name']='$name'; r['rps']=r['requests']/r['seconds']
r['server_cpu_cores']=$ticks/$ticks_per_second/r['seconds']
r['db_cpu_cores']=$db/$ticks_per_second/r['seconds']
r['wrk_cpu_cores']=$wrk/$ticks_per_second/r['seconds']
r['other_cpu_cores']=max(0, $other)/$ticks_per_second/r['seconds']
r['jit_s']=$jit
waited=$waited
r['server_cpu_wait_us_per_request']=None if waited is None else waited/1000/max(1, r['requests'])
print(json.dumps(json.loads('''$results''')+[r]))")
}
rps_of() { python3 -c "import json; print(int([r for r in json.loads('''$results''') if r['name'] == '$1'][0]['rps']))"; }
assertions() { # count, file: single-use assertions, enough that none is ever reused
    "${java[@]}" -cp "$jar" bench/SignAssertions.java "$work/key.json" "$client" "$issuer/oauth2/v1/token" "$1" "$2"
}
# name, access token algorithm: warm up on assertions of its own, measure on fresh ones, then the crypto
# ceiling for that algorithm at once, while the server idles: a machine whose speed drifts within the hour
# then weighs alike on the two terms of the ratio (the ceiling, measured at the run's end, came minutes later).
token_run() {
    warmup "$1" token.lua /orgs/bench/oauth2/v1/token
    assertions "${BENCH_ASSERTIONS:-$(( warm_rate * ${duration%s} * 3 / 2 + 10000 ))}" "$work/assertions.txt"
    measure "$1" token.lua /orgs/bench/oauth2/v1/token BENCH_ASSERTIONS="$work/assertions.txt"
    "${java[@]}" -cp "$jar" bench/CryptoCeiling.java 10 "$2" >> "$work/crypto.txt"
}

echo "bench: JDK $jdk; ready after ${ready_fresh_ms} ms on a fresh database, ${restarts[*]} ms restarting; measuring ${duration} per scenario after ${warmup} to ${warmup_max} of warm-up," \
    "$threads threads, $connections connections"
token_run token_rs256 RS256
curl -sf -X POST "$base/orgs/bench/api/v1/authorization-server/keys/rotate" -H "Authorization: SSWS $admin" \
    -H 'Content-Type: application/json' -d '{"alg":"ES256"}' >/dev/null
token_run token_es256 ES256

# Clients reuse a token for its lifetime, and so does the invoke benchmark.
assertions 1 "$work/one.txt"
token=$(curl -sf "$base/orgs/bench/oauth2/v1/token" -d grant_type=client_credentials \
    -d scope=okta.workflows.invoke.manage \
    -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
    -d client_assertion="$(cat "$work/one.txt")" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
one=$(field 'd["flows"]["one"]'); ten=$(field 'd["flows"]["ten"]')
warmup invoke_1_step invoke.lua "$one" BENCH_TOKEN="$token"
measure invoke_1_step invoke.lua "$one" BENCH_TOKEN="$token"
# Latency at half the peak rate: each connection pauses between requests (wrk has no fixed-rate mode).
pause_ms=$(( connections * 2 * 1000 / $(rps_of invoke_1_step) ))
# Meanwhile, how long the disk under PostgreSQL's data takes to make a write durable: round 32 found this
# scenario's tail in that disk's flushes, which stalled for 20 – 250 ms several times a minute, even idle.
data_directory=$(psql -qAt -h 127.0.0.1 -U postgres -d postgres -c "show data_directory")
beside_data=$(dirname "$data_directory")
disk_probe=
if [ -w "$beside_data" ]; then
    python3 bench/disk_flush.py "$beside_data" "${duration%s}" > "$work/disk.json" &
    disk_probe=$!
else
    echo "bench: cannot write beside PostgreSQL's data ($data_directory): the disk's flushes are not measured" >&2
fi
measure invoke_1_step_half_rate invoke.lua "$one" BENCH_TOKEN="$token" BENCH_PAUSE_MS="$pause_ms"
disk_flush=null
if [ -n "$disk_probe" ] && wait "$disk_probe"; then disk_flush=$(cat "$work/disk.json"); fi
warmup invoke_10_steps invoke.lua "$ten" BENCH_TOKEN="$token"
measure invoke_10_steps invoke.lua "$ten" BENCH_TOKEN="$token"
# The HTTP stack's ceiling, measured last: by now the JIT has compiled the HTTP path the other
# scenarios share (measured first, after only its own warm-up, it came out at less than half).
warmup ping ping.lua /health/live
measure ping ping.lua /health/live
peak_rss_mib=$(( $(awk '/VmHWM/ { print $2 }' "/proc/$jvm/status") / 1024 ))

python3 - "$work/crypto.txt" "$results" "$peak_rss_mib" "$ready_ms" "$stamp" "$ready_fresh_ms" "$warmups" "${restarts[*]}" "$jdk" \
    "$archive_mapped" "$disk_flush" <<'PY'
import json, os, re, sys
crypto = open(sys.argv[1]).read()
results = json.loads(sys.argv[2])
warmups = json.loads(sys.argv[7])
for r in results:
    r["warmup_s"] = warmups.get(r["name"])
# keyed by the access token's algorithm; the assertion is RS256 in both
ceiling = {m.group(1): float(m.group(2)) for m in re.finditer(r"RS256 verify \+ (\w+) sign per second: (\d+)", crypto)}
by = {r["name"]: r for r in results}
print("\n".join(dict.fromkeys(crypto.strip().splitlines())))  # the provider's line once
print(f"{'scenario':24} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'p99.9 ms':>9} {'errors':>7} {'server CPU':>11}"
      f" {'db CPU':>8} {'wrk CPU':>8} {'other':>7} {'JIT':>6} {'warm-up':>8} {'CPU wait':>9}")
for r in results:
    wait = r["server_cpu_wait_us_per_request"]
    wait_text = "–" if wait is None else f"{wait:.0f} µs"
    print(f"{r['name']:24} {r['rps']:9.0f} {r['p50_ms']:8.2f} {r['p99_ms']:8.2f} {r['p999_ms']:9.2f} {r['errors']:7d}"
          f" {r['server_cpu_cores']:9.2f} c {r['db_cpu_cores']:6.2f} c {r['wrk_cpu_cores']:6.2f} c"
          f" {r['other_cpu_cores']:5.2f} c {r['jit_s']:4.1f} s"
          f" {str(r['warmup_s']) + ' s' if r['warmup_s'] else '':>8}"
          f" {wait_text:>9}"
          + (f"  ({', '.join(f'{k} {v}' for k, v in r['error_kinds'].items() if v)})" if r['errors'] else ""))
ratios = {
    "token_rs256 / crypto ceiling RS256": by["token_rs256"]["rps"] / ceiling["RS256"],
    "token_es256 / crypto ceiling ES256": by["token_es256"]["rps"] / ceiling["ES256"],
    "invoke_1_step / ping": by["invoke_1_step"]["rps"] / by["ping"]["rps"],
    "invoke_10_steps / invoke_1_step": by["invoke_10_steps"]["rps"] / by["invoke_1_step"]["rps"],
}
for name, value in ratios.items():
    print(f"{name:55} {value:6.2f}")
archive_mapped = sys.argv[10] == "true"
print(f"peak RSS {sys.argv[3]} MiB; ready {sys.argv[4]} ms after a restart (median of {sys.argv[8]}), {sys.argv[6]} ms after the first start"
      " on a fresh database" + ("" if archive_mapped else " (without the class-data archive: it could not be mapped)"))
disk_flush = json.loads(sys.argv[11])
if disk_flush:
    print(f"disk under PostgreSQL's data during invoke_1_step_half_rate, an 8 kB write + fdatasync {disk_flush['flushes']} times:"
          f" p50 {disk_flush['p50_ms']} ms, p99 {disk_flush['p99_ms']} ms, longest {disk_flush['max_ms']} ms,"
          f" {disk_flush['over_20_ms']} over 20 ms")
# Whatever else ran during a scenario took CPU from the server: such a run is not Flowgate's numbers.
disturbed = {r["name"]: round(r["other_cpu_cores"], 2) for r in results if r["other_cpu_cores"] > 0.15}
out = f"bench/results/{sys.argv[5]}.json"
json.dump({"results": results, "crypto_ceiling": ceiling, "ratios": ratios, "peak_rss_mib": int(sys.argv[3]),
           "ready_ms": int(sys.argv[4]), "ready_restarts_ms": [int(ms) for ms in sys.argv[8].split()],
           "ready_fresh_database_ms": int(sys.argv[6]), "class_data_archive_mapped": archive_mapped, "jdk": sys.argv[9],
           "disk_flush": disk_flush, "disturbed_by_other_processes": disturbed}, open(out, "w"), indent=2)
print("written to", out)
if disturbed and not os.environ.get("BENCH_IGNORE_LOAD"):
    print(f"bench: other processes used more than 0.15 cores during {disturbed}: not a valid run", file=sys.stderr)
    sys.exit(3)
PY
