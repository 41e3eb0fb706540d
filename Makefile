# MitWIRken in Dortmund: `make run` serves the seeded portal, `make test` runs the whole suite.
PYTHON ?= python3
PORT ?= 8000
# The address `make run` serves on: links in mails and calendar files lead there.
BASE_URL ?= http://127.0.0.1:$(PORT)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
CHROMIUM ?= /usr/bin/chromium
# Parallel test processes (pytest-xdist); each has its own test database and Redis database.
# Each process takes tests in collection order, so the tests that flush the database (browser,
# transaction=True) run after the others there, as pytest-django orders them.
TEST_WORKERS ?= auto
INSTALLER ?= uv

.PHONY: run test bench install system-packages lint format check messages vendor lock audit clean

# The venv: `make run` needs the portal's packages, the tests and tools also the dev extras.
# scripts/venv-install uses uv when it can, else pip (INSTALLER=pip: pip only).
$(VENV)/.installed-run: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	INSTALLER=$(INSTALLER) scripts/venv-install $(VENV) -e .
	touch $@

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	INSTALLER=$(INSTALLER) scripts/venv-install $(VENV) -e ".[dev]"
	touch $@ $(VENV)/.installed-run

node_modules/.installed: package.json package-lock.json | system-packages
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed

# The Debian packages the tests need (Chromium, a JRE, gettext, Node.js with npm): installed with
# apt-get as root or with password-less sudo, else the command to run is printed.
system-packages:
	@scripts/system-packages $(CHROMIUM)

run: $(VENV)/.installed-run
	mkdir -p var
	$(MANAGE) migrate --noinput
	BASE_URL=$(BASE_URL) $(MANAGE) seed_demo
	BASE_URL=$(BASE_URL) $(MANAGE) runserver 127.0.0.1:$(PORT)

test: system-packages install node_modules/.installed
	@test -x $(CHROMIUM) || { echo "Browser tests need Chromium at $(CHROMIUM): sudo apt-get install chromium"; exit 1; }
	@command -v java >/dev/null || { echo "The HTML check needs Java: sudo apt-get install default-jre-headless"; exit 1; }
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

# The page benchmark (docs/performance.md), not part of `make test`: builds its databases on the
# PostgreSQL of BENCH_DATABASE_URL (kept while their recipe holds), serves them with gunicorn and
# the production settings, writes the table into docs/performance.md. BENCH_ARGS="--help".
bench: install
	$(BIN)/python scripts/bench_pages.py $(BENCH_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# Update the German and English catalogues after changing user-facing strings, then translate.
messages: install
	$(MANAGE) makemessages --locale de --locale en --no-location --no-obsolete --ignore ".venv/*" --ignore "node_modules/*" --ignore "staticfiles/*" --ignore "tests/*" --ignore "scripts/*"
	$(MANAGE) compilemessages --ignore ".venv/*"

# Copy KERN UX from npm into static/vendor (the running site needs no Node.js), with Fira Sans
# subset to the faces and characters the portal shows (fontTools from the dev extras), and as
# TrueType for the training's certificates of participation (PDF) in training/fonts.
vendor: node_modules/.installed $(VENV)/.installed
	cp node_modules/@kern-ux/native/LICENSE.md static/vendor/kern-ux/
	cp node_modules/@kern-ux/native/dist/kern.min.css static/vendor/kern-ux/
	$(BIN)/python scripts/subset_fonts.py node_modules/@kern-ux/native/dist/fonts static/vendor/kern-ux/fonts --pdf training/fonts

# The exact versions of the venv (runtime and dev), for `make audit`; run after changing pyproject.
lock: install
	{ echo "# Written by \`make lock\` (pip freeze of the venv): the versions \`make audit\` checks."; \
	  $(BIN)/python -m pip freeze --exclude-editable --exclude uv; } > requirements.lock

# Known vulnerabilities of requirements.lock (pip-audit). Needs the vulnerability service on the
# network; not part of `make test` or CI. AUDIT_FLAGS="-s osv" asks api.osv.dev instead of PyPI.
audit: install
	@scripts/audit $(BIN)/pip-audit requirements.lock $(AUDIT_FLAGS)

clean:
	rm -rf $(VENV) node_modules staticfiles var .pytest_cache
