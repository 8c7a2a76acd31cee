# aspdiag developer commands. Every target installs what it needs first (make deps).
PYTHON ?= python3
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help deps demo test test-unit lint reformat bench lab-up lab-down

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

deps: .make/deps.stamp  ## install system packages (apt-get, as root) and the Python package with dev extras

.make/deps.stamp: pyproject.toml setup.py aspdiag/tools/explain/_records.c .ci/install-system-deps
	bash .ci/install-system-deps
	$(PYTHON) -m pip install --disable-pip-version-check -q -e '.[dev]' --config-settings editable_mode=compat
	@mkdir -p .make && touch $@

demo: deps  ## the whole preflight in a lab (bottleneck, ascp test double, test transfer); reports in reports/
	$(PYTHON) -m tests.lab demo

test: deps  ## all tests: unit, integration and network-lab tests (lab tests need root); rate and timing tests run alone
	$(PYTHON) -m pytest -n 3 -m 'not serial' $(PYTEST_ARGS)
	$(PYTHON) -m pytest -m serial $(PYTEST_ARGS)

test-unit: deps  ## tests that need neither root nor the lab
	$(PYTHON) -m pytest -n 2 -m 'not lab' $(PYTEST_ARGS)

lint: deps  ## ruff format check, ruff lint, mypy --strict, import contracts (layers, independence, no cycles)
	$(PYTHON) -m ruff format --check .
	$(PYTHON) -m ruff check .
	$(PYTHON) -m mypy
	lint-imports

reformat: deps  ## apply ruff formatting and autofixes
	$(PYTHON) -m ruff format .
	$(PYTHON) -m ruff check --fix .

bench: deps  ## speed/accuracy table versus nmap (and later iperf3/traceroute), measured in the lab
	$(PYTHON) -m tests.bench

lab-up: deps  ## bring a lab up by hand (SCENARIO=udp-drop etc.)
	$(PYTHON) -m tests.lab up --scenario $(or $(SCENARIO),open)

lab-down:  ## remove every lab brought up by hand
	$(PYTHON) -m tests.lab down --all
