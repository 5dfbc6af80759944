#!/usr/bin/env bash
# The event log's benchmark (see docs/performance/events.md): on each database, a real server from the launcher jar
# over 10 million seeded events; a page of 1,000 events and one host's history, delivery of each event to 1,000
# stream subscribers, and the time of an admin change with its event.
#   bench/events.sh [--databases embedded,postgresql] [--events 10000000] [--subscribers 1000]
# PostgreSQL: the local server at 127.0.0.1:5432, user postgres with trust authentication (psql must be installed);
# the embedded database is seeded with sqlite3.
exec "$(dirname "$0")/bench-class.sh" EventsBench "$@"
