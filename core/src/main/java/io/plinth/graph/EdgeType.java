package io.plinth.graph;

/** The relationship types of the knowledge graph, named as in Neo4j. */
public enum EdgeType {
    /** memory unit → concept, weighted. */
    MENTIONS,
    /** concept → concept, weighted, with a provenance. */
    RELATED_TO,
    /** concept → community. */
    MEMBER_OF,
    /** merged concept → the concept it was merged into. */
    MERGED_INTO,
    /** derived artifact → memory unit or concept. */
    DERIVED_FROM
}
