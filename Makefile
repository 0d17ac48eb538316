# Étude — `make` builds the site into output/, `make test` runs every test.
SWIFT ?= swift
PROJECT ?= .
OUTPUT ?= output
ETUDE_RELEASE = .build/release/etude
ETUDE_DEBUG = .build/debug/etude
SYSTEM_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev
CHECK_DIR = .build/check-site
FIXTURES = Tests/EtudeCoreTests/Fixtures
PREFIX ?= /usr/local

.PHONY: all site pdf test unit validate fuzz deps clean bench bench-answers bench-csv bench-serve install uninstall theme

all: site

# Installs libcmark-gfm when it is missing: as root with apt-get, otherwise says how.
deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "libcmark-gfm is missing. Run: sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi

$(ETUDE_RELEASE): deps Package.swift Scripts/generate-theme.swift $(shell find Sources -type f)
	$(SWIFT) Scripts/generate-theme.swift
	$(SWIFT) build -c release --product etude

# The theme and the project etude new writes are compiled into etude: after editing
# Sources/EtudeCore/Resources/theme/ or starter/, regenerate their Swift files (a test fails until you do).
theme:
	$(SWIFT) Scripts/generate-theme.swift

# Copies the release binary to $(PREFIX)/bin/etude; it needs nothing else at run time but
# libcmark-gfm: the theme is inside it.
install: $(ETUDE_RELEASE)
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(ETUDE_RELEASE) $(DESTDIR)$(PREFIX)/bin/etude

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/etude

site: $(ETUDE_RELEASE)
	$(ETUDE_RELEASE) build --project $(PROJECT) --output $(OUTPUT)

# The site, then the report printed to output/rapport.pdf with headless Chromium.
pdf: $(ETUDE_RELEASE)
	$(ETUDE_RELEASE) pdf --project $(PROJECT) --output $(OUTPUT)

# Unit, golden and end-to-end tests, then the real validators on the default project.
test: unit validate

unit: deps
	$(SWIFT) build --product etude
	$(SWIFT) test

# The fuzz test at length: FUZZ_CASES damaged copies of the project, from seed FUZZ_SEED.
FUZZ_CASES ?= 5000
FUZZ_SEED ?= 20181127
fuzz: deps
	$(SWIFT) build --product etude
	ETUDE_FUZZ_CASES=$(FUZZ_CASES) ETUDE_FUZZ_SEED=$(FUZZ_SEED) $(SWIFT) test --filter FuzzTests

validate: deps
	$(SWIFT) build --product etude
	Tests/Validators/install.sh
	rm -rf $(CHECK_DIR)
	$(ETUDE_DEBUG) check --strict --project .
	$(ETUDE_DEBUG) pdf --project . --output $(CHECK_DIR)
	Tests/Validators/nu_check.sh $(CHECK_DIR)
	rm -rf $(CHECK_DIR)-new
	$(ETUDE_DEBUG) new $(CHECK_DIR)-new
	$(ETUDE_DEBUG) check --strict --project $(CHECK_DIR)-new
	$(ETUDE_DEBUG) build --project $(CHECK_DIR)-new
	Tests/Validators/nu_check.sh $(CHECK_DIR)-new/output
	Tests/Validators/axe_check.py $(CHECK_DIR)-new/output
	Tests/Validators/nu_check.sh Tests/EtudeCoreTests/Fixtures/golden/expected
	Tests/Validators/nu_check.sh Tests/EtudeCoreTests/Fixtures/survey/expected
	Tests/Validators/axe_check.py $(CHECK_DIR)
	Tests/Validators/axe_check.py Tests/EtudeCoreTests/Fixtures/survey/expected
	Tests/Validators/chart_check.py $(CHECK_DIR)
	Tests/Validators/chart_check.py Tests/EtudeCoreTests/Fixtures/survey/expected
	Tests/Validators/pdf_check.py $(CHECK_DIR) --from-pdf $(CHECK_DIR)/rapport.pdf --min-pages 6 --max-pages 30 \
	  --running-title "L’innovation territoriale" \
	  --expect "311 répondants" --expect "2017" --expect "2018" --expect "53 %" --expect "47 %" \
	  --expect "78 %" --expect "60 %" --expect "40 %" --expect "50 %" --expect "plus des deux tiers" \
	  --same-page "Figure 1 :|Innovation sociétale" --same-page "Figure 2 :|La proposition d’agents" \
	  --same-page "Figure 1 (rappel) :|Innovation sociétale" --same-page "Figure 2 (rappel) :|La proposition d’agents"
	rm -rf $(CHECK_DIR)-en $(CHECK_DIR)-de
	$(ETUDE_DEBUG) pdf --project $(FIXTURES)/english/project --output $(CHECK_DIR)-en
	Tests/Validators/nu_check.sh $(CHECK_DIR)-en
	Tests/Validators/axe_check.py $(CHECK_DIR)-en
	Tests/Validators/chart_check.py $(CHECK_DIR)-en
	Tests/Validators/pdf_check.py $(CHECK_DIR)-en --from-pdf $(CHECK_DIR)-en/rapport.pdf --min-pages 3 --max-pages 30 \
	  --page-number "Page {page} of {pages}" --running-title "Survey of public libraries (fictitious)"
	$(ETUDE_DEBUG) build --project $(FIXTURES)/german/project --output $(CHECK_DIR)-de
	Tests/Validators/nu_check.sh $(CHECK_DIR)-de
	Tests/Validators/axe_check.py $(CHECK_DIR)-de
	Tests/Validators/chart_check.py $(CHECK_DIR)-de

# Scale: a generated site of N pages (BENCH_N, default 1000 10000) built by the release
# etude and by Hugo, with the cmark-gfm CLI as the floor; medians and ratios (not in make test).
BENCH_N ?= 1000 10000
bench: deps
	$(SWIFT) build -c release --product etude
	BENCH_N="$(BENCH_N)" Tests/Bench/bench_site.sh

# Figures from raw answers: a generated 100 000 × 60 export (fixed seed), a release build
# timed against one plain pass of Python's csv module over the same file (not in make test).
bench-answers: deps
	$(SWIFT) build -c release --product etude
	Tests/Bench/bench_answers.sh

# etude serve: a rebuild after one change to data/figures.yaml ÷ a full build, on this
# repository's study, in one run, optimised as a release (its own build folder, for the
# tests need -enable-testing; the first run compiles for minutes; not in make test).
bench-serve: deps
	ETUDE_BENCH_SERVE=1 $(SWIFT) test -c release -Xswiftc -enable-testing --scratch-path .build-bench \
	  --filter IncrementalBenchTests 2>&1 | grep 'bench-serve:'

# The two CSV packages of the machine's list, one full pass each over the same export.
bench-csv:
	python3 Tests/Bench/generate_answers.py .build/bench-answers/project
	cd Tests/Bench/csv-compare && $(SWIFT) build -c release && .build/release/csv-compare ../../../.build/bench-answers/project/data/exports/reponses.csv

clean:
	rm -rf .build output
