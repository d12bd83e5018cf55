package io.plinth.postgres.snippets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.plinth.core.Store;
import io.plinth.postgres.TestDatabase;
import io.plinth.testkit.InMemoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet of README.md and docs/ compiles and runs, as {@link DocSnippets} describes:
 * statements on an in-memory store and on PostgreSQL, a class's JUnit tests through JUnit. One
 * dynamic test per snippet, named after its file and line.
 */
class DocSnippetsTest {
    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicNode> everySnippetOfTheDocsCompilesAndRuns() {
        Path root = DocSnippets.repositoryRoot(Path.of(""));
        List<DocSnippets.Snippet> readme = DocSnippets.read(root, Path.of("README.md"));
        assertFalse(readme.isEmpty(), "README.md has no java snippet: is the root right? " + root);
        return DocSnippets.markdownFiles(root).stream()
                .map(file -> dynamicContainer(file.toString(), snippets(root, file)));
    }

    private Stream<DynamicNode> snippets(Path root, Path file) {
        List<Path> earlier = new ArrayList<>();   // classes declared by the file's snippets so far, in order
        return DocSnippets.read(root, file).stream().map(snippet -> dynamicTest(snippet.where(), () -> {
            Path classes = out.resolve(snippet.where().replaceAll("\\W", "_"));
            DocSnippets.Compiled compiled = DocSnippets.compile(snippet, List.copyOf(earlier), classes);
            if (compiled.declaresType()) {
                earlier.add(classes);
            }
            if (snippet.compileOnly()) {
                return;
            }
            if (compiled.declaresType()) {
                DocSnippets.runTests(compiled, earlier);
            } else {
                try (Store store = InMemoryStore.create()) {
                    DocSnippets.run(compiled, earlier, store, "in-memory");
                }
                try (Store store = TestDatabase.emptyStore(Clock.systemUTC())) {
                    DocSnippets.run(compiled, earlier, store, "PostgreSQL");
                }
            }
        }));
    }
}
