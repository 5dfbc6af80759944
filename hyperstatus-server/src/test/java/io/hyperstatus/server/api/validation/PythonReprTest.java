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
    void decimalsArePrintedAsPythonPrintsTheFloatItReads() throws Exception {
        ObjectMapper decimals = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        assertThat(PythonRepr.repr(decimals.readTree("1E+400"))).isEqualTo("inf");
        assertThat(PythonRepr.repr(decimals.readTree("-1E+400"))).isEqualTo("-inf");
        assertThat(repr("1.5")).isEqualTo("1.5");
        assertThat(repr("100.0")).isEqualTo("100.0");
        assertThat(repr("1e2")).isEqualTo("100.0");
        assertThat(repr("0.0001")).isEqualTo("0.0001");
        assertThat(repr("0.00001")).isEqualTo("1e-05");
        assertThat(repr("1234567890123456.0")).isEqualTo("1234567890123456.0");
        assertThat(repr("1e16")).isEqualTo("1e+16");
        assertThat(repr("-2.5e-300")).isEqualTo("-2.5e-300");
        assertThat(repr("-0.0")).isEqualTo("-0.0");
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
