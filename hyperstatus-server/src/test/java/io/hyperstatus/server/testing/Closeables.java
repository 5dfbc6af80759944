package io.hyperstatus.server.testing;

/** What a test opened, closed after it: each one given, in that order, skipping what it never opened. */
public final class Closeables {
    private Closeables() {
    }

    /** Closes every resource that is not null, even after one fails to close; then throws the first failure. */
    public static void closeAll(AutoCloseable... resources) {
        IllegalStateException failure = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing " + resource, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
