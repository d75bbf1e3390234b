# Afspraak: `make run` starts the app, `make test` runs the whole suite headless.
# Both set up everything on a fresh Debian/Ubuntu machine (Python 3.11+).
# What goes into .venv is requirements-lock.txt and nothing else: `make lock` renews it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export PYTHON

# Qt's runtime libraries (offscreen and X11) and a font.
APT_RUNTIME := libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 \
  libxkbcommon0 fonts-dejavu-core libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 \
  libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0
# Extra for tests with a real X server, a tray host (trayer) and a notification service (dunst).
APT_TEST := xvfb xauth dbus trayer dunst
# Extra for `make dist`: PyInstaller reads and strips the libraries with binutils.
APT_DIST := binutils

BABEL_KEYWORDS := -k N_ -k NN_:1,2 -k ngettext:1,2 -k pgettext:1c,2 -k NP_:1c,2

.PHONY: lock run test lint forms sql-shapes holidays kill-test schema-fixture sysdeps sysdeps-test sysdeps-dist catalogs mo dist dist-check install-desktop bench screenshots clean

# The SIGKILL test (tests/test_crash_safety.py) kills a writer this many times in `make test`
# (CI); `make kill-test` runs it 60 times.
AFSPRAAK_KILL_ROUNDS ?= 8
export AFSPRAAK_KILL_ROUNDS

run: sysdeps $(VENV)/.installed mo
	$(BIN)/afspraak

test: sysdeps-test $(VENV)/.installed mo lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# ruff (pyproject.toml [tool.ruff]), then the layers and "no import cycles" ([tool.importlinter]).
lint: $(VENV)/.installed
	$(BIN)/ruff check desktop tests bench .ci docs
	$(BIN)/lint-imports --no-cache

# Compile the Qt Designer forms (ui/*.ui) into desktop/views/ui_forms/ (commit them): the app
# builds its forms from those modules; tests/test_forms_compiled.py fails when they are stale.
forms: $(VENV)/.installed
	$(BIN)/python .ci/forms.py

# Write the SQL of the store's query shapes (db.Shape) into desktop/store/sql_shapes.py (commit
# it): the app reads it instead of having Peewee make it; tests/test_sql_shapes.py fails when stale.
sql-shapes: $(VENV)/.installed
	$(BIN)/python .ci/sql_shapes.py

# The public holidays of NL and of BE (desktop/domain/holiday_dates.py, from the `holidays`
# library; tests/test_workdays.py says when it no longer matches the library).
holidays: $(VENV)/.installed
	$(BIN)/python -m desktop.domain.workdays

kill-test: sysdeps-test $(VENV)/.installed mo
	AFSPRAAK_KILL_ROUNDS=60 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/test_crash_safety.py

# Write tests/data/schemas/vN.sqlite3 for the current schema version (commit it): the
# upgrade from every released schema is then tested by tests/test_schema_upgrades.py.
schema-fixture: $(VENV)/.installed
	$(BIN)/python tests/make_schema_fixture.py

sysdeps:
	@bash .ci/system-deps $(APT_RUNTIME)

sysdeps-test:
	@bash .ci/system-deps $(APT_RUNTIME) $(APT_TEST)

sysdeps-dist:
	@bash .ci/system-deps $(APT_RUNTIME) $(APT_DIST)

# The lock: every package of the app, its test and dist extras and its build backend at one
# exact version, with the hashes of that version's files for Linux, Windows and macOS.
LOCK := requirements-lock.txt

# The venv's own pip (the one that comes with Python) installs the lock: an unpinned
# `pip install --upgrade pip` would be the one thing left to chance.
$(VENV)/.venv:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Afspraak needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	touch $@

# Everything from the lock, every file checked against its hash; then Afspraak itself,
# editable, resolving nothing (--no-deps) and built with the locked setuptools
# (--no-build-isolation) instead of whatever the index has that day. Runs again when the
# lock or pyproject.toml changes.
$(VENV)/.installed: $(VENV)/.venv $(LOCK) pyproject.toml
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Renew the lock from pyproject.toml's ranges (and its build-system requires), on purpose:
#   make lock                  every package at the newest version the ranges allow
#   make lock UPGRADE=babel    only the packages named (space-separated) move; every other pin stays
# uv resolves once for every platform and Python >= 3.11 (markers pick Windows' and macOS'
# packages) and writes the hashes of every file. It is needed here only, not to install.
UV_VERSION := 0.13.9
UV := $(VENV)/lock-tool/bin/uv
UPGRADE ?=
$(VENV)/lock-tool/.uv-$(UV_VERSION): $(VENV)/.venv
	rm -rf $(VENV)/lock-tool
	$(BIN)/python -m pip install -q --disable-pip-version-check --only-binary :all: \
	  --target $(VENV)/lock-tool uv==$(UV_VERSION)
	touch $@

lock: $(VENV)/lock-tool/.uv-$(UV_VERSION)
	$(BIN)/python -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")' \
	  > $(VENV)/lock-tool/build-requires.txt
	$(UV) pip compile --quiet pyproject.toml - --all-extras --universal --python-version 3.11 \
	  --generate-hashes --custom-compile-command 'make lock' --output-file $(LOCK) \
	  $(if $(strip $(UPGRADE)),$(addprefix --upgrade-package ,$(UPGRADE)),--upgrade) \
	  < $(VENV)/lock-tool/build-requires.txt

# Compile the catalogs (the .mo files are built, never committed).
mo: $(VENV)/.installed
	$(BIN)/pybabel compile -d locales -D messages --statistics

# Extract strings from the code and the .ui forms, update nl and en, compile.
catalogs: $(VENV)/.installed
	$(BIN)/pybabel extract -F pyproject.toml -c TRANSLATORS: --sort-by-file --add-location=file \
	  --project=Afspraak --version=0.1.0 $(BABEL_KEYWORDS) -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching --ignore-obsolete
	$(BIN)/python -m desktop.i18n_extract fill-en locales/en/LC_MESSAGES/messages.po
	$(BIN)/pybabel compile -d locales -D messages --statistics

# The packaged app (build.spec): dist/Afspraak/ (+ dist/Afspraak.desktop on Linux), then
# .ci/pack/check.py smoke-tests it and prints its size and start time against the script's.
dist: sysdeps-dist $(VENV)/.installed mo
	rm -rf dist/Afspraak dist/Afspraak.app
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec
	$(MAKE) --no-print-directory dist-check

dist-check: $(VENV)/.installed
	PYTHONPATH=.ci $(BIN)/python -m pack.check $(DIST_CHECK_ARGS)

# Put the bundle in this user's applications menu (and the icon in the theme). After moving
# the bundle: make install-desktop DIST=<the folder that now holds Afspraak/>.
DIST ?= dist
install-desktop: $(VENV)/.installed
	PYTHONPATH=.ci $(BIN)/python -m pack.launcher install $(DIST) build/icons

screenshots: sysdeps $(VENV)/.installed mo
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py

bench: sysdeps $(VENV)/.installed mo
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build dist .pytest_cache locales/*/LC_MESSAGES/*.mo
