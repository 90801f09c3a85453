#!/usr/bin/env bash
# The intake's proofs for issue 12 (docs/benchmarks.md, "The survey intake"): throughput against PostgreSQL's own
# one-row INSERT rate, kill -9 of the server during load, PostgreSQL stopped and restarted during load, and 10,000
# uploads aborted mid-body. Run from the repository root:
#
#   scripts/load/run.sh                 # everything (about 6 minutes on 2 cores)
#   scripts/load/run.sh throughput      # or one of: throughput kill9 dbrestart aborted
#
# It installs what it lacks with apt-get (root): wrk, postgresql-client (psql) and postgresql-contrib (pgbench);
# it builds the jar (./mvnw -q -o -DskipTests package; SKIP_BUILD=1 to reuse it) and runs
# `java -jar openita-server/target/openita.jar` on a free port of 127.0.0.1 with OPENITA_HOME in a new temporary
# folder and the survey rate limit off. All traffic goes to 127.0.0.1; every run is bounded in count and time, and
# the server and its PostgreSQL are stopped on exit. Settings (environment): RUN_SECONDS (20, per wrk/pgbench run),
# KILL_TOTAL (20000 submissions, killed at KILL_AT=10000 acknowledged), ABORTED (10000), SURVEY_PATH (the form;
# default /s/eit/LOAD-01), POOL_SIZE / TOMCAT_THREADS (server tuning, default: OpenITA's), JAVA_OPTS (the server's JVM,
# default -Xms1g -Xmx1g -XX:MaxGCPauseMillis=20: short young collections, see docs/benchmarks.md), OUT (results folder).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PHASES=${*:-throughput kill9 dbrestart aborted}
RUN_SECONDS=${RUN_SECONDS:-20}
KILL_TOTAL=${KILL_TOTAL:-20000}
KILL_AT=${KILL_AT:-10000}
ABORTED=${ABORTED:-10000}
AGENCY=${AGENCY:-LOAD-01}
SURVEY_PATH=${SURVEY_PATH:-/s/eit/$AGENCY}
EXPECT_STATUS=${EXPECT_STATUS:-303}
OUT=${OUT:-$(mktemp -d /tmp/openita-load-XXXXXX)}
HOME_DIR=$OUT/home
JAR=$ROOT/openita-server/target/openita.jar
CLIENT="java -Xmx512m -cp $OUT/client LoadClient"
SERVER_PID=
mkdir -p "$OUT"
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/report.txt"; }

# ---- tools -------------------------------------------------------------------------------------------------------
need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need psql || ! need pgbench; then
  apt-get update -qq && apt-get install -y -qq wrk postgresql-client postgresql-contrib >/dev/null
fi

# ---- the server --------------------------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT

start_server() {
  local extra=()
  [ -n "${POOL_SIZE:-}" ] && extra+=("--spring.datasource.hikari.maximum-pool-size=$POOL_SIZE")
  [ -n "${TOMCAT_THREADS:-}" ] && extra+=("--server.tomcat.threads.max=$TOMCAT_THREADS")
  OPENITA_HOME=$HOME_DIR nohup java ${JAVA_OPTS:--Xms1g -Xmx1g -XX:MaxGCPauseMillis=20} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
    --openita.survey.rate-limit.enabled=false --openita.survey.one-answer-per-device=false "${extra[@]}" >>"$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "$BASE/actuator/health"; then log "server up (pid $SERVER_PID, port $PORT)"; return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { log "server exited; see $OUT/server.log"; exit 1; }
    sleep 0.5
  done
  log "server did not become healthy in 120 s"; exit 1
}

stop_server() {
  [ -z "$SERVER_PID" ] && return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# The embedded PostgreSQL's own pg_ctl (the binaries OpenITA unpacked), run as OpenITA runs it (unshare -U as root).
pg_ctl_embedded() {
  local pid bin
  pid=$(head -1 "$HOME_DIR/pgdata/postmaster.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && [ -e "/proc/$pid/exe" ]; then bin=$(dirname "$(readlink -f /proc/"$pid"/exe)"); echo "$bin" >"$OUT/pgbin"; fi
  bin=$(cat "$OUT/pgbin")
  if [ "$(id -u)" = 0 ]; then unshare -U "$bin/pg_ctl" -D "$HOME_DIR/pgdata" "$@"; else "$bin/pg_ctl" -D "$HOME_DIR/pgdata" "$@"; fi
}

cleanup() {
  stop_server
  if [ -f "$HOME_DIR/pgdata/postmaster.pid" ]; then pg_ctl_embedded stop -m fast -w -t 60 >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# psql as the application role over the embedded server's socket, with its password from the data folder.
sql() {
  PGPASSWORD=$(sed -n 's/^openita.password=//p' "$HOME_DIR/pgdata/openita-credentials.properties") \
    psql -h "$HOME_DIR/pgdata/socket" -U openita -d openita -v ON_ERROR_STOP=1 -qAtX "$@"
}
sql_superuser() {
  PGPASSWORD=$(sed -n 's/^postgres.password=//p' "$HOME_DIR/pgdata/openita-credentials.properties") \
    psql -h "$HOME_DIR/pgdata/socket" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAtX "$@"
}
pgbench_app() {
  PGPASSWORD=$(sed -n 's/^openita.password=//p' "$HOME_DIR/pgdata/openita-credentials.properties") \
    pgbench -h "$HOME_DIR/pgdata/socket" -U openita "$@" openita
}
FISCAL_YEAR=$(( $(date +%m | sed 's/^0//') >= 10 ? $(date +%Y) + 544 : $(date +%Y) + 543 ))

seed() {
  sql <<SQL
insert into agency (code, name_th, name_en, agency_type) values ('$AGENCY', 'หน่วยงานทดสอบภาระ', 'Load test agency', 'DEPARTMENT')
  on conflict (code) do nothing;
insert into assessment_cycle (fiscal_year) values ($FISCAL_YEAR) on conflict do nothing;
insert into cycle_phase (fiscal_year, phase, starts_on, ends_on) values ($FISCAL_YEAR, 'SURVEY_COLLECTION', current_date - 1, current_date + 30)
  on conflict (fiscal_year, phase) do update set starts_on = excluded.starts_on, ends_on = excluded.ends_on;
SQL
}

# Rows stored for the agency: survey_response once the intake exists (the lead's V20), else nothing to count.
stored_rows() {
  if [ "$(sql -c "select to_regclass('survey_response') is not null")" = t ]; then
    sql -c "select count(*) from survey_response where agency_code = '$AGENCY'"
  else
    echo 0
  fi
}

# Connections of the application in PostgreSQL: all, and those not idle (a stuck one would be active or idle in transaction).
connections() {
  sql -c "select count(*) || ' total, ' || count(*) filter (where state <> 'idle') || ' not idle' from pg_stat_activity
          where usename = 'openita' and pid <> pg_backend_pid()"
}

# CPU time (ms, user + system) used so far by the server's JVM and by PostgreSQL's processes (postmaster and children):
# divided by the requests served in between, it says what one submission costs, whatever else runs on the machine.
cpu_ms() {
  local hz; hz=$(getconf CLK_TCK)
  awk -v hz="$hz" '{ split($0, a, ") "); split(a[2], f, " "); t += f[12] + f[13] } END { printf "%d\n", t * 1000 / hz }' "$@" 2>/dev/null || echo 0
}
server_cpu_ms() { cpu_ms "/proc/$SERVER_PID/stat"; }
postgres_cpu_ms() {
  local pm hz; pm=$(head -1 "$HOME_DIR/pgdata/postmaster.pid"); hz=$(getconf CLK_TCK)
  # the postmaster's own time and that of its ended children (cutime, cstime: pgbench's backends), plus the live children
  echo $(( $(awk -v hz="$hz" '{ split($0, a, ") "); split(a[2], f, " "); printf "%d\n", (f[14] + f[15]) * 1000 / hz }' "/proc/$pm/stat") \
    + $(cpu_ms "/proc/$pm/stat" $(pgrep -P "$pm" | sed 's|.*|/proc/&/stat|')) ))
}

prepare_form() { $CLIENT prepare "$BASE" "$SURVEY_PATH" "$OUT/form" ${FORM_EXTRA:-} | tee -a "$OUT/report.txt"; }

# ---- build and start -----------------------------------------------------------------------------------------------
if [ -z "${SKIP_BUILD:-}" ]; then log "building the jar"; ./mvnw -q -o -DskipTests package -pl openita-server -am; fi
log "machine: $(nproc) vCPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1)"
log "results in $OUT; fiscal year $FISCAL_YEAR; form $SURVEY_PATH"
mkdir -p "$OUT/client" && javac -d "$OUT/client" "$ROOT/scripts/load/LoadClient.java"
start_server
seed
# OpenITA's embedded server allows 50 connections; pgbench's 64 clients need more (postgresql.auto.conf, read last).
if [[ " $PHASES " == *" throughput "* ]] && [ "$(sql -c 'show max_connections')" -lt 100 ]; then
  sql_superuser -c "alter system set max_connections = 120"
  stop_server; start_server
fi
log "synchronous_commit=$(sql -c 'show synchronous_commit') fsync=$(sql -c 'show fsync') max_connections=$(sql -c 'show max_connections')"

# ---- 1. throughput: pgbench, then wrk ------------------------------------------------------------------------------
throughput() {
  # A scratch table with survey_response's shape (LIKE ... INCLUDING ALL: columns, defaults, checks, indexes), and the
  # same one-row INSERT the intake makes, each its own transaction with synchronous_commit on.
  local answers='{"e1":"6","e2":"5","e3":"6","e4":"4","e5":"6","e6":"5","e7":"6","e8":"1","e9":"2"}'
  sql -c "drop table if exists bench_response"
  if [ "$(sql -c "select to_regclass('survey_response') is not null")" = t ]; then
    sql -c "create table bench_response (like survey_response including all)"
    echo "insert into bench_response (agency_code, fiscal_year, part, answered_on, answers, seconds_to_complete, identical_answers, burst)
      values ('$AGENCY', $FISCAL_YEAR, 'EIT_PUBLIC', current_date, '$answers', 95, false, 0);" >"$OUT/insert.sql"
  else
    sql -c "create table bench_response (id uuid primary key default gen_random_uuid(), agency_code text not null,
            fiscal_year int not null, part text not null, answered_on date not null, answers jsonb not null)"
    echo "insert into bench_response (agency_code, fiscal_year, part, answered_on, answers)
      values ('$AGENCY', $FISCAL_YEAR, 'EIT_PUBLIC', current_date, '$answers');" >"$OUT/insert.sql"
  fi
  for c in 16 64; do
    local pg0; pg0=$(postgres_cpu_ms)
    pgbench_app -n -f "$OUT/insert.sql" -c "$c" -j 2 -T "$RUN_SECONDS" >"$OUT/pgbench-$c.txt" 2>&1
    local tps; tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-$c.txt")
    local n; n=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$OUT/pgbench-$c.txt")
    echo "$tps" >"$OUT/pgbench-$c.tps"
    log "pgbench $c clients, $RUN_SECONDS s: $tps inserts/s ($(grep 'latency average' "$OUT/pgbench-$c.txt")); PostgreSQL CPU per insert $(python3 -c "print(f'{($(postgres_cpu_ms) - $pg0) / max($n, 1):.2f} ms')")"
  done
  sql -c "drop table bench_response"

  prepare_form
  # warm-up, not counted: the JIT compiles the intake's path first (as it would have on a server running for a while);
  # 45 s, since with 15 s the C2 compiler was still at work in the first measured run (0.69 ms of server CPU an answer
  # at 16 clients against 0.25 ms once warm)
  BODY_FILE=$OUT/form/body.txt COOKIE_FILE=$OUT/form/cookie.txt SUBMIT_PATH=$SURVEY_PATH EXPECT=$EXPECT_STATUS \
    wrk -t 2 -c 16 -d "${WARMUP_SECONDS:-45}s" --timeout 10s -s "$ROOT/scripts/load/submit.lua" "$BASE" >"$OUT/wrk-warmup.txt" 2>&1
  log "warm-up: $(grep -E '^Requests/sec' "$OUT/wrk-warmup.txt")"
  local before after
  for c in 16 64; do
    before=$(stored_rows)
    local jvm0 pg0; jvm0=$(server_cpu_ms); pg0=$(postgres_cpu_ms)
    BODY_FILE=$OUT/form/body.txt COOKIE_FILE=$OUT/form/cookie.txt SUBMIT_PATH=$SURVEY_PATH EXPECT=$EXPECT_STATUS \
      wrk -t 2 -c "$c" -d "${RUN_SECONDS}s" --timeout 10s --latency -s "$ROOT/scripts/load/submit.lua" "$BASE" >"$OUT/wrk-$c.txt" 2>&1
    local jvm1 pg1; jvm1=$(server_cpu_ms); pg1=$(postgres_cpu_ms)
    after=$(stored_rows)
    local rps acked p50 p99 non errors
    rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$OUT/wrk-$c.txt")
    acked=$(sed -n 's/^acknowledged=\([0-9]*\)/\1/p' "$OUT/wrk-$c.txt")
    p50=$(awk '/Latency Distribution/{f=1} f && $1=="50%"{print $2; exit}' "$OUT/wrk-$c.txt")
    p99=$(awk '/Latency Distribution/{f=1} f && $1=="99%"{print $2; exit}' "$OUT/wrk-$c.txt")
    non=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\)/\1/p' "$OUT/wrk-$c.txt"); non=${non:-0}
    errors=$(grep -o 'Socket errors:.*' "$OUT/wrk-$c.txt" || echo "Socket errors: none")
    log "wrk $c connections, $RUN_SECONDS s: $rps requests/s, p50 $p50, p99 $p99, non-2xx/3xx $non, $errors, $(grep '^other_status' "$OUT/wrk-$c.txt" || true)"
    log "  acknowledged (status $EXPECT_STATUS) $acked, rows stored $((after - before)) (the difference: answers in flight when wrk stopped); ratio to pgbench: $(python3 -c "print(f'{100*$acked/$RUN_SECONDS/float(open(\"$OUT/pgbench-$c.tps\").read()):.1f} %')")"
    log "  CPU per acknowledged submission: server JVM $(python3 -c "print(f'{($jvm1 - $jvm0) / max($acked, 1):.2f} ms')"), PostgreSQL $(python3 -c "print(f'{($pg1 - $pg0) / max($acked, 1):.2f} ms')"); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  log "connections after the throughput runs: $(connections)"
  # For comparison, the same server serving a 2 KB static file (css/survey.css) through its whole filter chain (Spring
  # Session, Spring Security, MVC's resource handling), no database: what an answer would cost without the quick path's
  # short way (ADR 0030).
  for c in 16 64; do
    local jvm0; jvm0=$(server_cpu_ms)
    wrk -t 2 -c "$c" -d "${RUN_SECONDS}s" --timeout 10s --latency "$BASE/css/survey.css" >"$OUT/wrk-static-$c.txt" 2>&1
    local jvm1; jvm1=$(server_cpu_ms)
    local n; n=$(awk '/requests in/{print $1}' "$OUT/wrk-static-$c.txt")
    log "comparison: a static file, wrk $c connections: $(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$OUT/wrk-static-$c.txt") requests/s, p99 $(awk '/Latency Distribution/{f=1} f && $1=="99%"{print $2; exit}' "$OUT/wrk-static-$c.txt"), server JVM CPU $(python3 -c "print(f'{($jvm1 - $jvm0) / max($n, 1):.2f} ms')") per request"
  done
}

# ---- 2. kill -9 during load --------------------------------------------------------------------------------------
kill9() {
  prepare_form
  local before; before=$(stored_rows)
  mkdir -p "$OUT/kill9"; cp "$OUT/form/body.txt" "$OUT/form/cookie.txt" "$OUT/kill9/"; rm -f "$OUT/kill9/acked"
  EXPECT=$EXPECT_STATUS $CLIENT submit "$BASE" "$SURVEY_PATH" "$OUT/kill9" 32 "$KILL_TOTAL" 300 >"$OUT/kill9/client.txt" 2>&1 &
  local client=$!
  for _ in $(seq 1 3000); do   # at most 300 s
    [ "$(cat "$OUT/kill9/acked" 2>/dev/null || echo 0)" -ge "$KILL_AT" ] && break
    kill -0 "$client" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$SERVER_PID"; log "kill -9 of the server after $(cat "$OUT/kill9/acked") acknowledged"
  wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
  wait "$client" || true
  log "client: $(cat "$OUT/kill9/summary.txt")"
  start_server
  local rows acked unknown
  rows=$(( $(stored_rows) - before ))
  acked=$(sed -n 's/.*\backed=\([0-9]*\).*/\1/p' "$OUT/kill9/summary.txt")
  unknown=$(sed -n 's/.*in_flight_unknown=\([0-9]*\).*/\1/p' "$OUT/kill9/summary.txt")
  if [ "$rows" -ge "$acked" ] && [ "$rows" -le $((acked + unknown)) ]; then verdict=PASS; else verdict=FAIL; fi
  log "kill -9: $verdict: rows after restart $rows, acknowledged $acked, in flight (no answer) $unknown: acknowledged <= rows <= acknowledged + in flight"
}

# ---- 3. PostgreSQL stopped and started during load ---------------------------------------------------------------
dbrestart() {
  prepare_form
  mkdir -p "$OUT/dbrestart"; cp "$OUT/form/body.txt" "$OUT/form/cookie.txt" "$OUT/dbrestart/"
  local before; before=$(stored_rows)
  EXPECT=$EXPECT_STATUS $CLIENT submit "$BASE" "$SURVEY_PATH" "$OUT/dbrestart" 16 1000000 40 >"$OUT/dbrestart/client.txt" 2>&1 &
  local client=$!
  for _ in $(seq 1 600); do [ "$(cat "$OUT/dbrestart/acked" 2>/dev/null || echo 0)" -gt 0 ] && break; sleep 0.1; done
  sleep 8
  log "stopping PostgreSQL (pg_ctl stop -m fast) under load"
  pg_ctl_embedded stop -m fast -w -t 60 >>"$OUT/dbrestart/pg_ctl.log" 2>&1; log "PostgreSQL stopped"
  sleep 10
  pg_ctl_embedded start -w -t 60 -l "$OUT/dbrestart/postgres.log" >>"$OUT/dbrestart/pg_ctl.log" 2>&1; log "PostgreSQL started again"
  wait "$client" || true
  log "client: $(cat "$OUT/dbrestart/summary.txt")"
  log "timeline (time: $EXPECT_STATUS/503/other/errors): $(tail -n +2 "$OUT/dbrestart/timeline.txt" | awk '{printf "%s %s/%s/%s/%s, ", $1,$2,$3,$4,$5}')"
  local rows acked; rows=$(( $(stored_rows) - before )); acked=$(sed -n 's/.*\backed=\([0-9]*\).*/\1/p' "$OUT/dbrestart/summary.txt")
  log "rows stored $rows, acknowledged $acked; server process still the same: $(kill -0 "$SERVER_PID" && echo yes)"
  sleep 2; log "connections after recovery: $(connections) (pool maximum ${POOL_SIZE:-10})"
}

# ---- 4. aborted uploads --------------------------------------------------------------------------------------------
aborted() {
  prepare_form
  mkdir -p "$OUT/aborted"; cp "$OUT/form/body.txt" "$OUT/form/cookie.txt" "$OUT/aborted/"
  local verdict=PASS
  timeout 900 $CLIENT aborted "$BASE" "$SURVEY_PATH" "$OUT/aborted" "$ABORTED" 32 "$EXPECT_STATUS" >"$OUT/aborted/client.txt" 2>&1 || verdict=FAIL
  log "aborted uploads: $verdict: $(cat "$OUT/aborted/aborted-summary.txt" 2>/dev/null || cat "$OUT/aborted/client.txt")"
  sleep 2; log "connections afterwards: $(connections)"
}

for phase in $PHASES; do
  log "== $phase"
  "$phase"
done
log "done; report in $OUT/report.txt"
