package io.hyperstatus.notifications;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * JSON written as Python's {@code json.dumps} writes it with its defaults, which is how oslo.messaging encodes a
 * notification: {@code ", "} between items and {@code ": "} after keys, and every character outside printable ASCII
 * escaped as {@code \u00e9} (lower-case hex; a character beyond the basic plane as its two surrogates), but for the
 * short escapes {@code \n \r \t \b \f}. Keys are written in the order the writer gives them.
 */
final class PythonJson {
    /** A writer of one JSON value. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final PythonEscapes ESCAPES = new PythonEscapes();

    private PythonJson() {
    }

    static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(new PythonSeparators());
            json.setCharacterEscapes(ESCAPES);
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Python's {@code ensure_ascii} escapes. */
    private static final class PythonEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        PythonEscapes() {
            ascii = standardAsciiEscapesForJSON();
            for (int c = 0; c < 0x20; c++) {
                if ("\n\r\t\b\f".indexOf(c) < 0) {
                    ascii[c] = ESCAPE_CUSTOM;
                }
            }
            ascii[0x7f] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
        }
    }

    /** Python's default separators, and nothing else between tokens (nor between root values). */
    private static final class PythonSeparators extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        PythonSeparators() {
            super(null);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator json) throws IOException {
            json.writeRaw(", ");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(": ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(", ");
        }
    }
}
