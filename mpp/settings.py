"""Settings for the MPP portal.

Every deployment value comes from the environment (django-environ). The defaults give the embedded
run: SQLite, a file-system Celery broker and console e-mail, so that `make run` needs no server.
`DATABASE_URL` and `REDIS_URL` switch to PostgreSQL and Redis.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# The embedded default is a development run; production must set DJANGO_SECRET_KEY.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="insecure-development-key-change-me")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# Demo accounts and their printed passwords exist only when this is on.
DEMO_MODE = env.bool("MPP_DEMO_MODE", default=True)

INSTALLED_APPS = [
    "mpp",  # the project's own start-up (mpp/apps.py); no models
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "accounts",
    "agencies",
    "services",
    "permits",
    "queueing",
    "complaints",
    "surveys",
    "notifications",
    "workspace",
    "reports",
    "organisations",
    "buildings",
    "investment",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "mpp.urls"
WSGI_APPLICATION = "mpp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "agencies.context_processors.mpp",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (web, worker, beat) share the file in the embedded run.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
IS_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")
# PostgreSQL's JIT compiles "expensive" plans on every execution: about 40 ms per dashboard query
# here, more than the query itself. A web app's short queries never repay it, so it is off unless
# DATABASE_JIT is set: https://www.postgresql.org/docs/current/jit-decision.html
if IS_POSTGRES and not env.bool("DATABASE_JIT", default=False):
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"]["options"] = (
        DATABASES["default"]["OPTIONS"].get("options", "") + " -c jit=off"
    ).strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "services:home"
LOGOUT_REDIRECT_URL = "services:home"

# Indonesian first; English is the second language (https://docs.djangoproject.com/en/5.2/topics/i18n/).
# Our own strings are written in Indonesian and translated to English in locale/en.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env.str("MPP_TIME_ZONE", default="Asia/Jakarta")
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=VAR_DIR / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=VAR_DIR / "media")
# Citizens' documents and issued permit PDFs: never under MEDIA_URL; served only by views that
# check who is asking.
MPP_PRIVATE_MEDIA_ROOT = env.path("MPP_PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private-media")
# The portal's public address: printed on permits and encoded in their QR codes.
MPP_PUBLIC_BASE_URL = env.str("MPP_PUBLIC_BASE_URL", default="http://localhost:8000")
# Permit numbers: <class>/<service code>/<sequence>/<unit>/<year>, e.g. 503/PBG/0007/425.110/2026.
MPP_PERMIT_NUMBER_CLASS = env.str("MPP_PERMIT_NUMBER_CLASS", default="503")
MPP_PERMIT_NUMBER_UNIT = env.str("MPP_PERMIT_NUMBER_UNIT", default="425.110")
# Fallback signer of permits when the agency has no maklumat signer.
MPP_PERMIT_SIGNER_NAME = env.str("MPP_PERMIT_SIGNER_NAME", default="")
MPP_PERMIT_SIGNER_POSITION = env.str("MPP_PERMIT_SIGNER_POSITION", default="")
# Payment gateway for levies (SKRD): "sandbox" signs callbacks with this secret and is accepted only
# in DEBUG or demo mode (permits/payments.py).
MPP_PAYMENT_GATEWAY = env.str("MPP_PAYMENT_GATEWAY", default="sandbox")
MPP_PAYMENT_SANDBOX_SECRET = env.str("MPP_PAYMENT_SANDBOX_SECRET", default="sandbox-secret")
# Public tracking lookups allowed per client address per window (seconds).
MPP_TRACK_RATE_LIMIT = env.int("MPP_TRACK_RATE_LIMIT", default=10)
MPP_TRACK_RATE_WINDOW = env.int("MPP_TRACK_RATE_WINDOW", default=600)
# Reverse proxies in front of Django; with 1 or more, rate limits read the client's address from
# X-Forwarded-For (mpp/ratelimit.py). Leave 0 when Django faces clients directly.
MPP_TRUSTED_PROXY_COUNT = env.int("MPP_TRUSTED_PROXY_COUNT", default=0)
# Public permit verification: lookups allowed per client address per window (seconds).
MPP_VERIFY_RATE_LIMIT = env.int("MPP_VERIFY_RATE_LIMIT", default=30)
MPP_VERIFY_RATE_WINDOW = env.int("MPP_VERIFY_RATE_WINDOW", default=60)
# The city's levy values (services/fees.py LevyParameters field names), e.g.
# {"pbg_shst": "5200000", "pbg_locality_index": "0.004"}: set by the Perda and the mayor's decree.
MPP_LEVY_PARAMETERS = env.json("MPP_LEVY_PARAMETERS", default={})
# Largest requirement document a citizen may upload (bytes); the type is checked from the content.
MPP_UPLOAD_MAX_BYTES = env.int("MPP_UPLOAD_MAX_BYTES", default=5 * 1024 * 1024)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "DJANGO_STATICFILES_STORAGE",
            default="django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # mpp.cache.RedisCache: Django's backend, reusing one Redis client per pool (see mpp/cache.py).
    CACHES = {"default": {"BACKEND": "mpp.cache.RedisCache", "LOCATION": REDIS_URL}}
    # Sessions read from the shared cache (written through to the database), which saves every
    # signed-in page a query. Only with Redis: a per-process cache would let one process serve a
    # session another has already ended (https://docs.djangoproject.com/en/5.2/topics/http/sessions/).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# https://docs.djangoproject.com/en/5.2/topics/email/ — console in the embedded run.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="MPP Kota Probolinggo <noreply@mpp.local>")

# Celery: Redis when REDIS_URL is set, otherwise kombu's file-system transport, which needs no
# server (https://docs.celeryq.dev/projects/kombu/en/stable/reference/kombu.transport.filesystem.html).
CELERY_BROKER_URL = REDIS_URL or "filesystem://"
if not REDIS_URL:
    _broker_dir = VAR_DIR / "celery-broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(VAR_DIR / "celery-processed"),
        "control_folder": str(VAR_DIR / "celery-control"),
        "store_processed": False,
    }
    # The file transport fails on a missing folder: create them for every process that may send
    # a task (web, worker, beat, shell, tests), not only for `make run`.
    for _folder in (_broker_dir, VAR_DIR / "celery-processed", VAR_DIR / "celery-control"):
        _folder.mkdir(parents=True, exist_ok=True)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# The queue (antrian, queueing app). Check-in window around a booked session (issue 6: 30 minutes
# before to 15 after), how many days ahead citizens may book, how many people ahead triggers the
# "your turn is near" message, the board's cache lifetime in seconds and the number of last calls it
# shows, how many recent served tickets give the median service time, and the public kiosk's
# per-address rate limits for issuing tickets and for online booking.
MPP_QUEUE_CHECKIN_BEFORE_MINUTES = env.int("MPP_QUEUE_CHECKIN_BEFORE_MINUTES", default=30)
MPP_QUEUE_CHECKIN_AFTER_MINUTES = env.int("MPP_QUEUE_CHECKIN_AFTER_MINUTES", default=15)
MPP_QUEUE_BOOKING_DAYS_AHEAD = env.int("MPP_QUEUE_BOOKING_DAYS_AHEAD", default=7)
MPP_QUEUE_NEAR_AHEAD = env.int("MPP_QUEUE_NEAR_AHEAD", default=3)
MPP_QUEUE_BOARD_TTL = env.int("MPP_QUEUE_BOARD_TTL", default=2)
# Each web process also keeps the board snapshot this many seconds (no cache round trip per poll).
MPP_QUEUE_BOARD_LOCAL_TTL = env.float("MPP_QUEUE_BOARD_LOCAL_TTL", default=0.5)
MPP_QUEUE_BOARD_LAST_CALLS = env.int("MPP_QUEUE_BOARD_LAST_CALLS", default=6)
MPP_QUEUE_SERVICE_TIME_SAMPLE = env.int("MPP_QUEUE_SERVICE_TIME_SAMPLE", default=20)
MPP_QUEUE_ISSUE_RATE_LIMIT = env.int("MPP_QUEUE_ISSUE_RATE_LIMIT", default=30)
MPP_QUEUE_ISSUE_RATE_WINDOW = env.int("MPP_QUEUE_ISSUE_RATE_WINDOW", default=60)
MPP_QUEUE_BOOKING_RATE_LIMIT = env.int("MPP_QUEUE_BOOKING_RATE_LIMIT", default=10)
MPP_QUEUE_BOOKING_RATE_WINDOW = env.int("MPP_QUEUE_BOOKING_RATE_WINDOW", default=3600)
# Closing time is noticed by this sweep; a minute keeps the no-shows close to closing time.
MPP_QUEUE_SWEEP_INTERVAL = env.int("MPP_QUEUE_SWEEP_INTERVAL", default=60)
# The one beat schedule, reviewed like code. Deadlines live in the database; these sweeps find them.
MPP_SWEEP_INTERVAL = env.int("MPP_SWEEP_INTERVAL", default=300)
CELERY_BEAT_SCHEDULE = {
    "services-activate-scheduled-standards": {
        "task": "services.tasks.activate_scheduled_standards",
        "schedule": MPP_SWEEP_INTERVAL,
    },
    "permits-lapse-expired-corrections": {
        "task": "permits.tasks.lapse_expired_corrections",
        "schedule": MPP_SWEEP_INTERVAL,
    },
    "permits-mark-deemed-approved": {
        "task": "permits.tasks.mark_deemed_approved",
        "schedule": MPP_SWEEP_INTERVAL,
    },
    "reports-refresh-facts": {
        "task": "reports.tasks.refresh_facts",
        "schedule": MPP_SWEEP_INTERVAL,
    },
    # The dashboards' IKM reads monthly survey sums: this month's and last month's are rebuilt.
    "reports-refresh-survey-months": {
        "task": "reports.tasks.refresh_survey_months",
        "schedule": MPP_SWEEP_INTERVAL,
    },
    # The dashboards' queue figures read monthly summaries: this month's and last month's are rebuilt.
    "queueing-refresh-queue-months": {
        "task": "queueing.tasks.refresh_queue_months",
        "schedule": MPP_SWEEP_INTERVAL,
    },
    "notifications-send-due": {
        "task": "notifications.tasks.send_due",
        "schedule": MPP_SWEEP_INTERVAL,
    },
    "complaints-sweep-deadlines": {
        "task": "complaints.tasks.sweep_deadlines",
        "schedule": MPP_SWEEP_INTERVAL,
    },
    # Booking reminders (day and hour before), bookings on newly closed days, closing-time no-shows.
    "queueing-sweep": {
        "task": "queueing.tasks.sweep",
        "schedule": MPP_QUEUE_SWEEP_INTERVAL,
    },
    # Deadline warnings, breaches, escalations, SOP steps due, correction reminders (permits/sla.py).
    "permits-sla-sweep": {
        "task": "permits.tasks.sla_sweep",
        "schedule": MPP_SWEEP_INTERVAL,
    },
    "organisations-report-reminders": {
        "task": "organisations.tasks.send_report_reminders",
        "schedule": MPP_SWEEP_INTERVAL,
    },
}
# Ormas register (organisations app): an SKT is valid MPP_ORMAS_SKT_YEARS years when the issuing
# officer gives no end date; activity reports cover MPP_ORMAS_REPORT_MONTHS months each and are due
# MPP_ORMAS_REPORT_GRACE_DAYS days after their period (moved to the next working day); the account
# is reminded MPP_ORMAS_REMINDER_DAYS days before (PP 58/2016 art. 60: ormas report their activities).
MPP_ORMAS_SKT_YEARS = env.int("MPP_ORMAS_SKT_YEARS", default=5)
MPP_ORMAS_REPORT_MONTHS = env.int("MPP_ORMAS_REPORT_MONTHS", default=6)
MPP_ORMAS_REPORT_GRACE_DAYS = env.int("MPP_ORMAS_REPORT_GRACE_DAYS", default=30)
MPP_ORMAS_REMINDER_DAYS = env.int("MPP_ORMAS_REMINDER_DAYS", default=14)
# OSS RBA NIB lookup adapter (investment/oss.py): a dotted class path. The sandbox answers from a
# fixed table and never calls out; a production adapter talks to the OSS API.
MPP_OSS_NIB_ADAPTER = env.str("MPP_OSS_NIB_ADAPTER", default="investment.oss.SandboxNibLookup")
# The agency heads' daily digest (overdue, due today, due this week), at this MPP time (HH:MM) on
# working days: https://docs.celeryq.dev/en/stable/userguide/periodic-tasks.html#crontab-schedules
MPP_DIGEST_TIME = env.str("MPP_DIGEST_TIME", default="07:30")
CELERY_BEAT_SCHEDULE["permits-daily-digest"] = {
    "task": "permits.tasks.daily_digest",
    "schedule": crontab(
        hour=int(MPP_DIGEST_TIME.split(":")[0]), minute=int(MPP_DIGEST_TIME.split(":")[1]), day_of_week="1-6"
    ),
}
# SLA alerts (permits/sla.py). Warn officers when this many working days are left before the
# deadline (comma-separated; 0 = on the due day); each threshold is its own alert.
MPP_SLA_WARN_DAYS = sorted({int(days) for days in env.list("MPP_SLA_WARN_DAYS", default=["1", "0"])})
# A breach still open this many working days after the deadline day is escalated to the agency's
# supervisors and the MPP admins.
MPP_SLA_ESCALATION_DAYS = env.int("MPP_SLA_ESCALATION_DAYS", default=2)
# Warn the responsible staff when an SOP step is due within this many working days (0 = on the
# day it is due; steps last one to a few working days, so an earlier warning is mostly noise).
MPP_SLA_STEP_WARN_DAYS = env.int("MPP_SLA_STEP_WARN_DAYS", default=0)
# Remind the citizen this many working days before the correction deadline (then it lapses).
MPP_CORRECTION_REMIND_DAYS = env.int("MPP_CORRECTION_REMIND_DAYS", default=3)
# Alerts are queued in tasks of this many applications each, so two worker processes share a
# large sweep and a killed worker loses (and later redoes) only one chunk.
MPP_SLA_CHUNK_SIZE = env.int("MPP_SLA_CHUNK_SIZE", default=100)
# Staff (every role but citizen) get e-mail/WhatsApp/SMS only in the MPP's office hours; held
# messages go out at the next opening. The in-app inbox is never held.
MPP_STAFF_OFFICE_HOURS_ONLY = env.bool("MPP_STAFF_OFFICE_HOURS_ONLY", default=True)
# WhatsApp/SMS gateway of notifications/channels.py: "http" (POST JSON {to, message, channel}
# to MPP_SMS_GATEWAY_URL with "Authorization: Bearer MPP_SMS_GATEWAY_TOKEN"), "console" (log only,
# development) or "file" (JSON lines appended to MPP_SMS_GATEWAY_FILE, tests and benchmarks).
MPP_SMS_GATEWAY = env.str("MPP_SMS_GATEWAY", default="console")
MPP_SMS_GATEWAY_URL = env.str("MPP_SMS_GATEWAY_URL", default="")
MPP_SMS_GATEWAY_TOKEN = env.str("MPP_SMS_GATEWAY_TOKEN", default="")
MPP_SMS_GATEWAY_FILE = env.str("MPP_SMS_GATEWAY_FILE", default=str(VAR_DIR / "messages.jsonl"))
# Citizens' quiet hours (MPP local time, HH:MM): messages due then are held until the end.
# Start after end spans midnight; equal values turn quiet hours off.
MPP_QUIET_HOURS_START = env.str("MPP_QUIET_HOURS_START", default="21:00")
MPP_QUIET_HOURS_END = env.str("MPP_QUIET_HOURS_END", default="06:00")
# Working days a citizen has to fix what an officer sent back before the application lapses.
MPP_CORRECTION_DAYS = env.int("MPP_CORRECTION_DAYS", default=14)
# Complaint time limits in working days (SP4N-LAPOR!, DOMAIN.md "Complaints"): the MPP's complaint
# officer verifies and routes, the agency answers, and an answer left without the reporter's
# reaction this long closes the complaint.
MPP_COMPLAINT_ROUTE_DAYS = env.int("MPP_COMPLAINT_ROUTE_DAYS", default=3)
MPP_COMPLAINT_ANSWER_DAYS = env.int("MPP_COMPLAINT_ANSWER_DAYS", default=5)
MPP_COMPLAINT_CLOSE_DAYS = env.int("MPP_COMPLAINT_CLOSE_DAYS", default=10)
# Warn the people responsible when this many working days (or fewer) are left in a stage.
MPP_COMPLAINT_WARN_DAYS = env.int("MPP_COMPLAINT_WARN_DAYS", default=1)
# Adapter forwarding complaints to SP4N-LAPOR! (complaints/lapor.py): "sandbox" records a local
# reference and calls nothing outside, or a dotted path to another ComplaintForwarder class.
MPP_LAPOR_ADAPTER = env.str("MPP_LAPOR_ADAPTER", default="sandbox")
# Open311 GeoReport v2 (/open311/v2/): API keys allowed to POST requests, comma-separated. Empty:
# POST needs no key (the same as the public web form), still rate-limited per client address.
MPP_OPEN311_API_KEYS = env.list("MPP_OPEN311_API_KEYS", default=[])
MPP_COMPLAINT_RATE_LIMIT = env.int("MPP_COMPLAINT_RATE_LIMIT", default=10)
MPP_COMPLAINT_RATE_WINDOW = env.int("MPP_COMPLAINT_RATE_WINDOW", default=3600)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "EXCEPTION_HANDLER": "mpp.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Mal Pelayanan Publik",
    "DESCRIPTION": "Katalog layanan, standar pelayanan, dan (menyusul) permohonan, antrian, pengaduan.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI served from our static files, not a CDN (the MPP may run without internet):
    # https://drf-spectacular.readthedocs.io/en/latest/settings.html#self-contained-ui-installation
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # One name per choice set that several endpoints share; without them drf-spectacular warns
    # about colliding "status" enums: https://drf-spectacular.readthedocs.io/en/latest/faq.html
    "ENUM_NAME_OVERRIDES": {
        "ApplicationStatusEnum": "permits.transitions.ApplicationStatus",
        "DeliveryMethodEnum": "permits.models.Application.Delivery",
        "StandardStatusEnum": "services.models.ServiceStandard.Status",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Officer recognition (reports/recognition.py): officers with fewer measured decisions in a month
# are not ranked; late decisions this month plus applications overdue now at or above
# MPP_BREACH_REPEAT put an officer on the supervisor's list of repeated breaches.
MPP_RANKING_MIN_VOLUME = env.int("MPP_RANKING_MIN_VOLUME", default=10)
MPP_BREACH_REPEAT = env.int("MPP_BREACH_REPEAT", default=3)
