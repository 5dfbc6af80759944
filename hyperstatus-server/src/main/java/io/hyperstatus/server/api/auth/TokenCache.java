package io.hyperstatus.server.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials of recently validated tokens, so that a client's burst of calls costs one Keystone validation.
 * An entry lives until the token expires or for the cache time, whichever comes first: the cache time bounds
 * how long a revoked token keeps working. Bounded in size, dropping expired entries first and then the oldest.
 * Keys are SHA-256 digests, so a heap dump holds no usable tokens.
 */
final class TokenCache {
    private record Entry(Credentials credentials, Instant until) {
    }

    private final int maxEntries;
    private final Duration cacheTime;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    TokenCache(int maxEntries, Duration cacheTime, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.cacheTime = cacheTime;
        this.clock = clock;
    }

    synchronized Optional<Credentials> get(String token) {
        String key = digest(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.credentials());
    }

    synchronized void put(String token, Credentials credentials, Instant tokenExpiresAt) {
        Instant now = clock.instant();
        Instant until = now.plus(cacheTime);
        if (tokenExpiresAt.isBefore(until)) {
            until = tokenExpiresAt;
        }
        if (!now.isBefore(until)) {
            return;
        }
        String key = digest(token);
        entries.remove(key);
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
        }
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (entries.size() >= maxEntries && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        entries.put(key, new Entry(credentials, until));
    }

    synchronized int size() {
        return entries.size();
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
