#!/usr/bin/env bash
# Runs the web server and a Celery worker with embedded beat side by side, for `make run`.
# Ctrl-C (or SIGTERM) stops both, with everything they started; if one of them dies, the other is
# stopped too and the script exits non-zero.
set -euo pipefail

cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
BIN="$(dirname "$PY")"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"

mkdir -p var/celery-broker var/celery-processed var/celery-control var/media var/private-media

# Each child gets its own process group (job control), so that stopping it also stops what it
# forked: gunicorn's workers, Celery's pool processes and the embedded beat.
set -m

"$BIN/gunicorn" mpp.wsgi:application \
    --bind "$HOST:$PORT" \
    --workers "${WEB_CONCURRENCY:-2}" \
    --access-logfile - \
    --graceful-timeout 5 \
    --no-control-socket &
web=$!

# -B embeds beat in the worker: one process fewer for a single-machine run. Without REDIS_URL the
# broker is kombu's file-system transport in var/ (see mpp/settings.py).
"$BIN/celery" -A mpp worker -B --loglevel INFO --concurrency 2 &
worker=$!

stopping=0
stop() {
    [ "$stopping" = 1 ] && return
    stopping=1
    trap '' INT TERM
    echo ">> stopping web ($web) and worker ($worker)"
    # The leaders stop their own children (gunicorn's workers; Celery's pool and beat).
    kill -TERM "$web" "$worker" 2>/dev/null || true
    for _ in $(seq 1 40); do
        if ! kill -0 -- "-$web" 2>/dev/null && ! kill -0 -- "-$worker" 2>/dev/null; then
            break
        fi
        sleep 0.5
    done
    # Whatever has not stopped after 20 s is killed, children included.
    kill -KILL -- "-$web" "-$worker" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

echo ">> portal on http://$HOST:$PORT/  (Ctrl-C stops the web server, the worker and beat)"

status=0
wait -n "$web" "$worker" || status=$?
echo ">> a process exited (status $status); stopping the rest"
stop
exit $(( status == 0 ? 1 : status ))
