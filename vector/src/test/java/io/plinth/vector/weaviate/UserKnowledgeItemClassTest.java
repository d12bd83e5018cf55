package io.plinth.vector.weaviate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plinth.tenancy.UserId;
import io.plinth.vector.KnowledgeFilter;
import io.plinth.vector.KnowledgeItem;
import io.plinth.vector.SourceEntityType;
import io.weaviate.client6.v1.api.collections.CollectionConfig;
import io.weaviate.client6.v1.internal.json.JSON;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the Weaviate index sends, checked without a server. */
class UserKnowledgeItemClassTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Seed 004, Part 3, verbatim. */
    private static final String SEED = """
            {
              "class": "UserKnowledgeItem",
              "description": "A unified searchable item representing textual content from any source entity.",
              "vectorizer": "none",
              "properties": [
                { "name": "externalId", "dataType": ["uuid"] },
                { "name": "userId", "dataType": ["string"], "indexInverted": true },
                { "name": "sourceEntityType", "dataType": ["string"], "indexInverted": true },
                { "name": "sourceEntityId", "dataType": ["uuid"], "indexInverted": true },
                { "name": "textContent", "dataType": ["text"] },
                { "name": "title", "dataType": ["text"], "indexInverted": true, "tokenization": "word" },
                { "name": "embeddingModelVersion", "dataType": ["string"], "indexInverted": true },
                { "name": "createdAt", "dataType": ["date"], "indexInverted": true },
                { "name": "importanceScore", "dataType": ["number"], "indexInverted": true },
                { "name": "tags", "dataType": ["text[]"], "indexInverted": true, "tokenization": "word" }
              ]
            }""";

    @Test
    void theClassSentIsTheSeedsClass() throws Exception {
        JsonNode sent = MAPPER.readTree(JSON.serialize(UserKnowledgeItemClass.definition()));
        JsonNode seed = MAPPER.readTree(SEED);
        assertEquals(seed.get("class"), sent.get("class"));
        assertEquals(seed.get("description"), sent.get("description"));
        // the client keeps properties by name, so their order is its own; Weaviate gives order no meaning
        assertEquals(byName(seed.get("properties")), byName(sent.get("properties")));
        JsonNode vector = sent.get("vectorConfig").get("default").get("vectorizer");
        assertTrue(vector.has("none"), "a self-provided vector (vectorizer none): " + vector);
    }

    private static java.util.Map<String, JsonNode> byName(JsonNode properties) {
        java.util.Map<String, JsonNode> out = new java.util.TreeMap<>();
        properties.forEach(p -> out.put(p.get("name").asText(), p));
        return out;
    }

    /** The seed's class as a Weaviate server reports it: the legacy "string" as text with field tokenization, indexInverted as indexFilterable. */
    private static ObjectNode serverSpelling() throws Exception {
        ObjectNode stored = (ObjectNode) MAPPER.readTree(SEED);
        for (JsonNode p : stored.get("properties")) {
            ObjectNode property = (ObjectNode) p;
            if (property.get("dataType").get(0).asText().equals("string")) {
                property.putArray("dataType").add("text");
                property.put("tokenization", "field");
            }
            property.remove("indexInverted");
            property.put("indexFilterable", true);
            property.put("indexSearchable", property.get("dataType").get(0).asText().startsWith("text"));
        }
        stored.remove("vectorizer");
        return stored;
    }

    @Test
    void theSeedsClassAndAServersSpellingOfItAgree() throws Exception {
        assertEquals(List.of(), UserKnowledgeItemClass.disagreements(UserKnowledgeItemClass.definition()));
        assertEquals(List.of(), UserKnowledgeItemClass.disagreements(JSON.deserialize(serverSpelling().toString(), CollectionConfig.class)));
    }

    @Test
    void anExistingClassThatDisagreesIsDescribed() throws Exception {
        ObjectNode stored = serverSpelling();
        var properties = (com.fasterxml.jackson.databind.node.ArrayNode) stored.get("properties");
        ((ObjectNode) properties.get(5)).put("tokenization", "field");          // title
        ((ObjectNode) properties.get(8)).putArray("dataType").add("text");    // importanceScore
        ((ObjectNode) properties.get(1)).put("indexFilterable", false);       // userId
        properties.remove(9);                                                  // tags
        properties.addObject().put("name", "extra").putArray("dataType").add("int");
        List<String> differences = UserKnowledgeItemClass.disagreements(JSON.deserialize(stored.toString(), CollectionConfig.class));
        assertEquals(List.of(
                "property userId is not indexed for filtering, the seed says indexInverted: true",
                "property title has tokenization FIELD, the seed says WORD",
                "property importanceScore has data type text, the seed says number",
                "property tags is missing",
                "property extra is not in the seed"), differences);
    }

    @Test
    void anItemsPropertiesAreTheSeedsAndReadBackToTheSameItem() {
        KnowledgeItem item = KnowledgeItem.of(UserId.generate(), SourceEntityType.DERIVED_ARTIFACT, UUID.randomUUID(),
                "text 😀", null, "m1", Instant.parse("2026-03-04T05:06:07.123456Z"), 0.75, List.of("a", "b c"), new float[] {1f, -2f});
        Map<String, Object> properties = UserKnowledgeItemClass.properties(item);
        assertEquals(UserKnowledgeItemClass.PROPERTIES.stream().map(UserKnowledgeItemClass.SeedProperty::name)
                .filter(n -> !n.equals("title")).sorted().toList(), properties.keySet().stream().sorted().toList());
        assertEquals("DerivedArtifact", properties.get("sourceEntityType"));
        assertEquals(item, UserKnowledgeItemClass.item(properties, item.vector()));
        Map<String, Object> asText = new java.util.HashMap<>(properties);
        asText.put("createdAt", "2026-03-04T05:06:07.123456Z");
        assertEquals(item, UserKnowledgeItemClass.item(asText, item.vector()));
    }

    @Test
    void aSearchFiltersOnTheUserTheModelVersionAndEveryConditionGiven() {
        UserId user = UserId.parse("0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b");
        String plain = UserKnowledgeItemClass.scope(user, "m1", KnowledgeFilter.ANY).toString();
        assertEquals("Filter(Filter(userId Equal 0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b) And Filter(embeddingModelVersion Equal m1))", plain);
        KnowledgeFilter all = new KnowledgeFilter(java.util.Set.of(SourceEntityType.CARD, SourceEntityType.CONCEPT),
                List.of("work"), Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"), 0.5);
        assertEquals("Filter(Filter(userId Equal 0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b) And Filter(embeddingModelVersion Equal m1)"
                + " And Filter(Filter(sourceEntityType Equal Concept) Or Filter(sourceEntityType Equal Card))"
                + " And Filter(tags ContainsAny [work])"
                + " And Filter(createdAt GreaterThanEqual 2026-01-01T00:00Z) And Filter(createdAt LessThan 2026-02-01T00:00Z)"
                + " And Filter(importanceScore GreaterThanEqual 0.5))", UserKnowledgeItemClass.scope(user, "m1", all).toString());
        assertEquals("Filter(" + plain + " And Filter(Filter(title ContainsAny [green, tea]) Or Filter(textContent ContainsAny [green, tea])"
                + " Or Filter(tags ContainsAny [green, tea])))",
                UserKnowledgeItemClass.keywords(UserKnowledgeItemClass.scope(user, "m1", KnowledgeFilter.ANY), List.of("green", "tea")).toString());
    }
}
