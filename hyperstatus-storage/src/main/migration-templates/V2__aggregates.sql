-- Host aggregates, their hosts and their metadata (availability_zone among them). Soft-deleted rows keep
-- deleted = id, as in the other tables, so that a name can be used again after its aggregate is deleted.

CREATE TABLE aggregates (
    id @id_column@,
    uuid VARCHAR(36) NOT NULL,
    name @exact_varchar@ NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT,
    deleted_at BIGINT,
    deleted BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX aggregates_uuid_idx ON aggregates (uuid);
CREATE UNIQUE INDEX aggregates_name_deleted_idx ON aggregates (name, deleted);

CREATE TABLE aggregate_hosts (
    id @id_column@,
    aggregate_id BIGINT NOT NULL REFERENCES aggregates (id),
    host @exact_varchar@ NOT NULL,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT,
    deleted BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX aggregate_hosts_host_deleted_idx ON aggregate_hosts (aggregate_id, host, deleted);
CREATE INDEX aggregate_hosts_host_idx ON aggregate_hosts (host);

CREATE TABLE aggregate_metadata (
    id @id_column@,
    aggregate_id BIGINT NOT NULL REFERENCES aggregates (id),
    meta_key @exact_varchar@ NOT NULL,
    meta_value VARCHAR(255) NOT NULL,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT,
    deleted BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX aggregate_metadata_key_deleted_idx ON aggregate_metadata (aggregate_id, meta_key, deleted);
CREATE INDEX aggregate_metadata_key_idx ON aggregate_metadata (meta_key);
