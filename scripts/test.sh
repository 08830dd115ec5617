#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit tests (Vitest; with PostgreSQL when scripts/ensure-postgres.sh finds or
# installs it; with a real OpenLDAP when scripts/ensure-slapd.sh finds or installs it), browser journeys
# (Playwright + Debian Chromium).
# Every stage runs even if an earlier one failed, so one run shows everything; the exit code is
# non-zero if any stage failed. Test counts come from the JSON reports in test-results/.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
# A stage that dies before writing its report must not be summarised from the previous run's file.
rm -f test-results/*.json
export TEST_RUN_STARTED=$(($(date +%s) * 1000))
failed=()
stage() { echo; echo "▶ $1"; shift; "$@" || failed+=("$STAGE"); }
STAGE=chromium stage "Checking for Chromium" bash scripts/ensure-chromium.sh
# PostgreSQL is optional: without it the unit stage skips the PostgreSQL tests (not a failure).
echo; echo "▶ Checking for PostgreSQL"
if url=$(bash scripts/ensure-postgres.sh); then
  export TEST_DATABASE_URL="$url"
  echo "PostgreSQL tests run against $(sed -E 's#(//[^:/@]*):[^@]*@#\1:***@#' <<<"$url")"
fi
# OpenLDAP is optional too: without it the LDAP rotation driver's tests are skipped with a notice.
echo; echo "▶ Checking for OpenLDAP (slapd)"
if slapd=$(bash scripts/ensure-slapd.sh); then
  export CALLSIGN_SLAPD="$slapd"
  echo "LDAP tests run against throwaway servers of $slapd"
fi
STAGE=lint stage "Lint (ESLint + Prettier)" npm run -s lint
STAGE=typecheck stage "Typecheck" npm run -s typecheck
STAGE=audit stage "Dependency audit (npm audit --omit=dev, high+)" bash scripts/audit-deps.sh
STAGE=build stage "Build (Electron main, preload, renderer)" npx electron-vite build --logLevel warn
STAGE=unit stage "Unit tests" npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
STAGE=e2e stage "Browser journeys" npx playwright test
echo
node scripts/test-summary.js
if [ ${#failed[@]} -gt 0 ]; then echo "Failed stages: ${failed[*]}"; exit 1; fi
