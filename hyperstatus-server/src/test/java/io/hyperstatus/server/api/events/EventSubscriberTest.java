package io.hyperstatus.server.api.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.core.events.EventQuery;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A subscriber writes what its connection takes and queues the rest up to its bound; one that falls further behind
 * is cut off at once (it resumes with its last id), so that a client that stops reading costs the server a bounded
 * amount of memory.
 */
class EventSubscriberTest {
    private static final int BOUND = 100;

    private final TestingOutput connection = new TestingOutput();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final List<EventSubscriber> ended = new ArrayList<>();
    private final List<Throwable> aborted = new ArrayList<>();
    private EventSubscriber subscriber;

    @BeforeEach
    void attachToAConnection() {
        subscriber = new EventSubscriber(EventQuery.newest(1), 0, BOUND, finished, ended::add, aborted::add);
        subscriber.attach(connection);
    }

    @Test
    void aConnectionThatTakesEverythingGetsEachMessageAtOnceAndQueuesNothing() {
        assertThat(subscriber.offer(message(40))).isTrue();
        assertThat(subscriber.offer(message(40))).isTrue();

        assertThat(connection.written()).hasSize(80);
        assertThat(subscriber.queuedBytes()).isZero();
        assertThat(finished).isNotDone();
    }

    @Test
    void aConnectionThatTakesNothingQueuesUpToTheBoundAndGetsTheQueueInOrderOnceItCanTakeMore()
            throws IOException {
        connection.ready = false;
        assertThat(subscriber.offer("a".repeat(50).getBytes(UTF_8))).isTrue();
        assertThat(subscriber.offer("b".repeat(50).getBytes(UTF_8))).isTrue();
        assertThat(subscriber.queuedBytes()).isEqualTo(100);

        connection.ready = true;
        subscriber.onWritePossible();

        assertThat(new String(connection.written(), UTF_8)).isEqualTo("a".repeat(50) + "b".repeat(50));
        assertThat(subscriber.queuedBytes()).isZero();
        assertThat(aborted).isEmpty();
    }

    @Test
    void aSubscriberWhoseQueueWouldPassTheBoundIsCutOffAndTakesNoMore() {
        connection.ready = false;
        assertThat(subscriber.offer(message(60))).isTrue();

        assertThat(subscriber.offer(message(41))).as("60 + 41 bytes pass the bound of 100").isFalse();

        assertThat(aborted).hasSize(1);
        assertThat(ended).containsExactly(subscriber);
        assertThat(finished).isDone();
        assertThat(subscriber.queuedBytes()).isZero();
        assertThat(subscriber.offer(message(1))).isFalse();
    }

    @Test
    void endingWritesWhatIsQueuedFirst() throws IOException {
        connection.ready = false;
        subscriber.offer(message(30));
        subscriber.end();
        assertThat(finished).isNotDone();

        connection.ready = true;
        subscriber.onWritePossible();

        assertThat(connection.written()).hasSize(30);
        assertThat(finished).isDone();
        assertThat(aborted).isEmpty();
    }

    private static byte[] message(int bytes) {
        return "x".repeat(bytes).getBytes(UTF_8);
    }

    /** A connection that takes bytes while {@link #ready}, as a non-blocking servlet output does. */
    private static final class TestingOutput extends ServletOutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean ready = true;

        byte[] written() {
            return bytes.toByteArray();
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // The test calls onWritePossible itself.
        }

        @Override
        public void write(int b) {
            bytes.write(b);
        }
    }
}
