-- Each live compute node names the live nova-compute service of its host (NULL while its host has none), so that
-- a listing reads nodes and services each by a range of ids instead of looking every node's service up by host.
-- Kept by the writes that can change it: a node's report (which may move it to another host) and the registration
-- of a nova-compute service; deleting that service deletes the host's nodes.
ALTER TABLE compute_nodes ADD COLUMN service_id BIGINT;
UPDATE compute_nodes SET service_id = (SELECT s.id FROM services s WHERE s.host = compute_nodes.host
    AND s.binary_name = 'nova-compute' AND s.deleted = 0)
WHERE deleted = 0;
