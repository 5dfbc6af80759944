package io.hyperstatus.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The value types options are declared with. */
final class ValueTypes {
    // A year: a longer interval is surely a mistake in the file.
    private static final Duration MAX_SECONDS = Duration.ofDays(365);

    private ValueTypes() {
    }

    static ValueType<String> text() {
        return new Text();
    }

    static ValueType<String> urlPrefix() {
        return new UrlPrefix();
    }

    static ValueType<String> httpUrl() {
        return new HttpUrl(false);
    }

    static ValueType<Path> path() {
        return new FilePath(false);
    }

    /** A path where a leading {@code ~/} stands for the user's home folder. */
    static ValueType<Path> pathUnderHome() {
        return new FilePath(true);
    }

    static ValueType<Integer> integer(int min, int max) {
        return new Int(min, max);
    }

    /** A share: more than 0, at most 1. */
    static ValueType<Double> fraction() {
        return new Fraction();
    }

    static ValueType<Duration> seconds() {
        return new Seconds(MAX_SECONDS, "");
    }

    /** Seconds up to {@code max}; {@code why} says what a larger value would break. */
    static ValueType<Duration> seconds(Duration max, String why) {
        return new Seconds(max, why);
    }

    static ValueType<String> oneOf(List<String> allowed) {
        return new Choice(allowed, "must be one of " + String.join(", ", allowed));
    }

    /** A comma-separated list of http(s) URLs, each without its trailing slash; empty is refused. */
    static ValueType<List<String>> httpUrls(String whenEmpty) {
        return new ListOf<>(new HttpUrl(true), Optional.of(whenEmpty));
    }

    /** A comma-separated list, possibly empty, of some of {@code allowed}; {@code refusal} says why another is not. */
    static ValueType<List<String>> someOf(List<String> allowed, String refusal) {
        return new ListOf<>(new Choice(allowed, refusal), Optional.empty());
    }

    /** true or false, also written yes/no, on/off or 1/0, in any case, as oslo.config reads them. */
    static ValueType<Boolean> bool() {
        return new Bool();
    }

    /** A comma-separated list, possibly empty, of AMQP topic names (letters, digits, {@code . _ -}). */
    static ValueType<List<String>> topics() {
        return new ListOf<>(new Topic(), Optional.empty());
    }

    record Topic() implements ValueType<String> {
        @Override
        public String parse(String text) {
            if (text.length() > 200 || !text.matches("[A-Za-z0-9._-]+")) {
                throw new InvalidValue(text, "is not a topic name (letters, digits, '.', '_' and '-', at most 200)");
            }
            return text;
        }

        @Override
        public String name() {
            return "topic";
        }
    }

    static ValueType<TransportUrl> transportUrl() {
        return new TransportUrlType();
    }

    record Bool() implements ValueType<Boolean> {
        @Override
        public Boolean parse(String text) {
            return switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new InvalidValue(text, "is not a boolean (true or false)");
            };
        }

        @Override
        public String name() {
            return "boolean";
        }
    }

    record TransportUrlType() implements ValueType<TransportUrl> {
        @Override
        public TransportUrl parse(String text) {
            return TransportUrl.parse(text);
        }

        @Override
        public String name() {
            return "rabbit:// URL";
        }
    }

    record Text() implements ValueType<String> {
        @Override
        public String parse(String text) {
            return text;
        }

        @Override
        public String name() {
            return "string";
        }
    }

    /** The start of URLs: taken as written, without its trailing slash, as links get their own. */
    record UrlPrefix() implements ValueType<String> {
        @Override
        public String parse(String text) {
            return withoutTrailingSlash(text);
        }

        @Override
        public String name() {
            return "URL";
        }
    }

    record HttpUrl(boolean stripTrailingSlash) implements ValueType<String> {
        @Override
        public String parse(String text) {
            String url = stripTrailingSlash ? withoutTrailingSlash(text) : text;
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new InvalidValue(url, "is not an http(s) URL");
            }
            return url;
        }

        @Override
        public String name() {
            return "http(s) URL";
        }
    }

    record FilePath(boolean expandHome) implements ValueType<Path> {
        @Override
        public Path parse(String text) {
            return Path.of(expandHome && text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text);
        }

        @Override
        public String name() {
            return "path";
        }
    }

    record Int(int min, int max) implements ValueType<Integer> {
        Int {
            if (min > max) {
                throw new IllegalArgumentException("min " + min + " > max " + max);
            }
        }

        @Override
        public Integer parse(String text) {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new InvalidValue(text, "not an integer");
            }
            if (value < min || value > max) {
                throw new InvalidValue(text, "must be between " + min + " and " + max);
            }
            return value;
        }

        @Override
        public String name() {
            return "integer";
        }

        @Override
        public Optional<String> range() {
            return Optional.of(max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max);
        }
    }

    /** A positive number of seconds; decimals allowed (0.5), as short intervals help tests and simulations. */
    record Fraction() implements ValueType<Double> {
        @Override
        public Double parse(String text) {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new InvalidValue(text, "not a number");
            }
            if (!(value > 0 && value <= 1)) {
                throw new InvalidValue(text, "must be more than 0 and at most 1");
            }
            return value;
        }

        @Override
        public String name() {
            return "fraction";
        }

        @Override
        public Optional<String> range() {
            return Optional.of("more than 0, at most 1");
        }
    }

    record Seconds(Duration max, String why) implements ValueType<Duration> {
        Seconds {
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(why, "why");
        }

        @Override
        public Duration parse(String text) {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new InvalidValue(text, "not a number of seconds");
            }
            if (!(value > 0) || value > MAX_SECONDS.toSeconds()) {
                throw new InvalidValue(text, "must be a positive number of seconds");
            }
            Duration duration = Duration.ofMillis(Math.round(value * 1000));
            if (duration.compareTo(max) > 0) {
                throw new InvalidValue(text, "must be at most " + max.toSeconds() + " seconds, " + why);
            }
            return duration;
        }

        @Override
        public String name() {
            return "seconds";
        }

        @Override
        public Optional<String> range() {
            return Optional.of("more than 0, at most " + max.toSeconds());
        }
    }

    record Choice(List<String> allowed, String refusal) implements ValueType<String> {
        Choice {
            allowed = List.copyOf(allowed);
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public String parse(String text) {
            if (!allowed.contains(text)) {
                throw new InvalidValue(text, refusal);
            }
            return text;
        }

        @Override
        public String name() {
            return "string";
        }

        @Override
        public Optional<String> range() {
            return Optional.of("one of " + String.join(", ", allowed));
        }
    }

    /** Comma-separated items, blanks around them ignored; {@code whenEmpty}: why no item at all is refused. */
    record ListOf<T>(ValueType<T> item, Optional<String> whenEmpty) implements ValueType<List<T>> {
        ListOf {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(whenEmpty, "whenEmpty");
        }

        @Override
        public List<T> parse(String text) {
            List<T> items = Arrays.stream(text.split(","))
                    .map(String::strip)
                    .filter(part -> !part.isEmpty())
                    .map(item::parse)
                    .toList();
            if (items.isEmpty() && whenEmpty.isPresent()) {
                throw InvalidValue.unquoted(whenEmpty.get());
            }
            return items;
        }

        @Override
        public String name() {
            return "comma-separated " + item.name() + "s";
        }

        @Override
        public Optional<String> range() {
            List<String> limits = Stream.of(item.range().map(each -> "each " + each), whenEmpty.map(why -> "at least one"))
                    .flatMap(Optional::stream).toList();
            return limits.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", limits));
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
