-- What a notification about an event needs that the event did not keep: the service's heartbeat count and last
-- heartbeat when the event was written (copied from services, as host and binary are), and the caller's roles
-- (comma-separated, sorted), which a notification's context carries.
ALTER TABLE service_events ADD COLUMN report_count BIGINT;
ALTER TABLE service_events ADD COLUMN last_seen_up BIGINT;
ALTER TABLE service_events ADD COLUMN actor_roles VARCHAR(1024);

-- The notification publisher's place in the event log: every event up to published_through has been confirmed by
-- the message broker (null until the publisher first starts: it starts at the newest event then, as notifications
-- begin when they are turned on). The row is also the lease that lets one API server publish at a time: another
-- takes it once it expires (by the database clock), and the place moves only under the lease.
CREATE TABLE notification_outbox (
    id INTEGER NOT NULL PRIMARY KEY,
    holder VARCHAR(255) NOT NULL,
    expires_at BIGINT NOT NULL,
    published_through BIGINT
);
INSERT INTO notification_outbox (id, holder, expires_at, published_through) VALUES (1, '', 0, NULL);
