#!/bin/sh
# A consistent dump of the exchanger's database while the servers keep running, in pg_dump's
# custom format (compressed; pg_restore reads it). Usage: backup.sh [FILE]
set -eu
file=${1:-exchanger-$(date -u +%Y%m%dT%H%M%SZ).dump}
pg_dump --format=custom --no-owner --dbname=exchanger --file="$file"
echo "$file"
