# amscout: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared

.PHONY: install demo test test-deps eval bench bench-crawl bench-extract bench-report lint clean

$(BIN)/amscout: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/amscout  ## create the virtual environment and install amscout into it

demo: install  ## run the whole product offline on simulated job boards
	$(BIN)/amscout demo

test-deps: install  ## what the tests need beyond Python: headless Chromium for report pages
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the report rendering test..."; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install chromium; the browser test will be skipped"; }

test: test-deps  ## install everything the tests need, then run the whole suite
	$(BIN)/python -m pytest -q

eval: install  ## score file-mode extraction on the shared dev set
	$(BIN)/python bench/eval.py --shared $(SHARED)

bench: bench-crawl bench-extract bench-report  ## every benchmark

bench-crawl: install
	$(BIN)/python bench/bench_crawl.py

bench-extract: install
	$(BIN)/python bench/bench_extract.py --shared $(SHARED)

bench-report: install
	$(BIN)/python bench/bench_report.py

lint: install
	$(BIN)/python -m pyflakes cli.py store.py errors.py crawler analysis tests bench || true

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache build
