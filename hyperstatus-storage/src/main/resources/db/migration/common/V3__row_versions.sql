-- A counter that every update of a row moves, except a heartbeat's: API servers keep the descriptive columns of
-- compute nodes and services in memory and read only ids, versions and the liveness columns to list them.
ALTER TABLE compute_nodes ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE services ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
