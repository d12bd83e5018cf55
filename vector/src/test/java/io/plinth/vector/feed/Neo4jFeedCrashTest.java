package io.plinth.vector.feed;

import io.plinth.vector.SemanticIndex;
import io.plinth.vector.neo4j.Neo4jSemanticIndex;
import io.plinth.vector.neo4j.SharedNeo4j;

/** The crash test on Neo4j's vector index, in the in-process harness. */
class Neo4jFeedCrashTest extends FeedCrashContract {
    @Override
    protected SemanticIndex emptyIndex() {
        SharedNeo4j.clear();
        return Neo4jSemanticIndex.builder(SharedNeo4j.driver()).build();
    }

    /** Fewer writes than in memory: each of the index's writes is a Neo4j transaction. */
    @Override
    protected int writes() {
        return 50;
    }
}
