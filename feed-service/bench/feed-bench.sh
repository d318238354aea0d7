#!/usr/bin/env bash
# Requests per second of a cached feed (200) and of a conditional GET (304) from the feed service, against the
# same bytes served as a static file by nginx (or the JDK's jwebserver when nginx is absent), with wrk.
#
#   feed-service/bench/feed-bench.sh [FEED_URL] [DURATION] [CONNECTIONS]
#   e.g. feed-service/bench/feed-bench.sh http://localhost:8083/feeds/all.atom 15s 64
#
# Needs: a running feed service with items (./syndicate up), wrk (apt-get install wrk), nginx or jwebserver.
# Runs each case twice (the first as warm-up) and prints req/s of both servers and their ratio.
set -euo pipefail

FEED_URL=${1:-http://localhost:8083/feeds/all.atom}
DURATION=${2:-15s}
CONNECTIONS=${3:-64}
THREADS=${THREADS:-2}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
curl -fsS -o /dev/null "$FEED_URL" || { echo "cannot GET $FEED_URL: start the stack first (./syndicate up)" >&2; exit 2; }

WORK=$(mktemp -d)
REF_PID=""
cleanup() {
    if [[ -n "$REF_PID" ]]; then kill "$REF_PID" 2>/dev/null || true; wait "$REF_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

mkdir -p "$WORK/root"
curl -fsS -o "$WORK/root/feed.atom" "$FEED_URL"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

if command -v nginx >/dev/null; then
    REF_NAME="nginx $(nginx -v 2>&1 | sed 's/.*nginx\///')"
    cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log stderr warn;
events { worker_connections 4096; }
http {
    access_log off;
    types { application/atom+xml atom; }
    client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
    server { listen 127.0.0.1:$PORT; root $WORK/root; etag on; add_header Cache-Control "public, max-age=60"; }
}
CONF
    nginx -c "$WORK/nginx.conf" -p "$WORK" &
    REF_PID=$!
else
    REF_NAME="jwebserver ($(java -version 2>&1 | head -1))"
    jwebserver -b 127.0.0.1 -p "$PORT" -d "$WORK/root" -o NONE &
    REF_PID=$!
fi
REF_URL="http://127.0.0.1:$PORT/feed.atom"
for _ in $(seq 1 50); do curl -fsS -o /dev/null "$REF_URL" 2>/dev/null && break; sleep 0.1; done

header() { curl -fsSI "$1" | tr -d '\r' | awk -v h="$(echo "$2" | tr 'A-Z' 'a-z')" 'tolower($0) ~ "^"h":" {sub(/^[^:]*: */,""); print}'; }
rps() { # url [header]
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
    [[ -n "${2:-}" ]] && args+=(-H "$2")
    wrk "${args[@]}" "$1" >/dev/null 2>&1 || true   # warm-up
    wrk "${args[@]}" "$1" | awk '/Requests\/sec/ {print $2}'
}
check() { # url header expected-status
    local code; code=$(curl -s -o /dev/null -w '%{http_code}' ${2:+-H "$2"} "$1")
    [[ "$code" == "$3" ]] || { echo "expected $3 from $1 ${2:-}, got $code" >&2; exit 1; }
}

SVC_ETAG=$(header "$FEED_URL" ETag)
REF_ETAG=$(header "$REF_URL" ETag)
check "$FEED_URL" "" 200; check "$REF_URL" "" 200
check "$FEED_URL" "If-None-Match: $SVC_ETAG" 304; check "$REF_URL" "If-None-Match: $REF_ETAG" 304

echo "feed: $FEED_URL ($(stat -c %s "$WORK/root/feed.atom") bytes), reference: $REF_NAME"
echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per run, after a warm-up run; $(nproc) CPUs"
SVC_200=$(rps "$FEED_URL"); REF_200=$(rps "$REF_URL")
SVC_304=$(rps "$FEED_URL" "If-None-Match: $SVC_ETAG"); REF_304=$(rps "$REF_URL" "If-None-Match: $REF_ETAG")
printf '%-22s %14s %14s %8s\n' "case" "feed-service" "reference" "ratio"
printf '%-22s %14.0f %14.0f %8.2f\n' "200 cached feed" "$SVC_200" "$REF_200" "$(echo "$SVC_200 / $REF_200" | bc -l)"
printf '%-22s %14.0f %14.0f %8.2f\n' "304 If-None-Match" "$SVC_304" "$REF_304" "$(echo "$SVC_304 / $REF_304" | bc -l)"
