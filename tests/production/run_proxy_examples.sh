#!/usr/bin/env bash
# README's reverse-proxy examples ("Behind a reverse proxy"), run as written in front of
# `casus serve --trusted-proxy 127.0.0.1`: Debian 12's nginx (1.22) and Caddy (2.6). Only what
# belongs to a site is replaced: the host name, the port, the certificate (a throwaway one made
# here) and casus's port; for nginx the IPv6 listen line goes, as CI may have no IPv6.
#
# A client on 127.0.0.2 sends its own X-Forwarded-For (a forged 203.0.113.9). Through each
# proxy, over TLS and HTTP/2, checks that:
#   - the request is served, and the audit row names 127.0.0.2: the client the proxy saw, not
#     the proxy (127.0.0.1) and not what the client claimed;
#   - /metrics answers 404 through the proxy;
#   - the proxy's request id reaches casus and comes back as X-Request-Id.
#
#   bash tests/production/run_proxy_examples.sh     # after cmake --build build
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR=${BUILD_DIR:-build}
casus="$PWD/$BUILD_DIR/src/casus"
for tool in nginx caddy openssl curl python3 "$casus"; do
  if ! command -v "$tool" >/dev/null; then
    echo "proxy examples: $tool is missing (bash .ci/install-test-tools installs it)" >&2
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/casus-proxy.XXXXXX")
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "proxy examples: $*" >&2
  for log in "$work"/*.log; do
    [ -f "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
  done
  exit 1
}

# The fenced block of README.md in language $1 that follows the line "$2".
readme_block() {
  awk -v lang="$1" -v after="$2" '
    index($0, after) == 1 { seen = 1 }
    seen && $0 == "```" lang { on = 1; next }
    on && /^```/ { exit }
    on { print }' README.md
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits (at most 20 s) until something accepts connections on 127.0.0.1:$1.
wait_port() {
  local i
  for i in $(seq 1 200); do
    if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $1), 0.2)" \
      2>/dev/null; then return 0; fi
    sleep 0.1
  done
  fail "nothing listens on port $1"
}

# --- casus behind the proxies ----------------------------------------------------------------
db="$work/casus.db"
"$casus" migrate --db "$db" >/dev/null
token=$("$casus" token create --db "$db" --name proxy-check --role woonoverlast | tail -n 1)
casus_port=$(free_port)
"$casus" serve --db "$db" --listen "127.0.0.1:$casus_port" --trusted-proxy 127.0.0.1 \
  >"$work/casus.log" 2>&1 &
pids+=("$!")
wait_port "$casus_port"

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost" -keyout "$work/key.pem" -out "$work/cert.pem" \
  2>/dev/null

# check_proxy NAME PORT: the checks above through the proxy listening on PORT.
check_proxy() {
  local name=$1 port=$2 url="https://localhost:$2" headers status version request_id client
  headers="$work/$name.headers"
  read -r status version < <(curl -sS --http2 --cacert "$work/cert.pem" --interface 127.0.0.2 \
    -D "$headers" -o "$work/$name.body" -w '%{http_code} %{http_version}\n' \
    -H "Authorization: Bearer $token" -H "X-Forwarded-For: 203.0.113.9" \
    "$url/api/v1/cases?limit=1") || fail "$name: no answer"
  [ "$status" = 200 ] || fail "$name: GET /api/v1/cases answered $status: $(cat "$work/$name.body")"
  [ "$version" = 2 ] || fail "$name: answered over HTTP/$version, not HTTP/2"
  request_id=$(tr -d '\r' <"$headers" | awk -F': ' 'tolower($1) == "x-request-id" { print $2 }')
  [ -n "$request_id" ] || fail "$name: no X-Request-Id in the answer"
  client=$(python3 - "$db" "$request_id" <<'PY'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute(
    "SELECT client FROM audit_log WHERE token = 'proxy-check' ORDER BY id DESC LIMIT 1").fetchone()
print(row[0] if row else "")
PY
)
  [ "$client" = 127.0.0.2 ] ||
    fail "$name: the audit row names '$client' as the client, not 127.0.0.2"
  local i
  for i in $(seq 1 30); do  # the access log reaches the file within a second
    grep -q "\"request_id\":\"$request_id\"" "$work/casus.log" && break
    sleep 0.1
  done
  grep -q "\"request_id\":\"$request_id\"" "$work/casus.log" ||
    fail "$name: casus did not log the request under the proxy's id $request_id"
  status=$(curl -sS --cacert "$work/cert.pem" -o /dev/null -w '%{http_code}' "$url/metrics")
  [ "$status" = 404 ] || fail "$name: /metrics answered $status through the proxy, not 404"
  echo "proxy examples: $name: served over HTTP/2, audited as 127.0.0.2 (not the forged" \
    "203.0.113.9), request id $request_id passed on, /metrics 404"
}

# --- nginx -----------------------------------------------------------------------------------
nginx_port=$(free_port)
mkdir -p "$work/nginx"
readme_block nginx "nginx, with \`casus serve" |
  sed -e "/listen \[::\]:443/d" \
    -e "s/listen 443 /listen $nginx_port /" \
    -e "s/server_name casus.zoetermeer.nl;/server_name localhost;/" \
    -e "s|/etc/letsencrypt/live/casus.zoetermeer.nl/fullchain.pem|$work/cert.pem|" \
    -e "s|/etc/letsencrypt/live/casus.zoetermeer.nl/privkey.pem|$work/key.pem|" \
    -e "s|proxy_pass http://127.0.0.1:8080;|proxy_pass http://127.0.0.1:$casus_port;|" \
    >"$work/nginx/site.conf"
grep -q "listen $nginx_port " "$work/nginx/site.conf" || fail "README's nginx block not found"
user_line=""
if [ "$(id -u)" = 0 ]; then user_line="user root;"; fi  # workers read the files made here
cat >"$work/nginx/nginx.conf" <<CONF
$user_line
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx.log;
events {}
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $work/nginx/site.conf;
}
CONF
nginx -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx.log" ||
  fail "nginx refuses README's block: $(cat "$work/nginx.log")"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx.log" -g 'daemon off;' &
pids+=("$!")
wait_port "$nginx_port"
check_proxy nginx "$nginx_port"

# --- Caddy -----------------------------------------------------------------------------------
caddy_port=$(free_port)
mkdir -p "$work/caddy"
{
  # Caddy's own state in the scratch directory, no admin endpoint, no redirect listener on :80.
  cat <<CONF
{
    admin off
    auto_https disable_redirects
    storage file_system $work/caddy
}
CONF
  readme_block caddy "Caddy (certificates on its own)" |
    sed -e "s|^casus.zoetermeer.nl {|https://localhost:$caddy_port {\n    tls $work/cert.pem $work/key.pem|" \
      -e "s|reverse_proxy 127.0.0.1:8080 {|reverse_proxy 127.0.0.1:$casus_port {|"
} >"$work/caddy/Caddyfile"
grep -q "reverse_proxy 127.0.0.1:$casus_port" "$work/caddy/Caddyfile" ||
  fail "README's Caddy block not found"
HOME="$work/caddy" XDG_DATA_HOME="$work/caddy" XDG_CONFIG_HOME="$work/caddy" \
  caddy run --adapter caddyfile --config "$work/caddy/Caddyfile" >"$work/caddy.log" 2>&1 &
pids+=("$!")
wait_port "$caddy_port"
check_proxy caddy "$caddy_port"
