# make demo   build, then serve the demo portal on http://127.0.0.1:8080
# make test   install what is missing, build, run every test
# make bench  speed and size against Zod, Valibot, AJV and plain JS; JSON text vs serde-wasm-bindgen
.PHONY: setup build demo test bench fuzz

setup:
	bash scripts/setup.sh

build: setup
	bash scripts/build.sh

demo: build
	node www/serve.mjs

test:
	bash scripts/setup.sh --browser
	bash scripts/build.sh
	bash scripts/test.sh

bench: build
	bash scripts/build.sh serde-boundary
	cd bench && npm ci --no-audit --no-fund && node run.mjs && node size.mjs && node boundary.mjs

# make fuzz   each fuzz target for FUZZ_SECONDS (default 60); findings land in fuzz/artifacts/
fuzz: setup
	bash scripts/fuzz.sh run $(or $(FUZZ_SECONDS),60)
