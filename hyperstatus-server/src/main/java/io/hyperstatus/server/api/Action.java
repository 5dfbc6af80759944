package io.hyperstatus.server.api;

/** One API operation: validates its input, checks its policy and answers. */
@FunctionalInterface
public interface Action {
    ApiResponse handle(ApiRequest request);
}
