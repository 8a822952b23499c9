#!/usr/bin/env bash
# Writes the secret files deploy/compose.yaml mounts, once: an existing file is never overwritten
# (a new ENCRYPTION_KEYS or BLIND_INDEX_KEY would make stored data unreadable).
set -euo pipefail
cd "$(dirname "$0")"
# The directory stays private; the files are world-readable inside it because Compose bind-mounts
# them as they are and the server runs as the image's non-root user.
chmod 700 .
write() { [ -e "$1" ] && echo "keep    $1" || { printf '%s' "$2" > "$1"; chmod 644 "$1"; echo "created $1"; }; }
pg_password=$(openssl rand -hex 24)
write postgres_password "$pg_password"
write database_url "postgres://maillage:$(cat postgres_password)@postgres:5432/maillage"
write session_secret "$(openssl rand -base64 48)"
write encryption_keys "k$(date +%Y%m):$(openssl rand -base64 32)"
write blind_index_key "$(openssl rand -base64 32)"
write metrics_token "$(openssl rand -hex 24)"
write minio_root_password "$(openssl rand -hex 24)"
