#!/bin/sh
# Restores a dump of backup.sh into a new database owned by the exchanger's role (run as
# PostgreSQL's superuser). Point the servers at it (SPRING_DATASOURCE_URL) once it is done, or
# rename it: ALTER DATABASE exchanger RENAME TO exchanger_old; ALTER DATABASE NEW RENAME TO exchanger
# (with no server connected). Usage: restore.sh FILE NEW_DATABASE
set -eu
file=$1
database=$2
createdb --owner=exchanger --encoding=UTF8 --template=template0 "$database"
psql -v ON_ERROR_STOP=1 --dbname="$database" -c 'ALTER SCHEMA public OWNER TO exchanger'
pg_restore --exit-on-error --no-owner --role=exchanger --dbname="$database" "$file"
