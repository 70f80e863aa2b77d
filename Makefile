# Patenbüro – the two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test soak bench bench-services screenshots print-samples clean wheel icons

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/patenbuero

test: $(STAMP_TEST)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

# A day of use in a few minutes on the large demo (not part of `make test`).
soak: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/soak.py --actions $(or $(ACTIONS),3000)

screenshots: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py docs/screenshots

print-samples: $(STAMP_TEST)
	$(BIN)/python tools/print_samples.py docs/print-samples

# PNG sizes and the Windows .ico from resources/icons/patenbuero.svg (committed results).
icons: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/render_icons.py

# What users wait for, against baselines of the same run; writes benchmarks/results/latest.md.
bench: $(STAMP_TEST)
	$(BIN)/python benchmarks/bench.py

bench-services: $(STAMP_TEST)
	$(BIN)/python benchmarks/run.py

wheel: $(STAMP_TEST)
	$(BIN)/python -m pip wheel --no-deps --quiet -w dist .

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
