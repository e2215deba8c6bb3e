# amscout: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared

.PHONY: install demo test test-deps eval bench bench-crawl bench-extract bench-report bench-dedup lint clean

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
	$(BIN)/python bench/eval.py --shared $(SHARED) --readme

bench: bench-crawl bench-extract bench-report bench-dedup  ## every benchmark

bench-crawl: install
	$(BIN)/python bench/bench_crawl.py

bench-extract: install
	$(BIN)/python bench/bench_extract.py --shared $(SHARED)

bench-report: install
	$(BIN)/python bench/bench_report.py

bench-dedup: install  ## precision / recall of duplicate marking on the labelled sets
	for set in dev test hard holdout; do $(BIN)/python bench/dedup_eval.py --fixture tests/fixtures/dedup/$$set.jsonl; done
	$(BIN)/python bench/dedup_eval.py --demo 10000 --batch 500

lint: install  ## pyflakes over the code, the tests and the benchmarks
	$(BIN)/python -m pyflakes cli.py store.py errors.py json_lines.py crawler analysis tests bench

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache build
