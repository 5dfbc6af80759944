-- The event log: one row per change of a service (and per disruption of a zone), kept [history] retention_days.
-- Ids are handed out by event_sequence inside the writing transaction, whose row lock makes concurrent writers of
-- events take their turn: ids are gap-free and in commit order, so a reader that has seen id N has seen every
-- event before it, and "id > N" resumes a reader with nothing lost or repeated. Times are epoch microseconds by
-- the database clock: occurred_at when it happened (for went_down, the deadline that passed), recorded_at when
-- the row was written. service_* and host are copies, so that the history of a deleted service stays readable.
CREATE TABLE service_events (
    id BIGINT NOT NULL PRIMARY KEY,
    kind VARCHAR(32) NOT NULL,
    occurred_at BIGINT NOT NULL,
    recorded_at BIGINT NOT NULL,
    service_id BIGINT,
    service_uuid VARCHAR(36),
    host VARCHAR(255),
    binary_name VARCHAR(255),
    zone VARCHAR(255),
    state_before VARCHAR(8),
    status_before VARCHAR(8),
    reason_before VARCHAR(255),
    forced_down_before BOOLEAN,
    state_after VARCHAR(8),
    status_after VARCHAR(8),
    reason_after VARCHAR(255),
    forced_down_after BOOLEAN,
    actor_kind VARCHAR(16) NOT NULL,
    actor_user_id VARCHAR(255),
    actor_project_id VARCHAR(255),
    request_id VARCHAR(64),
    last_heartbeat_at BIGINT,
    zone_services INTEGER,
    zone_down INTEGER
);
-- One service's history (by uuid, or by host and binary), a kind's events, a window of time: each a range.
CREATE INDEX service_events_uuid_idx ON service_events (service_uuid, id);
CREATE INDEX service_events_host_idx ON service_events (host, binary_name, id);
CREATE INDEX service_events_kind_idx ON service_events (kind, id);
CREATE INDEX service_events_occurred_idx ON service_events (occurred_at);
CREATE INDEX service_events_recorded_idx ON service_events (recorded_at);

CREATE TABLE event_sequence (
    id INTEGER NOT NULL PRIMARY KEY,
    last_id BIGINT NOT NULL
);
INSERT INTO event_sequence (id, last_id) VALUES (1, 0);

-- The liveness the detector last recorded for each service: false until it records went_down, false again once
-- it records came_up. Transitions are claimed by a conditional update of this flag, so each is recorded once even
-- when two detectors overlap. The index lets a pass find the newly expired (and the newly heartbeating) as ranges
-- of last_seen_up instead of reading every service.
ALTER TABLE services ADD COLUMN heartbeat_lapsed BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX services_liveness_idx ON services (deleted, heartbeat_lapsed, last_seen_up);

-- Which API server's detector records liveness transitions: one row, held for a few seconds at a time and renewed
-- by its holder; another server takes it once it expires (by the database clock).
CREATE TABLE liveness_lease (
    id INTEGER NOT NULL PRIMARY KEY,
    holder VARCHAR(255) NOT NULL,
    expires_at BIGINT NOT NULL
);
INSERT INTO liveness_lease (id, holder, expires_at) VALUES (1, '', 0);
