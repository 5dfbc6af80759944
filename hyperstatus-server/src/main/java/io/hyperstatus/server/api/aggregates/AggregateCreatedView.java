package io.hyperstatus.server.api.aggregates;

import io.hyperstatus.domain.Aggregate;
import io.hyperstatus.server.api.Json;

/** The aggregate that POST /os-aggregates answers: as the full view, without hosts and metadata (as in Nova). */
final class AggregateCreatedView {
    static Json.Writer single(Aggregate aggregate, AggregateProfile profile) {
        return json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("aggregate");
            AggregateView.writeHead(json, aggregate, profile);
            AggregateView.writeTail(json, aggregate);
            json.writeEndObject();
            json.writeEndObject();
        };
    }

    private AggregateCreatedView() {
    }
}
