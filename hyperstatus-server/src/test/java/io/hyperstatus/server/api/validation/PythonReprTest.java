package io.hyperstatus.server.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PythonReprTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String repr(String json) throws Exception {
        return PythonRepr.repr(MAPPER.readTree(json));
    }

    @Test
    void valuesArePrintedInPythonsNotation() throws Exception {
        assertThat(repr("null")).isEqualTo("None");
        assertThat(repr("true")).isEqualTo("True");
        assertThat(repr("1")).isEqualTo("1");
        assertThat(repr("\"a b\"")).isEqualTo("'a b'");
        assertThat(repr("[\"1\", \"2\"]")).isEqualTo("['1', '2']");
        assertThat(repr("{\"a\": 1}")).isEqualTo("{'a': 1}");
        assertThat(repr("[]")).isEqualTo("[]");
    }

    @Test
    void stringsWithASingleQuoteUseDoubleQuotes() throws Exception {
        assertThat(repr("\"it's\"")).isEqualTo("\"it's\"");
        assertThat(repr("\"it's \\\"x\\\"\"")).isEqualTo("'it\\'s \"x\"'");
    }

    @Test
    void strLeavesStringsBare() throws Exception {
        assertThat(PythonRepr.str(MAPPER.readTree("\"abc\""))).isEqualTo("abc");
        assertThat(PythonRepr.str(MAPPER.readTree("null"))).isEqualTo("None");
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreEscapedAndPairsKept() throws Exception {
        assertThat(repr("\"a\\u0000b\"")).isEqualTo("'a\\x00b'");
        assertThat(repr("\"x\\ud800\"")).isEqualTo("'x\\ud800'");
        assertThat(repr("\"\\udfffx\\ud800\"")).isEqualTo("'\\udfffx\\ud800'");
        assertThat(repr("\"\\ud83d\\udd27\"")).isEqualTo("'\ud83d\udd27'");
    }
}
