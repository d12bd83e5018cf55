#!/usr/bin/env bash
# The whole test suite, at both ends of the PostgreSQL versions Plinth supports that can run here:
#   1. every module on the embedded PostgreSQL 17 (./mvnw -B verify);
#   2. the database modules' tests again (migrations, postgres) on a PostgreSQL 15 server, in a
#      scratch database made for this run and dropped after it. ServerVersionTest fails the pass
#      if that server is not PostgreSQL 15.
# The server is PLINTH_PG15_HOST:PLINTH_PG15_PORT (default 127.0.0.1:5432), user postgres, trust
# auth, as on the project's machines. Without such a server the second pass is skipped with a
# message, except under CI (CI=true), where it fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

./mvnw -B verify

host="${PLINTH_PG15_HOST:-127.0.0.1}"
port="${PLINTH_PG15_PORT:-5432}"
if ! command -v psql >/dev/null || ! psql -h "$host" -p "$port" -U postgres -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1; then
    if [[ "${CI:-}" == "true" ]]; then
        echo "test.sh: no PostgreSQL 15 server at $host:$port (user postgres); CI needs one" >&2
        exit 1
    fi
    echo "test.sh: SKIPPED the PostgreSQL 15 pass: no server at $host:$port (user postgres)"
    exit 0
fi

db="plinth_test_pg15_$$"
psql -h "$host" -p "$port" -U postgres -d postgres -Atqc "CREATE DATABASE $db" >/dev/null
trap 'psql -h "$host" -p "$port" -U postgres -d postgres -Atqc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
echo "test.sh: second pass on PostgreSQL $(psql -h "$host" -p "$port" -U postgres -d "$db" -Atqc 'SHOW server_version') at $host:$port, database $db"

# -am builds core and testkit from this checkout; -Dtest keeps the pass to the database modules' tests;
# the first pass already built the sources and Javadoc jars and ran the differential test for 60 s
PLINTH_TEST_JDBC_URL="jdbc:postgresql://$host:$port/$db?user=postgres" PLINTH_TEST_EXPECT_SERVER_MAJOR=15 \
    ./mvnw -B verify -pl migrations,postgres -am -Dmaven.javadoc.skip -Dmaven.source.skip -Dplinth.differential.seconds=20 \
    -Dtest='io/plinth/migrations/**/*Test,io/plinth/postgres/**/*Test' -Dsurefire.failIfNoSpecifiedTests=false
