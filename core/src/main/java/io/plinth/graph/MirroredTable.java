package io.plinth.graph;

import io.plinth.core.InvalidInputException;

/**
 * The PostgreSQL tables whose changes the {@link Outbox} records: the rows a projection (the knowledge
 * graph, a vector index) mirrors. The graph mirrors the first seven; conversation messages and cards
 * (migration V17) feed the vector index only.
 */
public enum MirroredTable {
    USERS("users", "user_id"),
    COMMUNITIES("communities", "community_id"),
    MEMORY_UNITS("memory_units", "muid"),
    CONCEPTS("concepts", "concept_id"),
    DERIVED_ARTIFACTS("derived_artifacts", "artifact_id"),
    CONCEPT_MENTIONS("concept_mentions", "mention_id"),
    CONCEPT_RELATIONS("concept_relations", "relation_id"),
    CONVERSATION_MESSAGES("conversation_messages", "id"),
    CARDS("cards", "card_id");

    private final String tableName;
    private final String idColumn;

    MirroredTable(String tableName, String idColumn) {
        this.tableName = tableName;
        this.idColumn = idColumn;
    }

    /** The table's name in PostgreSQL. */
    public String tableName() {
        return tableName;
    }

    /** The table's primary-key column. */
    public String idColumn() {
        return idColumn;
    }

    /** The table named {@code tableName}; an {@link InvalidInputException} on {@code entity} for another name. */
    public static MirroredTable of(String tableName) {
        for (MirroredTable table : values()) {
            if (table.tableName.equals(tableName)) {
                return table;
            }
        }
        throw new InvalidInputException("entity", "is not a mirrored table");
    }
}
