# Two commands on a fresh machine: `make demo` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUNTIME := $(VENV)/.runtime

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# What the bot needs (the demo); the test tools come with `make test`.
$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $(RUNTIME)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP) $(RUNTIME)

# The local demo with no credentials; the real bot when Slack, WeCom or Teams credentials are set (.env).
demo: $(RUNTIME)
	$(BIN)/salesbot start

# the suite on every core (pytest-xdist; at most 4 workers, each with its own PostgreSQL database)
test: $(STAMP)
	$(BIN)/ruff check --no-cache .
	$(BIN)/python -m pytest -q -p no:cacheprovider -n auto --maxprocesses 4

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) data .pytest_cache .hypothesis
