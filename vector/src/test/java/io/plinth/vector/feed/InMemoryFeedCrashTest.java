package io.plinth.vector.feed;

import io.plinth.testkit.vector.InMemorySemanticIndex;
import io.plinth.vector.SemanticIndex;

/** The crash test on the in-memory index. */
class InMemoryFeedCrashTest extends FeedCrashContract {
    @Override
    protected SemanticIndex emptyIndex() {
        return new InMemorySemanticIndex();
    }
}
