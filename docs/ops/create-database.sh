#!/bin/sh
# The exchanger's role and database. Run as PostgreSQL's superuser (sudo -u postgres sh create-database.sh)
# with EXCHANGER_DB_PASSWORD set. The role owns its database and the public schema, which is all
# Flyway needs to create and migrate the tables when the server starts; it is no superuser.
set -eu
psql -v ON_ERROR_STOP=1 -v password="$EXCHANGER_DB_PASSWORD" -d postgres <<'SQL'
CREATE ROLE exchanger LOGIN PASSWORD :'password';
CREATE DATABASE exchanger OWNER exchanger ENCODING 'UTF8' TEMPLATE template0;
\connect exchanger
ALTER SCHEMA public OWNER TO exchanger;
SQL
