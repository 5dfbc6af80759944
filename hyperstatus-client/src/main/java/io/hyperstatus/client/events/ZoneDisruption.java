package io.hyperstatus.client.events;

/** Of a zone_disrupted event: how many of the zone's services went down together. */
public record ZoneDisruption(int down, int services) {
    public ZoneDisruption {
        if (down < 0 || services < down) {
            throw new IllegalArgumentException("down " + down + " of " + services + " services");
        }
    }
}
