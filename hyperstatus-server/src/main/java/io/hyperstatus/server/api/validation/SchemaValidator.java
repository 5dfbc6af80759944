package io.hyperstatus.server.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import io.hyperstatus.domain.StorableText;
import io.hyperstatus.server.api.error.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Validates request bodies and query strings against {@link RequestSchema}s and reports the first error in
 * schema order, worded as Nova words it (Python jsonschema's messages with Python's notation for values).
 */
public final class SchemaValidator {
    /** Where the validated document came from; it decides how an error names its location. */
    public enum Target {
        BODY,
        QUERY
    }

    /**
     * Throws a 400 in Nova's words when {@code instance} does not satisfy {@code schema}. A body that does is then
     * refused when a string in it (a value or a key) holds a character no database stores ({@link StorableText}).
     * A query string is not: a filter such a value names matches nothing, as it would on Nova's database.
     */
    public void validate(RequestSchema schema, JsonNode instance, Target target) {
        Set<ValidationMessage> messages = schema.compiled().validate(instance);
        if (messages.isEmpty()) {
            if (target == Target.BODY) {
                refuseUnstorable(instance, null);
            }
            return;
        }
        ValidationMessage first = messages.stream()
                .min(Comparator.<ValidationMessage, List<Integer>>comparing(m -> schemaOrder(schema.json(), m),
                                SchemaValidator::compareLists)
                        .thenComparing(ValidationMessage::getInstanceLocation))
                .orElseThrow();
        throw ApiException.badRequest(describe(schema, first, instance, target));
    }

    /** Removes the top-level properties that the schema does not name. */
    public static void stripUnknownProperties(RequestSchema schema, ObjectNode instance) {
        List<String> known = schema.propertyNames();
        instance.retain(known);
    }

    /** Throws at the first string of the document, in document order, that holds an unstorable character. */
    private static void refuseUnstorable(JsonNode node, String field) {
        if (node.isTextual()) {
            refuseUnstorable(node.textValue(), field);
        } else if (node.isArray()) {
            node.forEach(item -> refuseUnstorable(item, field));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                refuseUnstorable(property.getKey(), field);
                refuseUnstorable(property.getValue(), property.getKey());
            }
        }
    }

    private static void refuseUnstorable(String text, String field) {
        OptionalInt at = StorableText.firstUnstorable(text);
        if (at.isEmpty()) {
            return;
        }
        String quoted = PythonRepr.reprString(text);
        String message = quoted + " contains " + StorableText.codePointName(text, at.getAsInt())
                + ", which cannot be stored";
        if (field == null) {
            throw ApiException.badRequest(message);
        }
        // The value as Python's str() shows it, but with the refused characters escaped: an answer cannot carry
        // them either.
        String shown = quoted.substring(1, quoted.length() - 1);
        throw ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: " + shown + ". " + message);
    }

    private static String describe(RequestSchema schema, ValidationMessage error, JsonNode root, Target target) {
        JsonNodePath location = error.getInstanceLocation();
        JsonNode value = at(root, location);
        JsonNode parentSchema = parentSchema(schema.json(), error.getEvaluationPath());
        JsonNode keywordValue = parentSchema.get(error.getType());
        if (insideCombinator(error.getEvaluationPath())) {
            // jsonschema reports a failed oneOf/anyOf as itself, not as the failures of its branches.
            return withLocation(PythonRepr.repr(value) + " is not valid under any of the given schemas", location, value, target);
        }
        if (error.getType().equals("format") && keywordValue != null && NovaFormats.message(keywordValue.asText()) != null) {
            // Nova's name formats raise InvalidName, whose message is the whole fault message.
            return NovaFormats.message(keywordValue.asText());
        }
        String message = switch (error.getType()) {
            case "type" -> PythonRepr.repr(value) + " is not of type " + typeNames(keywordValue);
            case "required" -> PythonRepr.reprString(firstMissing(parentSchema, value)) + " is a required property";
            case "additionalProperties" -> additionalPropertiesMessage(parentSchema, value);
            case "minLength" -> PythonRepr.repr(value) + " is too short";
            case "maxLength", "maxItems" -> PythonRepr.repr(value) + " is too long";
            case "minItems" -> PythonRepr.repr(value) + " is too short";
            case "pattern" -> PythonRepr.repr(value) + " does not match " + PythonRepr.repr(keywordValue);
            case "enum" -> PythonRepr.repr(value) + " is not one of " + PythonRepr.repr(keywordValue);
            case "minimum" -> PythonRepr.repr(value) + " is less than the minimum of " + PythonRepr.repr(keywordValue);
            case "maximum" -> PythonRepr.repr(value) + " is greater than the maximum of " + PythonRepr.repr(keywordValue);
            case "oneOf", "anyOf" -> PythonRepr.repr(value) + " is not valid under any of the given schemas";
            case "format" -> PythonRepr.repr(value) + " is not a " + PythonRepr.repr(keywordValue);
            default -> error.getMessage();
        };
        return withLocation(message, location, value, target);
    }

    private static boolean insideCombinator(JsonNodePath evaluationPath) {
        for (int i = 0; i < evaluationPath.getNameCount() - 1; i++) {
            Object step = evaluationPath.getElement(i);
            if ("anyOf".equals(step) || "oneOf".equals(step)) {
                return true;
            }
        }
        return false;
    }

    private static String withLocation(String message, JsonNodePath location, JsonNode value, Target target) {
        if (location.getNameCount() == 0) {
            return message;
        }
        // A query error names the parameter (the first step of the path); a body error the innermost step.
        Object step = target == Target.QUERY ? location.getElement(0) : location.getElement(location.getNameCount() - 1);
        String where = target == Target.QUERY ? "query parameters " : "field/attribute ";
        return "Invalid input for " + where + step + ". Value: " + PythonRepr.str(value) + ". " + message;
    }

    /** The schema object holding the keyword that failed: the evaluation path without its last step. */
    private static JsonNode parentSchema(JsonNode root, JsonNodePath evaluationPath) {
        JsonNode current = root;
        for (int i = 0; i < evaluationPath.getNameCount() - 1; i++) {
            Object step = evaluationPath.getElement(i);
            JsonNode next = step instanceof Integer index ? current.get(index) : current.get(step.toString());
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    private static String typeNames(JsonNode types) {
        if (types == null) {
            return "";
        }
        if (types.isArray()) {
            List<String> names = new ArrayList<>();
            types.forEach(t -> names.add(PythonRepr.repr(t)));
            return String.join(", ", names);
        }
        return PythonRepr.repr(types);
    }

    private static String firstMissing(JsonNode schemaNode, JsonNode value) {
        for (JsonNode required : schemaNode.get("required")) {
            if (value == null || !value.has(required.asText())) {
                return required.asText();
            }
        }
        return "";
    }

    private static String additionalPropertiesMessage(JsonNode schemaNode, JsonNode value) {
        JsonNode properties = schemaNode.get("properties");
        JsonNode patternProperties = schemaNode.get("patternProperties");
        List<String> patterns = new ArrayList<>();
        if (patternProperties != null) {
            patternProperties.fieldNames().forEachRemaining(patterns::add);
            patterns.sort(null);
        }
        List<String> extras = new ArrayList<>();
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            boolean matchesPattern = patterns.stream().anyMatch(p -> java.util.regex.Pattern.compile(p).matcher(name).find());
            if ((properties == null || !properties.has(name)) && !matchesPattern) {
                extras.add(name);
            }
        }
        extras.sort(null);
        extras.replaceAll(PythonRepr::reprString);
        if (!patterns.isEmpty()) {
            // jsonschema words it differently when the schema has patternProperties.
            List<String> quoted = patterns.stream().map(PythonRepr::reprString).toList();
            return String.join(", ", extras) + (extras.size() == 1 ? " does" : " do")
                    + " not match any of the regexes: " + String.join(", ", quoted);
        }
        return "Additional properties are not allowed (" + String.join(", ", extras)
                + (extras.size() == 1 ? " was" : " were") + " unexpected)";
    }

    /** The position of each step of the error's schema path among its siblings: jsonschema's iteration order. */
    private static List<Integer> schemaOrder(JsonNode schema, ValidationMessage message) {
        List<Integer> order = new ArrayList<>();
        JsonNodePath path = message.getEvaluationPath();
        JsonNode current = schema;
        for (int i = 0; i < path.getNameCount() && current != null; i++) {
            Object step = path.getElement(i);
            if (!(step instanceof String name) || !current.isObject()) {
                continue;
            }
            order.add(indexOfField(current, name));
            current = current.get(name);
        }
        return order;
    }

    private static int indexOfField(JsonNode object, String name) {
        int index = 0;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); index++) {
            if (names.next().equals(name)) {
                return index;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int compareLists(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int byStep = Integer.compare(a.get(i), b.get(i));
            if (byStep != 0) {
                return byStep;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static JsonNode at(JsonNode root, JsonNodePath location) {
        JsonNode current = root;
        for (int i = 0; i < location.getNameCount() && current != null; i++) {
            Object step = location.getElement(i);
            current = step instanceof Integer index ? current.get(index) : current.get(step.toString());
        }
        return current;
    }
}
