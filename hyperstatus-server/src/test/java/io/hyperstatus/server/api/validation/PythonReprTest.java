package io.hyperstatus.server.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonReprTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String repr(String json) throws Exception {
        return PythonRepr.repr(MAPPER.readTree(json));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "null | None",
            "true | True",
            "1 | 1",
            "\"a b\" | 'a b'",
            "[\"1\", \"2\"] | ['1', '2']",
            "{\"a\": 1} | {'a': 1}",
            "[] | []",
            // Decimals as Python prints the float it reads.
            "1.5 | 1.5",
            "100.0 | 100.0",
            "1e2 | 100.0",
            "0.0001 | 0.0001",
            "0.00001 | 1e-05",
            "1234567890123456.0 | 1234567890123456.0",
            "1e16 | 1e+16",
            "-2.5e-300 | -2.5e-300",
            "-0.0 | -0.0"})
    void valuesArePrintedInPythonsNotation(String json, String expected) throws Exception {
        assertThat(repr(json)).isEqualTo(expected);
    }

    @Test
    void decimalsBeyondADoubleAreInfinities() throws Exception {
        ObjectMapper decimals = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        assertThat(PythonRepr.repr(decimals.readTree("1E+400"))).isEqualTo("inf");
        assertThat(PythonRepr.repr(decimals.readTree("-1E+400"))).isEqualTo("-inf");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', textBlock = """
            "it's"                  | "it's"
            "it's \\"x\\""          | 'it\\'s "x"'
            "a\\u0000b"             | 'a\\x00b'
            "x\\ud800"              | 'x\\ud800'
            "\\udfffx\\ud800"        | '\\udfffx\\ud800'
            "\\ud83d\\udd27"         | '\ud83d\udd27'
            """)
    void aStringWithASingleQuoteUsesDoubleQuotesAndItsControlCharactersAndUnpairedSurrogatesAreEscaped(
            String json, String expected) throws Exception {
        assertThat(repr(json)).isEqualTo(expected);
    }

    @Test
    void strLeavesStringsBare() throws Exception {
        assertThat(PythonRepr.str(MAPPER.readTree("\"abc\""))).isEqualTo("abc");
        assertThat(PythonRepr.str(MAPPER.readTree("null"))).isEqualTo("None");
    }
}
