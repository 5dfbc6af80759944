package io.hyperstatus.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** The {@code next} links of paged answers, as paths to send to this client's endpoint. */
final class Links {
    private Links() {
    }

    /** The path of the {@code rel: next} link among {@code links}, or null when there is none. */
    static String next(String endpoint, JsonNode links) {
        for (JsonNode link : links) {
            if ("next".equals(link.path("rel").asText())) {
                return relative(endpoint, link.path("href").asText());
            }
        }
        return null;
    }

    /**
     * The part of a link to send to our endpoint: links are absolute, and may name another base URL (Nova's
     * {@code compute_link_prefix}, a proxy), but they always point at this API.
     */
    static String relative(String endpoint, String href) {
        if (href.startsWith(endpoint + "/")) {
            return href.substring(endpoint.length());
        }
        URI uri = URI.create(href);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
