# The two commands a newcomer needs (see README.md):
#   make run    install into .venv, migrate, load the demo data, start web + Celery worker/beat
#   make test   install into .venv, run the whole test suite
# Everything else here is a helper for those two or for CI.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# The web server's address; 127.0.0.1 keeps the demo accounts off the network.
HOST ?= 127.0.0.1
PORT ?= 8000
# Extra arguments for pytest, e.g. `make test PYTEST_ARGS="tests/services -x"`.
PYTEST_ARGS ?=
# Arguments for benchmarks/catalogue.py, e.g. `make bench BENCH_ARGS="--workers 3,4,5"`.
BENCH_ARGS ?=
# Parallel pytest workers (pytest-xdist), e.g. `make test XDIST=auto`. Off by default: on 2 cores it
# saves 10-20 %, and with REDIS_URL set the workers share one Redis database whose FLUSHDB between
# tests (tests/conftest.py) breaks the other worker's cache-based tests.
XDIST ?= 0

.PHONY: help run test test-future install lint format migrate messages seed bench clean-venv

help:
	@echo "make run     start the portal on http://$(HOST):$(PORT)/ with a Celery worker and beat (Ctrl-C stops all)"
	@echo "make test    run the whole test suite"
	@echo "make lint    ruff check, ruff format --check, makemigrations --check"
	@echo "make test-future  the suite (but the browser) as if it were FUTURE_DAYS (default 365) days later"
	@echo "make bench   catalogue benchmark against PostgreSQL (see benchmarks/README.md)"

# Creates .venv and installs the project with its dev extras. Skipped when pyproject.toml has not
# changed since the last successful install (the stamp holds its sha256).
install:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required (set PYTHON=python3.x)")'
	@if [ ! -x "$(PY)" ]; then \
	  echo ">> creating $(VENV)"; \
	  $(PYTHON) -m venv "$(VENV)" || { echo "python3 -m venv failed: on Debian/Ubuntu run 'sudo apt-get install python3-venv'"; exit 1; }; \
	fi
	@want="$$(cat pyproject.toml | sha256sum | cut -d' ' -f1)"; \
	if [ "$$(cat "$(VENV)/.mpp-installed" 2>/dev/null)" != "$$want" ]; then \
	  echo ">> installing the project and its dependencies into $(VENV)"; \
	  "$(PY)" -m pip install --quiet --disable-pip-version-check --editable '.[dev]'; \
	  echo "$$want" > "$(VENV)/.mpp-installed"; \
	fi

var:
	@mkdir -p var/celery-broker var/celery-processed var/celery-control var/media var/private-media var/staticfiles

migrate: install var
	$(MANAGE) migrate --noinput

# msgfmt comes from Debian's gettext; without it the committed .mo files are used as they are.
messages: install
	@if command -v msgfmt >/dev/null 2>&1; then \
	  $(MANAGE) compilemessages --ignore=.venv --ignore=var --ignore=node_modules -v 0; \
	else \
	  echo ">> msgfmt not found (apt-get install gettext): using the committed .mo files"; \
	fi

seed: migrate
	$(MANAGE) seed_demo

run: migrate messages seed
	$(MANAGE) collectstatic --noinput -v 0
	@HOST="$(HOST)" PORT="$(PORT)" PY="$(PY)" scripts/run.sh

test: install var messages
	@set +e; \
	if [ "$(XDIST)" = "0" ]; then xdist=""; else xdist="-n $(XDIST)"; fi; \
	$(PY) -m pytest $$xdist $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure here"; fi; \
	exit $$status

# Tests that pass today and fail once the calendar passes a date written into them (a fixture
# made at the real time beside a frozen clock, a demo date, this year's number prefix): the suite
# (but the browser tests) on SQLite, its clock moved FUTURE_DAYS ahead by libfaketime (Debian:
# apt-get install faketime). SQLite, because PostgreSQL's own clock would not move.
FUTURE_DAYS ?= 365
test-future: install var messages
	@command -v faketime >/dev/null 2>&1 || { echo "faketime not found: apt-get install faketime"; exit 1; }
	env -u DATABASE_URL -u REDIS_URL faketime -f '+$(FUTURE_DAYS)d' $(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install
	$(PY) benchmarks/catalogue.py $(BENCH_ARGS)

clean-venv:
	rm -rf "$(VENV)"
