package io.hyperstatus.server.jetty;

import java.util.function.UnaryOperator;

/**
 * Decides from a request's path and headers alone whether its body is worth receiving: a request the
 * authentication step would refuse is answered without a byte of its body being read.
 */
@FunctionalInterface
public interface BodyGate {
    /** {@code header} gives a header's first value by name, or null. */
    boolean admits(String path, UnaryOperator<String> header);
}
