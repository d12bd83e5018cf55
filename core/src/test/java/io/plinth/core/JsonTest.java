package io.plinth.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.ledger.AccountId;
import io.plinth.ledger.Transfer;
import io.plinth.ledger.TransferId;
import io.plinth.ledger.TransferKind;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.tenancy.NewUserSession;
import io.plinth.tenancy.SessionId;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.UserSession;
import io.plinth.tenancy.WorkspaceId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class JsonTest {

    private static InvalidInputException assertInvalid(String field, Executable call) {
        InvalidInputException error = assertThrows(InvalidInputException.class, call);
        assertEquals(field, error.field(), error.getMessage());
        return error;
    }

    private static void assertInvalid(String field, String rule, Executable call) {
        InvalidInputException error = assertInvalid(field, call);
        assertTrue(error.rule().contains(rule), error.getMessage());
    }

    private static String nested(int depth, String open, String inner, String close) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    // --- canonical text

    @Test
    void numbersPrintByValueInPlainDecimalForm() {
        assertEquals("[1,1,1,1.5,100,0.0015,-2,0,0,0,0]",
                Json.parse("[1, 1.0, 1e0, 1.50, 1E2, 1.5e-3, -2.000, -0, -0.0, 0e10, 0.000]").toString());
        assertEquals("0", Json.of(-0.0).toString());
        assertEquals("0", Json.of(-0.0f).toString());
        assertEquals("0.1", Json.of(0.1).toString());
        assertEquals("0.1", Json.of(0.1f).toString(), "a float by its shortest decimal, not its binary value");
        assertEquals("12345678901234567890", Json.of(new BigInteger("12345678901234567890")).toString());
        assertEquals("100", Json.of(new BigDecimal("1E+2")).toString());
    }

    @Test
    void numbersAreExact() {
        Json precise = Json.parse("{\"x\": 0.1000000000000000000001, \"n\": 123456789012345678901234567890}");
        assertEquals("{\"n\":123456789012345678901234567890,\"x\":0.1000000000000000000001}", precise.toString());
        assertEquals(new BigDecimal("0.1000000000000000000001"), precise.tree().get("x").decimalValue());
        assertEquals(new BigInteger("123456789012345678901234567890"), precise.tree().get("n").bigIntegerValue());
        assertEquals(precise, Json.parse(precise.toString()));
        assertNotEquals(Json.parse("0.1000000000000000000001"), Json.parse("0.1"));
        assertNotEquals(Json.parse("9007199254740993"), Json.parse("9007199254740992"));
        assertEquals(new BigDecimal("0.1000000000000000000001"), precise.as(Map.class).get("x"));
        assertEquals(1, Json.parse("{\"i\": 1.0}").as(Map.class).get("i"), "whole numbers read as integers");
    }

    @Test
    void objectKeysPrintInJsonbOrderShorterFirstThenByBytes() {
        Json json = Json.parse("{\"bb\": 1, \"a\": 2, \"é\": 3, \"c\": 4, \"aaa\": 5, \"B\": 6, \"z\": {\"y\": 1, \"x\": 2}}");
        // é is two bytes in UTF-8, so it sorts with the two-letter keys
        assertEquals("{\"B\":6,\"a\":2,\"c\":4,\"z\":{\"x\":2,\"y\":1},\"bb\":1,\"é\":3,\"aaa\":5}", json.toString());
        Map<String, Object> inserted = new LinkedHashMap<>();
        inserted.put("aaa", 5);
        inserted.put("a", 2);
        assertEquals("{\"a\":2,\"aaa\":5}", Json.of(inserted).toString());
    }

    @Test
    void duplicateKeysKeepTheLastAsJsonbDoes() {
        assertEquals(Json.parse("{\"a\": 2}"), Json.parse("{\"a\": 1, \"a\": 2}"));
        assertEquals("{\"a\":2}", Json.parse("{\"a\": 1, \"a\": 2}").toString());
    }

    @Test
    void equalityAndHashCodeFollowTheCanonicalText() {
        Json a = Json.parse("{ \"b\": [1.0, -0.0, \"x\"], \"a\": {\"d\": null, \"c\": true} }");
        Json b = Json.parse("{\"a\":{\"c\":true,\"d\":null},\"b\":[1,0,\"x\"]}");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.toString(), b.toString());
        assertEquals(b.toString(), a.toString());
        assertEquals(a, Json.parse(a.toString()), "the canonical text parses to the same value");
        assertEquals(a.toString(), Json.parse(a.toString()).toString(), "and prints the same");
        assertNotEquals(Json.parse("[1, 2]"), Json.parse("[2, 1]"));
        assertNotEquals(Json.parse("\"1\""), Json.parse("1"));
    }

    @Test
    void stringsAreEscapedOnce() {
        Json json = Json.parse("[\"q\\\"b\\\\n\\n\\t\\u0001\\u00e9\\ud83d\\ude00/\"]");
        assertEquals("[\"q\\\"b\\\\n\\n\\t\\u0001é😀/\"]", json.toString());
        assertEquals(json, Json.parse(json.toString()));
    }

    @Test
    void bytesAreTheirBase64Text() {
        assertEquals(Json.parse("\"AQI=\""), Json.of(new byte[] {1, 2}));
    }

    @Test
    void ofAJsonOrATreeKeepsTheValue() {
        Json json = Json.parse("{\"a\": [1, 2.50]}");
        assertSame(json, Json.of(json));
        assertEquals(json, Json.of(json.tree()));
    }

    // --- null means absent

    @Test
    void jsonNullIsAbsentInRecords() {
        assertTrue(Json.parse("null").isNull());
        assertTrue(Json.of(null).isNull());
        assertEquals(Json.parse("null"), Json.of(null));
        assertNull(Json.absentIfNull(null));
        assertNull(Json.absentIfNull(Json.parse(" null ")));
        Json nested = Json.parse("{\"a\": null}");
        assertSame(nested, Json.absentIfNull(nested), "a null inside a value is kept");
        assertEquals("[null]", Json.parse("[null]").toString());

        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        assertNull(new NewUserSession(UserId.generate(), Json.parse("null"), null, null, later).deviceInfo());
        assertNull(new UserSession(SessionId.generate(), UserId.generate(), Json.of(null), null, null, later, later, later, 0)
                .deviceInfo());
        TransferRequest request = TransferRequest.builder().workspaceId(WorkspaceId.generate()).idempotencyKey("k")
                .debitAccountId(AccountId.generate()).creditAccountId(AccountId.generate())
                .amount(1).type(TransferType.DEBIT).build();
        assertNull(request.withMetadata(Json.parse("null")).metadata());
        assertEquals(request, request.withMetadata(Json.of(null)));
        Transfer done = new Transfer(TransferId.generate(), request.workspaceId(), "k", TransferKind.POSTED,
                request.debitAccountId(), request.creditAccountId(), 1, "credits", TransferType.DEBIT, null,
                Json.parse("null"), null, null, null, later);
        assertNull(done.metadata());
        assertTrue(request.withMetadata(Json.parse("null")).isFulfilledBy(done));
    }

    // --- what is refused

    @Test
    void nonFiniteNumbersAreInvalid() {
        assertInvalid("json", "finite", () -> Json.of(Map.of("x", Double.NaN)));
        assertInvalid("json", "finite", () -> Json.of(List.of(Double.POSITIVE_INFINITY)));
        assertInvalid("json", "finite", () -> Json.parse("[NaN]"));
        assertInvalid("json", () -> Json.of(Double.NEGATIVE_INFINITY));
        assertInvalid("json", () -> Json.of(Float.NaN));
        assertInvalid("json", () -> Json.parse("NaN"));
        assertInvalid("json", () -> Json.parse("[Infinity]"));
        assertInvalid("json", () -> Json.parse("{\"x\": -Infinity}"));
        assertInvalid("deviceInfo", () -> Json.of("deviceInfo", Map.of("x", Double.NaN)));
    }

    @Test
    void numbersBeyondTheRangeAreInvalid() {
        String thousandNines = "9".repeat(Json.MAX_INTEGER_DIGITS);
        String thousandDecimals = "0." + "0".repeat(Json.MAX_FRACTION_DIGITS - 1) + "1";
        assertEquals(thousandNines, Json.parse(thousandNines).toString());
        assertEquals("-" + thousandNines + "." + "9".repeat(1000), Json.parse("-" + thousandNines + "." + "9".repeat(1000)).toString());
        assertEquals(thousandDecimals, Json.parse(thousandDecimals).toString());
        assertEquals(thousandDecimals, Json.parse("1e-1000").toString());
        assertEquals("1" + "0".repeat(999), Json.parse("1e999").toString());
        assertEquals("1", Json.parse("1." + "0".repeat(3000)).toString(), "trailing zeros do not count");

        assertInvalid("json", () -> Json.parse("1" + thousandNines));
        assertInvalid("json", () -> Json.parse("1e1000"));
        assertInvalid("json", "before the decimal point", () -> Json.parse("1e200000"));
        assertInvalid("json", "after the decimal point", () -> Json.parse("1e-200000"));
        assertInvalid("json", () -> Json.parse("-1e200000"));
        assertInvalid("json", () -> Json.parse("1e-1001"));
        assertInvalid("json", () -> Json.parse(thousandDecimals + "1"));
        assertInvalid("json", () -> Json.parse("[1e999999999999]"));
        assertInvalid("json", () -> Json.parse("[1e-999999999999]"));
        assertInvalid("json", () -> Json.parse("[1e2147483648]"));
        assertInvalid("json", () -> Json.parse("[1e-2147483648]"));
        assertInvalid("json", () -> Json.parse("1" + "0".repeat(Json.MAX_NUMBER_TEXT)));
        assertInvalid("json", () -> Json.of(new BigDecimal("1e1000")));
        assertInvalid("json", () -> Json.of(Map.of("x", BigInteger.TEN.pow(1000))));
        assertInvalid("json", () -> Json.of(new BigDecimal("1e-1001")));
        assertInvalid("metadata", () -> Json.parse("metadata", "1e200000"));
    }

    @Test
    void nulIsInvalidInKeysAndStrings() {
        assertInvalid("json", "NUL", () -> Json.parse("{\"nul\": \"a\\u0000b\"}"));
        assertInvalid("json", () -> Json.parse("{\"a\\u0000\": 1}"));
        assertInvalid("json", () -> Json.parse("[[\"\\u0000\"]]"));
        assertInvalid("json", () -> Json.of(Map.of("k", "\0")));
        assertInvalid("json", () -> Json.of(Map.of("\0", "v")));
        assertEquals("[\"\\\\u0000\"]", Json.parse("[\"\\\\u0000\"]").toString(), "an escaped backslash is no NUL");
    }

    @Test
    void unpairedSurrogatesAreInvalidInKeysAndStrings() {
        assertInvalid("json", "unpaired UTF-16 surrogate", () -> Json.parse("[\"\\ud83d\"]"));
        assertInvalid("json", () -> Json.parse("[\"\\ude00\"]"));
        assertInvalid("json", () -> Json.parse("[\"\\ude00\\ud83d\"]"));
        assertInvalid("json", () -> Json.parse("[\"a\\ud83dz\"]"));
        assertInvalid("json", () -> Json.parse("{\"\\ud83d\": 1}"));
        assertInvalid("json", () -> Json.parse("[\"\ud83d\"]"));
        assertInvalid("json", () -> Json.of(Map.of("k", "x\udc00")));
        assertInvalid("json", () -> Json.of(Map.of("\ud800", 1)));
        assertInvalid("deviceInfo", () -> Json.of("deviceInfo", List.of("\ud800")));
        assertEquals("[\"😀\"]", Json.parse("[\"\\ud83d\\ude00\"]").toString(), "a pair is one character");
    }

    @Test
    void deepNestingIsInvalidNotAStackOverflow() {
        Json deepest = Json.parse(nested(Json.MAX_DEPTH, "[", "1", "]"));
        assertEquals(nested(Json.MAX_DEPTH, "[", "1", "]"), deepest.toString());
        assertEquals(deepest, Json.of(deepest.tree()));
        assertEquals(deepest.hashCode(), Json.parse(deepest.toString()).hashCode());
        Json deepObject = Json.parse(nested(Json.MAX_DEPTH, "{\"a\":", "1", "}"));
        assertEquals(deepObject, Json.parse(deepObject.toString()));

        assertInvalid("json", "depth", () -> Json.parse(nested(Json.MAX_DEPTH + 1, "[", "", "]")));
        assertInvalid("json", "deep", () -> Json.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
                .add(Json.parse(nested(Json.MAX_DEPTH, "[", "", "]")).tree())));
        assertInvalid("json", () -> Json.parse(nested(Json.MAX_DEPTH + 1, "{\"a\":", "1", "}")));
        assertInvalid("json", () -> Json.parse(nested(100_000, "[", "", "]")));
        assertInvalid("json", () -> Json.parse(nested(100_000, "{\"a\":", "1", "}")));
        assertInvalid("json", () -> Json.parse(nested(100_000, "[", "", "")));

        List<Object> deepList = new ArrayList<>();
        List<Object> innermost = deepList;
        for (int i = 0; i < 100_000; i++) {
            List<Object> next = new ArrayList<>();
            innermost.add(next);
            innermost = next;
        }
        assertInvalid("json", () -> Json.of(deepList));
        List<Object> selfReferencing = new ArrayList<>();
        selfReferencing.add(selfReferencing);
        assertInvalid("json", () -> Json.of(selfReferencing));

        com.fasterxml.jackson.databind.node.ArrayNode deepTree = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        com.fasterxml.jackson.databind.node.ArrayNode inner = deepTree;
        for (int i = 0; i < 100_000; i++) {
            inner = inner.addArray();
        }
        assertInvalid("json", () -> Json.of(deepTree));
    }

    @Test
    void badJsonIsInvalid() {
        assertInvalid("json", () -> Json.parse("{"));
        assertInvalid("json", () -> Json.parse(""));
        assertInvalid("json", () -> Json.parse("[1] [2]"));
        assertInvalid("json", () -> Json.parse(null));
        assertInvalid("json", () -> Json.parse("{'a': 1}"));
        assertInvalid("json", () -> Json.parse("[01]"));
        assertInvalid("json", () -> Json.of(new Object()));
        assertInvalid("metadata", () -> Json.parse("metadata", "{"));
    }

    @Test
    void treeIsACopy() {
        Json json = Json.parse("{\"a\": [1]}");
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.tree().get("a")).add(2);
        assertEquals("{\"a\":[1]}", json.toString());
        assertEquals(List.of(1), json.as(Map.class).get("a"));
    }
}
