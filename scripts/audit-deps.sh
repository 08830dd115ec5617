#!/usr/bin/env bash
# Dependency audit stage of `npm test` (scripts/auditDeps.ts): fails on high/critical advisories in
# production dependencies unless accepted in audit-exceptions.json; says SKIPPED when the registry's
# audit endpoint cannot answer.
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx tsx scripts/auditDeps.ts
