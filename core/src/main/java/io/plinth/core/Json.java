package io.plinth.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An immutable JSON value, for the seeds' JSON columns ({@code device_info}, {@code metadata}, …),
 * in one canonical form, so that a value written to any store and read back is equal to the one
 * written and prints the same.
 *
 * <p><b>Canonical form.</b> {@link #toString()} is compact JSON text computed from the value, not
 * the text it was parsed from:
 * <ul>
 *   <li>no whitespace between tokens;</li>
 *   <li>numbers by value, as the plain decimal form of the number with trailing zeros dropped:
 *       {@code 1.0}, {@code 1.00} and {@code 1e0} print {@code 1}; {@code 1.50} prints {@code 1.5};
 *       {@code 1e2} prints {@code 100}; {@code 1.5e-3} prints {@code 0.0015}; {@code -0} and
 *       {@code -0.0} print {@code 0}; never an exponent;</li>
 *   <li>object keys in PostgreSQL {@code jsonb}'s order: shorter keys (counted in UTF-8 bytes) first,
 *       keys of the same length byte by byte; of duplicate keys the last one wins, as in {@code jsonb};</li>
 *   <li>strings with Jackson's escapes ({@code \"}, {@code \\}, control characters), other characters
 *       as they are.</li>
 * </ul>
 * Two values are equal exactly when their canonical texts are equal; {@link #hashCode()} is that
 * text's.
 *
 * <p><b>What is refused</b>, with an {@link InvalidInputException} naming the field ({@code json}
 * unless the caller names another), before anything is written:
 * <ul>
 *   <li>numbers that are not finite ({@code NaN}, {@code ±Infinity}) and numbers outside
 *       {@value #MAX_INTEGER_DIGITS} digits before and {@value #MAX_FRACTION_DIGITS} digits after the
 *       decimal point (after trailing zeros are dropped), which PostgreSQL's {@code numeric} holds
 *       exactly; a single number written with more than {@value #MAX_NUMBER_TEXT} characters;</li>
 *   <li>arrays and objects nested more than {@value #MAX_DEPTH} deep;</li>
 *   <li>keys and strings holding the NUL character {@code \u0000} (which {@code jsonb} cannot store)
 *       or an unpaired UTF-16 surrogate (which would be stored as {@code ?}).</li>
 * </ul>
 *
 * <p><b>JSON {@code null}.</b> A value that is JSON {@code null} as a whole ({@code Json.parse("null")},
 * {@code Json.of(null)}) means "no value": records turn it into a Java {@code null} with
 * {@link #absentIfNull(Json)}, so it is stored as SQL {@code NULL}. A {@code null} inside an array or
 * object is kept.
 *
 * <p>Numbers are read exactly: decimals as {@link BigDecimal}, integers as {@code int}, {@code long}
 * or {@link BigInteger}, whichever holds them; {@link #as(Class)} gives decimals as {@link BigDecimal}.
 */
public final class Json {
    /** Most arrays and objects nested in one another. */
    public static final int MAX_DEPTH = 1000;
    /** Most digits before the decimal point of a number. */
    public static final int MAX_INTEGER_DIGITS = 1000;
    /** Most digits after the decimal point of a number, trailing zeros dropped. */
    public static final int MAX_FRACTION_DIGITS = 1000;
    /** Most characters of one number as written in JSON text. */
    public static final int MAX_NUMBER_TEXT = 4000;

    private static final String FIELD = "json";

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_NUMBER_TEXT).build())
                    .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)      // so that NaN is refused, not a string
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)   // read, to be refused with a clear rule
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** An object member while its object is put in canonical order. */
    private record Member(String key, byte[] utf8, JsonNode value) {
    }

    /** PostgreSQL {@code jsonb}'s key order: by length in UTF-8 bytes, then byte by byte. */
    private static final Comparator<Member> KEY_ORDER = (a, b) -> a.utf8().length != b.utf8().length
            ? Integer.compare(a.utf8().length, b.utf8().length) : Arrays.compareUnsigned(a.utf8(), b.utf8());

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final JsonNode tree;
    private final String text;

    private Json(JsonNode tree, String text) {
        this.tree = tree;
        this.text = text;
    }

    /**
     * Parses JSON text.
     *
     * @throws InvalidInputException on field {@code json} when the text is null, not a single valid
     *                               JSON value, or breaks one of the rules above
     */
    public static Json parse(String text) {
        return parse(FIELD, text);
    }

    /**
     * Parses JSON text; errors name {@code field}.
     *
     * @throws InvalidInputException when the text is null, not a single valid JSON value, or breaks
     *                               one of the rules above
     */
    public static Json parse(String field, String text) {
        Check.required(field, text);
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException(field, "is too large (" + e.getOriginalMessage() + ")");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(field, "must be valid JSON (" + e.getOriginalMessage() + ")");
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(field, "must hold numbers within the range of a JSON number");
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidInputException(field, "must be a JSON value");
        }
        return canonical(field, node);
    }

    /**
     * Converts a plain Java value (maps, lists, strings, numbers, booleans, records, a
     * {@link JsonNode}) to JSON; {@code null} gives JSON {@code null}.
     *
     * @throws InvalidInputException on field {@code json} when the value cannot be converted or
     *                               breaks one of the rules above
     */
    public static Json of(Object value) {
        return of(FIELD, value);
    }

    /** {@link #of(Object)}, with errors naming {@code field}. */
    public static Json of(String field, Object value) {
        if (value instanceof Json json) {
            return json;
        }
        if (value == null) {
            return of(field, NullNode.getInstance());
        }
        if (value instanceof JsonNode node) {
            return canonical(field, node);
        }
        String text;
        try {                                     // through text: Jackson's writer enforces MAX_DEPTH
            text = MAPPER.writeValueAsString(value);
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException(field, "is too large (" + e.getOriginalMessage() + ")");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidInputException(field, "cannot be converted to JSON (" + e.getMessage() + ")");
        }
        return parse(field, text);
    }

    private static Json canonical(String field, JsonNode node) {
        JsonNode canonical = canonical(field, node, 0);
        try {
            return new Json(canonical, MAPPER.writeValueAsString(canonical));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(field, "cannot be written as JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /**
     * {@code value}, or {@code null} when it is absent or JSON {@code null}: the one rule by which a
     * record's optional JSON component becomes "no value" (SQL {@code NULL}) on every store. Call it
     * in the compact constructor of every record with a {@code Json} component.
     */
    public static Json absentIfNull(Json value) {
        return value == null || value.isNull() ? null : value;
    }

    /** Whether this value is JSON {@code null} as a whole. */
    public boolean isNull() {
        return tree.isNull();
    }

    /** The canonical tree: numbers in their smallest exact type, object keys in canonical order. */
    private static JsonNode canonical(String field, JsonNode node, int depth) {
        switch (node.getNodeType()) {
            case NULL:
                return NullNode.getInstance();
            case BOOLEAN:
                return BooleanNode.valueOf(node.booleanValue());
            case STRING:
                return TextNode.valueOf(checkedText(field, node.textValue()));
            case BINARY:
                return TextNode.valueOf(node.asText());   // base64, as Jackson writes bytes
            case NUMBER:
                return number(field, node);
            case ARRAY: {
                checkDepth(field, depth + 1);
                ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
                for (JsonNode element : node) {
                    copy.add(canonical(field, element, depth + 1));
                }
                return copy;
            }
            case OBJECT: {
                checkDepth(field, depth + 1);
                List<Member> members = new ArrayList<>(node.size());
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    String key = checkedText(field, e.getKey());
                    members.add(new Member(key, key.getBytes(StandardCharsets.UTF_8), e.getValue()));
                }
                members.sort(KEY_ORDER);
                ObjectNode copy = JsonNodeFactory.instance.objectNode();
                for (Member m : members) {
                    copy.set(m.key(), canonical(field, m.value(), depth + 1));
                }
                return copy;
            }
            default:
                throw new InvalidInputException(field, "must be plain JSON, not a " + node.getNodeType());
        }
    }

    private static void checkDepth(String field, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(field, "must not nest arrays and objects more than " + MAX_DEPTH + " deep");
        }
    }

    /** Refuses NUL and unpaired UTF-16 surrogates, which PostgreSQL cannot store as they are. */
    private static String checkedText(String field, String text) {
        return Check.storable(field, text);
    }

    /** The number by value, in the smallest exact node type, within the documented range. */
    private static JsonNode number(String field, JsonNode node) {
        BigDecimal value;
        if (node.isFloat() || node.isDouble()) {
            double d = node.doubleValue();
            if (!Double.isFinite(d)) {
                throw new InvalidInputException(field, "must hold finite numbers, not " + d);
            }
            value = node.isFloat() ? new BigDecimal(Float.toString(node.floatValue())) : BigDecimal.valueOf(d);
        } else {
            value = node.decimalValue();
        }
        if (value.signum() == 0) {
            return IntNode.valueOf(0);                // -0, 0.0, 0e10: all zero
        }
        value = value.stripTrailingZeros();
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new InvalidInputException(field, "must hold numbers of at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point");
        }
        if (value.scale() > MAX_FRACTION_DIGITS) {
            throw new InvalidInputException(field, "must hold numbers of at most " + MAX_FRACTION_DIGITS
                    + " digits after the decimal point");
        }
        if (value.scale() > 0) {
            return DecimalNode.valueOf(value);
        }
        if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
            return IntNode.valueOf(value.intValueExact());
        }
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return LongNode.valueOf(value.longValueExact());
        }
        return BigIntegerNode.valueOf(value.toBigIntegerExact());
    }

    /** A copy of the canonical JSON tree; changing it does not change this value. */
    public JsonNode tree() {
        return tree.deepCopy();
    }

    /**
     * Converts this value to a Java type, for example {@code Map.class} (decimals become
     * {@link BigDecimal}s).
     */
    public <T> T as(Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidInputException(FIELD, "cannot be read as " + type.getSimpleName());
        }
    }

    /**
     * The canonical JSON text (see the class description): compact, numbers by value in plain
     * decimal form, object keys in {@code jsonb}'s order. Computed from the value, so a value read
     * back from any store prints exactly as the one written.
     */
    @Override
    public String toString() {
        return text;
    }

    /** Equal when the canonical texts are equal: the same JSON tree, numbers compared by value. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Json json && text.equals(json.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
