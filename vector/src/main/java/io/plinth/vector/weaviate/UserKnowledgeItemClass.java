package io.plinth.vector.weaviate;

import io.plinth.tenancy.UserId;
import io.plinth.vector.KnowledgeFilter;
import io.plinth.vector.KnowledgeItem;
import io.plinth.vector.SourceEntityType;
import io.weaviate.client6.v1.api.collections.CollectionConfig;
import io.weaviate.client6.v1.api.collections.Property;
import io.weaviate.client6.v1.api.collections.Tokenization;
import io.weaviate.client6.v1.api.collections.VectorConfig;
import io.weaviate.client6.v1.api.collections.query.Filter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Seed 004's Weaviate class {@code UserKnowledgeItem} (Part 3), and how items and searches map onto
 * it: its definition, the check of an existing class, an item's properties and back, and the filters
 * of each search. Pure functions, tested without a server.
 */
public final class UserKnowledgeItemClass {
    /** The class name, as the seed writes it. */
    public static final String NAME = "UserKnowledgeItem";
    /** The class description, as the seed writes it. */
    public static final String DESCRIPTION = "A unified searchable item representing textual content from any source entity.";

    private UserKnowledgeItemClass() {
    }

    /** One property as the seed writes it: name, data type, indexInverted (null: not given), tokenization (null: not given). */
    record SeedProperty(String name, String dataType, Boolean indexInverted, Tokenization tokenization) {
        Property toProperty() {
            Property.Builder b = new Property.Builder(name, dataType);
            if (indexInverted != null) {
                b.indexInverted(indexInverted);
            }
            if (tokenization != null) {
                b.tokenization(tokenization);
            }
            return b.build();
        }
    }

    /** The seed's ten properties, in its order. */
    static final List<SeedProperty> PROPERTIES = List.of(
            new SeedProperty("externalId", "uuid", null, null),
            new SeedProperty("userId", "string", true, null),
            new SeedProperty("sourceEntityType", "string", true, null),
            new SeedProperty("sourceEntityId", "uuid", true, null),
            new SeedProperty("textContent", "text", null, null),
            new SeedProperty("title", "text", true, Tokenization.WORD),
            new SeedProperty("embeddingModelVersion", "string", true, null),
            new SeedProperty("createdAt", "date", true, null),
            new SeedProperty("importanceScore", "number", true, null),
            new SeedProperty("tags", "text[]", true, Tokenization.WORD));

    /** The class exactly as the seed writes it, with {@code vectorizer: none} (a self-provided vector). */
    public static CollectionConfig definition() {
        return CollectionConfig.of(NAME, c -> c
                .description(DESCRIPTION)
                .properties(PROPERTIES.stream().map(SeedProperty::toProperty).toList())
                .vectorConfig(VectorConfig.selfProvided()));
    }

    /**
     * How an existing class differs from the seed's, in words; empty when it agrees. A server
     * stores the seed's legacy {@code string} as {@code text} with {@code field} tokenization, and
     * {@code indexInverted} as {@code indexFilterable}; both spellings are accepted.
     */
    public static List<String> disagreements(CollectionConfig existing) {
        List<String> out = new ArrayList<>();
        Map<String, Property> byName = new HashMap<>();
        for (Property p : existing.properties() == null ? List.<Property>of() : existing.properties()) {
            byName.put(p.propertyName(), p);
        }
        for (SeedProperty seed : PROPERTIES) {
            Property p = byName.remove(seed.name());
            if (p == null) {
                out.add("property " + seed.name() + " is missing");
                continue;
            }
            String type = p.dataTypes() == null || p.dataTypes().size() != 1 ? String.valueOf(p.dataTypes()) : p.dataTypes().get(0);
            Tokenization tokenization = p.tokenization();
            boolean typeAgrees;
            if (seed.dataType().equals("string")) {
                typeAgrees = type.equals("string") || (type.equals("text") && (tokenization == null || tokenization == Tokenization.FIELD));
            } else {
                typeAgrees = type.equals(seed.dataType());
            }
            if (!typeAgrees) {
                out.add("property " + seed.name() + " has data type " + type + (tokenization == null ? "" : " (" + tokenization + ")")
                        + ", the seed says " + seed.dataType());
            } else if (seed.tokenization() != null && tokenization != null && tokenization != seed.tokenization()) {
                out.add("property " + seed.name() + " has tokenization " + tokenization + ", the seed says " + seed.tokenization());
            }
            if (Boolean.TRUE.equals(seed.indexInverted())
                    && (Boolean.FALSE.equals(p.indexInverted()) || Boolean.FALSE.equals(p.indexFilterable()))) {
                out.add("property " + seed.name() + " is not indexed for filtering, the seed says indexInverted: true");
            }
        }
        for (String extra : byName.keySet()) {
            out.add("property " + extra + " is not in the seed");
        }
        return out;
    }

    /** An item's properties, by the seed's names (the vector goes beside them). */
    public static Map<String, Object> properties(KnowledgeItem item) {
        Map<String, Object> p = new HashMap<>();
        p.put("externalId", item.externalId().toString());
        p.put("userId", item.userId().toString());
        p.put("sourceEntityType", item.sourceEntityType().spelling());
        p.put("sourceEntityId", item.sourceEntityId().toString());
        p.put("textContent", item.textContent());
        if (item.title() != null) {
            p.put("title", item.title());
        }
        p.put("embeddingModelVersion", item.embeddingModelVersion());
        p.put("createdAt", OffsetDateTime.ofInstant(item.createdAt(), ZoneOffset.UTC));
        p.put("importanceScore", item.importanceScore());
        p.put("tags", item.tags());
        return p;
    }

    /** The item of a stored object's properties and vector. */
    public static KnowledgeItem item(Map<String, Object> p, float[] vector) {
        Object tags = p.get("tags");
        List<String> tagList = new ArrayList<>();
        if (tags instanceof List<?> list) {
            list.forEach(t -> tagList.add(String.valueOf(t)));
        } else if (tags instanceof String[] array) {
            tagList.addAll(List.of(array));
        }
        Object title = p.get("title");
        return new KnowledgeItem(UUID.fromString(text(p, "externalId")), UserId.parse(text(p, "userId")),
                SourceEntityType.ofSpelling("sourceEntityType", text(p, "sourceEntityType")),
                UUID.fromString(text(p, "sourceEntityId")), text(p, "textContent"),
                title == null ? null : title.toString(), text(p, "embeddingModelVersion"), instant(p.get("createdAt")),
                ((Number) p.get("importanceScore")).doubleValue(), tagList, vector);
    }

    private static String text(Map<String, Object> p, String name) {
        return Objects.requireNonNull(p.get(name), name).toString();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        return OffsetDateTime.parse(Objects.requireNonNull(value, "createdAt").toString()).toInstant();
    }

    /**
     * The filter of a search: the user, the model version, and the {@link KnowledgeFilter}'s
     * conditions. Tags are matched by Weaviate on their words, a superset of the exact match, which
     * Plinth then applies.
     */
    public static Filter scope(UserId userId, String modelVersion, KnowledgeFilter filter) {
        List<Filter> all = new ArrayList<>();
        all.add(Filter.property("userId").eq(userId.toString()));
        all.add(Filter.property("embeddingModelVersion").eq(modelVersion));
        if (!filter.sourceTypes().isEmpty()) {
            all.add(Filter.or(filter.sourceTypes().stream().sorted()
                    .map(t -> (io.weaviate.client6.v1.api.collections.query.FilterOperand) Filter.property("sourceEntityType").eq(t.spelling()))
                    .toList()));
        }
        if (!filter.tags().isEmpty()) {
            all.add(Filter.property("tags").containsAny(filter.tags()));
        }
        if (filter.createdFrom() != null) {
            all.add(Filter.property("createdAt").gte(OffsetDateTime.ofInstant(filter.createdFrom(), ZoneOffset.UTC)));
        }
        if (filter.createdTo() != null) {
            all.add(Filter.property("createdAt").lt(OffsetDateTime.ofInstant(filter.createdTo(), ZoneOffset.UTC)));
        }
        if (filter.minImportance() != null) {
            all.add(Filter.property("importanceScore").gte(filter.minImportance().doubleValue()));
        }
        return Filter.and(List.copyOf(all));
    }

    /** The scope of a search narrowed to items having one of the query's words in title, text or tags. */
    public static Filter keywords(Filter scope, List<String> terms) {
        return Filter.and(scope, Filter.or(
                Filter.property("title").containsAny(terms),
                Filter.property("textContent").containsAny(terms),
                Filter.property("tags").containsAny(terms)));
    }

    /** The filter of every item of a user. */
    public static Filter user(UserId userId) {
        return Filter.property("userId").eq(userId.toString());
    }
}
