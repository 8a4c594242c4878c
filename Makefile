# The two commands: `make run` (site on SQLite with the sample pages) and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: install run test lint eval bench chromium clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# Development server on SQLite (DATABASE_URL unset), with reference data and fixtures/pages imported,
# and a worker beside it for the admin's background jobs (stopped with the server).
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_reference
	$(PY) manage.py import_memos fixtures/pages
	DEBUG=1 $(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

# Debian's Chromium drives the browser tests; browsers cannot be downloaded here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }

# The whole suite, browser tests included; DATABASE_URL=postgres://... runs it on PostgreSQL.
test: install chromium
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

# Extraction quality on the annotated real pages of tests/data/real (README "Extraction quality").
EVAL_ARGS ?=
eval: install
	$(PY) manage.py evaluate_extraction $(EVAL_ARGS)

# Benchmarks (README "Performance") on BENCH_DATABASE_URL, never the development db.sqlite3: a
# SQLite file under artifacts/ unless set. A database with fewer than BENCH_MEMOS memos is first
# topped up with synthetic ones (generate_corpus --up-to), so a fresh clone measures 10,000 memos.
# On PostgreSQL: createdb bench100k, then
#   make bench BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench100k BENCH_MEMOS=100000
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/artifacts/bench.sqlite3
BENCH_MEMOS ?= 10000
BENCH_ARGS ?=
bench: install
	mkdir -p artifacts
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py generate_corpus --up-to $(BENCH_MEMOS)
	DEBUG=0 $(PY) manage.py collectstatic --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) DEBUG=0 $(PY) manage.py bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles artifacts
