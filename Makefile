# Vejviser: the two commands a new machine needs are `make run` and `make test`.
# Everything else (virtualenv, packages, design-system assets, database, demo content)
# is set up by these targets. Only Python 3.11+ and make are required.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_PASSWORD ?= vejviser-demo
# pytest-xdist workers for `make test` (one per core; TEST_WORKERS=0 runs in one process).
TEST_WORKERS ?= auto
export DEMO_PASSWORD

.PHONY: run test install install-dev assets migrate demo lint format messages bench load clean help

help:
	@echo "make run   - install, migrate, load the demo guides and serve on http://$(HOST):$(PORT)"
	@echo "make test  - install and run the whole test suite"
	@echo "make lint  - ruff check + format check + import contracts (lint-imports)"
	@echo "make messages - update the Danish admin translations (locale/da) and compile them"
	@echo "make bench - performance benchmark against Wagtail itself (needs PostgreSQL, Redis; installs wrk, nginx)"
	@echo "make load  - locust load test (LOAD_TIME=2m) against gunicorn and the static export"

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Vejviser needs Python 3.11 or newer (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

vendor/dkfds/.installed: tools/fetch_dkfds.py | $(PY)
	$(PY) tools/fetch_dkfds.py vendor/dkfds

assets: vendor/dkfds/.installed

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: install assets demo
	@echo ""
	@echo "Vejviser runs on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@$(PY) manage.py demo_users
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev assets
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

# Our admin strings are English msgids with Danish in locale/da/LC_MESSAGES/django.po.
# Extracting and compiling is pure Python (Babel), so no GNU gettext is needed.
messages: install-dev
	$(PY) tools/messages.py extract
	$(PY) tools/messages.py compile

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) vendor static_collected test-artifacts

# Performance (docs/performance.md). Not part of `make test` or CI: they need PostgreSQL,
# Redis, wrk and nginx (installed with apt-get when missing) and take a few minutes.
bench: install-dev assets
	$(PY) -m bench.run

LOAD_TIME ?= 2m
export LOAD_TIME
$(VENV)-load/.installed: requirements-load.txt
	$(PYTHON) -m venv $(VENV)-load
	$(VENV)-load/bin/pip install --quiet -r requirements-load.txt
	@touch $@

load: install-dev assets $(VENV)-load/.installed
	$(PY) -m bench.load
