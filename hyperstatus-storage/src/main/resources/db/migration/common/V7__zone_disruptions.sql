-- The zones the liveness detector recorded disrupted whose disruption has not ended. The row is the claim that
-- writes the zone_disrupted event once, and tells a detector that takes the lease over that it was recorded.
CREATE TABLE zone_disruptions (
    zone VARCHAR(255) NOT NULL PRIMARY KEY,
    began_at BIGINT NOT NULL
);
