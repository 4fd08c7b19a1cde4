# make demo: set up .venv and assess the bundled examples.  make test: set up .venv and run the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= $(abspath ../shared)

.PHONY: bench-layouts bench-scaling bench-written demo test chromium lint bench-quality bench-throughput model model-offtopic clean-venv model-boilerplate model-glued check-models

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test,parquet,zstd,dask]"
	touch $@

demo: $(BIN)/.installed
	$(BIN)/python examples/demo.py

# The browser test of the HTML report needs Debian's chromium: install it when apt-get is there.
chromium:
	@test -x /usr/bin/chromium || ! command -v apt-get >/dev/null || \
	  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } || \
	  echo "make: could not install chromium; the browser test skips (and fails under CI=true)"

test: $(BIN)/.installed chromium
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The quality benchmark on the test split, beside the anchors; writes benchmarks/RESULTS.md and gates on benchmarks/baseline.json.
$(BIN)/.bench-installed: $(BIN)/.installed
	$(BIN)/python -m pip install -q -e ".[bench]"
	touch $@

bench-quality: $(BIN)/.bench-installed
	NEWSQC_SHARED=$(SHARED) $(BIN)/python -m benchmarks.quality --anchors --jobs 0 --check

# Retrain the shipped verdict model on the dev split (deterministic, a few minutes); writes
# src/newsqc/models/verdict.json and benchmarks/RESULTS_verdict.md (figures on the test split).
model: $(BIN)/.installed
	NEWSQC_SHARED=$(SHARED) $(BIN)/python scripts/train_verdict.py --jobs 0

# Retrain the offtopic scorer's model on the dev split and spam-phrases.jsonl (deterministic, about
# a minute); writes src/newsqc/models/offtopic.json. `--eval` instead prints cross-fitted dev figures.
OFFTOPIC_THRESHOLDS := --sentence-threshold 0.998 --anchor-threshold 0.96 --spam-threshold 0.95
model-offtopic: $(BIN)/.installed
	NEWSQC_SHARED=$(SHARED) $(BIN)/python scripts/train_offtopic.py $(OFFTOPIC_THRESHOLDS)

# Retrain the boilerplate line model on the dev split (a minute or two): writes
# src/newsqc/models/boilerplate.json and boilerplate.stopwords.json, prints out-of-fold dev figures.
model-boilerplate: $(BIN)/.installed
	NEWSQC_SHARED=$(SHARED) OMP_NUM_THREADS=1 $(BIN)/python scripts/train_boilerplate.py

# Retrain the break model of glued texts on the dev split (seconds): writes
# src/newsqc/models/glued.json, prints two-fold dev figures.
model-glued: $(BIN)/.installed
	NEWSQC_SHARED=$(SHARED) OMP_NUM_THREADS=1 $(BIN)/python scripts/train_glued.py

# Retrain the four models into a scratch folder and compare them with the shipped ones byte for
# byte (a few minutes): the shipped models are what the scripts in the repository make.
CHECK_DIR ?= /tmp/newsqc-models-check
check-models: $(BIN)/.installed
	rm -rf $(CHECK_DIR) && mkdir -p $(CHECK_DIR)
	NEWSQC_SHARED=$(SHARED) OMP_NUM_THREADS=1 $(BIN)/python scripts/train_glued.py -o $(CHECK_DIR)/glued.json
	NEWSQC_SHARED=$(SHARED) OMP_NUM_THREADS=1 $(BIN)/python scripts/train_boilerplate.py -o $(CHECK_DIR)
	NEWSQC_SHARED=$(SHARED) $(BIN)/python scripts/train_offtopic.py $(OFFTOPIC_THRESHOLDS) -o $(CHECK_DIR)/offtopic.json
	NEWSQC_SHARED=$(SHARED) $(BIN)/python scripts/train_verdict.py --jobs 0 --no-report -o $(CHECK_DIR)/verdict.json
	for f in glued.json boilerplate.json boilerplate.stopwords.json offtopic.json verdict.json; do \
		cmp $(CHECK_DIR)/$$f src/newsqc/models/$$f || exit 1; done
	@echo "the shipped models are what the scripts make"

# Throughput: docs/s on one core and on all cores, and peak memory of a streamed batch run, beside
# datatrove's filter stack on the same documents; results by hand into benchmarks/THROUGHPUT.md.
# DOCS and MEMORY (comma-separated stream lengths) size the runs.
DOCS ?= 2000
MEMORY ?= 10000
bench-throughput: $(BIN)/.installed
	$(BIN)/python -m pip install -q -e ".[bench]"
	NEWSQC_SHARED=$(SHARED) $(BIN)/python -m benchmarks.throughput --docs $(DOCS) --memory $(MEMORY)

clean-venv:
	rm -rf $(VENV)

# The benchmark's test documents in other layouts (line breaks, hard wrapping, markdown, no-break and
# zero-width spaces, soft hyphens, CRLF, NFD), newsqc beside datatrove; writes benchmarks/LAYOUTS.md.
bench-layouts: $(BIN)/.bench-installed
	NEWSQC_SHARED=$(SHARED) $(BIN)/python -m benchmarks.layouts --anchors --jobs 0

# The written rounds (benchmarks/written: look-alikes and SEO insertions the corpus lacks; needs
# no ../shared, about 15 s); writes benchmarks/WRITTEN.md.
bench-written: $(BIN)/.installed
	$(BIN)/python -m benchmarks.written --write

# Cost per MB of one article from 10 KB to 10 MB (linear cost); figures go into benchmarks/SCALING.md by hand.
bench-scaling: $(BIN)/.installed
	NEWSQC_SHARED=$(SHARED) $(BIN)/python -m benchmarks.scaling
