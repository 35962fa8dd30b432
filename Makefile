# Two commands matter: `make run` (the app, with a demo profile on first run) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_HOME ?= demo-profile
DEMO_HOUSEHOLDS ?= 600
DEMO_SEED ?= 2026

.PHONY: run test lint system-deps perf sync-soak clean

system-deps:
	@PYTHON=$(PYTHON) bash scripts/system-deps.sh

$(BIN)/.installed: pyproject.toml | system-deps
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(BIN)/.dev-installed: pyproject.toml $(BIN)/.installed
	$(BIN)/python -m pip install -q -e ".[dev]"
	@touch $@

# The demo profile is protected like any other, by the passphrase sotay-demo. A demo folder from before
# profiles were encrypted (no keyslots.json) holds only generated data and is built again.
run: $(BIN)/.installed
	@if [ ! -f "$(DEMO_HOME)/keyslots.json" ]; then \
		rm -rf "$(DEMO_HOME)"; \
		echo "First run: building a demo profile in $(DEMO_HOME)/ ($(DEMO_HOUSEHOLDS) households)"; \
		$(BIN)/sotay --home "$(DEMO_HOME)" demo --households $(DEMO_HOUSEHOLDS) --seed $(DEMO_SEED) || exit $$?; \
	fi
	@echo "Sổ tay mẫu / demo profile $(DEMO_HOME)/ — mật khẩu / passphrase:  sotay-demo"
	$(BIN)/sotay --home "$(DEMO_HOME)"

lint: $(BIN)/.dev-installed
	$(BIN)/lint-imports
	$(BIN)/ruff check desktop db tests

test: $(BIN)/.dev-installed
	$(BIN)/lint-imports
	$(BIN)/ruff check desktop db tests
	$(BIN)/mypy desktop db
	QT_QPA_PLATFORM=offscreen PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring $(BIN)/python -m pytest -q

perf: $(BIN)/.dev-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.perf.search --households 20000

# The sync merge's property test with many more random edit histories than `make test` runs.
sync-soak: $(BIN)/.dev-installed
	SOTAY_SYNC_EXAMPLES=300 QT_QPA_PLATFORM=offscreen PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
		$(BIN)/python -m pytest -q tests/sync/test_convergence.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
