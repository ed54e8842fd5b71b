# make run   set everything up, then start the app with the demo school on http://localhost:8501
# make test  set up with dev dependencies, then run the whole test suite
#
# The app listens on this machine only (127.0.0.1). To let other machines reach
# it, e.g. on a school network: make run ADDRESS=0.0.0.0 (and put TLS in front,
# see docs/deployment.md).
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
ADDRESS ?= 127.0.0.1

.PHONY: run test setup setup-dev app bench

run: setup
	$(BIN)/tutor db upgrade
	$(BIN)/tutor demo seed --address $(ADDRESS)
	$(BIN)/tutor demo check-exposure --address $(ADDRESS)
	$(BIN)/tutor model install default
	$(BIN)/streamlit run streamlit_app.py --server.address $(ADDRESS) --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: setup-dev
	$(BIN)/python -m pytest -q

setup:
	@bash scripts/setup.sh run

setup-dev:
	@bash scripts/setup.sh dev
