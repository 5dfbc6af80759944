#!/usr/bin/env bash
# The notifications' benchmark (see docs/performance/notifications.md): on each database, a real server from the
# launcher jar publishing to the local RabbitMQ (scripts/rabbitmq.sh; a virtual host of its own, deleted after):
# notifications a second with publisher confirms, draining a backlog of seeded events, and the time of an admin
# change with notifications off and on.
#   bench/notifications.sh [--databases embedded,postgresql] [--backlog 50000] [--changes 1000]
# PostgreSQL: the local server at 127.0.0.1:5432, user postgres with trust authentication (psql must be installed);
# the embedded database is seeded with sqlite3.
exec "$(dirname "$0")/bench-class.sh" NotificationsBench "$@"
