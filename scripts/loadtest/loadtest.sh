#!/usr/bin/env bash
# Ingest API under load: starts a fresh local stack (./bilateral up) in a temporary data directory, runs
# ./bilateral loadtest with the given options (default: 2,000 articles/s offered for 20 s, at most 256 open requests),
# then stops the stack and deletes its data. 127.0.0.1 only; ports from the usual BILATERAL_* variables.
#
#   scripts/loadtest/loadtest.sh [--rate N] [--seconds S] [--connections C]
#
# Exits with ./bilateral loadtest's status: 0 when every 202 is in news.articles.raw, every 503 carries Retry-After
# and no other 5xx was answered.
set -euo pipefail
cd "$(dirname "$0")/../.."

export BILATERAL_DATA_DIR="${BILATERAL_DATA_DIR:-$(mktemp -d -t bilateral-loadtest.XXXXXX)}"
trap './bilateral down --purge > /dev/null 2>&1 || true' EXIT
./bilateral up > /dev/null
./bilateral loadtest "$@"
