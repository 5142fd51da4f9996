#!/usr/bin/env bash
# Load benchmark of the Casus HTTP API on this machine, loopback only (see bench/README.md).
#
#   bash bench/run.sh            # CASES=100000 DURATION=5 by default
#   bash bench/run.sh --smoke    # CASES=200 DURATION=1: fails when a scenario got no answer
#
# Builds casus and casus_fixed_response_server (Release, in $BUILD_DIR) when needed, seeds a
# temporary database with `casus seed-synthetic`, starts `casus serve` and the fixed-response
# server on free ports, runs wrk against each scenario and prints one Markdown table. Both
# servers and the temporary files go when it exits.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: bash bench/run.sh [--smoke]   (knobs: CASES, DURATION, SEED, BUILD_DIR," \
    "SERVER_THREADS, FIXED_THREADS, WRK_TIMEOUT, FROM_DB, KEEP; see bench/README.md)"
}
smoke=0
case "${1:-}" in
  "") ;;
  --smoke) smoke=1 ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac
if [ $# -gt 1 ]; then usage >&2; exit 2; fi
if [ $smoke -eq 1 ]; then
  CASES=${CASES:-200}
  DURATION=${DURATION:-1}
fi
CASES=${CASES:-100000}
DURATION=${DURATION:-5}
SEED=${SEED:-1}
BUILD_DIR=${BUILD_DIR:-build-bench}
SERVER_THREADS=${SERVER_THREADS:-auto}  # casus serve's default: one per core
FIXED_THREADS=${FIXED_THREADS:-2}
WRK_TIMEOUT=${WRK_TIMEOUT:-10s}  # a slow answer counts in p99 instead of as a socket error
if [ "$SERVER_THREADS" != auto ] && ! [[ $SERVER_THREADS =~ ^[1-9][0-9]*$ ]]; then
  echo "bench: SERVER_THREADS must be auto or a positive whole number, not '$SERVER_THREADS'" >&2
  exit 2
fi
for knob in CASES DURATION FIXED_THREADS; do
  if ! [[ ${!knob} =~ ^[1-9][0-9]*$ ]]; then
    echo "bench: $knob must be a positive whole number, not '${!knob}'" >&2
    exit 2
  fi
done
if ! [[ $SEED =~ ^[0-9]+$ ]]; then
  echo "bench: SEED must be a whole number, not '$SEED'" >&2
  exit 2
fi

for tool in wrk curl cmake; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: $tool is missing (bash .ci/install-deps installs it)" >&2
    exit 1
  fi
done

# --- build -----------------------------------------------------------------------------------
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD_DIR" -j"$(nproc)" --target casus casus_fixed_response_server >/dev/null
casus="$BUILD_DIR/src/casus"
fixed="$BUILD_DIR/bench/casus_fixed_response_server"

# --- servers and cleanup ---------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/casus-bench.XXXXXX")
server_pids=()
background_pids=()
cleanup() {
  local pid i
  for pid in "${background_pids[@]}" "${server_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${background_pids[@]}" "${server_pids[@]}"; do
    for i in $(seq 1 150); do  # casus lets requests in flight finish; at most 15 s, then KILL
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ "${KEEP:-0}" = 1 ]; then echo "bench: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits (at most 30 s) for "listening on http://HOST:PORT" in $1 from process $2; prints the URL.
wait_listening() {
  local log=$1 pid=$2 i line
  for i in $(seq 1 300); do
    line=$(grep -m1 '^listening on http://' "$log" || true)
    if [ -n "$line" ]; then
      echo "${line#listening on }"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "bench: no 'listening on' line from $(head -c 200 "$log")" >&2
  return 1
}

# --- data and tokens -------------------------------------------------------------------------
db="$work/bench.db"
if [ -n "${FROM_DB:-}" ]; then  # a database seeded before: a copy, the original stays as it is
  cp "$FROM_DB" "$db"
  if [ -f "$FROM_DB-wal" ]; then cp "$FROM_DB-wal" "$db-wal"; fi
  echo "seeded synthetic data: copied from $FROM_DB" >"$work/seed.log"
  seed_seconds="(not seeded here)"
else
  echo "bench: seeding $CASES synthetic casussen (seed $SEED) into $db" >&2
  seed_start=$(date +%s.%N)
  "$casus" migrate --db "$db" >/dev/null  # only migrate creates a database
  "$casus" seed-synthetic --db "$db" --cases "$CASES" --seed "$SEED" >"$work/seed.log"
  seed_seconds=$(awk -v a="$seed_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }')
fi
expires=$(date -u -d '+2 days' +%F)
token() { "$casus" token create --db "$db" --name "$1" --role "$2" --expires "$expires" | tail -n 1; }
woonoverlast_token=$(token bench-w woonoverlast)
analist_token=$(token bench-a analist)
ondermijning_token=$(token bench-o ondermijning)

"$casus" serve --db "$db" --listen 127.0.0.1:0 --threads "$SERVER_THREADS" >"$work/casus.log" 2>&1 &
casus_pid=$!
server_pids+=("$casus_pid")
"$fixed" --listen 127.0.0.1:0 --threads "$FIXED_THREADS" >"$work/fixed.log" 2>&1 &
server_pids+=("$!")
casus_url=$(wait_listening "$work/casus.log" "$casus_pid")
fixed_url=$(wait_listening "$work/fixed.log" "${server_pids[1]}")

# Woonoverlast case ids from the list endpoint: up to 2,000 (four pages of 500).
ids="$work/ids"
: >"$ids"
after=""
for page in 1 2 3 4; do
  body=$(curl -sf --max-time 30 -H "Authorization: Bearer $woonoverlast_token" \
    "$casus_url/api/v1/cases?kind=woonoverlast&limit=500$after")
  grep -o '{"id":[0-9]*' <<<"$body" | cut -d: -f2 >>"$ids"
  next=$(grep -o '"next":[0-9]*' <<<"$body" | tail -n 1 | cut -d: -f2)
  [ -n "$next" ] || break
  after="&after=$next"
done
if [ ! -s "$ids" ]; then
  echo "bench: the list endpoint returned no woonoverlast casus" >&2
  exit 1
fi
one_id=$(head -n 1 "$ids")
# Two disjoint halves: one for the transition scenario, one for the background load.
total_ids=$(wc -l <"$ids")
half=$(((total_ids + 1) / 2))
head -n "$half" "$ids" >"$work/ids-a"
tail -n +"$((half + 1))" "$ids" >"$work/ids-b"
[ -s "$work/ids-b" ] || cp "$work/ids-a" "$work/ids-b"

# --- wrk scripts -----------------------------------------------------------------------------
# Every script ends with done(): one machine-readable line per run.
cat >"$work/done.lua" <<'LUA'
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %.6f %.0f %.0f %d %d\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
LUA
cp "$work/done.lua" "$work/get.lua"
{
  cat <<'LUA'
-- POST /api/v1/cases: README's example casus, dated 2025 (the 2024 figures stay as they are).
wrk.method = "POST"
wrk.body = '{"kind":"woonoverlast","district":"Meerzicht","housing_type":"corporatie",' ..
  '"reported_on":"2025-11-04","categories":["geluid","wederzijds"],' ..
  '"summary":"Benchmark: buren beschuldigen elkaar van geluidsoverlast.",' ..
  '"address":{"street":"Proefstraat","number":"12a","postcode":"2712 AB","city":"Zoetermeer"}}'
LUA
  cat "$work/done.lua"
} >"$work/post-case.lua"
{
  cat <<'LUA'
-- POST /api/v1/cases/{id}/transitions without If-Match, cycling over the casussen in the file
-- args[1], each wrk thread its own share (args[2] threads). Rounds alternate a move into lopend
-- (allowed from gemeld, afgerond, ontkracht; a re-opening needs the reason) and into afgerond
-- (allowed from lopend, handhaving, sluiting); a casus in another state answers 409.
local started = 0
function setup(thread)
  thread:set("tid", started)
  started = started + 1
end
function init(args)
  local stride = tonumber(args[2])
  today = args[3]
  ids = {}
  local all, i = {}, 0
  for line in io.lines(args[1]) do
    all[#all + 1] = line
    if i % stride == (tid or 0) then ids[#ids + 1] = line end
    i = i + 1
  end
  if #ids == 0 then ids = all end
  n = 0
end
function request()
  local id = ids[(n % #ids) + 1]
  local round = math.floor(n / #ids)
  n = n + 1
  local body
  if round % 2 == 0 then
    body = '{"to":"lopend","on":"' .. today .. '","reason":"Benchmark: heropend"}'
  else
    body = '{"to":"afgerond","on":"' .. today .. '","result":"opgelost"}'
  end
  return wrk.format("POST", "/api/v1/cases/" .. id .. "/transitions", nil, body)
end
LUA
  cat "$work/done.lua"
} >"$work/post-transition.lua"
today=$(date -u +%F)

# --- scenarios -------------------------------------------------------------------------------
results="$work/results.tsv"
: >"$results"
# run_wrk NAME OUTFILE wrk-arguments...: runs wrk (time-bounded by -d) and records its line.
run_wrk() {
  local name=$1 out=$2
  shift 2
  if ! wrk --latency --timeout "$WRK_TIMEOUT" "$@" >"$out" 2>&1; then
    echo "bench: wrk failed for '$name': $(tail -n 3 "$out")" >&2
  fi
  local line
  line=$(grep '^BENCH ' "$out" | tail -n 1 || true)
  [ -n "$line" ] || line="BENCH 0 0 0 0 0 0"
  printf '%s\t%s\n' "$name" "${line#BENCH }" >>"$results"
}
scenario() {  # scenario NAME wrk-arguments...
  local name=$1
  shift
  echo "bench: $name" >&2
  run_wrk "$name" "$work/wrk-$(wc -l <"$results").out" -t2 -c16 -d"${DURATION}s" "$@"
}
auth() { echo "Authorization: Bearer $1"; }
json='Content-Type: application/json'

scenario "fixed response: GET / (the HTTP limit)" -s "$work/get.lua" "$fixed_url/"
scenario "GET one casus" -s "$work/get.lua" -H "$(auth "$woonoverlast_token")" \
  "$casus_url/api/v1/cases/$one_id"
scenario "GET list page of 50" -s "$work/get.lua" -H "$(auth "$woonoverlast_token")" \
  "$casus_url/api/v1/cases?limit=50"
scenario "POST casus" -s "$work/post-case.lua" -H "$(auth "$woonoverlast_token")" -H "$json" \
  "$casus_url/api/v1/cases"
scenario "POST transition (no If-Match)" -s "$work/post-transition.lua" \
  -H "$(auth "$woonoverlast_token")" -H "$json" "$casus_url/api/v1/cases" \
  -- "$work/ids-a" 2 "$today"

# GET one casus (c8) while POST transitions (c8) run beside it: the POST load starts first
# and ends last, so it covers the whole measured window.
echo "bench: GET one casus under concurrent POST transition load" >&2
run_wrk "background: POST transition (c8, beside the row above)" "$work/wrk-bg.out" \
  -t1 -c8 -d"$((DURATION + 2))s" -s "$work/post-transition.lua" \
  -H "$(auth "$woonoverlast_token")" -H "$json" "$casus_url/api/v1/cases" \
  -- "$work/ids-b" 1 "$today" &
background_pids+=("$!")
sleep 1
run_wrk "GET one casus under POST load (c8)" "$work/wrk-fg.out" -t1 -c8 -d"${DURATION}s" \
  -s "$work/get.lua" -H "$(auth "$woonoverlast_token")" "$casus_url/api/v1/cases/$one_id"
wait "${background_pids[@]}"
background_pids=()

# Memory with many clients: 64 connections reading casussen. RSS is read after this row, before
# the reports, so that it shows what serving casussen costs apart from computing reports.
scenario_c64() {
  echo "bench: GET one casus, 64 connections" >&2
  run_wrk "GET one casus (c64)" "$work/wrk-c64.out" -t2 -c64 -d"${DURATION}s" -s "$work/get.lua" \
    -H "$(auth "$woonoverlast_token")" "$casus_url/api/v1/cases/$one_id"
}
scenario_c64

# A database write-locked by another process (a backup, a sqlite3 shell): every request is
# still answered, a write with 503 once the writer's deadline (800 ms) has passed, and /healthz
# at once, since it never touches the database.
echo "bench: POST casus and /healthz while another process holds the write lock" >&2
(
  printf '.timeout 5000\nBEGIN IMMEDIATE;\n'
  sleep $((DURATION + 2))
  printf 'ROLLBACK;\n'
) | sqlite3 "$db" &
background_pids+=("$!")
sleep 1
run_wrk "locked database: POST casus (c8, 503 expected)" "$work/wrk-locked.out" -t1 -c8 \
  -d"${DURATION}s" -s "$work/post-case.lua" -H "$(auth "$woonoverlast_token")" -H "$json" \
  "$casus_url/api/v1/cases" &
locked_pid=$!
run_wrk "locked database: GET /healthz (c4)" "$work/wrk-health.out" -t1 -c4 -d"${DURATION}s" \
  -s "$work/get.lua" "$casus_url/healthz"
wait "$locked_pid" "${background_pids[@]}"
background_pids=()

requests_rss=$(awk '/^VmHWM/ { printf "%.1f MiB", $2 / 1024 }' "/proc/$casus_pid/status" 2>/dev/null || true)

# A report request outlives wrk's run: let the server finish those before the next row.
wait_idle() {
  local i took
  for i in $(seq 1 120); do
    took=$(curl -s -o /dev/null -w '%{time_total}' --max-time 30 \
      -H "$(auth "$woonoverlast_token")" "$casus_url/api/v1/cases/$one_id" || echo 99)
    if awk -v t="$took" 'BEGIN { exit !(t < 0.05) }'; then return 0; fi
    sleep 1
  done
}
# The report rows measure hits: one request first computes the report (a miss, timed apart
# below), so that on a large database the miss does not take a share of the row's seconds.
warm() { curl -s -o /dev/null --max-time 60 -H "$(auth "$1")" "$casus_url$2" || true; }
warm "$analist_token" /api/v1/reports/woonoverlast/2024
scenario "GET report woonoverlast 2024" -s "$work/get.lua" -H "$(auth "$analist_token")" \
  "$casus_url/api/v1/reports/woonoverlast/2024"
wait_idle
warm "$ondermijning_token" /api/v1/reports/ondermijning/2024
scenario "GET report ondermijning 2024" -s "$work/get.lua" -H "$(auth "$ondermijning_token")" \
  "$casus_url/api/v1/reports/ondermijning/2024"
wait_idle

# Reads of single casussen while four report misses are asked for at once, over and over: each
# request a period report never asked before (its `to` a day further each time), so every one
# is computed; two loops ask Tabel 5.1, two the ondermijning figures. The report workers take
# them; the GET row shows what that leaves the readers of casussen.
miss_loop() {  # miss_loop KIND TOKEN OFFSET
  local n=$3 to
  while [ ! -e "$work/stop-misses" ]; do
    to=$(date -u -d "2024-01-01 + $n days" +%F)
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 120 -H "$(auth "$2")" \
      "$casus_url/api/v1/reports/$1?from=2016-01-01&to=$to" >>"$work/misses-$3.log" || true
    n=$((n + 4))
  done
}
echo "bench: GET one casus beside four report misses" >&2
rm -f "$work/stop-misses"
miss_loop woonoverlast "$analist_token" 0 &
background_pids+=("$!")
miss_loop woonoverlast "$analist_token" 1 &
background_pids+=("$!")
miss_loop ondermijning "$ondermijning_token" 2 &
background_pids+=("$!")
miss_loop ondermijning "$ondermijning_token" 3 &
background_pids+=("$!")
sleep 1
run_wrk "GET one casus beside four report misses (c8)" "$work/wrk-misses.out" -t1 -c8 \
  -d"${DURATION}s" -s "$work/get.lua" -H "$(auth "$woonoverlast_token")" \
  "$casus_url/api/v1/cases/$one_id"
touch "$work/stop-misses"
wait "${background_pids[@]}"
background_pids=()
misses_answered=$(cat "$work"/misses-*.log 2>/dev/null | awk '$1 == 200' | wc -l)
misses_mean=$(cat "$work"/misses-*.log 2>/dev/null |
  awk '$1 == 200 { t += $2; n++ } END { printf "%.2f", n ? t / n : 0 }')
misses_other=$(cat "$work"/misses-*.log 2>/dev/null | awk '$1 != 200' | wc -l)
wait_idle

# Tabel 5.1 on a miss through the server: a new casus changes the data, then one request.
curl -sf -o /dev/null --max-time 30 -H "$(auth "$woonoverlast_token")" -H "$json" \
  -d '{"kind":"woonoverlast","district":"Centrum","housing_type":"koop","reported_on":"2024-05-01","categories":["geluid"],"summary":"Benchmark: een wijziging"}' \
  "$casus_url/api/v1/cases" || echo "bench: could not register the casus before the miss" >&2
server_miss_seconds=$(curl -s -o /dev/null -w '%{time_total}' --max-time 120 \
  -H "$(auth "$analist_token")" "$casus_url/api/v1/reports/woonoverlast/2024" || echo "?")
cp "$results" "$work/ordered.tsv"

peak_rss=$(awk '/^VmHWM/ { printf "%.1f MiB", $2 / 1024 }' "/proc/$casus_pid/status" 2>/dev/null || true)

# A report on a miss (no cache: the CLI computes afresh, process start included) beside a bare
# GROUP BY over the same casussen in the sqlite3 shell, on the same file.
seconds_of() {
  local start
  start=$(date +%s.%N)
  "$@" >/dev/null
  awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'
}
miss_seconds=$(seconds_of "$casus" report woonoverlast --year 2024 --db "$db" --format csv)
miss_rss=$( { /usr/bin/time -f '%M' "$casus" report woonoverlast --year 2024 --db "$db" \
  --format csv >/dev/null; } 2>&1 | tail -n 1)
group_by_seconds=$(seconds_of sqlite3 "$db" \
  "SELECT district_id, housing_type, COUNT(*) FROM cases GROUP BY district_id, housing_type")
ondermijning_miss_seconds=$(seconds_of "$casus" report ondermijning --year 2024 --db "$db" \
  --format csv)
ondermijning_miss_rss=$( { /usr/bin/time -f '%M' "$casus" report ondermijning --year 2024 \
  --db "$db" --format csv >/dev/null; } 2>&1 | tail -n 1)

# --- report ----------------------------------------------------------------------------------
echo
echo "Casus load benchmark: $(head -n 1 "$work/seed.log" | sed 's/^seeded synthetic data/data/')"
echo "seeded in ${seed_seconds}; wrk -t2 -c16 -d${DURATION}s --latency on 127.0.0.1;" \
  "casus serve --threads $SERVER_THREADS, fixed-response server --threads $FIXED_THREADS;" \
  "$(nproc) cores"
echo
awk -F'\t' '
  { split($2, f, " ")
    name[NR] = $1; requests[NR] = f[1]; seconds[NR] = f[2]; p50[NR] = f[3]; p99[NR] = f[4]
    status[NR] = f[5]; socket[NR] = f[6]
    rate[NR] = seconds[NR] > 0 ? requests[NR] / seconds[NR] : 0 }
  END {
    print "| scenario | req/s | p50 ms | p99 ms | non-2xx | fraction of fixed-response rate |"
    print "|---|---:|---:|---:|---:|---:|"
    for (i = 1; i <= NR; i++) {
      extra = socket[i] > 0 ? sprintf(" (+%d socket errors/timeouts)", socket[i]) : ""
      printf "| %s | %.0f | %.2f | %.2f | %d%s | %.3g |\n", name[i], rate[i], p50[i] / 1000,
        p99[i] / 1000, status[i], extra, (rate[1] > 0 ? rate[i] / rate[1] : 0)
    }
  }' "$work/ordered.tsv"
echo
echo "casus serve peak RSS (VmHWM): ${requests_rss:-unknown} through the request rows (64 connections" \
  "included), ${peak_rss:-unknown} after the year reports"
echo "Tabel 5.1 on a miss (casus report, process start included): ${miss_seconds} s, peak RSS" \
  "$(awk -v k="$miss_rss" 'BEGIN { printf "%.1f MiB", k / 1024 }'); a bare GROUP BY of the" \
  "casussen by wijk and woningtype in the sqlite3 shell: ${group_by_seconds} s ($(awk \
    -v a="$miss_seconds" -v b="$group_by_seconds" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')x);" \
  "through the server after a change: ${server_miss_seconds} s"
echo "ondermijning 2024 on a miss (casus report): ${ondermijning_miss_seconds} s, peak RSS" \
  "$(awk -v k="$ondermijning_miss_rss" 'BEGIN { printf "%.1f MiB", k / 1024 }')"
echo "report misses beside the GET row above: ${misses_answered} answered (mean ${misses_mean} s)," \
  "${misses_other} otherwise"
awk -F'\t' '
  { split($2, f, " "); rate[$1] = f[2] > 0 ? f[1] / f[2] : 0 }
  END {
    get = rate["GET one casus"]
    if (get > 0) printf "report hits as a fraction of GET one casus: woonoverlast %.2f, ondermijning %.2f\n",
      rate["GET report woonoverlast 2024"] / get, rate["GET report ondermijning 2024"] / get
  }' "$work/ordered.tsv"

if [ $smoke -eq 1 ]; then
  failed=$(awk -F'\t' '!/503 expected/ { split($2, f, " "); if (f[1] - f[5] <= 0) print "  " $1 }' \
    "$work/ordered.tsv")
  if [ -n "$failed" ]; then
    echo "bench smoke: no successful request in:" >&2
    echo "$failed" >&2
    exit 1
  fi
  if [ "$misses_answered" -eq 0 ]; then
    echo "bench smoke: no report miss was answered beside the GET row" >&2
    exit 1
  fi
  echo "bench smoke: every scenario had successful requests"
fi
