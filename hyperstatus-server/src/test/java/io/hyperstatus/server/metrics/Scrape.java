package io.hyperstatus.server.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a metrics listener in the text format, and its samples by name and labels. */
record Scrape(String text) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})? (\\S+)$");

    static Scrape of(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("scrape answered " + response.statusCode() + ": " + response.body());
            }
            return new Scrape(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The sample lines of one family, in the order written. */
    List<String> lines(String name) {
        return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " ")).toList();
    }

    /** The value of the sample whose name is {@code name} and whose labels include every {@code label="value"}. */
    Optional<Double> value(String name, String... labels) {
        for (String line : text.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name)) {
                String set = sample.group(2) == null ? "" : sample.group(2);
                boolean all = true;
                for (String label : labels) {
                    all &= set.contains("{" + label) || set.contains("," + label);
                }
                if (all) {
                    return Optional.of(Double.parseDouble(sample.group(3)));
                }
            }
        }
        return Optional.empty();
    }
}
