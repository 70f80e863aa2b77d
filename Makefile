# Patenbüro – the two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test test-postgres soak bench bench-services screenshots print-samples clean wheel icons \
        package package-test package-constraints

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

# The whole suite again against a throwaway PostgreSQL cluster (root or the postgres user).
test-postgres: $(STAMP_TEST)
	bash tools/postgres_tests.sh

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

# The office bundle (PyInstaller, one folder) and the .deb; see packaging/README.md.
# Built with Python 3.12 (None is immortal there, so PySide6 6.12 is safe) in its own
# venv, with the versions pinned in packaging/constraints.txt.
PACKAGE_PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) \
                             $(shell command -v python3.12 2>/dev/null))
PKG_VENV := build/package-venv
PKG_BUNDLE := build/package/dist/patenbuero
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
DEB := dist/patenbuero_$(VERSION)-1_$(shell dpkg --print-architecture 2>/dev/null || echo amd64).deb
DEB_COMPRESSION ?= xz

$(PKG_VENV)/bin/python:
	@test -n "$(PACKAGE_PYTHON)" || { echo "make package: Python 3.12 fehlt (PACKAGE_PYTHON=/pfad/zu/python3.12 angeben)" >&2; exit 1; }
	$(PACKAGE_PYTHON) -m venv $(PKG_VENV)
	$(PKG_VENV)/bin/python -m pip install --quiet --upgrade pip

package: $(PKG_VENV)/bin/python
	$(PKG_VENV)/bin/python -m pip install --quiet -c packaging/constraints.txt pyinstaller ".[postgres]"
	$(PKG_VENV)/bin/python -m pip install --quiet --no-deps --force-reinstall .
	$(PKG_VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath build/package/dist \
	    --workpath build/package/work packaging/patenbuero.spec
	DEB_COMPRESSION=$(DEB_COMPRESSION) packaging/linux/build_deb.sh $(PKG_BUNDLE) dist
	@du -sh $(PKG_BUNDLE) $(DEB)

package-test: package
	$(PKG_VENV)/bin/python packaging/test_package.py $(PKG_BUNDLE) $(DEB)

package-constraints:
	rm -rf build/constraints-venv
	$(PACKAGE_PYTHON) -m venv build/constraints-venv
	build/constraints-venv/bin/python -m pip install --quiet pyinstaller ".[postgres]"
	{ sed -n '1,3p' packaging/constraints.txt; \
	  build/constraints-venv/bin/python -m pip freeze --exclude patenbuero; } > build/constraints.txt
	mv build/constraints.txt packaging/constraints.txt

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
