package io.hyperstatus.server.testing.fuzz;

/** One broken rule: which, for which request, and what came back. */
public record Violation(String kind, FuzzRequest request, Answer answer) {
}
