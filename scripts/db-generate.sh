#!/usr/bin/env bash
# Generates a migration from the *.tables.ts files. A lock keeps two generations from racing on the journal.
set -euo pipefail
cd "$(dirname "$0")/.."
exec flock /tmp/maillage-drizzle-generate.lock npx drizzle-kit generate --config apps/server/drizzle.config.ts "$@"
