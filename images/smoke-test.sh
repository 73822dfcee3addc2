#!/usr/bin/env bash
# Smoke test of the offline images built by images/build.sh: each one starts
# and does the one thing scaler relies on. Everything it starts carries the
# label scaler.smoke=<run id> and a name with that id, on a network of its
# own, and is removed at the end (also on failure). Traffic stays on that
# network. Takes about 17 s, plus RabbitMQ's boot and a few more for the Docker-in-Docker node.
#
#   images/smoke-test.sh
set -euo pipefail

run=smoke-$$-$RANDOM
net=$run-net
fails=0 passes=0

cleanup() {
  local ids
  ids=$(docker ps -aq --filter "label=scaler.smoke=$run")
  [ -z "$ids" ] || docker rm -f -v $ids >/dev/null 2>&1 || true
  docker network rm "$net" >/dev/null 2>&1 || true
  # the node's engine made cgroups of its own name (its --cgroup-parent); rmdir them, deepest first
  find /sys/fs/cgroup/*/"$run-node" -depth -type d -exec rmdir {} + 2>/dev/null || true
  rm -rf "${tmp:-}"
}
trap cleanup EXIT
tmp=$(mktemp -d)

ok()   { echo "ok   $*"; passes=$((passes + 1)); }
# (not `cmd | grep -q`: under pipefail, grep quitting early can fail the pipe)
contains() { grep -qF -- "$2" <<< "$1"; }
fail() { echo "FAIL $*"; fails=$((fails + 1)); }
run()  { docker run --rm --label "scaler.smoke=$run" --network "$net" "$@"; }
# until CMD... succeeds, for at most 15 s
eventually() { local i; for i in $(seq 30); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done; return 1; }

for img in scaler/base:bookworm scaler/haproxy:offline scaler/redis:offline scaler/webapp:offline scaler/mariadb:offline \
    scaler/toxiproxy:offline scaler/rabbitmq:offline scaler/node:offline; do
  docker image inspect "$img" >/dev/null 2>&1 || { echo "missing image $img: run images/build.sh first" >&2; exit 1; }
done
docker network create --label "scaler.smoke=$run" "$net" >/dev/null

# --- redis -------------------------------------------------------------------
v=$(run scaler/redis:offline redis-server --version) && ok "redis: $v" || fail "redis-server --version"

docker run -d --name "$run-redis" --label "scaler.smoke=$run" --network "$net" scaler/redis:offline >/dev/null
if eventually run scaler/redis:offline redis-cli -h "$run-redis" ping \
   && [ "$(run scaler/redis:offline redis-cli -h "$run-redis" ping)" = PONG ]; then
  ok "redis: default run answers PING from another container (protected mode off)"
else
  fail "redis: default run does not answer PING"; docker logs "$run-redis" 2>&1 | tail -5
fi

pw=pw-$RANDOM$RANDOM
# The password goes in on stdin; redis-server stays PID 1 (clean docker stop).
docker run -d --name "$run-redis-pw" --label "scaler.smoke=$run" --network "$net" -e REDIS_PASSWORD="$pw" \
  scaler/redis:offline sh -c 'exec redis-server - --protected-mode no <<EOF
requirepass $REDIS_PASSWORD
EOF' >/dev/null
if eventually run -e REDISCLI_AUTH="$pw" scaler/redis:offline redis-cli -h "$run-redis-pw" ping \
   && [ "$(run -e REDISCLI_AUTH="$pw" scaler/redis:offline redis-cli -h "$run-redis-pw" ping)" = PONG ]; then
  ok "redis: password via stdin, PING with REDISCLI_AUTH answers PONG"
else
  fail "redis: password via stdin"; docker logs "$run-redis-pw" 2>&1 | tail -5
fi
if contains "$(run scaler/redis:offline redis-cli -h "$run-redis-pw" ping 2>&1)" NOAUTH; then
  ok "redis: without the password: NOAUTH"
else
  fail "redis: answers without the password"
fi
if contains "$(docker inspect -f '{{json .Args}} {{json .Path}}' "$run-redis-pw")" "$pw"; then
  fail "redis: the password shows in the container's command line"
else
  ok "redis: the password is not on the command line"
fi

# --- haproxy -------------------------------------------------------------------
cfg() {
  cat > "$tmp/haproxy.cfg" <<EOF
global
  log stdout format raw local0 info
defaults
  mode http
  log global
  option dontlognull
  timeout connect 2s
  timeout client 10s
  timeout server 10s
frontend web
  bind :80
  http-request return status 200 content-type text/plain string "$1"
EOF
  chmod 0644 "$tmp/haproxy.cfg"
}
get() { # what the frontend answers, through bash's /dev/tcp from another container
  run scaler/haproxy:offline bash -c 'exec 3<>/dev/tcp/'"$run-haproxy"'/80; printf "GET / HTTP/1.0\r\n\r\n" >&3; tail -n1 <&3'
}
answers() { [ "$(get)" = "$1" ]; }
cfg generation-1
docker create --name "$run-haproxy" --label "scaler.smoke=$run" --network "$net" scaler/haproxy:offline >/dev/null
docker cp "$tmp/haproxy.cfg" "$run-haproxy:/usr/local/etc/haproxy/haproxy.cfg"
docker start "$run-haproxy" >/dev/null
if eventually answers generation-1; then
  ok "haproxy: starts with the copied config, non-root, port 80"
else
  fail "haproxy: does not serve"; docker logs "$run-haproxy" 2>&1 | tail -5
fi
if docker exec "$run-haproxy" bash -c 'exec 3<>/dev/tcp/127.0.0.1/80'; then
  ok "haproxy: bash /dev/tcp health check"
else
  fail "haproxy: bash /dev/tcp health check"
fi
cfg generation-2
docker cp "$tmp/haproxy.cfg" "$run-haproxy:/usr/local/etc/haproxy/haproxy.cfg"
docker kill --signal USR2 "$run-haproxy" >/dev/null
if eventually answers generation-2; then
  ok "haproxy: reloads on USR2 (master-worker)"
else
  fail "haproxy: no reload on USR2"; docker logs "$run-haproxy" 2>&1 | tail -8
fi
if contains "$(docker logs "$run-haproxy" 2>&1)" 'Reloading HAProxy'; then
  ok "haproxy: log says 'Reloading HAProxy'"
else
  fail "haproxy: no reload in the log"
fi
docker stop "$run-haproxy" >/dev/null
code=$(docker inspect -f '{{.State.ExitCode}}' "$run-haproxy")
[ "$code" = 0 ] && ok "haproxy: docker stop (SIGUSR1) exits 0" || fail "haproxy: docker stop exit code $code"

# --- webapp --------------------------------------------------------------------
if v=$(run scaler/webapp:offline java -version 2>&1) && contains "$v" version; then
  ok "webapp: $(head -n1 <<< "$v")"
else
  fail "webapp: java -version"; echo "$v"
fi
user=$(docker image inspect -f '{{.Config.User}}' scaler/webapp:offline)
[ -n "$user" ] && [ "${user%%:*}" != 0 ] && [ "${user%%:*}" != root ] \
  && ok "webapp: runs as $user" || fail "webapp: runs as root"
if contains "$(run scaler/webapp:offline java -XX:+UseSerialGC -Xmx128m -XX:TieredStopAtLevel=1 -XshowSettings:vm -version 2>&1)" 'Max. Heap Size'; then
  ok "webapp: the CMD's JVM flags are accepted"
else
  fail "webapp: the CMD's JVM flags"
fi

# --- mariadb -------------------------------------------------------------------
v=$(run scaler/mariadb:offline mariadbd --version) && ok "mariadb: $v" || fail "mariadbd --version"

# The health check scaler gives database containers (dev.scaler.sql.ServerImage.HEALTH_CHECK, the same text):
# it works in the official mariadb and mysql images too.
read -r -d '' health_check <<'EOF' || true
exec "$(command -v mariadb || command -v mysql)" --defaults-extra-file=<(printf '[client]\npassword="%s"\n' "${MARIADB_ROOT_PASSWORD:-$MYSQL_ROOT_PASSWORD}") --protocol=TCP -h127.0.0.1 -uroot --connect-timeout=2 -e 'SELECT 1'
EOF
healthy() { docker exec "$1" bash -c "$health_check"; }
sql() { # container user password statement: run from another container, over the network
  run -e MYSQL_PWD="$3" scaler/mariadb:offline mariadb -h "$1" -u"$2" -N -B -e "$4"
}
db=$run-mariadb
printf '[mysqld]\nserver-id = 7\nlog-bin = mysql-bin\nlog-slave-updates = ON\n' > "$tmp/replication.cnf"
printf 'CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(20));\nINSERT INTO greeting VALUES (1, '"'hello'"');\n' > "$tmp/10-schema.sql"
chmod 0644 "$tmp/replication.cnf" "$tmp/10-schema.sql"
docker create --name "$db" --label "scaler.smoke=$run" --network "$net" -e MARIADB_ROOT_PASSWORD="$pw" \
  -e MARIADB_DATABASE=shop -e MARIADB_USER=app -e MARIADB_PASSWORD=app-"$pw" scaler/mariadb:offline >/dev/null
docker cp "$tmp/replication.cnf" "$db:/etc/mysql/conf.d/replication.cnf"
docker cp "$tmp/10-schema.sql" "$db:/docker-entrypoint-initdb.d/10-schema.sql"
t0=$(date +%s%N)
docker start "$db" >/dev/null
if eventually healthy "$db"; then
  ok "mariadb: initialized and ready in $(( ($(date +%s%N) - t0) / 1000000 )) ms (health check over TCP with the root password from env)"
else
  fail "mariadb: not ready"; docker logs "$db" 2>&1 | tail -8
fi
if [ "$(sql "$db" app "app-$pw" 'SELECT text FROM shop.greeting' 2>&1)" = hello ]; then
  ok "mariadb: MARIADB_USER reads MARIADB_DATABASE, filled by /docker-entrypoint-initdb.d/*.sql"
else
  fail "mariadb: app user / init script"
fi
if [ "$(sql "$db" root "$pw" 'SELECT CONCAT(@@server_id, " ", @@log_bin, " [", @@gtid_binlog_pos, "]")' 2>&1)" = "7 ON []" ]; then
  ok "mariadb: reads /etc/mysql/conf.d/*.cnf (server-id 7, binlog on); the set-up left no GTIDs"
else
  fail "mariadb: conf.d or binlog: $(sql "$db" root "$pw" 'SELECT @@server_id, @@log_bin, @@gtid_binlog_pos' 2>&1)"
fi
if contains "$(docker logs "$db" 2>&1)" 'from the one made when the image was built'; then
  ok "mariadb: the data directory is a copy of the system tables made at build time"
else
  fail "mariadb: the data directory was not copied from the template"; docker logs "$db" 2>&1 | grep Entrypoint
fi
# An option that changes the on-disk format: the template would not fit, so mariadb-install-db runs.
printf '[mysqld]\ninnodb_page_size = 8k\n' > "$tmp/page-size.cnf"
chmod 0644 "$tmp/page-size.cnf"
docker create --name "$db-8k" --label "scaler.smoke=$run" --network "$net" -e MARIADB_ROOT_PASSWORD="$pw" \
  scaler/mariadb:offline >/dev/null
docker cp "$tmp/page-size.cnf" "$db-8k:/etc/mysql/conf.d/page-size.cnf"
docker start "$db-8k" >/dev/null
if eventually healthy "$db-8k" && [ "$(sql "$db-8k" root "$pw" 'SELECT @@innodb_page_size' 2>&1)" = 8192 ] \
   && ! contains "$(docker logs "$db-8k" 2>&1)" 'from the one made'; then
  ok "mariadb: innodb_page_size = 8k in conf.d makes its own system tables (page size 8192)"
else
  fail "mariadb: innodb_page_size = 8k in conf.d"; docker logs "$db-8k" 2>&1 | tail -5
fi
docker rm -f -v "$db-8k" >/dev/null
if contains "$(sql "$db" root wrong-"$pw" 'SELECT 1' 2>&1)" 'Access denied'; then
  ok "mariadb: a wrong root password is refused"
else
  fail "mariadb: root without the password"
fi
t0=$(date +%s%N)
docker stop "$db" >/dev/null
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
code=$(docker inspect -f '{{.State.ExitCode}}' "$db")
[ "$code" = 0 ] && [ "$ms" -lt 5000 ] && ok "mariadb: docker stop exits 0 in $ms ms (mariadbd is PID 1)" \
  || fail "mariadb: docker stop: exit code $code after $ms ms"
docker start "$db" >/dev/null
if eventually healthy "$db" && [ "$(docker logs "$db" 2>&1 | grep -c 'Initializing the data directory')" = 1 ] \
   && [ "$(sql "$db" app "app-$pw" 'SELECT COUNT(*) FROM shop.greeting' 2>&1)" = 1 ]; then
  ok "mariadb: restarts on its data without initializing again"
else
  fail "mariadb: restart"; docker logs "$db" 2>&1 | tail -5
fi
docker run -d --name "$db-nopw" --label "scaler.smoke=$run" --network "$net" scaler/mariadb:offline >/dev/null
code=$(docker wait "$db-nopw")
if [ "$code" != 0 ] && contains "$(docker logs "$db-nopw" 2>&1)" 'no root password'; then
  ok "mariadb: refuses to initialize without a root password (exit $code)"
else
  fail "mariadb: started without a root password"
fi

# --- toxiproxy -----------------------------------------------------------------
v=$(run scaler/toxiproxy:offline -version) && contains "$v" 2.12.0 && ok "toxiproxy: $v" || fail "toxiproxy -version: $v"
v=$(run --entrypoint /toxiproxy-cli scaler/toxiproxy:offline --version) && contains "$v" 2.12.0 \
  && ok "toxiproxy: $v" || fail "toxiproxy-cli --version: $v"

# As scaler runs it: the server's arguments as the command, proxies from a config file copied in
# before start. The one proxy leads back to the server's own API, so it needs no other container.
tp=$run-toxiproxy
mkdir -p "$tmp/etc/toxiproxy"
printf '[{"name":"api","listen":"0.0.0.0:20001","upstream":"127.0.0.1:8474","enabled":true}]\n' \
  > "$tmp/etc/toxiproxy/proxies.json"
chmod 0644 "$tmp/etc/toxiproxy/proxies.json"
docker create --name "$tp" --label "scaler.smoke=$run" --network "$net" scaler/toxiproxy:offline \
  -host=0.0.0.0 -port=8474 -config=/etc/toxiproxy/proxies.json >/dev/null
tar -C "$tmp" -cf - etc | docker cp - "$tp:/"
docker start "$tp" >/dev/null
cli() { docker exec "$tp" /toxiproxy-cli -h http://127.0.0.1:8474 "$@"; }
if eventually cli list && contains "$(cli list)" "127.0.0.1:8474"; then
  ok "toxiproxy: the proxy from -config is listed by the health check command (toxiproxy-cli list)"
else
  fail "toxiproxy: -config proxy not listed"; docker logs "$tp" 2>&1 | tail -5
fi
user=$(docker exec "$tp" id -un)
[ "$user" != root ] && ok "toxiproxy: runs as $user" || fail "toxiproxy: runs as root"
# Milliseconds for one HTTP request to the API through the proxy, from another container.
through() {
  run scaler/base:bookworm bash -c 's=$(date +%s%N); exec 3<>/dev/tcp/'"$tp"'/20001 || exit 1
    printf "GET /version HTTP/1.0\r\n\r\n" >&3; r=$(cat <&3); [[ $r == *2.12.0* ]] || exit 1
    echo $(( ($(date +%s%N) - s) / 1000000 ))'
}
if fast=$(through); then
  ok "toxiproxy: traffic flows through the proxy ($fast ms)"
else
  fail "toxiproxy: no answer through the proxy"
fi
cli toxic add -t latency -a latency=300 -n slow api >/dev/null
slow=$(through || echo 0)
[ "$slow" -ge 300 ] && ok "toxiproxy: a 300 ms latency toxic makes it take $slow ms" \
  || fail "toxiproxy: with a 300 ms latency toxic it took $slow ms"
cli toxic remove -n slow api >/dev/null
again=$(through || echo 99999)
[ "$again" -lt 300 ] && ok "toxiproxy: removing the toxic makes it fast again ($again ms)" \
  || fail "toxiproxy: still $again ms after removing the toxic"
docker stop "$tp" >/dev/null
if ! cli list >/dev/null 2>&1 && [ "$(docker inspect -f '{{.State.Running}}' "$tp")" = false ]; then
  ok "toxiproxy: docker stop ends it (exit $(docker inspect -f '{{.State.ExitCode}}' "$tp"))"
else
  fail "toxiproxy: still running after docker stop"
fi

# --- minio and the edge ----------------------------------------------------------
v=$(run scaler/minio:offline minio --version | sed -n 1p) && contains "$v" "minio version" \
  && ok "minio: $v" || fail "minio --version: $v"
mn=$run-minio
docker run -d --name "$mn" --label "scaler.smoke=$run" --network "$net" -e MINIO_ROOT_USER=smoke \
  -e MINIO_ROOT_PASSWORD="pw-$RANDOM$RANDOM" scaler/minio:offline minio server /data --address :9000 --quiet >/dev/null
# The health path scaler checks, asked the way its health check does (bash's /dev/tcp: no curl in the image).
live() {
  docker exec "$mn" bash -c 'exec 3<>/dev/tcp/127.0.0.1/9000 && printf "GET /minio/health/live HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && read -r s <&3 && [[ $s == *" 200"* ]]'
}
if eventually live; then ok "minio: /minio/health/live answers 200"; else fail "minio: not live"; docker logs "$mn" 2>&1 | tail -5; fi
user=$(docker exec "$mn" id -un)
[ "$user" != root ] && ok "minio: runs as $user" || fail "minio: runs as root"
anon=$(run scaler/base:bookworm bash -c 'exec 3<>/dev/tcp/'"$mn"'/9000 && printf "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && read -r s <&3 && echo "$s"')
contains "$anon" " 403" && ok "minio: anonymous listing is refused ($anon)" || fail "minio: anonymous listing: $anon"

# The edge with a small config of the shape scaler writes (plan.EdgeConfig): a cache in front of that MinIO.
ed=$run-edge
mkdir -p "$tmp/etc/scaler"
printf '%s\n' 'pid /tmp/nginx.pid;' 'error_log stderr warn;' 'events {}' 'http {' \
  '  proxy_temp_path /tmp/nginx-proxy;' '  client_body_temp_path /tmp/nginx-body;' \
  '  proxy_cache_path /var/cache/scaler-edge keys_zone=assets:1m;' '  resolver 127.0.0.11 valid=5s ipv6=off;' \
  '  server {' '    listen 8080;' '    location / {' "      set \$origin http://$mn:9000;" '      proxy_pass $origin;' \
  '      proxy_cache assets;' '      proxy_cache_valid 403 1m;' '      add_header X-Cache $upstream_cache_status always;' \
  '    }' '  }' '}' > "$tmp/etc/scaler/nginx.conf"
chmod 0644 "$tmp/etc/scaler/nginx.conf"
docker create --name "$ed" --label "scaler.smoke=$run" --network "$net" scaler/edge:offline >/dev/null
tar -C "$tmp" -cf - etc/scaler | docker cp - "$ed:/"
docker start "$ed" >/dev/null
ask_edge() { # PATH
  run scaler/base:bookworm bash -c 'exec 3<>/dev/tcp/'"$ed"'/8080 && printf "GET '"$1"' HTTP/1.0\r\nHost: edge\r\n\r\n" >&3 && cat <&3' | tr -d '\r'
}
eventually ask_edge / || true
h1=$(ask_edge /smoke | grep -i '^x-cache' || true)
h2=$(ask_edge /smoke | grep -i '^x-cache' || true)
if contains "$h1" MISS && contains "$h2" HIT; then
  ok "edge: nginx reaches MinIO by name and caches its answer ($h1, then $h2)"
else
  fail "edge: expected MISS then HIT, got '$h1' and '$h2'"; docker logs "$ed" 2>&1 | tail -5
fi

# --- rabbitmq ------------------------------------------------------------------
# One node given its cookie and password as files, as scaler gives them (plan.QueueTier): it serves AMQP and the
# management API, answers with that password only, and neither secret is in its environment.
rq=$run-rabbitmq
printf 'cookie%s' "$RANDOM$RANDOM$RANDOM" > "$tmp/queue.cookie"
qpw=qpw-$RANDOM$RANDOM
printf '%s' "$qpw" > "$tmp/queue.password"
chmod 0444 "$tmp/queue.cookie" "$tmp/queue.password"
docker create --name "$rq" --label "scaler.smoke=$run" --network "$net" -e RABBITMQ_NODENAME="rabbit@$rq" \
  -e RABBITMQ_DEFAULT_USER=smoke -e RABBITMQ_DEFAULT_PASS_FILE=/run/secrets/queue.password \
  -e RABBITMQ_ERLANG_COOKIE_FILE=/run/secrets/queue.cookie scaler/rabbitmq:offline >/dev/null
mkdir -p "$tmp/run/secrets" && cp "$tmp/queue.cookie" "$tmp/queue.password" "$tmp/run/secrets/"
tar -C "$tmp" -cf - run/secrets | docker cp - "$rq:/"
docker start "$rq" >/dev/null
overview() { # USER PASSWORD: the status line of GET /api/overview, asked from another container
  run scaler/base:bookworm bash -c 'exec 3<>/dev/tcp/'"$rq"'/15672 && printf "GET /api/overview HTTP/1.0\r\nHost: x\r\nAuthorization: Basic %s\r\n\r\n" "$(printf "%s:%s" "$1" "$2" | base64 -w0)" >&3 && read -r s <&3 && echo "$s"' _ "$1" "$2"
}
amqp() { docker exec "$rq" bash -c 'exec 3<>/dev/tcp/127.0.0.1/5672'; }
for _ in $(seq 120); do amqp 2>/dev/null && break; sleep 0.5; done   # an Erlang VM boots in 5 to 20 s here
if amqp && eventually eval 'contains "$(overview smoke "$qpw")" " 200"'; then
  ok "rabbitmq: AMQP on 5672, the management API answers user smoke with the password from the file"
else
  fail "rabbitmq: not serving"; docker logs "$rq" 2>&1 | tail -8
fi
contains "$(overview smoke wrong)" " 401" && ok "rabbitmq: a wrong password is refused (401)" \
  || fail "rabbitmq: a wrong password is not refused"
if contains "$(docker inspect -f '{{json .Config.Env}}' "$rq")" "$qpw"; then
  fail "rabbitmq: the password shows in the environment"
else
  ok "rabbitmq: neither secret is in the environment"
fi
[ "$(docker exec "$rq" stat -c '%U %a' /var/lib/rabbitmq/.erlang.cookie)" = "rabbitmq 400" ] \
  && ok "rabbitmq: the cookie is rabbitmq's, mode 0400" || fail "rabbitmq: cookie owner or mode"
docker stop -t 20 "$rq" >/dev/null
code=$(docker inspect -f '{{.State.ExitCode}}' "$rq")
[ "$code" = 0 ] && ok "rabbitmq: docker stop exits 0" || fail "rabbitmq: docker stop exit code $code"

# --- node -----------------------------------------------------------------------
# A Docker-in-Docker node as `scaler cluster up` runs it (not --privileged: this machine cannot start that): its
# engine answers, runs a container under its own cgroup parent, and starts again after a SIGKILL (stale pid file).
nd=$run-node
docker run -d --name "$nd" --hostname "$nd" --label "scaler.smoke=$run" --network "$net" -e SCALER_NODE="$nd" \
  --cap-add ALL --cap-drop SYS_RESOURCE --security-opt seccomp=unconfined --security-opt apparmor=unconfined \
  -v /sys/fs/cgroup:/sys/fs/cgroup:rw scaler/node:offline >/dev/null
if eventually docker exec "$nd" docker info; then
  ok "node: its engine answers ($(docker exec "$nd" docker info -f '{{.ServerVersion}} {{.Driver}}'))"
else
  fail "node: its engine does not answer"; docker logs "$nd" 2>&1 | tail -5
fi
docker save scaler/base:bookworm | docker exec -i "$nd" docker load >/dev/null
if [ "$(docker exec "$nd" docker run --rm scaler/base:bookworm echo nested 2>&1)" = nested ] \
   && [ -d "/sys/fs/cgroup/memory/$nd" ]; then
  ok "node: runs a container of an image loaded without a registry, under the cgroup /$nd"
else
  fail "node: cannot run a nested container under /$nd"; docker logs "$nd" 2>&1 | tail -5
fi
docker kill "$nd" >/dev/null && docker start "$nd" >/dev/null
if eventually docker exec "$nd" docker info; then
  ok "node: starts again after SIGKILL"
else
  fail "node: does not start after SIGKILL"; docker logs "$nd" 2>&1 | tail -5
fi
docker rm -f -v "$nd" >/dev/null

echo "smoke: $passes passed, $fails failed"
[ "$fails" = 0 ]
