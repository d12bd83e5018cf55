package io.plinth.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * An immutable JSON value, for the seeds' JSON columns ({@code device_info}, {@code metadata}, …).
 * Two values are equal when their JSON trees are equal, whatever their whitespace or key order,
 * so a value read back from PostgreSQL's {@code jsonb} equals the one written.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final JsonNode tree;
    private final String text;

    private Json(JsonNode tree) {
        this.tree = normal(tree);
        this.text = tree.toString();             // the tree as given, not the normal one
        if (text.contains("\\u0000")) {
            throw new InvalidInputException("json", "must not contain the NUL character \\u0000");
        }
    }

    /**
     * The same tree with every number in one form, so that {@code 1}, {@code 1.0} and {@code 1.00}
     * are equal, as they are in PostgreSQL's {@code jsonb}.
     */
    private static JsonNode normal(JsonNode node) {
        if (node.isNumber()) {
            java.math.BigDecimal value = node.decimalValue().stripTrailingZeros();
            if (value.scale() > 0 || value.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(value);
            }
            long integral = value.longValueExact();
            return integral == (int) integral ? com.fasterxml.jackson.databind.node.IntNode.valueOf((int) integral)
                    : com.fasterxml.jackson.databind.node.LongNode.valueOf(integral);
        }
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), normal(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(normal(element)));
            return copy;
        }
        return node;
    }

    /**
     * Parses JSON text.
     *
     * @throws InvalidInputException when the text is null or not a single valid JSON value
     */
    public static Json parse(String text) {
        Check.required("json", text);
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException("json", "must be a JSON value");
            }
            return new Json(node);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("json", "must be valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** Converts a plain Java value (maps, lists, strings, numbers, booleans, records) to JSON. */
    public static Json of(Object value) {
        return new Json(MAPPER.valueToTree(value));
    }

    /** A copy of the JSON tree; changing it does not change this value. */
    public JsonNode tree() {
        return tree.deepCopy();
    }

    /** Converts this value to a Java type, for example {@code Map.class}. */
    public <T> T as(Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("json", "cannot be read as " + type.getSimpleName());
        }
    }

    /**
     * Compact JSON text, with numbers as they were written ({@code 1.0} stays {@code 1.0}, as in
     * PostgreSQL's {@code jsonb}); equality compares them by value.
     */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Json json && tree.equals(json.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }
}
