#!/bin/sh
# Entry point of the Docker image. `web` migrates, loads the demo data when MPP_SEED_DEMO=1, then
# runs gunicorn; `worker` and `beat` run Celery; anything else is run as given.
set -eu

case "${1:-web}" in
web)
    python manage.py migrate --noinput
    if [ "${MPP_SEED_DEMO:-0}" = 1 ]; then
        python manage.py seed_demo
    fi
    # gunicorn reads its worker count from WEB_CONCURRENCY.
    exec gunicorn mpp.wsgi:application \
        --bind 0.0.0.0:8000 \
        --workers "${WEB_CONCURRENCY:-3}" \
        --access-logfile - \
        --no-control-socket
    ;;
worker)
    exec celery -A mpp worker --loglevel "${CELERY_LOG_LEVEL:-INFO}" --concurrency "${CELERY_CONCURRENCY:-2}"
    ;;
beat)
    # The schedule's state file is var/celerybeat-schedule (CELERY_BEAT_SCHEDULE_FILENAME).
    exec celery -A mpp beat --loglevel "${CELERY_LOG_LEVEL:-INFO}"
    ;;
*)
    exec "$@"
    ;;
esac
