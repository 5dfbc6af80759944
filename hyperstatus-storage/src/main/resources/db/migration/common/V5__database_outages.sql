-- The last database outage an API server saw: from the last instant it reached the database to the instant it
-- reached it again, in epoch microseconds by the database's clock. One row (id 1), written when an API server
-- gets through after an outage, so that every API server on this database gives hosts the same grace.
CREATE TABLE database_outages (
    id INTEGER NOT NULL PRIMARY KEY,
    began_at BIGINT NOT NULL,
    recovered_at BIGINT NOT NULL
);
