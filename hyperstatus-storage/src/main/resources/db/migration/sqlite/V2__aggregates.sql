-- Host aggregates, their hosts and their metadata (availability_zone among them). Soft-deleted rows keep
-- deleted = id, as in the other tables, so that a name can be used again after its aggregate is deleted.

CREATE TABLE aggregates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT,
    deleted_at BIGINT,
    deleted BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX aggregates_uuid_idx ON aggregates (uuid);
CREATE UNIQUE INDEX aggregates_name_deleted_idx ON aggregates (name, deleted);

CREATE TABLE aggregate_hosts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    aggregate_id BIGINT NOT NULL REFERENCES aggregates (id),
    host VARCHAR(255) NOT NULL,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT,
    deleted BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX aggregate_hosts_host_deleted_idx ON aggregate_hosts (aggregate_id, host, deleted);
CREATE INDEX aggregate_hosts_host_idx ON aggregate_hosts (host);

CREATE TABLE aggregate_metadata (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    aggregate_id BIGINT NOT NULL REFERENCES aggregates (id),
    meta_key VARCHAR(255) NOT NULL,
    meta_value VARCHAR(255) NOT NULL,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT,
    deleted BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX aggregate_metadata_key_deleted_idx ON aggregate_metadata (aggregate_id, meta_key, deleted);
CREATE INDEX aggregate_metadata_key_idx ON aggregate_metadata (meta_key);
