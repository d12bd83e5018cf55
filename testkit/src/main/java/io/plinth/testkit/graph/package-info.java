/** The in-memory knowledge graph: the reference answers of {@link io.plinth.graph.KnowledgeGraph}. Internal to the test kit. */
package io.plinth.testkit.graph;
