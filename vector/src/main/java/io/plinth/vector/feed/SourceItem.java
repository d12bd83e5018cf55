package io.plinth.vector.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plinth.core.Check;
import io.plinth.graph.MirroredRow;
import io.plinth.graph.MirroredTable;
import io.plinth.tenancy.UserId;
import io.plinth.vector.Embedder;
import io.plinth.vector.KnowledgeItem;
import io.plinth.vector.SourceEntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What one PostgreSQL row is in the index, before it is embedded: the one mapping that the
 * {@link VectorProjector} (which writes items) and the {@link VectorVerifier} (which expects them) share.
 *
 * <table>
 *   <caption>Rows and their items</caption>
 *   <tr><th>row</th><th>title</th><th>textContent</th><th>createdAt</th><th>importanceScore</th><th>tags</th></tr>
 *   <tr><td>memory_units</td><td>title</td><td>content (the title when blank)</td><td>creation_ts</td><td>importance_score</td><td>none</td></tr>
 *   <tr><td>concepts</td><td>name</td><td>"name: description" (the name alone without a description)</td><td>created_at</td><td>salience</td><td>type</td></tr>
 *   <tr><td>derived_artifacts</td><td>title</td><td>content_narrative (the title when absent)</td><td>created_at</td><td>0</td><td>artifact_type</td></tr>
 *   <tr><td>conversation_messages</td><td>none</td><td>content</td><td>timestamp</td><td>0</td><td>role</td></tr>
 *   <tr><td>cards</td><td>display_data's "title"</td><td>display_data's other top-level texts, one a line (the title when none)</td><td>created_at</td><td>0</td><td>card_type, source_entity_type</td></tr>
 * </table>
 *
 * A row with no text (a blank message, a card whose display_data holds no text) has no item. A missing or
 * non-finite score is 0; blank titles and tags are left out; texts, titles and tags longer than
 * {@link KnowledgeItem}'s limits are cut to them. The vector is the embedding of {@link #embeddedText()}: the
 * title and the text, one a line. Other tables' rows (users, communities, mentions, relations) have no item.
 *
 * @param userId    the row's user
 * @param type      the row's source type
 * @param sourceId  the row's primary key
 * @param title     the item's title, or null
 * @param text      the item's text
 * @param createdAt the item's creation time
 * @param importance the item's importance score
 * @param tags      the item's tags
 */
public record SourceItem(UserId userId, SourceEntityType type, UUID sourceId, String title, String text,
                         Instant createdAt, double importance, List<String> tags) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public SourceItem {
        Check.required("userId", userId);
        Check.required("type", type);
        Check.required("sourceId", sourceId);
        Check.required("text", text);
        createdAt = Check.instant("createdAt", Check.required("createdAt", createdAt));
        tags = List.copyOf(tags);
    }

    /** The source type of a table's rows; empty for a table whose rows have no item. */
    public static Optional<SourceEntityType> typeOf(MirroredTable table) {
        return switch (table) {
            case MEMORY_UNITS -> Optional.of(SourceEntityType.MEMORY_UNIT);
            case CONCEPTS -> Optional.of(SourceEntityType.CONCEPT);
            case DERIVED_ARTIFACTS -> Optional.of(SourceEntityType.DERIVED_ARTIFACT);
            case CONVERSATION_MESSAGES -> Optional.of(SourceEntityType.CONVERSATION_MESSAGE);
            case CARDS -> Optional.of(SourceEntityType.CARD);
            case USERS, COMMUNITIES, CONCEPT_MENTIONS, CONCEPT_RELATIONS -> Optional.empty();
        };
    }

    /** The item a row gives, or empty when it gives none (another table, or no text). */
    public static Optional<SourceItem> of(MirroredRow row) {
        Check.required("row", row);
        Optional<SourceEntityType> type = typeOf(row.table());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String title;
        String text;
        Instant createdAt;
        double importance = 0;
        List<String> tags = new ArrayList<>();
        switch (row.table()) {
            case MEMORY_UNITS -> {
                title = row.text("title");
                text = orElse(row.text("content"), title);
                createdAt = row.instant("creation_ts");
                importance = score(row.number("importance_score"));
            }
            case CONCEPTS -> {
                title = row.text("name");
                String description = row.text("description");
                text = blank(description) ? title : title + ": " + description;
                createdAt = row.instant("created_at");
                importance = score(row.number("salience"));
                tags.add(row.text("type"));
            }
            case DERIVED_ARTIFACTS -> {
                title = row.text("title");
                text = orElse(row.text("content_narrative"), title);
                createdAt = row.instant("created_at");
                tags.add(row.text("artifact_type"));
            }
            case CONVERSATION_MESSAGES -> {
                title = null;
                text = row.text("content");
                createdAt = row.instant("timestamp");
                tags.add(row.text("role"));
            }
            case CARDS -> {
                CardText card = cardText(row.text("display_data"));
                title = card.title;
                text = orElse(card.text, title);
                createdAt = row.instant("created_at");
                tags.add(row.text("card_type"));
                tags.add(row.text("source_entity_type"));
            }
            default -> throw new IllegalStateException("no item for " + row.table());
        }
        title = blank(title) ? null : cut(title, KnowledgeItem.MAX_TITLE);
        text = blank(text) ? null : cut(text, KnowledgeItem.MAX_TEXT);
        if (blank(text)) {
            return Optional.empty();
        }
        List<String> kept = new ArrayList<>();
        for (String tag : tags) {
            if (!blank(tag) && kept.size() < KnowledgeItem.MAX_TAGS) {
                kept.add(cut(tag, KnowledgeItem.MAX_TAG));
            }
        }
        return Optional.of(new SourceItem(new UserId(row.userId()), type.get(), row.id(),
                blank(title) ? null : title, text,
                createdAt, importance, kept.stream().distinct().toList()));
    }

    /** What is embedded: the title and the text, one a line (the text alone without a title), at most {@link KnowledgeItem#MAX_TEXT} characters. */
    public String embeddedText() {
        return title == null ? text : cut(title + "\n" + text, KnowledgeItem.MAX_TEXT);
    }

    /** The item with this vector, made by the model {@code embeddingModelVersion}. */
    public KnowledgeItem item(String embeddingModelVersion, float[] vector) {
        return KnowledgeItem.of(userId, type, sourceId, text, title, embeddingModelVersion, createdAt, importance, tags, vector);
    }

    /** The item, embedded by {@code embedder}. */
    public KnowledgeItem embed(Embedder embedder) {
        return item(embedder.modelVersion(), embedder.embed(embeddedText()));
    }

    /**
     * The fields in which {@code item} differs from what this row gives with {@code modelVersion}'s
     * embeddings (the vector itself is not compared: it follows from the text and the model); empty when none.
     */
    public List<String> differences(KnowledgeItem item, String modelVersion) {
        List<String> fields = new ArrayList<>();
        compare(fields, "userId", userId, item.userId());
        compare(fields, "title", title, item.title());
        compare(fields, "textContent", text, item.textContent());
        compare(fields, "embeddingModelVersion", modelVersion, item.embeddingModelVersion());
        compare(fields, "createdAt", createdAt, item.createdAt());
        compare(fields, "importanceScore", importance, item.importanceScore());
        compare(fields, "tags", tags, item.tags());
        return fields;
    }

    private static void compare(List<String> fields, String name, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            fields.add(name);
        }
    }

    private record CardText(String title, String text) {
    }

    /** A card's title and text from its display_data: "title", and the other top-level texts, one a line. */
    private static CardText cardText(String displayData) {
        if (displayData == null) {
            return new CardText(null, null);
        }
        JsonNode node;
        try {
            node = JSON.readTree(displayData);
        } catch (JsonProcessingException e) {
            return new CardText(null, null); // PostgreSQL's jsonb is always valid JSON; nothing to index otherwise
        }
        if (!node.isObject()) {
            return new CardText(null, node.isTextual() ? node.asText() : null);
        }
        String title = node.path("title").isTextual() ? node.get("title").asText() : null;
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getKey().equals("title") && field.getValue().isTextual() && !blank(field.getValue().asText())) {
                text.append(text.length() == 0 ? "" : "\n").append(field.getValue().asText());
            }
        }
        return new CardText(title, text.length() == 0 ? null : text.toString());
    }

    private static String orElse(String text, String fallback) {
        return blank(text) ? fallback : text;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static double score(Double score) {
        return score == null || score.isNaN() || score.isInfinite() ? 0 : score;
    }

    /** {@code text} cut to at most {@code max} characters, never inside a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
