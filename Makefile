# The user's interface. Every target sets up .venv on first use.
#   make report [FORBUND=halland] [YEAR=2023]   PDF and HTML into build/
#   make check  [FORBUND=…] [YEAR=…]            check the data; exit 1 on errors
#   make figures FORBUND=… [YEAR=…]             every derived figure as JSON
#   make diff FROM=main [TO=rev] [FORMAT=markdown]  what a change did to the input, figures, findings, pages
#   make test                                   ruff, mypy and the whole test suite (with axe-core
#                                               in Chromium on the web page: needs Node and npm)
#   make schema                                 JSON Schema of the data files, and the README's key list
#   make bench                                  speed and memory, see README
#   make watch [FORBUND=…]                      live preview on http://127.0.0.1:8765/
#   make new-year FORBUND=… YEAR=…              next year's files, every amount left to fill in
#   make fmt / make fmt-check                   the data files in canonical form / fail if not
#   make import-sie FORBUND=… YEAR=… FILE=…     the year's statements from the bookkeeping's SIE file
#   make extract PDF=build/….pdf                the source files a report's PDF carries

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# The test tooling from npm (axe-core, playwright-core; versions in package-lock.json).
NODE_STAMP := node_modules/.installed
# FORBUND, YEAR and BASE come from whoever runs make, maybe a CI job filling them in from
# a pull request: each reaches the shell as one single-quoted word, its raw text never
# expanded by make ($(value)) nor read by the shell, and the CLI validates it
# (make report YEAR='2023; touch X' runs nothing and says YEAR must be four digits).
# Several förbund: FORBUND="halland sydnarke" or FORBUND=halland,sydnarke.
quoted = '$(subst ','\'',$(value $1))'
ARGS   := $(if $(value FORBUND),--forbund $(call quoted,FORBUND)) $(if $(value YEAR),--year $(call quoted,YEAR))
unexport FORBUND YEAR BASE FROM TO FORMAT

.PHONY: report check figures diff test lint bench golden schema clean system-deps

$(STAMP): pyproject.toml requirements.lock
	@$(MAKE) --no-print-directory system-deps
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

# WeasyPrint draws text with Pango, a system library. Install it when missing and we
# may (root with apt-get, as on a fresh Debian machine); otherwise say what to run.
# The tests check the web page with axe-core in Chromium (tests/test_axe.py), driven from
# Node: installed the same way; a report needs neither, so their absence stops nothing
# (that test skips and says what to install).
system-deps:
	@if ! ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Pango for WeasyPrint (apt-get)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; \
	  else \
	    echo "WeasyPrint needs Pango: run  sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0"; exit 1; \
	  fi; \
	fi
	@if [ ! -x /usr/bin/chromium ] || ! command -v node >/dev/null; then \
	  pkgs=""; [ -x /usr/bin/chromium ] || pkgs=" chromium"; command -v node >/dev/null || pkgs="$$pkgs nodejs npm"; \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing$$pkgs for the tests of the web page (apt-get)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$pkgs >/dev/null; \
	  else \
	    echo "The web page's accessibility test needs$$pkgs: run  sudo apt-get install$$pkgs  (it skips until then)"; \
	  fi; \
	fi

# make report builds a förbund-year only when something it is made from changed since its
# PDF and HTML were written: the förbund's folder (every year's files, the narrative, the
# logo), the templates, the styles, the package or the installed libraries. Unchanged, it
# says so and is done in a moment; `make -B report` builds anyway. Several förbund: each is
# built even when another fails (-k), and make fails if any did. FORBUND and YEAR choose the
# reports only when they name existing folders and year files exactly; anything else goes
# to the CLI as before, which says what is wrong.
comma := ,
THIS_MAKEFILE := $(abspath $(firstword $(MAKEFILE_LIST)))
REPORT_INPUTS := $(STAMP) $(shell find generator templates styles -type f ! -path '*/__pycache__/*' ! -name '*.pyc' 2>/dev/null)
ALL_FORBUND := $(patsubst data/%/forbund.yaml,%,$(wildcard data/*/forbund.yaml))
years_of = $(sort $(patsubst data/$1/%.yaml,%,$(wildcard data/$1/[0-9][0-9][0-9][0-9].yaml)))
WANTED := $(if $(value FORBUND),$(subst $(comma), ,$(value FORBUND)),$(ALL_FORBUND))
# One year for each förbund: YEAR when every one has that year's file, else none (the CLI explains).
year_for = $(if $(value YEAR),$(if $(findstring %,$(value YEAR)),,$(filter $(value YEAR),$(call years_of,$1))),$(lastword $(call years_of,$1)))
REPORTS := $(foreach f,$(filter $(ALL_FORBUND),$(WANTED)),$(if $(call year_for,$f),build/$f-$(call year_for,$f).pdf))
KNOWN := $(and $(WANTED),$(if $(filter-out $(ALL_FORBUND),$(WANTED)),,$(if $(word $(words $(WANTED)),$(REPORTS)),yes)))

# A förbund's own files may have any name (a logo "Logga 2023.png"), which make cannot list as
# prerequisites: its folder is one, and anything in it newer than the PDF makes the PDF stale.
define report_rule
build/$1-$2.pdf build/$1-$2.html &: $(REPORT_INPUTS) data/$1 $(if $(shell find data/$1 -newer build/$1-$2.pdf -print -quit 2>/dev/null),FORCE)
	$(PY) -m generator report --forbund $1 --year $2
endef
.PHONY: FORCE report-files
FORCE:
# Both files of each report, as one goal: make then names none of them "up to date".
report-files: $(REPORTS) $(REPORTS:.pdf=.html)
$(foreach r,$(REPORTS),$(eval $(call report_rule,$(word 1,$(subst -, ,$(basename $(notdir $r)))),$(lastword $(subst -, ,$(basename $(notdir $r)))))))

report: $(STAMP)
ifeq ($(KNOWN),yes)
	@if $(MAKE) -f $(THIS_MAKEFILE) --no-print-directory -q $(REPORTS) $(REPORTS:.pdf=.html); then \
	  echo "Inget har ändrats sedan senaste bygget; aktuella (PDF och HTML): $(REPORTS)"; \
	else $(MAKE) -f $(THIS_MAKEFILE) --no-print-directory -k report-files; fi
else
	$(PY) -m generator report $(ARGS)
endif

check: $(STAMP)
	$(PY) -m generator check $(ARGS)

figures: $(STAMP)
	@$(PY) -m generator figures $(ARGS)

# What a change does to the report, FROM a revision TO another (default: the working tree):
# input lines, figures, findings; FORMAT=markdown is a pull-request comment (pages compared
# too). BASE= is the old name of FROM=.  make diff FROM=main [TO=HEAD] [FORMAT=markdown]
diff: $(STAMP)
	@$(PY) -m generator diff $(if $(value BASE),--from $(call quoted,BASE)) $(if $(value FROM),--from $(call quoted,FROM)) \
	  $(if $(value TO),--to $(call quoted,TO)) $(if $(value FORMAT),--format $(call quoted,FORMAT)) $(ARGS)

# Lint and types first: they take seconds and say most precisely what is wrong.
lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests bench
	$(VENV)/bin/mypy

# The suite on every core (pytest-xdist, at most 4 workers): most of its time is WeasyPrint
# printing the examples, one core per print.
test: lint $(NODE_STAMP)
	$(PY) -m pytest -q -n auto --maxprocesses=4

# axe-core and playwright-core exactly as package-lock.json pins them (the browser is
# Debian's Chromium, see system-deps; nothing downloads one). Without npm the axe test skips.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --no-audit --no-fund && touch $@; \
	else \
	  echo "npm is missing: the axe-core test of the web page will skip (sudo apt-get install nodejs npm)"; \
	fi

# Speed and memory against the issue's targets (about 10 minutes; README "Speed and memory"):
# the table is printed and written to build/bench.json and build/bench.md. Each figure is the
# median of BENCH_RUNS fresh processes (default 5); BENCH_ONLY=examples,large,batch,make,watch
# picks groups. Chromium (system-deps) is compared with when installed.
bench: $(STAMP)
	$(PY) bench/bench.py $(if $(value BENCH_RUNS),--runs $(call quoted,BENCH_RUNS)) $(if $(value BENCH_ONLY),--only $(call quoted,BENCH_ONLY))

# Rewrite tests/golden/*.html from the examples; review `git diff tests/golden` after.
golden: $(STAMP)
	$(PY) tests/update_golden.py

# Rewrite schema/*.json and the README's key list from the model; review the diff after.
schema: $(STAMP)
	$(PY) -m generator.schema

clean:
	rm -rf build $(VENV) node_modules

# Fuzz the loader, derive and the checks for SECONDS seconds (default 60); each distinct
# crash is saved with its input and a minimised reproducer under build/fuzz-crashes/.
.PHONY: fuzz
fuzz: $(STAMP)
	$(PY) tests/fuzz.py --seconds $(or $(SECONDS),60)

# The files a report's PDF was made from (its PDF/A-3 source files), written out again:
#   make extract PDF=build/halland-2023.pdf [TILL=mapp] [SKRIV_OVER=1]
# PDF and TILL reach the shell as single-quoted words, as FORBUND does; `--` keeps a PDF
# named like an option (-x.pdf) a file name.
.PHONY: extract
unexport PDF TILL SKRIV_OVER
extract: $(STAMP)
	$(PY) -m generator extract $(if $(value TILL),--till $(call quoted,TILL)) $(if $(value SKRIV_OVER),--skriv-over) $(if $(value PDF),-- $(call quoted,PDF))

# Live preview of one förbund: the HTML rebuilt on every save of its data, the templates or
# the styles, served on http://127.0.0.1:8765/ with the findings on the page; Ctrl-C stops.
#   make watch [FORBUND=halland] [YEAR=2023] [PORT=8765]
# PORT reaches the shell as one single-quoted word, as FORBUND does; the CLI validates it.
.PHONY: watch
unexport PORT
watch: $(STAMP)
	$(PY) -m generator watch $(ARGS) $(if $(value PORT),--port $(call quoted,PORT))

# The bookkeeping's SIE file into a year file (its statements and medlemsavgifter); prints
# what changed, and changes nothing when the file is malformed or does not reconcile:
#   make import-sie FORBUND=halland YEAR=2023 FILE=bokslut-2023.se
# FILE reaches the shell as a single-quoted word, as FORBUND does.
.PHONY: import-sie
unexport FILE
import-sie: $(STAMP)
	@$(PY) -m generator import-sie $(ARGS) $(if $(value FILE),--fil $(call quoted,FILE))

# Every data file (forbund.yaml, YYYY.yaml) in canonical form, rewritten in place only when
# it changes: `make fmt [FORBUND=…] [YEAR=…]` (with YEAR only that year's file). `make
# fmt-check` changes nothing and fails (exit 1) naming each file that is not canonical at
# its first differing line (for CI). FORBUND and YEAR reach the CLI quoted, as for report.
.PHONY: fmt fmt-check
fmt: $(STAMP)
	$(PY) -m generator fmt $(ARGS)

fmt-check: $(STAMP)
	$(PY) -m generator fmt --check $(ARGS)

# Next year's files from this year's, every amount left empty and listed (never over a file):
#   make new-year FORBUND=halland YEAR=2024
.PHONY: new-year
new-year: $(STAMP)
	$(PY) -m generator new-year $(ARGS)
