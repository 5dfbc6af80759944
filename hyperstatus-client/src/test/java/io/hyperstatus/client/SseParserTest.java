package io.hyperstatus.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server-Sent Events, line by line, as the standard reads them. */
class SseParserTest {
    private final SseParser parser = new SseParser();

    private List<SseParser.Message> feed(String... lines) {
        List<SseParser.Message> messages = new ArrayList<>();
        for (String line : lines) {
            SseParser.Message message = parser.line(line);
            if (message != null) {
                messages.add(message);
            }
        }
        return messages;
    }

    @Test
    void aBlankLineEndsAMessageOfItsIdAndData() {
        assertThat(feed("id: 41", "data: {\"id\": 41}", "", "id: 42", "data: {\"id\": 42}", ""))
                .containsExactly(new SseParser.Message("41", "{\"id\": 41}"), new SseParser.Message("42", "{\"id\": 42}"));
    }

    @Test
    void commentsAreCountedAndNeverAMessage() {
        assertThat(feed(": keep-alive", "", ": keep-alive", "")).isEmpty();
        assertThat(parser.comments()).isEqualTo(2);
    }

    @Test
    void dataLinesAreJoinedAndOnlyOneLeadingSpaceIsDropped() {
        assertThat(feed("data:first", "data:  second", "id:7", "")).containsExactly(
                new SseParser.Message("7", "first\n second"));
    }

    @Test
    void theLastIdStaysUntilAnotherComesAndAnIdAloneIsNoMessage() {
        assertThat(feed("id: 5", "", "data: a", "")).containsExactly(new SseParser.Message("5", "a"));
    }

    @Test
    void unknownFieldsAreIgnoredAndRetryIsRemembered() {
        assertThat(feed("event: service", "retry: 2500", "retry: soon", "data: x", "")).hasSize(1);
        assertThat(parser.retryMillis()).isEqualTo(2500L);
    }

    @Test
    void aMessageCutByABrokenStreamIsDropped() {
        feed("id: 8", "data: {\"id\": 8");
        parser.reset();

        assertThat(feed("id: 8", "data: {\"id\": 8}", "")).containsExactly(new SseParser.Message("8", "{\"id\": 8}"));
    }
}
