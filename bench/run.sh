#!/usr/bin/env bash
# Benchmark: order/create and order/get against ceilings measured in the same run on the same
# machine and the same PostgreSQL (PRODUCT.md "Non-functional targets"). Prints ratios.
#   bash bench/run.sh [seconds-per-step]     (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"
port=18080
conns=32

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v bc >/dev/null || { apt-get update -qq && apt-get install -y -qq bc; }
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client; }

jar=server/target/exchanger-server-exec.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package -pl server -am
log=$(mktemp)
java -Xmx512m -jar "$jar" --server.port=$port > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$port/actuator/health/readiness >/dev/null && break; sleep 1; done
pgport=$(grep -oE 'embedded PostgreSQL on port [0-9]+' "$log" | grep -oE '[0-9]+$')
ready=$(grep -oE 'Started ExchangerApplication in [0-9.]+ seconds' "$log" | grep -oE '[0-9.]+')
echo "server ready in ${ready}s; embedded PostgreSQL on port $pgport"

psql -q -h 127.0.0.1 -p "$pgport" -U postgres -d postgres <<'SQL'
drop table if exists bench_order;
create table bench_order (like exchange_order including defaults);
alter table bench_order add primary key (id), add unique (uid), add column values_json text;
create sequence if not exists bench_order_uid;
SQL

# The JIT needs a while: order/create's rate kept rising over the first minute of load here,
# so every path measured below is warmed up first, for as long as it is then measured.
echo "== warm-up (${secs}s each: create, get, no-op)"
wrk -t2 -c$conns -d"${secs}s" -s bench/create-order.lua http://127.0.0.1:$port/public/exchanger/order/create >/dev/null

echo "== pgbench: one order-sized insert per transaction, $conns clients"
pg=$(pgbench -h 127.0.0.1 -p "$pgport" -U postgres -n -c $conns -j 2 -T "$secs" -f bench/insert-order.sql postgres)
pg_tps=$(echo "$pg" | grep -oE 'tps = [0-9.]+' | head -1 | grep -oE '[0-9.]+')
echo "pgbench: $pg_tps tps"

echo "== wrk: POST order/create, $conns connections"
create=$(wrk -t2 -c$conns -d"${secs}s" --latency -s bench/create-order.lua http://127.0.0.1:$port/public/exchanger/order/create)
echo "$create" | grep -E 'Requests/sec|99%|Non-2xx'
create_rps=$(echo "$create" | grep -oE 'Requests/sec: +[0-9.]+' | grep -oE '[0-9.]+$')

order=$(curl -s -XPOST localhost:$port/public/exchanger/order/create -H 'Content-Type: application/json' \
  -d '{"routeId":"5d8e5f4ab80b7b4cd75a6402","amount":2,"toValues":[{"key":"5d8e5f4ab80b7b4cd75a6414","value":"Z123456789012"}],"routeValues":[{"key":"5d8e5f4ab80b7b4cd75a6415","value":"client@example.com"}]}')
uid=$(echo "$order" | grep -oE '"uid":[0-9]+' | grep -oE '[0-9]+')
secret=$(echo "$order" | grep -oE '"secret":"[0-9A-Za-z]{24}"' | cut -d'"' -f4)

wrk -t2 -c$conns -d"${secs}s" "http://127.0.0.1:$port/public/exchanger/order/get?orderUID=$uid&orderSecret=$secret" >/dev/null
wrk -t2 -c$conns -d"${secs}s" http://127.0.0.1:$port/actuator/health/liveness >/dev/null

echo "== wrk: GET order/get, $conns connections"
get=$(wrk -t2 -c$conns -d"${secs}s" --latency "http://127.0.0.1:$port/public/exchanger/order/get?orderUID=$uid&orderSecret=$secret")
echo "$get" | grep -E 'Requests/sec|99%|Non-2xx'
get_rps=$(echo "$get" | grep -oE 'Requests/sec: +[0-9.]+' | grep -oE '[0-9.]+$')

echo "== wrk: GET /actuator/health/liveness (the no-op ceiling), $conns connections"
noop=$(wrk -t2 -c$conns -d"${secs}s" --latency http://127.0.0.1:$port/actuator/health/liveness)
echo "$noop" | grep -E 'Requests/sec|99%'
noop_rps=$(echo "$noop" | grep -oE 'Requests/sec: +[0-9.]+' | grep -oE '[0-9.]+$')

rss=$(ps -o rss= -p $server | tr -d ' ')
echo
echo "order/create: $create_rps/s = $(echo "scale=2; $create_rps / $pg_tps" | bc) x pgbench ($pg_tps tps)  [target >= 0.45]"
echo "order/get:    $get_rps/s = $(echo "scale=2; $get_rps / $noop_rps" | bc) x no-op ($noop_rps/s)  [target >= 0.50]"
echo "server RSS after the run: $((rss / 1024)) MiB  [target < 512]"
