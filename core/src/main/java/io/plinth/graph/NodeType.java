package io.plinth.graph;

/** The node labels of the knowledge graph, named as in seed 004's Neo4j schema. */
public enum NodeType {
    User, MemoryUnit, Concept, DerivedArtifact, Community
}
