package io.hyperstatus.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The texts kept beside the specs in {@code src/test/resources}: Nova's samples, expected bodies and series. */
public final class TestResources {
    private TestResources() {
    }

    /** The resource at {@code path} (from the root of the test resources, e.g. {@code three-hosts/x.json}). */
    public static String text(String path) {
        try (InputStream in = TestResources.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
