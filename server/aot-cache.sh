#!/usr/bin/env bash
# Builds an AOT cache for the server (JDK 25+, JEP 483/514/515): the classes loaded and linked at
# start, and the method profiles of a short training run that creates, reads and changes orders,
# so that the server starts in well under half the time and reaches its steady rate sooner.
#
#   bash server/aot-cache.sh [JAR] [DIR] [TRAINING-SECONDS]
#     JAR  the runnable jar (default server/target/exchanger-server-exec.jar)
#     DIR  where the extracted application and the cache go (default server/target/aot)
#   then start it with the same JDK, from that directory's jar:
#     java -XX:AOTCache=DIR/exchanger.aot -jar DIR/exchanger-server-exec.jar
#
# The training run uses the embedded throw-away database and the demo routes, whatever the
# environment says: a cache holds classes and profiles, not data, and serves any database.
# Uses $JAVA (default: java on the PATH), which must be the JDK that will run the server.
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-server/target/exchanger-server-exec.jar}"
dir="${2:-server/target/aot}"
seconds="${3:-30}"
java="${JAVA:-java}"

version=$("$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -c ' AOTCacheOutput ' || true)
if [ "$version" = "0" ]; then
  echo "aot-cache: $("$java" -version 2>&1 | head -1) has no AOT cache (-XX:AOTCacheOutput needs JDK 25 or newer); set JAVA" >&2
  exit 2
fi
[ -f "$jar" ] || { echo "aot-cache: no $jar (build it with ./mvnw -pl server -am -DskipTests package)" >&2; exit 2; }

rm -rf "$dir"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
app="$dir/$(basename "$jar")"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18099)
log="$dir/training.log"

echo "aot-cache: training run on port $port for ${seconds}s (log: $log)"
env -u SPRING_DATASOURCE_URL EXCHANGER_ADMIN_API_KEY=aot-training-key EXCHANGER_IPN_ALLOW_PRIVATE_TARGETS=true \
  "$java" -XX:AOTCacheOutput="$dir/exchanger.aot" -jar "$app" --server.port="$port" \
  --exchanger.mode=demo --exchanger.embedded-database.enabled=true --exchanger.embedded-database.throw-away=true \
  --exchanger.crypto.key-file="$dir/training-crypto-key" > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -sf "localhost:$port/actuator/health/readiness" >/dev/null && break
  kill -0 $server 2>/dev/null || { echo "aot-cache: the training run did not start; see $log" >&2; exit 1; }
  sleep 0.2
done

# the hot paths, as partners and the operator use them: create (JSON and form), get, status changes
create_json='{"routeId":"5d8e5f4ab80b7b4cd75a6402","amount":2,"toValues":[{"key":"5d8e5f4ab80b7b4cd75a6414","value":"Z123456789012"}],"routeValues":[{"key":"5d8e5f4ab80b7b4cd75a6415","value":"client@example.com"}],"ipnUrl":"http://127.0.0.1:9/ipn","ipnSecret":"aot-training"}'
end=$((SECONDS + seconds))
requests=0
while [ $SECONDS -lt $end ]; do
  order=$(curl -s -XPOST "localhost:$port/public/exchanger/order/create" -H 'Content-Type: application/json' -d "$create_json")
  uid=$(echo "$order" | grep -oE '"uid":[0-9]+' | grep -oE '[0-9]+' || true)
  secret=$(echo "$order" | grep -oE '"secret":"[0-9A-Za-z]{24}"' | cut -d'"' -f4 || true)
  [ -n "$uid" ] || { echo "aot-cache: order/create failed: $order" >&2; exit 1; }
  curl -s -o /dev/null -XPOST "localhost:$port/public/exchanger/order/create" \
    -d routeId=5d8e5f4ab80b7b4cd75a6402 -d amount=2 \
    -d 'toValues[0][key]=5d8e5f4ab80b7b4cd75a6414' -d 'toValues[0][value]=Z123456789012' \
    -d 'routeValues[0][key]=5d8e5f4ab80b7b4cd75a6415' -d 'routeValues[0][value]=client@example.com'
  for type in order payment order payment; do
    curl -s -o /dev/null "localhost:$port/public/exchanger/order/get?orderUID=$uid&orderSecret=$secret&type=$type"
  done
  curl -s -o /dev/null -XPUT "localhost:$port/public/exchanger/order/update-status" -H 'Content-Type: application/json' \
    -d "{\"orderUID\":$uid,\"orderSecret\":\"$secret\",\"status\":\"inProgress\"}"
  for status in hold inProgress; do
    curl -s -o /dev/null -XPOST "localhost:$port/admin/orders/$uid/status" -H 'X-Api-Key: aot-training-key' \
      -H 'Content-Type: application/json' -d "{\"status\":\"$status\"}"
  done
  curl -s -o /dev/null "localhost:$port/public/exchanger/route/get"
  curl -s -o /dev/null "localhost:$port/actuator/health/liveness"
  requests=$((requests + 12))
done

kill -TERM $server
wait $server || true
trap - EXIT
[ -s "$dir/exchanger.aot" ] || { echo "aot-cache: no cache was written; see $log" >&2; exit 1; }
echo "aot-cache: $requests training requests; $(du -h "$dir/exchanger.aot" | cut -f1) cache in $dir/exchanger.aot"
echo "start with: $java -XX:AOTCache=$dir/exchanger.aot -jar $app"
