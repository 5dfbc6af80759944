package io.hyperstatus.server.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.core.PythonStrings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders JSON values the way Python prints them ({@code repr} and {@code str}), because Nova's validation
 * messages quote the offending values in Python's notation and clients match on those messages.
 */
public final class PythonRepr {
    private PythonRepr() {
    }

    public static String repr(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "None";
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "True" : "False";
        }
        if (node.isTextual()) {
            return reprString(node.textValue());
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? node.bigIntegerValue().toString() : pythonFloat(node.doubleValue());
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(repr(item)));
            return "[" + String.join(", ", items) + "]";
        }
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            entries.add(reprString(field.getKey()) + ": " + repr(field.getValue()));
        }
        return "{" + String.join(", ", entries) + "}";
    }

    /**
     * A number with a fraction or an exponent as Python's {@code repr(float)} writes it: Python reads it as a
     * double (so {@code 1E+400} is {@code inf}), then writes the shortest digits, positionally when the decimal
     * point falls between 4 places left of them and 16 right, else as {@code 1.5e-05} or {@code 1e+16}.
     */
    static String pythonFloat(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int point = digits.length() - shortest.scale(); // the value is 0.<digits> times ten to this power
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                return sign + "0." + "0".repeat(-point) + digits;
            }
            if (point >= digits.length()) {
                return sign + digits + "0".repeat(point - digits.length()) + ".0";
            }
            return sign + digits.substring(0, point) + "." + digits.substring(point);
        }
        int exponent = point - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }

    /** Python's {@code str()}: strings bare, everything else as {@code repr}. */
    public static String str(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : repr(node);
    }

    public static String reprString(String text) {
        return PythonStrings.repr(text);
    }
}
