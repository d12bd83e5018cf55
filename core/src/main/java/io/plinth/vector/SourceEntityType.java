package io.plinth.vector;

import io.plinth.core.InvalidInputException;

/** The kinds of entity a {@link KnowledgeItem} indexes, spelled as seed 004 writes them. */
public enum SourceEntityType {
    MEMORY_UNIT("MemoryUnit"),
    CONCEPT("Concept"),
    DERIVED_ARTIFACT("DerivedArtifact"),
    CONVERSATION_MESSAGE("ConversationMessage"),
    CARD("Card");

    private final String spelling;

    SourceEntityType(String spelling) {
        this.spelling = spelling;
    }

    /** The seed's spelling, stored in {@code sourceEntityType}: {@code MemoryUnit}, {@code Concept}, … */
    public String spelling() {
        return spelling;
    }

    /** The type spelled {@code spelling}; an unknown spelling is an {@link InvalidInputException} on {@code field}. */
    public static SourceEntityType ofSpelling(String field, String spelling) {
        for (SourceEntityType type : values()) {
            if (type.spelling.equals(spelling)) {
                return type;
            }
        }
        throw new InvalidInputException(field, "must be one of MemoryUnit, Concept, DerivedArtifact, ConversationMessage, Card");
    }
}
