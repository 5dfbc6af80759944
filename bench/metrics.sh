#!/usr/bin/env bash
# The metrics' benchmark (see docs/performance/metrics.md): on each database, a real server from the launcher jar with
# N nova-compute services and their hypervisors loaded through the agent interface; GET /metrics on the metrics
# listener (plain and gzipped) with per_service on and off, and the server's RSS after; and the request histograms'
# cost on the 10,000-hypervisor list, [metrics] enabled on and off in alternating rounds.
#   bench/metrics.sh [--databases embedded,postgresql] [--sizes 10000,100000] [--scrapes 20] [--rounds 4]
#                    [--overhead-size 10000]
# PostgreSQL: the local server at 127.0.0.1:5432, user postgres with trust authentication (psql must be installed);
# each run creates and drops its own database.
exec "$(dirname "$0")/bench-class.sh" MetricsBench "$@"
