# `make run` starts the app, `make test` runs the whole test suite. Both make
# a virtual environment in .venv on first use (needs only Python 3.11+).

PYTHON ?= python3
VENV := .venv
ifeq ($(OS),Windows_NT)
BIN := $(VENV)/Scripts
else
BIN := $(VENV)/bin
endif
STAMP := $(VENV)/.installed

.PHONY: run test test-long lint bench demo translations clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Community Planner needs Python 3.11 or newer; set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m planner $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

test-long: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest --long -m long $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check planner tests bench tools main.py
	$(BIN)/ruff format --check planner tests bench tools main.py
	$(BIN)/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py $(BENCH_ARGS)

# After changing or adding UI text: collect it into the .ts, translate what
# `status` lists (Qt Linguist: pyside6-linguist, or a JSON for `fill`), build the .qm.
translations: $(STAMP)
	$(BIN)/python tools/translations.py update
	$(BIN)/python tools/translations.py release
	$(BIN)/python tools/translations.py status

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
