# dyad: every target sets up what it needs on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8000

.PHONY: install test lint run bench eval train clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

lint: install
	$(BIN)/ruff check src tests benchmarks

test: install lint
	$(BIN)/pytest -q

run: install
	@mkdir -p build
	$(BIN)/dyad ingest examples/public-domain.jsonl --db build/dyad.db
	$(BIN)/dyad overview --db build/dyad.db
	$(BIN)/dyad timeline RUS PRK --by year --db build/dyad.db
	$(BIN)/dyad serve --db build/dyad.db --port $(PORT)

bench: install
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/ingest_speed.py

# Every evaluation set in ../shared/eval at once: one table, and build/eval.json.
# BASELINE=build/eval-before.json shows each figure beside an earlier run's.
eval: install
	$(BIN)/python scripts/evaluate.py $(if $(BASELINE),--baseline $(BASELINE))

# The learned event model from the labelled corpus (training/, ../shared/training, ../shared/eval/dev):
# 5-fold cross-validation, calibration and thresholds on held-out real stories, then the model on everything.
# It writes the model dyad ships (extract/data/event_model.npz) and its report (training/model-report.json).
train: install
	$(BIN)/dyad train -o src/dyad/extract/data/event_model.npz --report training/model-report.json

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache
