# Étude — `make` builds the site into output/, `make test` runs every test.
SWIFT ?= swift
PROJECT ?= .
OUTPUT ?= output
ETUDE_RELEASE = .build/release/etude
ETUDE_DEBUG = .build/debug/etude
SYSTEM_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev
CHECK_DIR = .build/check-site

.PHONY: all site pdf test unit validate fuzz deps clean

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

$(ETUDE_RELEASE): deps Package.swift $(shell find Sources -type f)
	$(SWIFT) build -c release --product etude

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
	Tests/Validators/nu_check.sh Tests/EtudeCoreTests/Fixtures/golden/expected
	Tests/Validators/axe_check.py $(CHECK_DIR)
	Tests/Validators/pdf_check.py $(CHECK_DIR) --from-pdf $(CHECK_DIR)/rapport.pdf --min-pages 6 --max-pages 30 \
	  --running-title "L’innovation territoriale" \
	  --expect "311 répondants" --expect "2017" --expect "2018" --expect "53 %" --expect "47 %" \
	  --expect "78 %" --expect "60 %" --expect "40 %" --expect "50 %" --expect "plus des deux tiers" \
	  --same-page "Figure 1 :|Innovation sociétale" --same-page "Figure 2 :|La proposition d’agents" \
	  --same-page "Figure 3 :|Innovation sociétale" --same-page "Figure 4 :|La proposition d’agents"

clean:
	rm -rf .build output
