# Helpers of bench/run.sh (sourced by it): tools, build, processes, PostgreSQL, one wrk or
# pgbench step with its CPU accounting, arithmetic, and the result files.
# shellcheck shell=bash

# ---- messages -----------------------------------------------------------------------------------

say() { printf '%s\n' "$*" >&2; }
step() { printf '\n== %s\n' "$*" >&2; }
die() {
  printf '\nbench: FAILED: %s\n' "$*" >&2
  exit 1
}

# ---- arithmetic (bc) ----------------------------------------------------------------------------

calc() { echo "scale=6; $*" | bc -l; }
# fmt NUMBER [DECIMALS]: rounded for printing; "-" stays "-"
fmt() {
  if [[ -z ${1:-} || $1 == - ]]; then echo -; else LC_ALL=C printf "%.${2:-0}f" "$1"; fi
}
# ratio A B: A / B to 4 decimals (verdicts use it; the tables show 2), or "-" when either is missing
ratio() {
  if [[ -z ${1:-} || -z ${2:-} || $1 == - || $2 == - ]]; then echo -; return; fi
  if [[ $(calc "$2 == 0") == 1 ]]; then echo -; return; fi
  fmt "$(calc "$1 / $2")" 4
}
# serial_ceiling HTTP DB: the rate of a path that needs both, one after the other: 1/(1/http + 1/db)
serial_ceiling() {
  if [[ -z ${1:-} || -z ${2:-} || $1 == - || $2 == - ]]; then echo -; return; fi
  fmt "$(calc "1 / (1 / $1 + 1 / $2)")" 1
}
# true when A OP B holds (OP: >= <= < >); false when either is "-"
holds() {
  [[ -n ${1:-} && -n ${3:-} && $1 != - && $3 != - ]] || return 1
  [[ $(calc "$1 $2 $3") == 1 ]]
}
# verdict VALUE OP LIMIT: PASS or SHORT (or "n/a" without a value)
verdict() {
  if [[ -z ${1:-} || $1 == - ]]; then echo n/a; elif holds "$1" "$2" "$3"; then echo PASS; else echo SHORT; fi
}
now_ms() { date +%s%3N; }

# ---- tools and build ----------------------------------------------------------------------------

APT_UPDATED=
apt_install() {
  if [[ -z $APT_UPDATED ]]; then
    say "installing $* (apt-get)"
    apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# wrk, bc, jq, curl, gnuplot and the PostgreSQL server binaries with pgbench (Debian's packages)
install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v bc >/dev/null || missing+=(bc)
  command -v jq >/dev/null || missing+=(jq)
  command -v curl >/dev/null || missing+=(curl)
  command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
  command -v ss >/dev/null || missing+=(iproute2)
  command -v ps >/dev/null || missing+=(procps)
  if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
    # only the binaries: no "main" cluster created and started by the package
    mkdir -p /etc/postgresql-common
    [[ -f /etc/postgresql-common/createcluster.conf ]] || echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf
    missing+=(postgresql postgresql-contrib)
  fi
  if ((${#missing[@]})); then
    [[ $(id -u) == 0 ]] || die "missing ${missing[*]}; run as root (apt-get) or install them"
    apt_install "${missing[@]}"
  fi
  PGBIN=$(find /usr/lib/postgresql -maxdepth 3 -name postgres -path '*/bin/*' | sort -V | tail -1)
  PGBIN=${PGBIN%/postgres}
  [[ -x $PGBIN/pgbench ]] || die "no pgbench in $PGBIN"
}

# newer sources than the jar (or no jar): build it
stale() {
  local jar=$1
  shift
  [[ ! -f $jar ]] && return 0
  [[ -n $(find "$@" -newer "$jar" -type f -print -quit 2>/dev/null) ]]
}

# BENCH_BUILD=auto (default: build what is missing or older than its sources), always, never
build() {
  local modules=() mode=${BENCH_BUILD:-auto}
  EMPTY_JAR=$ROOT/bench/empty-app/target/exchanger-bench-empty-app-exec.jar
  if [[ $mode == always ]] || { [[ $mode == auto ]] && stale "$EMPTY_JAR" "$ROOT/bench/empty-app/src" "$ROOT/bench/empty-app/pom.xml"; }; then
    modules+=(bench/empty-app)
  fi
  if [[ -n ${BENCH_SERVER_JAR:-} ]]; then
    SERVER_JAR=$(realpath "$BENCH_SERVER_JAR")
  else
    SERVER_JAR=$ROOT/server/target/exchanger-server-exec.jar
    if [[ $mode == always ]] || { [[ $mode == auto ]] && stale "$SERVER_JAR" "$ROOT/server/src/main" "$ROOT/server/pom.xml" "$ROOT/openapi/src"; }; then
      modules+=(server)
    fi
  fi
  if ((${#modules[@]})); then
    local list
    list=$(IFS=,; echo "${modules[*]}")
    step "build: ./mvnw package -pl $list -am (tests skipped; log in $LOGS/build.log)"
    (cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests package -pl "$list" -am) >"$LOGS/build.log" 2>&1 ||
      die "the build failed: $(tail -20 "$LOGS/build.log")"
  fi
  [[ -f $SERVER_JAR ]] || die "no server jar at $SERVER_JAR"
  [[ -f $EMPTY_JAR ]] || die "no empty app jar at $EMPTY_JAR"
}

# ---- processes ----------------------------------------------------------------------------------

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# free_port FROM: the first port from FROM up that nothing listens on
free_port() {
  local p=$1
  while port_busy "$p"; do p=$((p + 1)); done
  echo "$p"
}

# the pids this run started, stopped on exit in reverse order
STARTED=()
remember_pid() { STARTED+=("$1"); }

# stop_pid PID [SECONDS]: SIGTERM, then SIGKILL after SECONDS (default 40)
stop_pid() {
  local pid=$1 wait_s=${2:-40} i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < wait_s * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  say "pid $pid did not stop in ${wait_s}s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# wait_ready URL PID TIMEOUT_S: polls until URL answers 200; fails when PID dies or time runs out
wait_ready() {
  local url=$1 pid=$2 timeout_s=$3 deadline
  deadline=$(($(now_ms) + timeout_s * 1000))
  until curl -sf -o /dev/null --max-time 2 "$url"; do
    kill -0 "$pid" 2>/dev/null || return 1
    (($(now_ms) < deadline)) || return 1
    sleep 0.05
  done
}

# start_java NAME LOG [env VAR=value...] -- JAR ARGS...: starts a Spring Boot jar with BENCH_JAVA, sets JAVA_PID;
# the server (any jar but the empty app's) also gets BENCH_SERVER_JAVA_OPTS, e.g. its AOT cache
start_java() {
  local name=$1 log=$2
  shift 2
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  local jar=$1
  shift
  local own=${BENCH_SERVER_JAVA_OPTS:-}
  [[ $jar == "$EMPTY_JAR" ]] && own=
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS and BENCH_SERVER_JAVA_OPTS are lists of options
  env "${envs[@]}" "$JAVA" ${BENCH_JAVA_OPTS:-} $own -jar "$jar" "$@" >"$log" 2>&1 &
  JAVA_PID=$!
  remember_pid "$JAVA_PID"
  say "$name: pid $JAVA_PID, log $log"
}

# ---- CPU and memory -----------------------------------------------------------------------------

CLK_TCK=$(getconf CLK_TCK)
# ticks PID: utime + stime of one process (clock ticks; 0 when it is gone)
ticks() {
  local s
  s=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  s=${s##*) }
  # shellcheck disable=SC2086
  set -- $s
  echo $((${12} + ${13}))
}
# tree_ticks PID: the process, its reaped children (cutime, cstime) and its live children: all
# of a PostgreSQL server's backends, also the ones that exit during a step
tree_ticks() {
  local pid=$1 s total child
  s=$(cat "/proc/$pid/stat" 2>/dev/null) || { echo 0; return; }
  s=${s##*) }
  # shellcheck disable=SC2086
  set -- $s
  total=$((${12} + ${13} + ${14} + ${15}))
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
    total=$((total + $(ticks "$child")))
  done
  echo "$total"
}
# idle and total jiffies of the whole machine (/proc/stat), as "idle total"
machine_jiffies() {
  local cpu user nice system idle iowait rest
  read -r cpu user nice system idle iowait rest < /proc/stat
  local sum=$((user + nice + system + idle + iowait))
  for x in $rest; do sum=$((sum + x)); done
  echo "$((idle + iowait)) $sum"
}
rss_mib() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo -; }

# ---- one measured step --------------------------------------------------------------------------

STEPS_HEADER=$'step\twhat\ttarget\tconns\tseconds\trate\tok_rate\tmean_ms\tp50_ms\tp99_ms\tmax_ms\trequests\tnon2xx\tc409\terrors\tcpu_s\tcpu_ms_per_req\tpg_cpu_ms_per_req\tidle_pct\trss_mib'

# before_step PID: remembers the CPU counters of PID, of PostgreSQL and of the machine
before_step() {
  B_PROC=$( [[ -n ${1:-} ]] && ticks "$1" || echo 0)
  B_PG=$( [[ -n ${PG_PID:-} ]] && tree_ticks "$PG_PID" || echo 0)
  read -r B_IDLE B_TOTAL <<< "$(machine_jiffies)"
}
# after_step PID REQUESTS: sets S_CPU_S, S_CPU_MS (per request), S_PG_MS (per request), S_IDLE, S_RSS
after_step() {
  local pid=${1:-} n=$2 a_proc=0 a_pg=0 a_idle a_total
  [[ -n $pid ]] && a_proc=$(ticks "$pid")
  [[ -n ${PG_PID:-} ]] && a_pg=$(tree_ticks "$PG_PID")
  read -r a_idle a_total <<< "$(machine_jiffies)"
  S_CPU_S=$(fmt "$(calc "($a_proc - $B_PROC) / $CLK_TCK")" 2)
  if [[ -n $pid ]] && ((n > 0)); then
    S_CPU_MS=$(fmt "$(calc "($a_proc - $B_PROC) * 1000 / $CLK_TCK / $n")" 3)
  else
    S_CPU_MS=-
  fi
  if [[ -n ${PG_PID:-} ]] && ((n > 0)); then
    S_PG_MS=$(fmt "$(calc "($a_pg - $B_PG) * 1000 / $CLK_TCK / $n")" 3)
  else
    S_PG_MS=-
  fi
  S_IDLE=$(fmt "$(calc "100 * ($a_idle - $B_IDLE) / ($a_total - $B_TOTAL + 1)")" 0)
  S_RSS=$([[ -n $pid ]] && rss_mib "$pid" || echo -)
}

# WRK_ENV: extra environment (VAR=value...) for the next wrk_step's Lua script; cleared by it
WRK_ENV=()
# wrk_step ID WHAT TARGET CONNS SECONDS URL SCRIPT PID [409-ok]
#   runs wrk (2 threads, --latency, 30 s timeout, so that slow answers count in the latencies),
#   sets R[rate ok_rate mean_ms p50_ms p99_ms max_ms requests non2xx c409 errors] and S_*,
#   appends a line to steps.tsv, and fails the run past BENCH_MAX_ERRORS errors (409s are
#   allowed and counted where the 9th argument says so)
declare -A R
wrk_step() {
  local id=$1 what=$2 target=$3 conns=$4 secs=$5 url=$6 script=$7 pid=${8:-} allow409=${9:-}
  local threads=2 raw="$RAW/$id.txt" line kv
  ((conns < threads)) && threads=$conns
  before_step "$pid"
  if ! env BENCH_THREADS="$threads" "${WRK_ENV[@]}" wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 30s --latency \
      -s "$BENCH_DIR/wrk/$script" "$url" >"$raw" 2>&1; then
    WRK_ENV=()
    die "wrk failed in step $id ($what); see $raw: $(tail -3 "$raw")"
  fi
  WRK_ENV=()
  line=$(grep '^BENCH ' "$raw" | tail -1) || die "no result line from wrk in step $id; see $raw"
  R=()
  for kv in ${line#BENCH }; do R[${kv%%=*}]=${kv#*=}; done
  after_step "$pid" "${R[requests]}"
  printf '%s\n' "$id" "$what" "$target" "$conns" "$secs" "$(fmt "${R[rate]}" 1)" "$(fmt "${R[ok_rate]}" 1)" \
    "${R[mean_ms]}" "${R[p50_ms]}" "${R[p99_ms]}" "${R[max_ms]}" "${R[requests]}" "${R[non2xx]}" "${R[c409]}" \
    "${R[errors]}" "$S_CPU_S" "$S_CPU_MS" "$S_PG_MS" "$S_IDLE" "$S_RSS" | paste -sd $'\t' >>"$RESULTS/steps.tsv"
  say "$(printf '  %-44s %5s conns %9s/s  p50 %7s ms  p99 %7s ms  max %7s ms  non-2xx %s%s  cpu %s ms/req (pg %s)  idle %s%%' \
    "$what" "$conns" "$(fmt "${R[ok_rate]}" 1)" "$(fmt "${R[p50_ms]}" 2)" "$(fmt "${R[p99_ms]}" 2)" "$(fmt "${R[max_ms]}" 1)" \
    "${R[non2xx]}" "$([[ ${R[c409]} != 0 ]] && echo " (409: ${R[c409]})")" "$S_CPU_MS" "$S_PG_MS" "$S_IDLE")"
  local bad=${R[non2xx]}
  [[ -n $allow409 ]] && bad=$((bad - ${R[c409]}))
  if ((bad > BENCH_MAX_ERRORS || ${R[errors]} > BENCH_MAX_ERRORS)); then
    die "step $id ($what): $bad error answers, ${R[errors]} socket errors/timeouts (more than $BENCH_MAX_ERRORS).
  first error answer: $(grep '^BENCH_FIRST_ERROR ' "$raw" | head -1 | cut -c19-)
  wrk output: $raw"
  fi
}

# pgbench_step ID WHAT CLIENTS SECONDS SCRIPT [pgbench options, e.g. -D var=value...]
#   sets P_TPS and P_LAT (mean ms), appends a line to steps.tsv
pgbench_step() {
  local id=$1 what=$2 clients=$3 secs=$4 script=$5
  shift 5
  local raw="$RAW/$id.txt" n
  before_step ""
  if ! PGPASSWORD=$DB_PASS "$PGBIN/pgbench" -h 127.0.0.1 -p "$DB_PORT" -U "$DB_USER" -n -M prepared \
      -c "$clients" -j 2 -T "$secs" -f "$BENCH_DIR/sql/$script" "$@" "$DB_NAME" >"$raw" 2>&1; then
    die "pgbench failed in step $id ($what); see $raw: $(grep -m3 -iE 'error|abort' "$raw")"
  fi
  P_TPS=$(grep -oE 'tps = [0-9.]+' "$raw" | head -1 | grep -oE '[0-9.]+$') || die "no tps in $raw"
  P_LAT=$(grep -oE 'latency average = [0-9.]+' "$raw" | grep -oE '[0-9.]+$' || echo -)
  n=$(grep -oE 'number of transactions actually processed: [0-9]+' "$raw" | grep -oE '[0-9]+$' || echo 0)
  local failed
  failed=$(grep -oE 'number of failed transactions: [0-9]+' "$raw" | grep -oE '[0-9]+$' || echo 0)
  after_step "" "$n"
  printf '%s\n' "$id" "$what" pgbench "$clients" "$secs" "$(fmt "$P_TPS" 1)" "$(fmt "$P_TPS" 1)" "$P_LAT" - - - "$n" \
    "$failed" 0 0 - - "$S_PG_MS" "$S_IDLE" - | paste -sd $'\t' >>"$RESULTS/steps.tsv"
  say "$(printf '  %-44s %5s conns %9s/s  mean %6s ms  pg cpu %s ms/tx  idle %s%%' "$what" "$clients" "$(fmt "$P_TPS" 1)" \
    "$(fmt "$P_LAT" 2)" "$S_PG_MS" "$S_IDLE")"
  ((failed == 0)) || die "pgbench step $id: $failed failed transactions; see $raw"
}

# ---- the database -------------------------------------------------------------------------------

# DB_PORT DB_USER DB_PASS DB_NAME: the database the bench talks to (the Debian one, later the embedded one)
sql() { PGPASSWORD=$DB_PASS psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" "$@"; }
sql_value() { sql -At -c "$1"; }

# ---- the summary --------------------------------------------------------------------------------

# row MEASUREMENT RESULT CEILING RATIO TARGET VERDICT
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS/summary.tsv"; }
