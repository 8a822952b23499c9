# syntax=docker/dockerfile:1
# One image for every role: `--role=all` by default, `--role=web` and `--role=worker` in deployments
# that scale them apart. Checked statically by `npm run deploy:check` (no engine runs in our CI).

# --- build: compile contracts, server and back-office with the full dependency tree ------------
FROM node:22-slim AS build
WORKDIR /app
# Manifests first: the dependency layer is reused until a package.json or the lockfile changes.
COPY package.json package-lock.json ./
COPY packages/contracts/package.json packages/contracts/
COPY apps/server/package.json apps/server/
COPY apps/backoffice/package.json apps/backoffice/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY packages/contracts packages/contracts
COPY apps/server apps/server
COPY apps/backoffice apps/backoffice
COPY openapi openapi
RUN npm run build

# --- runtime: production dependencies of the server and the contracts only ---------------------
FROM node:22-slim AS runtime
# Two glibc malloc arenas instead of one per thread (V8's helper threads, libuv's pool): 10–15 MiB
# less resident memory for an import, the same throughput (ADR 0029).
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000 \
    MALLOC_ARENA_MAX=2
WORKDIR /app
# `npm run backup`/`restore` on PostgreSQL call pg_dump/pg_restore: Debian's client (15 on the
# bookworm base) matches the Compose database; a newer server needs the PGDG client instead.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# npm ci checks the lockfile against every workspace's manifest, so all three are present; `-w`
# then limits the install to the server and the contracts (no Angular), `--omit=dev` to runtime.
COPY packages/contracts/package.json packages/contracts/
COPY apps/server/package.json apps/server/
COPY apps/backoffice/package.json apps/backoffice/
RUN npm ci --omit=dev --no-audit --no-fund -w apps/server -w packages/contracts \
    && npm cache clean --force
COPY --from=build /app/packages/contracts/dist packages/contracts/dist
COPY --from=build /app/apps/server/dist apps/server/dist
# The server serves the back-office from here (platform/spa/backoffice.ts) ...
COPY --from=build /app/apps/backoffice/dist/browser apps/backoffice/dist/browser
# ... and reads its migrations from the repository root (platform/db/migrate.ts).
COPY migrations migrations
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# slim has no curl: Node's own fetch probes liveness (the process answers, whatever its dependencies).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/livez').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Tracing: set OTEL_EXPORTER_OTLP_ENDPOINT and NODE_OPTIONS=--import=./apps/server/dist/platform/observability/instrument.js
ENTRYPOINT ["node", "apps/server/dist/main.js"]
CMD ["--role=all"]
