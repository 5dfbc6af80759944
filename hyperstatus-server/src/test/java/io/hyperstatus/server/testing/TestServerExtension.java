package io.hyperstatus.server.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link TestServer} for every test, seeded with {@link ThreeHosts} when asked, and closed after the test.
 * Before each test it fills the test class's fields of type {@code TestServer} and {@code ThreeHosts}, as
 * {@code @TempDir} fills its fields:
 *
 * <pre>
 * &#64;RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
 * private TestServer server;
 * private ThreeHosts hosts;
 * </pre>
 */
public final class TestServerExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestServerExtension.class);

    private final String extraConfig;
    private final boolean seedThreeHosts;

    private TestServerExtension(String extraConfig, boolean seedThreeHosts) {
        this.extraConfig = Objects.requireNonNull(extraConfig, "extraConfig");
        this.seedThreeHosts = seedThreeHosts;
    }

    /** An empty server: no service, no node. */
    public static TestServerExtension empty() {
        return new TestServerExtension("", false);
    }

    /** An empty server started with extra configuration lines (they may open new sections). */
    public static TestServerExtension configured(String extraConfig) {
        return new TestServerExtension(extraConfig, false);
    }

    /** A server holding the standard fixture of {@link ThreeHosts}. */
    public static TestServerExtension withThreeHosts() {
        return new TestServerExtension("", true);
    }

    /** A server started with extra configuration lines, holding the standard fixture of {@link ThreeHosts}. */
    public static TestServerExtension withThreeHosts(String extraConfig) {
        return new TestServerExtension(extraConfig, true);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestServer server = TestServer.start(extraConfig);
        context.getStore(NAMESPACE).put(TestServer.class, server);
        ThreeHosts hosts = seedThreeHosts ? ThreeHosts.seed(server) : null;
        Object test = context.getRequiredTestInstance();
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == TestServer.class) {
                    set(field, test, server);
                } else if (field.getType() == ThreeHosts.class) {
                    if (hosts == null) {
                        throw new IllegalStateException(field + " wants the three hosts; register "
                                + "TestServerExtension.withThreeHosts()");
                    }
                    set(field, test, hosts);
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestServer server = context.getStore(NAMESPACE).remove(TestServer.class, TestServer.class);
        if (server != null) {
            server.close();
        }
    }

    private static void set(Field field, Object test, Object value) {
        if (Modifier.isStatic(field.getModifiers())) {
            throw new IllegalStateException(field + " is static; a fresh server per test needs an instance field");
        }
        try {
            field.setAccessible(true);
            field.set(test, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + field, e);
        }
    }
}
