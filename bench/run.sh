#!/usr/bin/env bash
# The load benchmark: every figure of the server as a ratio to a ceiling measured in the same
# run, on the same machine: the HTTP ceilings on an empty Spring Boot app (bench/empty-app),
# the database ceilings with pgbench doing the server's own SQL on the same PostgreSQL, and
# their serial combination 1/(1/http + 1/db). See bench/README.md.
#
#   bash bench/run.sh [seconds-per-step] [--only SECTION,...]       (default 15 s; BENCH_ONLY=...)
#
# Sections, in the order they run: http pgbench warmup create get noop status ipn scale embedded
# Environment: BENCH_SERVER_JAR, BENCH_JAVA, BENCH_JAVA_OPTS, BENCH_BUILD=auto|always|never,
# BENCH_RESULTS, BENCH_ROUTE=api|demo, BENCH_SCALE_ORDERS, BENCH_IPN_N, BENCH_IPN_RATE,
# BENCH_MAX_ERRORS, BENCH_WARMUP_MAX (seconds).
set -eEuo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

ALL_SECTIONS=(http pgbench warmup create get noop status ipn scale embedded)

usage() {
  sed -n '2,/^set /p' "${BASH_SOURCE[0]}" | grep '^#' | sed 's/^# \{0,1\}//'
}

# ---- arguments and settings ---------------------------------------------------------------------

SECS=15
ONLY=${BENCH_ONLY:-}
while (($#)); do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --only) ONLY=${2:?--only needs a list}; shift 2 ;;
    --only=*) ONLY=${1#*=}; shift ;;
    *[!0-9]* | '') die "unknown argument '$1' (try --help)" ;;
    *) SECS=$1; shift ;;
  esac
done
((SECS >= 1)) || die "seconds per step must be at least 1"

declare -A RUN
if [[ -z $ONLY ]]; then
  for s in "${ALL_SECTIONS[@]}"; do RUN[$s]=1; done
else
  IFS=', ' read -ra chosen <<< "$ONLY"
  for s in "${chosen[@]}"; do
    [[ " ${ALL_SECTIONS[*]} " == *" $s "* ]] || die "unknown section '$s'; sections: ${ALL_SECTIONS[*]}"
    RUN[$s]=1
  done
fi
on() { [[ -n ${RUN[$1]:-} ]]; }

JAVA=${BENCH_JAVA:-java}
BENCH_MAX_ERRORS=${BENCH_MAX_ERRORS:-5}
ADMIN_KEY=bench-admin-key
CONNS=(8 32 128)
STATUS_CONNS=(16 32)
IPN_N=${BENCH_IPN_N:-5000}
IPN_RATE=${BENCH_IPN_RATE:-300}
IPN_CONNS=32
HANG_N=1000
PER_HOST_LIMIT=4 # exchanger.ipn.per-host-limit's default
SCALE_N=${BENCH_SCALE_ORDERS:-1000000}
WARMUP_SLICE=5
WARMUP_MAX=${BENCH_WARMUP_MAX:-$((SECS * 6 > 30 ? SECS * 6 : 30))}
RESULTS=${BENCH_RESULTS:-$BENCH_DIR/results/$(date +%Y%m%d-%H%M%S)}
RAW=$RESULTS/raw
LOGS=$RESULTS/logs

# Pools of orders made by SQL (bench/sql/pool.sql): uid = base + i, secret = prefix + i
GET_BASE=900000000 GET_N=${BENCH_GET_POOL:-10000}         # new orders that order/get reads
ADMIN_BASE=910000000 ADMIN_N=${BENCH_STATUS_POOL:-20000}  # inProgress <-> hold by the operator, with an ipnUrl
CLIENT_BASE=920000000                                     # new orders the client moves to inProgress (a range per step)
PGB_BASE=930000000 PGB_N=20000                            # pgbench's own status-change orders
HANG_BASE=940000000                                       # orders whose IPNs go to the hung receiver (HANG_N)
SCALE_BASE=100000000                                      # the 1,000,000 orders of the scale step

# The load comes from one address at thousands of requests a second over up to 128 connections:
# rate limits and the bound on requests in progress per address far above it, so that their
# checks are measured but never refuse (exchanger.rate-limit.*, exchanger.web.max-requests-per-address)
RATE_LIMITS=(EXCHANGER_RATELIMIT_CREATEPERADDRESS=1000000000/1s EXCHANGER_RATELIMIT_LOOKUPPERADDRESS=1000000000/1s
  EXCHANGER_RATELIMIT_FAILURESPERADDRESS=1000000000/1s EXCHANGER_WEB_MAXREQUESTSPERADDRESS=100000)
# The server's key for secrets at rest (EXCHANGER_CRYPTO_KEYS), new each run: the pools' encrypted
# ipnSecrets (SealIpnSecrets.java) are written with it
CRYPTO_KEY=bench:$(head -c 32 /dev/urandom | base64)
POOL_IPN_SECRET=bench-ipn-secret

# The database the bench talks to; the Debian PostgreSQL first, the embedded one at the end
DB_PORT= DB_USER=exchanger DB_PASS=exchanger DB_NAME=exchanger
PG_PID= PGTMP= PG_DEBIAN_PID= EMB_PG_PID=

declare -A HTTP HTTP_P99 DB FIG WARM POOL

# ---- cleanup ------------------------------------------------------------------------------------

stop_postgres() {
  [[ -n $PGTMP && -f $PGTMP/data/postmaster.pid ]] || return 0
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
    { [[ -n $PG_DEBIAN_PID ]] && kill -QUIT "$PG_DEBIAN_PID" 2>/dev/null; }
}

cleanup() {
  local rc=$?
  set +eEu
  trap - EXIT INT TERM ERR
  local i
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do stop_pid "${STARTED[i]}" 40; done
  # an embedded PostgreSQL whose server died without stopping it
  [[ -n ${EMB_PG_PID:-} ]] && kill -0 "$EMB_PG_PID" 2>/dev/null && kill -TERM "$EMB_PG_PID" 2>/dev/null
  stop_postgres
  if [[ -n $PGTMP ]]; then
    [[ -f $PGTMP/postgres.log && -d $LOGS ]] && cp "$PGTMP/postgres.log" "$LOGS/postgres.log"
    rm -rf "$PGTMP"
  fi
  ((rc == 0)) || say "bench: stopped (exit $rc); what it measured so far and the logs are in $RESULTS"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'say "bench: command failed (line $LINENO): $BASH_COMMAND"' ERR

# ---- PostgreSQL (Debian's, durable defaults) ----------------------------------------------------

start_postgres() {
  step "PostgreSQL: initdb in a temporary directory, default settings (fsync and synchronous_commit on)"
  PGTMP=$(mktemp -d /tmp/exchanger-bench-pg.XXXXXX)
  chown postgres: "$PGTMP"
  echo postgres > "$PGTMP/pw" && chown postgres: "$PGTMP/pw"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGTMP/data" -U postgres --pwfile="$PGTMP/pw" \
    --auth-local=trust --auth-host=scram-sha-256 >"$PGTMP/initdb.log" 2>&1 || die "initdb failed: $(tail -5 "$PGTMP/initdb.log")"
  DB_PORT=$(free_port 15432)
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$DB_PORT -c max_connections=300 -c unix_socket_directories=$PGTMP" \
    start >/dev/null || die "PostgreSQL did not start: $(tail -5 "$PGTMP/postgres.log")"
  PG_PID=$(head -1 "$PGTMP/data/postmaster.pid")
  PG_DEBIAN_PID=$PG_PID
  PGPASSWORD=postgres psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres \
    -c "create role $DB_USER login password '$DB_PASS'" -c "create database $DB_NAME owner $DB_USER" \
    -c "do \$\$ begin if exists (select from pg_roles where rolname = 'pg_checkpoint') then grant pg_checkpoint to $DB_USER; end if; end \$\$" \
    >/dev/null
  PG_VERSION=$(sql_value "show server_version")
  say "PostgreSQL $PG_VERSION on 127.0.0.1:$DB_PORT (pid $PG_PID), database $DB_NAME"
}

# ---- the two apps -------------------------------------------------------------------------------

start_empty_app() {
  step "empty app: start (the HTTP ceilings and the IPN receiver)"
  EMPTY_PORT=$(free_port $((SERVER_PORT + 1)))
  EMPTY_URL=http://127.0.0.1:$EMPTY_PORT
  HEALTHY_IPN=$EMPTY_URL/ipn
  HUNG_IPN=http://127.0.0.2:$EMPTY_PORT/ipn/hang
  local t0
  t0=$(now_ms)
  start_java "empty app" "$LOGS/empty-app.log" -- "$EMPTY_JAR" --server.port="$EMPTY_PORT"
  EMPTY_PID=$JAVA_PID
  wait_ready "$EMPTY_URL/actuator/health/readiness" "$EMPTY_PID" 180 ||
    die "the empty app did not get ready; $(tail -20 "$LOGS/empty-app.log")"
  EMPTY_READY_MS=$(($(now_ms) - t0))
  EMPTY_STARTED=$(grep -oE 'Started EmptyApplication in [0-9.]+ seconds' "$LOGS/empty-app.log" | grep -oE '[0-9.]+' || echo -)
  curl -sf "$EMPTY_URL/noop" >/dev/null || die "the empty app's /noop does not answer 200"
  curl -sf -o /dev/null "http://127.0.0.2:$EMPTY_PORT/noop" || die "the empty app does not answer on 127.0.0.2"
  say "empty app ready in $(fmt "$(calc "$EMPTY_READY_MS / 1000")" 2) s (it logs: started in $EMPTY_STARTED s)"
}

start_server() {
  step "server: start on PostgreSQL $PG_VERSION (Flyway migrates the empty database)"
  SERVER_URL=http://127.0.0.1:$SERVER_PORT
  local t0
  t0=$(now_ms)
  start_java server "$LOGS/server.log" \
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/$DB_NAME" SPRING_DATASOURCE_USERNAME="$DB_USER" \
    SPRING_DATASOURCE_PASSWORD="$DB_PASS" EXCHANGER_ADMIN_API_KEY="$ADMIN_KEY" EXCHANGER_IPN_ALLOW_PRIVATE_TARGETS=true \
    EXCHANGER_MODE="$([[ ${BENCH_ROUTE:-api} == demo ]] && echo demo || echo production)" \
    EXCHANGER_CRYPTO_KEYS="$CRYPTO_KEY" "${RATE_LIMITS[@]}" -- "$SERVER_JAR" --server.port="$SERVER_PORT"
  SERVER_PID=$JAVA_PID
  wait_ready "$SERVER_URL/actuator/health/readiness" "$SERVER_PID" 300 ||
    die "the server did not get ready; $(grep -E 'ERROR|Exception' "$LOGS/server.log" | head -5; tail -5 "$LOGS/server.log")"
  SERVER_READY_AT=$(now_ms)
  SERVER_READY_MS=$((SERVER_READY_AT - t0))
  SERVER_STARTED=$(grep -oE 'Started ExchangerApplication in [0-9.]+ seconds' "$LOGS/server.log" | grep -oE '[0-9.]+' || echo -)
  say "server ready in $(fmt "$(calc "$SERVER_READY_MS / 1000")" 2) s (it logs: started in $SERVER_STARTED s); pid $SERVER_PID"
}

# admin METHOD PATH [JSON]: the operator's API of the server at $API_URL
admin() {
  curl -sS --fail-with-body --max-time 30 -X "$1" "$API_URL$2" -H "X-Api-Key: $ADMIN_KEY" \
    -H 'Content-Type: application/json' ${3:+-d "$3"}
}

# The bench's route ETH-like -> WMZ-like, made through the operator's API (BENCH_ROUTE=api, the
# default) with the demo ETH -> WMZ route's rate and fields and a week's payment window (no bench
# order expires during a run); BENCH_ROUTE=demo takes the demo route the demo mode seeds instead.
# Sets ROUTE_ID, TO_KEY (toValues wallet) and ROUTE_KEY (routeValues email).
create_bench_route() {
  API_URL=$1
  if [[ ${BENCH_ROUTE:-api} == demo ]]; then
    ROUTE_ID=5d8e5f4ab80b7b4cd75a6402 TO_KEY=5d8e5f4ab80b7b4cd75a6414 ROUTE_KEY=5d8e5f4ab80b7b4cd75a6415
    curl -sf -o /dev/null "$API_URL/public/exchanger/route/get/one?id=$ROUTE_ID" || die "no demo route $ROUTE_ID on the server"
    say "route: the demo route $ROUTE_ID (ETH -> WMZ)"
    return
  fi
  local from to route
  from=$(admin POST /admin/currencies '{"xml":"BENCHETH","name":"Bench Ethereum","scale":8,"reserve":"1000000",
    "paymentInstructions":"Send ETH to 0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e (12 confirmations)","manual":true}') ||
    die "could not create the bench currency: $from"
  to=$(admin POST /admin/currencies '{"xml":"BENCHWMZ","name":"Bench WMZ","scale":2,"reserve":"100000000",
    "paymentInstructions":"Pay to WebMoney purse Z104867256013 with the order uid as the payment note","manual":true}') ||
    die "could not create the bench currency: $to"
  route=$(admin POST /admin/routes "$(jq -n --arg from "$(jq -r .data._id <<< "$from")" --arg to "$(jq -r .data._id <<< "$to")" '{
    fromCurrencyId: $from, toCurrencyId: $to, rate: "158.71", feePercent: "0", feeFixed: "0",
    minAmount: "0.01", maxAmount: "50", paymentWindowMinutes: 10080, active: true,
    fromValues: [{name: "wallet", required: false, regexp: "^0x[0-9a-fA-F]{40}$", example: "0x52908400098527886E0F7030069857D2E4169EE7"}],
    toValues: [{name: "wallet", required: true, regexp: "^Z[0-9]{12}$", example: "Z123456789012"}],
    routeValues: [{name: "email", required: true, regexp: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", example: "client@example.com"}]}')") ||
    die "could not create the bench route: $route"
  ROUTE_ID=$(jq -r .data._id <<< "$route")
  TO_KEY=$(jq -r '.data.toValues[0].key' <<< "$route")
  ROUTE_KEY=$(jq -r '.data.routeValues[0].key' <<< "$route")
  say "route: $ROUTE_ID made through POST /admin/routes (wallet $TO_KEY, email $ROUTE_KEY)"
}

# the environment of bench/wrk/create-order.lua (the demo route's ids until the bench route exists:
# the empty app reads the same JSON either way)
route_env() {
  WRK_ENV+=(BENCH_ROUTE_ID="${ROUTE_ID:-5d8e5f4ab80b7b4cd75a6402}" BENCH_TO_KEY="${TO_KEY:-5d8e5f4ab80b7b4cd75a6414}"
    BENCH_ROUTE_KEY="${ROUTE_KEY:-5d8e5f4ab80b7b4cd75a6415}")
}

# ipn_body TIMESTAMP: an IPN form as the server's outbox stores it (IpnForm: the fields, URL-encoded
# brackets; the dispatcher adds the hash when it sends it)
ipn_body() {
  printf 'orderUID=%s&orderId=%s&newStatus=hold&inAmount=2&outAmount=317.42&xml_from=BENCHETH&xml_to=BENCHWMZ&timestamp=%s' \
    "$((ADMIN_BASE + 1))" e20000000000000000000001 "$1"
  printf '&toValues%%5B0%%5D%%5Bkey%%5D=%s&toValues%%5B0%%5D%%5Bname%%5D=wallet&toValues%%5B0%%5D%%5Bvalue%%5D=Z123456789012' \
    "${TO_KEY:-5d8e5f4ab80b7b4cd75a6414}"
}
# ipn_sent_body TIMESTAMP: the same IPN as the server sends it, with its hash last
ipn_sent_body() {
  ipn_body "$1"
  printf '&hash=%s' 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
}

# ---- pools of orders ----------------------------------------------------------------------------

# make_pool NAME BASE N IDP PREFIX STATUS IPN_URL PARTNER: orders by SQL (bench/sql/pool.sql), once per database;
# with an IPN_URL their ipnSecrets encrypted with the server's key (bench/SealIpnSecrets.java)
make_pool() {
  local name=$1 t0
  [[ -n ${POOL[$name]:-} ]] && return 0
  t0=$(now_ms)
  if [[ -n $7 ]]; then
    "$JAVA" "$BENCH_DIR/SealIpnSecrets.java" "${CRYPTO_KEY%%:*}" "${CRYPTO_KEY#*:}" "$4" "$3" "$POOL_IPN_SECRET"
  fi | sql -v base="$2" -v n="$3" -v idp="$4" -v prefix="$5" -v status="$6" -v ipn_url="$7" -v partner="$8" \
    -v route="$ROUTE_ID" -v to_key="$TO_KEY" -v route_key="$ROUTE_KEY" -f "$BENCH_DIR/sql/pool.sql" >/dev/null
  sql -c checkpoint >/dev/null
  POOL[$name]=1
  say "pool $name: $3 $6 orders by SQL (uid $2..$(($2 + $3 - 1))) in $(($(now_ms) - t0)) ms"
}
ensure_get_pool() { make_pool get "$GET_BASE" "$GET_N" e1 G new '' bench; }
ensure_admin_pool() { make_pool admin "$ADMIN_BASE" "$ADMIN_N" e2 A inProgress "$HEALTHY_IPN" bench; }
ensure_pgbench_pool() { make_pool pgbench "$PGB_BASE" "$PGB_N" e4 P inProgress "$HEALTHY_IPN" pgbench; }
# orders of their own: an order's IPNs go one at a time, so a hung IPN would hold back the pool's next ones
ensure_hang_pool() { make_pool hang "$HANG_BASE" "$HANG_N" e5 H inProgress "$HUNG_IPN" bench; }
# every order of the operator's pool back to inProgress, so that each wrk thread's first pass (hold) is legal
reset_admin_pool() {
  sql -c "update exchange_order set status = 'inProgress' where uid between $ADMIN_BASE and $((ADMIN_BASE + ADMIN_N - 1))
          and status <> 'inProgress'" >/dev/null
}
# client_pool N: a fresh range of N new orders for the client's one-shot status change; sets
# CLIENT_POOL_BASE and CLIENT_POOL_N
CLIENT_POOLS=0
client_pool() {
  CLIENT_POOL_BASE=$((CLIENT_BASE + CLIENT_POOLS * 1000000)) CLIENT_POOL_N=$1
  ((CLIENT_POOL_N <= 1000000)) || CLIENT_POOL_N=1000000
  make_pool "client$CLIENT_POOLS" "$CLIENT_POOL_BASE" "$CLIENT_POOL_N" "e3$(printf %x "$CLIENT_POOLS")" C new "$HEALTHY_IPN" bench
  CLIENT_POOLS=$((CLIENT_POOLS + 1))
}

# ---- ceilings, measured once each, when first needed --------------------------------------------

warm_empty() {
  [[ -n ${WARM[empty]:-} ]] && return 0
  say "  (warming the empty app up: ${SECS}s of GET /noop, ${SECS}s of POST /order)"
  wrk_step warm-empty-noop "warm-up: empty app GET /noop" empty-app 32 "$SECS" "$EMPTY_URL/noop" noop.lua "$EMPTY_PID"
  route_env
  wrk_step warm-empty-order "warm-up: empty app POST /order" empty-app 32 "$SECS" "$EMPTY_URL/order" create-order.lua "$EMPTY_PID"
  WARM[empty]=1
}

# need_http KIND CONNS: the empty app's rate (HTTP[KIND@CONNS]) for KIND noop, order or ipn
need_http() {
  local kind=$1 c=$2
  [[ -n ${HTTP[$kind@$c]:-} ]] && return 0
  warm_empty
  case $kind in
    noop) wrk_step "http-noop-$c" "empty app GET /noop" empty-app "$c" "$SECS" "$EMPTY_URL/noop" noop.lua "$EMPTY_PID" ;;
    order)
      route_env
      wrk_step "http-order-$c" "empty app POST /order (JSON)" empty-app "$c" "$SECS" "$EMPTY_URL/order" create-order.lua "$EMPTY_PID" ;;
    ipn)
      WRK_ENV=(BENCH_IPN_BODY="$(ipn_sent_body 0)")
      wrk_step "http-ipn-$c" "empty app POST /ipn (IPN form)" empty-app "$c" "$SECS" "$EMPTY_URL/ipn" ipn-form.lua "$EMPTY_PID"
      curl -sf -XPOST "$EMPTY_URL/ipn/reset" ;;
  esac
  HTTP[$kind@$c]=${R[ok_rate]}
  HTTP_P99[$kind@$c]=${R[p99_ms]}
}

# need_db KIND CONNS: pgbench's rate (DB[KIND@CONNS]) for KIND create, get or status
need_db() {
  local kind=$1 c=$2
  [[ -n ${DB[$kind@$c]:-} ]] && return 0
  case $kind in
    create)
      pgbench_step "db-create-$c" "pgbench: create (order+2 values+history)" "$c" "$SECS" pgbench-create.sql \
        -D route="$ROUTE_ID" -D to_key="$TO_KEY" -D route_key="$ROUTE_KEY" ;;
    get)
      ensure_get_pool
      pgbench_step "db-get-$c" "pgbench: get (order+route+values by uid)" "$c" "$SECS" pgbench-get.sql \
        -D base="$GET_BASE" -D n="$GET_N" ;;
    status)
      ensure_pgbench_pool
      pgbench_step "db-status-$c" "pgbench: status change (lock+update+history+outbox)" "$c" "$SECS" pgbench-status.sql \
        -D base="$PGB_BASE" -D n="$PGB_N" -D url="$HEALTHY_IPN" -D body="$(ipn_body 0)" ;;
  esac
  DB[$kind@$c]=$P_TPS
}

# ---- warming the server's paths -----------------------------------------------------------------

# the Lua environments of the server's steps
get_env() { WRK_ENV+=(BENCH_POOL_BASE="$GET_BASE" BENCH_POOL_COUNT="$GET_N" BENCH_POOL_PREFIX=G); }
admin_env() { WRK_ENV+=(BENCH_POOL_BASE="$ADMIN_BASE" BENCH_POOL_COUNT="$ADMIN_N" BENCH_ADMIN_KEY="$ADMIN_KEY"); }
CREATE_PATH=/public/exchanger/order/create
LIVENESS_PATH=/actuator/health/liveness

# warm_server PATH: one unrecorded-in-the-summary step of SECS at 32 connections (once per path)
warm_server() {
  local what=$1
  [[ -n ${WARM[$what]:-} ]] && return 0
  case $what in
    create) route_env
      wrk_step warm-create "warm-up: POST order/create" server 32 "$SECS" "$SERVER_URL$CREATE_PATH" create-order.lua "$SERVER_PID" ;;
    get) ensure_get_pool; get_env
      wrk_step warm-get "warm-up: GET order/get" server 32 "$SECS" "$SERVER_URL" get-order.lua "$SERVER_PID" ;;
    noop)
      wrk_step warm-noop "warm-up: GET liveness" server 32 "$SECS" "$SERVER_URL$LIVENESS_PATH" noop.lua "$SERVER_PID" ;;
    admin) ensure_admin_pool; reset_admin_pool; admin_env
      wrk_step warm-admin "warm-up: operator status change" server 32 "$SECS" "$SERVER_URL" admin-status.lua "$SERVER_PID" 409-ok ;;
    client) client_pool "$(client_pool_size)"
      WRK_ENV=(BENCH_POOL_BASE="$CLIENT_POOL_BASE" BENCH_POOL_COUNT="$CLIENT_POOL_N" BENCH_POOL_PREFIX=C)
      wrk_step warm-client "warm-up: client status change" server 32 "$SECS" "$SERVER_URL" client-status.lua "$SERVER_PID" 409-ok
      FIG[client_warm]=${R[ok_rate]} ;;
  esac
  WARM[$what]=1
}

# ---- sections -----------------------------------------------------------------------------------

section_http() {
  step "http: the empty app's ceilings (GET /noop; POST /order with order/create's JSON; POST /ipn with an IPN form)"
  local c
  for c in "${CONNS[@]}"; do need_http noop "$c"; done
  for c in 8 16 32 128; do need_http order "$c"; done
  for c in "$PER_HOST_LIMIT" 32; do need_http ipn "$c"; done
}

section_pgbench() {
  step "pgbench: the database ceilings, the server's own SQL on the same PostgreSQL (-M prepared, -j 2)"
  local c
  for c in "${CONNS[@]}"; do need_db create "$c"; done
  for c in "${CONNS[@]}"; do need_db get "$c"; done
  for c in "${STATUS_CONNS[@]}"; do need_db status "$c"; done
}

# create at 32 connections in 5 s slices from ready, until 3 slices in a row are within 5 % of
# each other or WARMUP_MAX seconds have passed
section_warmup() {
  step "warm-up: POST order/create at 32 connections in ${WARMUP_SLICE}s slices from ready (at most ${WARMUP_MAX}s)"
  local k=0 t rates=() n lo hi mean
  printf 'seconds_since_ready\trate\n' > "$RESULTS/warmup.tsv"
  while :; do
    k=$((k + 1))
    route_env
    wrk_step "warmup-$k" "warm-up slice $k: POST order/create" server 32 "$WARMUP_SLICE" "$SERVER_URL$CREATE_PATH" \
      create-order.lua "$SERVER_PID"
    t=$(fmt "$(calc "($(now_ms) - $SERVER_READY_AT) / 1000")" 1)
    rates+=("${R[ok_rate]}")
    printf '%s\t%s\n' "$t" "$(fmt "${R[ok_rate]}" 1)" >> "$RESULTS/warmup.tsv"
    n=${#rates[@]}
    # the last 3 slices (or as many as there are)
    read -r lo hi mean <<< "$(printf '%s\n' "${rates[@]:$((n > 3 ? n - 3 : 0))}" |
      awk 'NR == 1 { lo = hi = $1 } { lo = $1 < lo ? $1 : lo; hi = $1 > hi ? $1 : hi; s += $1 } END { print lo, hi, s / NR }')"
    ((n >= 3)) && holds "($hi - $lo) / $mean" '<=' 0.05 && break
    holds "$t" '>=' "$WARMUP_MAX" && break
  done
  FIG[steady]=$mean
  FIG[warmup_stable]=$( ((n >= 3)) && holds "($hi - $lo) / $mean" '<=' 0.05 && echo yes || echo no)
  # the end of the first slice whose rate reached 90 % of the steady rate
  FIG[t90]=$(awk -v s="$mean" 'NR > 1 && $2 >= 0.9 * s { print $1; exit }' "$RESULTS/warmup.tsv")
  say "steady create rate $(fmt "$mean" 1)/s (mean of the last 3 slices; stable: ${FIG[warmup_stable]});" \
    "90 % of it reached ${FIG[t90]:-never} s after ready"
  WARM[create]=1
  warm_server get
  warm_server noop
}

section_create() {
  step "order/create: POST $CREATE_PATH (JSON, bench/wrk/create-order.lua)"
  warm_server create
  local c
  for c in "${CONNS[@]}"; do
    need_http order "$c"
    need_db create "$c"
    route_env
    wrk_step "create-$c" "POST order/create" server "$c" "$SECS" "$SERVER_URL$CREATE_PATH" create-order.lua "$SERVER_PID"
    FIG[create@$c]=${R[ok_rate]} FIG[create_p99@$c]=${R[p99_ms]} FIG[create_cpu@$c]=$S_CPU_MS
  done
}

section_get() {
  step "order/get: GET order/get?type=order on $GET_N orders, random (bench/wrk/get-order.lua)"
  ensure_get_pool
  warm_server get
  local c
  for c in "${CONNS[@]}"; do
    need_http noop "$c"
    need_db get "$c"
    get_env
    wrk_step "get-$c" "GET order/get" server "$c" "$SECS" "$SERVER_URL" get-order.lua "$SERVER_PID"
    FIG[get@$c]=${R[ok_rate]} FIG[get_p99@$c]=${R[p99_ms]}
  done
}

section_noop() {
  step "no-op: the server's GET $LIVENESS_PATH against the empty app's GET /noop"
  warm_server noop
  local c
  for c in "${CONNS[@]}"; do
    need_http noop "$c"
    wrk_step "noop-$c" "GET liveness" server "$c" "$SECS" "$SERVER_URL$LIVENESS_PATH" noop.lua "$SERVER_PID"
    FIG[noop@$c]=${R[ok_rate]} FIG[noop_p99@$c]=${R[p99_ms]}
  done
}

# enough new orders for one client step: three times the best status-change rate seen so far
# (at least 3000/s) for a step; a step that still runs out gets 409s, counted in its row
client_pool_size() {
  local best=3000 c
  for c in "${STATUS_CONNS[@]}"; do
    holds "${FIG[admin@$c]:--}" '>' "$best" && best=${FIG[admin@$c]}
    holds "${FIG[client@$c]:--}" '>' "$best" && best=${FIG[client@$c]}
  done
  holds "${FIG[client_warm]:--}" '>' "$best" && best=${FIG[client_warm]}
  fmt "$(calc "$best * 3 * $SECS + 1000")" 0
}

# due IPNs still waiting: wait (at most $1 s) until the dispatcher has sent them, or drop them
drain_outbox() {
  local timeout_s=${1:-60} deadline n t0
  t0=$(now_ms)
  deadline=$((t0 + timeout_s * 1000))
  while n=$(sql_value "select count(*) from ipn_delivery where state = 'pending' and next_attempt_at < now() + interval '1 hour'");
      ((n > 0)); do
    if (($(now_ms) > deadline)); then
      sql -c "update ipn_delivery set state = 'stopped', last_error = 'bench: backlog dropped'
              where state = 'pending' and next_attempt_at < now() + interval '1 hour'" >/dev/null
      say "  IPN backlog: $n IPNs still pending after ${timeout_s}s: dropped (state stopped)"
      return 0
    fi
    sleep 0.5
  done
  (($(now_ms) - t0 > 1000)) && say "  IPN backlog sent in $(fmt "$(calc "($(now_ms) - $t0) / 1000")" 1) s"
  return 0
}

section_status() {
  step "status changes: the operator's POST /admin/orders/{uid}/status (inProgress <-> hold on $ADMIN_N orders with an ipnUrl)"
  ensure_admin_pool
  warm_server admin
  local c
  for c in "${STATUS_CONNS[@]}"; do
    need_http order "$c"
    need_db status "$c"
    drain_outbox 60
    reset_admin_pool
    admin_env
    wrk_step "admin-status-$c" "POST /admin/orders/{uid}/status" server "$c" "$SECS" "$SERVER_URL" admin-status.lua "$SERVER_PID" 409-ok
    FIG[admin@$c]=${R[ok_rate]} FIG[admin_p99@$c]=${R[p99_ms]} FIG[admin_409@$c]=${R[c409]}
  done
  step "status changes: the client's PUT order/update-status new -> inProgress (one-shot, a fresh order each)"
  warm_server client
  for c in "${STATUS_CONNS[@]}"; do
    drain_outbox 60
    client_pool "$(client_pool_size)"
    WRK_ENV=(BENCH_POOL_BASE="$CLIENT_POOL_BASE" BENCH_POOL_COUNT="$CLIENT_POOL_N" BENCH_POOL_PREFIX=C)
    wrk_step "client-status-$c" "PUT order/update-status" server "$c" "$SECS" "$SERVER_URL" client-status.lua "$SERVER_PID" 409-ok
    FIG[client@$c]=${R[ok_rate]} FIG[client_p99@$c]=${R[p99_ms]} FIG[client_409@$c]=${R[c409]}
  done
  drain_outbox 60
}

# ipn_stats: the receiver's count, timed, p50, p99, max, first, last (IPN_S[...])
declare -A IPN_S
ipn_stats() {
  local kv
  IPN_S=()
  for kv in $(curl -sf "$EMPTY_URL/ipn/stats"); do IPN_S[${kv%%=*}]=${kv#*=}; done
}
ipn_reset() { curl -sf -XPOST "$EMPTY_URL/ipn/reset"; }
# wait_ipns N TIMEOUT_S: until the receiver has N IPNs or time runs out
wait_ipns() {
  local n=$1 deadline=$(($(now_ms) + $2 * 1000))
  while ipn_stats; ((IPN_S[count] < n)); do
    (($(now_ms) < deadline)) || return 1
    sleep 0.1
  done
}
# queue_ipns TAG N URL DUE MAX_ATTEMPTS [BASE POOL_N]: N pending IPNs by SQL for the orders of a pool (the
# operator's unless given), one per order while N <= POOL_N; DUE 'now' or 'held'
queue_ipns() {
  local due="now()" base=${6:-$ADMIN_BASE} pool_n=${7:-$ADMIN_N}
  [[ $4 == held ]] && due="now() + interval '1 day'"
  sql -c "insert into ipn_delivery (webhook_id, order_id, new_status, url, body, state, attempts, max_attempts, next_attempt_at, created_at)
          select 'bench_$1_' || g, o.id, 'hold', '$3', '$(ipn_body 0)', 'pending', 0, $5, $due, now()
            from generate_series(0, $2 - 1) g join exchange_order o on o.uid = $base + g % $pool_n" >/dev/null
}

# the operator's status changes at IPN_RATE/s, evenly spaced (wrk/common.lua BENCH_RATE; IPN_CONNS
# connections, so that answers may take IPN_CONNS/IPN_RATE s before the rate falls) for SECS,
# then the delays of their IPNs at the healthy receiver; sets FIG[$1_*]
paced_changes() {
  local name=$1 changes started mark
  reset_admin_pool
  admin_env
  WRK_ENV+=(BENCH_RATE="$IPN_RATE")
  mark=$(sql_value "select coalesce(max(id), 0) from ipn_delivery")
  started=$(now_ms)
  wrk_step "ipn-$name" "status changes paced at $IPN_RATE/s" server "$IPN_CONNS" "$SECS" \
    "$SERVER_URL" admin-status.lua "$SERVER_PID" 409-ok
  # the changes made, from the outbox: wrk does not count the requests still in flight when it stops
  sleep 0.5
  changes=$(sql_value "select count(*) from ipn_delivery where id > $mark and url = '$HEALTHY_IPN'")
  FIG[${name}_rate]=${R[ok_rate]}
  FIG[${name}_changes]=$changes
  if wait_ipns "$changes" 30; then FIG[${name}_complete]=yes; else FIG[${name}_complete]=no; fi
  FIG[${name}_count]=${IPN_S[count]} FIG[${name}_p50]=${IPN_S[p50]} FIG[${name}_p99]=${IPN_S[p99]} FIG[${name}_max]=${IPN_S[max]}
  # IPNs still missing: at least as late as the time since the step started
  FIG[${name}_waited]=$(($(now_ms) - started))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(fmt "${R[ok_rate]}" 1)" "$changes" "${IPN_S[count]}" "${IPN_S[p50]}" \
    "${IPN_S[p99]}" "${IPN_S[max]}" >> "$RESULTS/ipn.tsv"
  say "  IPNs: $changes changes, ${IPN_S[count]} IPNs arrived; delay p50 ${IPN_S[p50]} ms, p99 ${IPN_S[p99]} ms, max ${IPN_S[max]} ms"
}

section_ipn() {
  step "IPN: delivery throughput, latency at ~$IPN_RATE changes/s, isolation from a hung receiver"
  ensure_admin_pool
  warm_server admin
  need_http ipn "$PER_HOST_LIMIT"
  need_http ipn 32
  printf 'step\tchange_rate\tchanges\tarrived\tp50_ms\tp99_ms\tmax_ms\n' > "$RESULTS/ipn.tsv"

  say "throughput: $IPN_N IPNs queued by SQL, released at once (the dispatcher polls every 500 ms)"
  drain_outbox 60
  ipn_reset
  queue_ipns tp "$IPN_N" "$HEALTHY_IPN" held 7
  before_step "$SERVER_PID"
  sql -c "update ipn_delivery set next_attempt_at = now(),
            body = replace(body, 'timestamp=0&', 'timestamp=' || (extract(epoch from clock_timestamp()) * 1000)::bigint || '&')
          where webhook_id like 'bench\_tp\_%' and state = 'pending'" >/dev/null
  local t0
  t0=$(now_ms)
  if wait_ipns "$IPN_N" "${BENCH_IPN_TIMEOUT:-120}"; then FIG[ipn_tp_complete]=yes; else FIG[ipn_tp_complete]=no; fi
  after_step "$SERVER_PID" "${IPN_S[count]}"
  local last=${IPN_S[last]}
  ((last > t0)) || last=$(now_ms)
  FIG[ipn_tp]=$(calc "${IPN_S[count]} * 1000 / ($last - $t0)")
  FIG[ipn_tp_count]=${IPN_S[count]}
  printf '%s\n' ipn-throughput "IPN deliveries ($IPN_N queued)" server - "$(fmt "$(calc "($last - $t0) / 1000")" 2)" \
    "$(fmt "${FIG[ipn_tp]}" 1)" "$(fmt "${FIG[ipn_tp]}" 1)" - "${IPN_S[p50]}" "${IPN_S[p99]}" "${IPN_S[max]}" "${IPN_S[count]}" \
    - - - "$S_CPU_S" "$S_CPU_MS" "$S_PG_MS" "$S_IDLE" "$S_RSS" | paste -sd $'\t' >> "$RESULTS/steps.tsv"
  printf 'throughput\t-\t%s\t%s\t%s\t%s\t%s\n' "$IPN_N" "${IPN_S[count]}" "${IPN_S[p50]}" "${IPN_S[p99]}" "${IPN_S[max]}" >> "$RESULTS/ipn.tsv"
  say "  ${IPN_S[count]} of $IPN_N delivered in $(fmt "$(calc "($last - $t0) / 1000")" 2) s: $(fmt "${FIG[ipn_tp]}" 1)/s" \
    "(bare client: $(fmt "${HTTP[ipn@$PER_HOST_LIMIT]}" 0)/s at $PER_HOST_LIMIT conns); server cpu $S_CPU_MS ms/IPN, pg $S_PG_MS"
  drain_outbox 60

  say "latency: the operator's status changes at ~$IPN_RATE/s, IPNs to $HEALTHY_IPN"
  ipn_reset
  paced_changes latency

  say "isolation: $HANG_N IPNs due to a hung receiver ($HUNG_IPN), then the same ~$IPN_RATE/s"
  drain_outbox 60
  ipn_reset
  # one attempt each: the ones in flight when the step ends fail instead of coming back 30 s later
  ensure_hang_pool
  queue_ipns hang "$HANG_N" "$HUNG_IPN" now 1 "$HANG_BASE" "$HANG_N"
  sleep 2
  paced_changes isolation
  sql -c "update ipn_delivery set state = 'stopped', last_error = 'bench: hung receiver step over'
          where url = '$HUNG_IPN' and state = 'pending'" >/dev/null
  drain_outbox 60
}

# EXPLAIN (ANALYZE, BUFFERS) of the queries that grow with the orders table, into plans/
explain_plans() {
  local plans=$RESULTS/plans name
  mkdir -p "$plans"
  declare -A Q=(
    [expiry]="select * from exchange_order where status in ('new', 'waitPayment') and expires_at < now()
              order by expires_at limit 100 for update skip locked"
    [admin-search-status]="select o.*, r.*, f.*, t.* from exchange_order o join route r on r.id = o.route_id
              join currency f on f.id = r.from_currency_id join currency t on t.id = r.to_currency_id
              where o.status = 'done' order by o.created_at desc, o.uid desc offset 0 rows fetch first 20 rows only"
    [admin-search-status-count]="select count(o.id) from exchange_order o where o.status = 'done'"
    [admin-search-partner]="select o.*, r.*, f.*, t.* from exchange_order o join route r on r.id = o.route_id
              join currency f on f.id = r.from_currency_id join currency t on t.id = r.to_currency_id
              where o.partner = 'shop7' order by o.created_at desc, o.uid desc offset 0 rows fetch first 20 rows only"
    [admin-search-partner-count]="select count(o.id) from exchange_order o where o.partner = 'shop7'"
    [order-by-uid]="select o.*, v.* from exchange_order o left join order_field_value v on v.order_id = o.id
              where o.uid = $((SCALE_BASE + SCALE_N / 2))"
    [ipn-claim]="select d.id from ipn_delivery d where d.state = 'pending' and d.next_attempt_at <= now()
              and (d.claimed_until is null or d.claimed_until < now())
              and (d.redelivered or not exists (select 1 from ipn_delivery e where e.order_id = d.order_id
                   and e.id < d.id and e.state = 'pending' and not e.redelivered))
              order by d.next_attempt_at, d.id limit 128"
  )
  SEQ_SCANS=()
  for name in "${!Q[@]}"; do
    # in a transaction that is rolled back: the FOR UPDATE ones lock nothing for long
    sql -c begin -c "explain (analyze, buffers) ${Q[$name]}" -c rollback > "$plans/$name.txt" 2>&1 || true
    local tables
    tables=$(grep -oE 'Seq Scan on [a-z_]+' "$plans/$name.txt" | awk '{ print $4 }' |
      grep -E '^(exchange_order|order_field_value|order_status_change|ipn_delivery)$' | sort -u | paste -sd, || true)
    if [[ -n $tables ]]; then SEQ_SCANS+=("$name: Seq Scan on $tables"); fi
  done
  FIG[plans]=${#Q[@]}
  if ((${#SEQ_SCANS[@]})); then printf '%s\n' "${SEQ_SCANS[@]}" | sort; else echo none; fi > "$plans/seq-scans.txt"
  say "plans in $plans; sequential scans of big tables:"
  sed 's/^/  /' "$plans/seq-scans.txt" >&2
}

section_scale() {
  step "scale: create and get at 32 connections, then $SCALE_N more orders by SQL, then the same again"
  # the same measurements on the (nearly) empty database just before, on the server as warm as
  # it will be after: the ratios show the database's size, not the JIT's progress or the load
  warm_server create
  route_env
  wrk_step scale-before-create-32 "POST order/create (before)" server 32 "$SECS" "$SERVER_URL$CREATE_PATH" create-order.lua "$SERVER_PID"
  FIG[before_create]=${R[ok_rate]} FIG[before_create_p99]=${R[p99_ms]}
  warm_server get
  get_env
  wrk_step scale-before-get-32 "GET order/get (before)" server 32 "$SECS" "$SERVER_URL" get-order.lua "$SERVER_PID"
  FIG[before_get]=${R[ok_rate]} FIG[before_get_p99]=${R[p99_ms]}
  local t0
  t0=$(now_ms)
  sql -v n="$SCALE_N" -v base="$SCALE_BASE" -v route="$ROUTE_ID" -v to_key="$TO_KEY" -v route_key="$ROUTE_KEY" \
    -f "$BENCH_DIR/sql/scale.sql" > "$RAW/scale-insert.txt" 2>&1 || die "the scale insert failed: $(tail -5 "$RAW/scale-insert.txt")"
  FIG[scale_insert_s]=$(fmt "$(calc "($(now_ms) - $t0) / 1000")" 1)
  FIG[scale_orders]=$(sql_value "select count(*) from exchange_order")
  say "inserted in ${FIG[scale_insert_s]} s (with VACUUM ANALYZE); ${FIG[scale_orders]} orders in the database," \
    "$(sql_value "select pg_size_pretty(pg_database_size(current_database()))")"
  route_env
  wrk_step scale-create-32 "POST order/create ($SCALE_N more orders)" server 32 "$SECS" "$SERVER_URL$CREATE_PATH" create-order.lua "$SERVER_PID"
  FIG[scale_create]=${R[ok_rate]} FIG[scale_create_p99]=${R[p99_ms]}
  WRK_ENV=(BENCH_POOL_BASE="$SCALE_BASE" BENCH_POOL_COUNT="$SCALE_N" BENCH_POOL_PREFIX=S)
  wrk_step scale-warm-get "warm-up: GET order/get (any of $SCALE_N)" server 32 "$SECS" "$SERVER_URL" get-order.lua "$SERVER_PID"
  WRK_ENV=(BENCH_POOL_BASE="$SCALE_BASE" BENCH_POOL_COUNT="$SCALE_N" BENCH_POOL_PREFIX=S)
  wrk_step scale-get-32 "GET order/get (any of $SCALE_N)" server 32 "$SECS" "$SERVER_URL" get-order.lua "$SERVER_PID"
  FIG[scale_get]=${R[ok_rate]} FIG[scale_get_p99]=${R[p99_ms]}
  explain_plans
  # the operator's search through the API, once each (informative)
  API_URL=$SERVER_URL
  local what url
  for what in status=done partner=shop7; do
    url="/admin/orders?$what&size=20"
    FIG[search_$what]=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "X-Api-Key: $ADMIN_KEY" "$SERVER_URL$url")
    say "  GET $url: HTTP ${FIG[search_$what]% *} in $(fmt "$(calc "${FIG[search_$what]#* } * 1000")" 0) ms"
  done
}

section_embedded() {
  step "embedded PostgreSQL: the server with no datasource (fsync off; informative, no ratios)"
  stop_pid "$SERVER_PID" 60
  local port t0
  port=$(free_port $((EMPTY_PORT + 1)))
  t0=$(now_ms)
  start_java "server (embedded PostgreSQL)" "$LOGS/server-embedded.log" EXCHANGER_ADMIN_API_KEY="$ADMIN_KEY" \
    EXCHANGER_MODE=demo EXCHANGER_EMBEDDEDDATABASE_THROWAWAY=true EXCHANGER_IPN_ALLOW_PRIVATE_TARGETS=true EXCHANGER_CRYPTO_KEYS="$CRYPTO_KEY" "${RATE_LIMITS[@]}" -- "$SERVER_JAR" --server.port="$port"
  SERVER_PID=$JAVA_PID
  SERVER_URL=http://127.0.0.1:$port
  wait_ready "$SERVER_URL/actuator/health/readiness" "$SERVER_PID" 300 ||
    die "the server on its embedded PostgreSQL did not get ready; $(tail -5 "$LOGS/server-embedded.log")"
  FIG[emb_ready_ms]=$(($(now_ms) - t0))
  DB_PORT=$(grep -oE 'embedded PostgreSQL on port [0-9]+' "$LOGS/server-embedded.log" | grep -oE '[0-9]+$') ||
    die "no embedded PostgreSQL port in $LOGS/server-embedded.log"
  # the postmaster: the process that listens on that port
  EMB_PG_PID=$(ss -Hltnp "sport = :$DB_PORT" | grep -oE 'pid=[0-9]+' | head -1 | cut -d= -f2 || true)
  DB_USER=postgres DB_PASS=postgres DB_NAME=postgres PG_PID=$EMB_PG_PID
  say "ready in $(fmt "$(calc "${FIG[emb_ready_ms]} / 1000")" 2) s; embedded PostgreSQL $(sql_value "show server_version") on port $DB_PORT" \
    "(pid ${EMB_PG_PID:-?}; fsync $(sql_value "show fsync"), synchronous_commit $(sql_value "show synchronous_commit"))"
  POOL=() WARM=()
  create_bench_route "$SERVER_URL"
  ensure_get_pool
  # a cold JVM again: three steps' worth of create before measuring
  route_env
  wrk_step emb-warm-create "warm-up: POST order/create" embedded 32 "$((3 * SECS))" "$SERVER_URL$CREATE_PATH" create-order.lua "$SERVER_PID"
  route_env
  wrk_step emb-create-32 "embedded: POST order/create" embedded 32 "$SECS" "$SERVER_URL$CREATE_PATH" create-order.lua "$SERVER_PID"
  FIG[emb_create]=${R[ok_rate]} FIG[emb_create_p99]=${R[p99_ms]}
  warm_server get
  get_env
  wrk_step emb-get-32 "embedded: GET order/get" embedded 32 "$SECS" "$SERVER_URL" get-order.lua "$SERVER_PID"
  FIG[emb_get]=${R[ok_rate]} FIG[emb_get_p99]=${R[p99_ms]}
  FIG[emb_rss]=$(rss_mib "$SERVER_PID")
}

# ---- the summary --------------------------------------------------------------------------------

# rate_row LABEL FIGURE HTTP DB TARGET_RATIO|info [P99]: a figure against its serial ceiling
rate_row() {
  local label=$1 fig=$2 http=$3 db=$4 target=$5 p99=${6:-} ceiling ratio_ v
  [[ -z $fig ]] && return 0
  ceiling=$(serial_ceiling "$http" "$db")
  ratio_=$(ratio "$fig" "$ceiling")
  if [[ $target == info ]]; then v=info; else v=$(verdict "$ratio_" '>=' "$target"); fi
  local ceiling_text="$(fmt "$ceiling" 0)/s (http $(fmt "$http" 0), db $(fmt "$db" 0))"
  [[ $ceiling == - ]] && ceiling_text="not measured (run sections http, pgbench)"
  row "$label" "$(fmt "$fig" 0)/s${p99:+, p99 $(fmt "$p99" 1) ms}" "$ceiling_text" "$(fmt "$ratio_" 2)" \
    "$([[ $target == info ]] && echo - || echo ">= $target")" "$v"
}

summarize() {
  local c
  printf 'measurement\tresult\tceiling\tratio\ttarget\tverdict\n' > "$RESULTS/summary.tsv"
  local ready_ratio
  ready_ratio=$(ratio "$SERVER_READY_MS" "$EMPTY_READY_MS")
  row "ready time (launch -> readiness 200)" "$(fmt "$(calc "$SERVER_READY_MS / 1000")" 2) s (logs: started in $SERVER_STARTED s)" \
    "$(fmt "$(calc "$EMPTY_READY_MS / 1000")" 2) s (empty app; logs: $EMPTY_STARTED s)" "$(fmt "$ready_ratio" 2)" "<= 2.0" "$(verdict "$ready_ratio" '<=' 2.0)"
  if [[ -n ${FIG[steady]:-} ]]; then
    row "warm-up: ready -> 90 % of steady create rate" "${FIG[t90]:-never} s" \
      "steady $(fmt "${FIG[steady]}" 0)/s$([[ ${FIG[warmup_stable]} == no ]] && echo ' (not stable)')" - "<= 30 s" \
      "$(verdict "${FIG[t90]:--}" '<=' 30)"
  fi
  for c in "${CONNS[@]}"; do
    rate_row "order/create @$c" "${FIG[create@$c]:-}" "${HTTP[order@$c]:-}" "${DB[create@$c]:-}" \
      "$([[ $c == 32 ]] && echo 0.60 || echo info)" "${FIG[create_p99@$c]:-}"
  done
  if [[ -n ${FIG[create_p99@32]:-} ]]; then
    row "order/create @32 p99" "$(fmt "${FIG[create_p99@32]}" 1) ms" - - "< 50 ms" "$(verdict "${FIG[create_p99@32]}" '<' 50)"
  fi
  for c in "${CONNS[@]}"; do
    rate_row "order/get @$c" "${FIG[get@$c]:-}" "${HTTP[noop@$c]:-}" "${DB[get@$c]:-}" 0.50 "${FIG[get_p99@$c]:-}"
  done
  for c in "${CONNS[@]}"; do
    [[ -z ${FIG[noop@$c]:-} ]] && continue
    local r
    r=$(ratio "${FIG[noop@$c]}" "${HTTP[noop@$c]}")
    row "no-op (liveness vs /noop) @$c" "$(fmt "${FIG[noop@$c]}" 0)/s, p99 $(fmt "${FIG[noop_p99@$c]}" 1) ms" \
      "$(fmt "${HTTP[noop@$c]}" 0)/s (empty app)" "$(fmt "$r" 2)" ">= 0.50" "$(verdict "$r" '>=' 0.50)"
  done
  for c in "${STATUS_CONNS[@]}"; do
    rate_row "operator status change @$c$([[ ${FIG[admin_409@$c]:-0} != 0 ]] && echo " (409s: ${FIG[admin_409@$c]})")" \
      "${FIG[admin@$c]:-}" "${HTTP[order@$c]:-}" "${DB[status@$c]:-}" 0.50 "${FIG[admin_p99@$c]:-}"
  done
  for c in "${STATUS_CONNS[@]}"; do
    rate_row "client status change @$c$([[ ${FIG[client_409@$c]:-0} != 0 ]] && echo " (409s: ${FIG[client_409@$c]})")" \
      "${FIG[client@$c]:-}" "${HTTP[order@$c]:-}" "${DB[status@$c]:-}" 0.50 "${FIG[client_p99@$c]:-}"
  done
  if [[ -n ${FIG[ipn_tp]:-} ]]; then
    local r
    r=$(ratio "${FIG[ipn_tp]}" "${HTTP[ipn@$PER_HOST_LIMIT]}")
    row "IPN delivery throughput ($IPN_N queued$([[ ${FIG[ipn_tp_complete]} == no ]] && echo ", only ${FIG[ipn_tp_count]} arrived"))" \
      "$(fmt "${FIG[ipn_tp]}" 0)/s" \
      "$(fmt "${HTTP[ipn@$PER_HOST_LIMIT]}" 0)/s (wrk -> /ipn at $PER_HOST_LIMIT conns = per-host limit; at 32: $(fmt "${HTTP[ipn@32]}" 0)/s)" \
      "$(fmt "$r" 2)" ">= 0.50" "$(verdict "$r" '>=' 0.50)"
    ipn_row latency "IPN delay p99 at $(fmt "${FIG[latency_rate]}" 0) changes/s (aim $IPN_RATE)" p99 200
    ipn_row isolation "IPN delay max, $HANG_N due to a hung host" max 1000
  fi
  if [[ -n ${FIG[scale_create]:-} ]]; then
    local r
    r=$(ratio "${FIG[scale_create]}" "${FIG[before_create]}")
    row "scale: create @32, $(fmt "${FIG[scale_orders]}" 0) orders" "$(fmt "${FIG[scale_create]}" 0)/s, p99 $(fmt "${FIG[scale_create_p99]}" 1) ms" \
      "$(fmt "${FIG[before_create]}" 0)/s, p99 $(fmt "${FIG[before_create_p99]}" 1) ms (just before)" "$(fmt "$r" 2)" ">= 0.90" "$(verdict "$r" '>=' 0.90)"
    r=$(ratio "${FIG[scale_get]}" "${FIG[before_get]}")
    row "scale: get @32, random of $SCALE_N" "$(fmt "${FIG[scale_get]}" 0)/s, p99 $(fmt "${FIG[scale_get_p99]}" 1) ms" \
      "$(fmt "${FIG[before_get]}" 0)/s, p99 $(fmt "${FIG[before_get_p99]}" 1) ms (just before, $GET_N orders)" "$(fmt "$r" 2)" ">= 0.90" "$(verdict "$r" '>=' 0.90)"
    local what
    for what in status=done partner=shop7; do
      [[ -n ${FIG[search_$what]:-} ]] && row "scale: GET /admin/orders?$what&size=20 (once)" \
        "HTTP ${FIG[search_$what]% *} in $(fmt "$(calc "${FIG[search_$what]#* } * 1000")" 0) ms" - - - info
    done
    row "scale: plans with a Seq Scan of a big table" \
      "$( ((${#SEQ_SCANS[@]})) && echo "${#SEQ_SCANS[@]} of ${FIG[plans]} (plans/seq-scans.txt)" || echo "none of ${FIG[plans]}")" - - none \
      "$( ((${#SEQ_SCANS[@]})) && echo SHORT || echo PASS)"
  fi
  row "server RSS after the run (no -Xmx)" "${FIG[rss]:-?} MiB" - - - info
  if [[ -n ${FIG[emb_create]:-} ]]; then
    row "embedded PostgreSQL: ready time" "$(fmt "$(calc "${FIG[emb_ready_ms]} / 1000")" 2) s" - - - info
    row "embedded PostgreSQL: create @32" "$(fmt "${FIG[emb_create]}" 0)/s, p99 $(fmt "${FIG[emb_create_p99]}" 1) ms" - - - info
    row "embedded PostgreSQL: get @32" "$(fmt "${FIG[emb_get]}" 0)/s, p99 $(fmt "${FIG[emb_get_p99]}" 1) ms" - - - info
  fi
}

# ipn_row NAME LABEL p99|max LIMIT_MS: an IPN delay against its limit; missing IPNs make it at least the time waited
ipn_row() {
  local name=$1 label=$2 which=$3 limit=$4 value result v
  [[ -z ${FIG[${name}_changes]:-} ]] && return 0
  value=${FIG[${name}_$which]}
  if [[ ${FIG[${name}_complete]} == yes ]]; then
    result="$value ms (p50 ${FIG[${name}_p50]}, p99 ${FIG[${name}_p99]}, max ${FIG[${name}_max]})"
    v=$(verdict "$value" '<' "$limit")
  else
    result="> ${FIG[${name}_waited]} ms: ${FIG[${name}_count]} of ${FIG[${name}_changes]} IPNs arrived"
    v=SHORT
  fi
  row "$label" "$result" - - "< $limit ms" "$v"
}

machine_info() {
  {
    echo "date: $(date -Is)"
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
    echo "load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java ($JAVA): $("$JAVA" -version 2>&1 | head -1)${BENCH_JAVA_OPTS:+ with $BENCH_JAVA_OPTS}${BENCH_SERVER_JAVA_OPTS:+; the server with $BENCH_SERVER_JAVA_OPTS}"
    echo "PostgreSQL: ${PG_VERSION:-?} ($PGBIN), default settings, max_connections=300"
    echo "wrk: $( (wrk -v 2>&1 || true) | head -1 | cut -d' ' -f1-2)"
    echo "server jar: $SERVER_JAR ($(date -r "$SERVER_JAR" -Is))"
    echo "commit: $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo '?')"
    echo "seconds per step: $SECS; sections: $(for s in "${ALL_SECTIONS[@]}"; do on "$s" && printf '%s ' "$s"; done)"
  } > "$RESULTS/machine.txt"
}

print_summary() {
  local m r c ra t v
  {
    echo "# Benchmark, $(date '+%Y-%m-%d %H:%M')"
    echo
    sed 's/^/- /' "$RESULTS/machine.txt"
    echo
    echo "| measurement | result | ceiling | ratio | target | verdict |"
    echo "|---|---|---|---|---|---|"
    tail -n +2 "$RESULTS/summary.tsv" | while IFS=$'\t' read -r m r c ra t v; do
      echo "| $m | $r | $c | $ra | $t | $v |"
    done
    echo
    echo "Ceilings: http = the empty app (same Spring Boot) at the same connections; db = pgbench with the"
    echo "server's SQL on the same PostgreSQL; a path that needs both has 1/(1/http + 1/db). Every step:"
    echo "steps.tsv (CPU ms per request of the process under test and of PostgreSQL); raw/ has wrk's and pgbench's output."
  } > "$RESULTS/summary.md"
  step "summary (seconds per step: $SECS)"
  cat "$RESULTS/machine.txt"
  echo
  # columns as wide as their widest cell
  awk -F'\t' '{ for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } } NF > n { n = NF }
    END { for (r = 1; r <= NR; r++) { line = ""; for (i = 1; i <= n; i++) line = line sprintf(i < n ? "%-" w[i] "s  " : "%s", cell[r, i]); print line } }' \
    "$RESULTS/summary.tsv"
  echo
  echo "results: $RESULTS (summary.md, steps.tsv, *.png)"
}

# ---- charts -------------------------------------------------------------------------------------

plots() {
  local c
  printf 'conns\tcreate\tcreate_ceiling\tget\tget_ceiling\tnoop\tnoop_ceiling\n' > "$RESULTS/throughput.tsv"
  printf 'conns\tcreate_p99\tget_p99\tnoop_p99\thttp_order_p99\thttp_noop_p99\n' > "$RESULTS/latency.tsv"
  for c in "${CONNS[@]}"; do
    printf '%s\n' "$c" "$(fmt "${FIG[create@$c]:--}" 1)" "$(serial_ceiling "${HTTP[order@$c]:--}" "${DB[create@$c]:--}")" \
      "$(fmt "${FIG[get@$c]:--}" 1)" "$(serial_ceiling "${HTTP[noop@$c]:--}" "${DB[get@$c]:--}")" \
      "$(fmt "${FIG[noop@$c]:--}" 1)" "$(fmt "${HTTP[noop@$c]:--}" 1)" | paste -sd $'\t' >> "$RESULTS/throughput.tsv"
    printf '%s\n' "$c" "${FIG[create_p99@$c]:--}" "${FIG[get_p99@$c]:--}" "${FIG[noop_p99@$c]:--}" \
      "${HTTP_P99[order@$c]:--}" "${HTTP_P99[noop@$c]:--}" | paste -sd $'\t' >> "$RESULTS/latency.tsv"
  done
  # a chart only where there is something to draw
  has_data() { awk -F'\t' 'NR > 1 { for (i = 2; i <= NF; i++) if ($i != "-") found = 1 } END { exit !found }' "$1"; }
  local common="set terminal pngcairo size 1000,620 font 'sans,10'; set datafile separator '\t'; set datafile missing '-';
    set key outside right top; set grid; set logscale x 2; set xtics (8, 32, 128); set xrange [6:170]; set xlabel 'connections'"
  if has_data "$RESULTS/throughput.tsv"; then
    gnuplot -e "$common; set output '$RESULTS/throughput.png'; set title 'Throughput against the ceilings measured in the same run';
    set ylabel 'requests/s'; set yrange [0:*];
    plot '$RESULTS/throughput.tsv' using 1:2 skip 1 with linespoints lw 2 lc 1 title 'order/create',
         '' using 1:3 skip 1 with linespoints dt 2 lc 1 title 'create ceiling (1/(1/http+1/db))',
         '' using 1:4 skip 1 with linespoints lw 2 lc 2 title 'order/get',
         '' using 1:5 skip 1 with linespoints dt 2 lc 2 title 'get ceiling',
         '' using 1:6 skip 1 with linespoints lw 2 lc 3 title 'liveness (no-op)',
         '' using 1:7 skip 1 with linespoints dt 2 lc 3 title 'empty app /noop'" 2>>"$LOGS/gnuplot.log" || say "gnuplot: see $LOGS/gnuplot.log"
  fi
  if has_data "$RESULTS/latency.tsv"; then
    gnuplot -e "$common; set output '$RESULTS/latency.png'; set title 'p99 latency (wrk)'; set ylabel 'p99, ms'; set logscale y;
    plot '$RESULTS/latency.tsv' using 1:2 skip 1 with linespoints lw 2 lc 1 title 'order/create',
         '' using 1:3 skip 1 with linespoints lw 2 lc 2 title 'order/get',
         '' using 1:4 skip 1 with linespoints lw 2 lc 3 title 'liveness (no-op)',
         '' using 1:5 skip 1 with linespoints dt 2 lc 1 title 'empty app POST /order',
         '' using 1:6 skip 1 with linespoints dt 2 lc 3 title 'empty app /noop'" 2>>"$LOGS/gnuplot.log" || say "gnuplot: see $LOGS/gnuplot.log"
  fi
  if [[ -s $RESULTS/warmup.tsv && -n ${FIG[steady]:-} ]]; then
    gnuplot -e "set terminal pngcairo size 1000,620 font 'sans,10'; set datafile separator '\t'; set output '$RESULTS/warmup.png';
      set title 'Warm-up: order/create at 32 connections, ${WARMUP_SLICE}-second slices from ready'; set grid; set key top left;
      set xlabel 'seconds since ready (end of slice)'; set ylabel 'creates/s'; set yrange [0:*]; set xrange [0:*];
      set arrow from 30, graph 0 to 30, graph 1 nohead dt 2 lw 2 lc rgb 'red';
      set label 'target: 90 % by 30 s' at 30, graph 0.06 offset 1, 0 tc rgb 'red';
      plot '$RESULTS/warmup.tsv' using 1:2 skip 1 with linespoints lw 2 lc rgb '#5b2c83' title 'create rate',
           ${FIG[steady]} with lines dt 2 lw 2 lc rgb '#1f77b4' title 'steady (mean of the last 3 slices)',
           0.9 * ${FIG[steady]} with lines dt 4 lw 2 lc rgb '#ff7f0e' title '90 % of steady'" 2>>"$LOGS/gnuplot.log" || say "gnuplot: see $LOGS/gnuplot.log"
  fi
}

# ---- main ---------------------------------------------------------------------------------------

main() {
  local started
  started=$(now_ms)
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  mkdir -p "$RAW" "$LOGS"
  printf '%s\n' "$STEPS_HEADER" > "$RESULTS/steps.tsv"
  say "bench: ${SECS}s per step; results in $RESULTS"
  [[ $(id -u) == 0 ]] || die "run it as root: it installs packages and runs PostgreSQL as postgres (runuser)"
  install_tools
  build
  command -v "$JAVA" >/dev/null || die "no java at '$JAVA' (BENCH_JAVA)"
  start_postgres
  SERVER_PORT=$(free_port 18080)
  start_empty_app
  on http && section_http
  start_server
  create_bench_route "$SERVER_URL"
  on warmup && section_warmup
  on pgbench && section_pgbench
  on create && section_create
  on get && section_get
  on noop && section_noop
  on status && section_status
  on ipn && section_ipn
  on scale && section_scale
  FIG[rss]=$(rss_mib "$SERVER_PID")
  on embedded && section_embedded
  machine_info
  summarize
  plots
  print_summary
  say "total time: $(fmt "$(calc "($(now_ms) - $started) / 1000")" 0) s"
}

# on one line: bash has read all of it before it runs, so editing this file during a run is safe
main; exit
