#!/bin/sh
# Builds a store of at least 100,000 quotes for search benchmarks (GET /api/quotes, attache search):
# the PolNeAR texts are analysed once, then stored again and again as varied copies (text suffix,
# dates shifted by weeks, outlets varied). Needs ../shared/data and a build (npm run build).
#   scripts/build-quote-store.sh [DB] [QUOTES]      default: quotes.db 100000
set -e
cd "$(dirname "$0")/.."
DB="${1:-quotes.db}"
QUOTES="${2:-100000}"
DIST="${DIST:-dist}"
node "$DIST/bench/store-build.js" --db "$DB" --quotes "$QUOTES"
node "$DIST/bench/store-search.js" --db "$DB" --runs 30
