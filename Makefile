# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench bench-scale bench-fuzz bench-serve bench-kill bench-big bench-end lint install dev clean model

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,ray]'
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/dateline demo

test: dev
	$(BIN)/python -m pytest

bench: dev
	$(BIN)/dateline bench --format json

# Opt-in (minutes): Ray throughput with 1 and 2 workers on 2,000 documents.
bench-scale: dev
	$(BIN)/dateline bench --part scale --format json

# Opt-in (minutes): every reader on 10,000 mutated inputs; "escaped" must be 0.
bench-fuzz: dev
	$(BIN)/dateline bench --part fuzz --format json

# Opt-in (about 40 minutes on a busy 2-core machine): 100 clients on every endpoint for 60 s, then
# 20 readers while `serve --watch` ingests 500 articles; "errors" must be 0 in both.
bench-serve: dev
	$(BIN)/dateline bench --part load --part live --docs 500 --format json

# Opt-in (tens of minutes): 2,000 documents ingested with three kill -9s and a resume against a
# clean run; "differing_rows" must be 0.
bench-kill: dev
	$(BIN)/dateline bench --part kill --format json

# Opt-in (tens of minutes, 2 GB of disk): a 1 GB JSONL and a 1 GB WARC, each read whole and
# ingested for 10 minutes, with peak RSS.
bench-big: dev
	$(BIN)/dateline bench --part big --format json

# Opt-in (about an hour): the big JSONL's next 1,000 records ingested into a store filled to its size.
bench-end: dev
	$(BIN)/dateline bench --part end --format json

# The learned parts, from the fit part of ../shared/data with fixed seeds, into src/dateline/models/.
# The events classifier, the target ranker and the sentence filter need scikit-learn (a dev extra); the pipeline reads it with numpy.
model: dev
	$(BIN)/dateline train lines --data ../shared/data
	$(BIN)/dateline train gaps --data ../shared/data  # after lines: its features read the line-role model
	$(BIN)/dateline train cuts --data ../shared/data  # after gaps: where the cut falls in the gaps it reads
	$(BIN)/dateline train headlines --data ../shared/data  # after cuts: its contests are the articles the split cuts
	$(BIN)/dateline train events --data ../shared/data --quiet
	$(BIN)/dateline train roles --data ../shared/data --quiet
	$(BIN)/dateline train filter --data ../shared/data --quiet  # it learns what the events stage codes
	$(BIN)/dateline train precision --data ../shared/data --quiet  # last: it learns from what the events stage prints

lint: dev
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info dateline-demo.duckdb
