# `make demo` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test setup clean

$(BIN)/miner: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(BIN)/miner

setup: $(BIN)/miner

demo: setup
	$(BIN)/miner scan corpora/seeds corpora/pdf --out miner-report || test $$? -eq 1

test: setup
	$(BIN)/python -m pytest
	PYTHON=$(PYTHON) DEV_MINER=$(abspath $(BIN))/miner bash scripts/check_wheel.sh

clean:
	rm -rf $(VENV) miner-report
