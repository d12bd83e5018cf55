package io.plinth.cli.snippets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.plinth.core.Store;
import io.plinth.postgres.EmbeddedDatabase;
import io.plinth.postgres.PostgresStore;
import io.plinth.testkit.InMemoryStore;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
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
    /** The server: {@code PLINTH_TEST_JDBC_URL}, else an embedded PostgreSQL for this class. */
    private static EmbeddedDatabase embedded;
    private static String jdbcUrl;
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    @TempDir
    Path out;

    /** A store on a schema of its own, migrated: every run of a snippet starts from an empty Plinth. */
    private static synchronized Store emptyPostgresStore() {
        if (jdbcUrl == null) {
            String given = System.getenv("PLINTH_TEST_JDBC_URL");
            if (given != null && !given.isBlank()) {
                jdbcUrl = given;
            } else {
                embedded = EmbeddedDatabase.start();
                jdbcUrl = embedded.jdbcUrl();
            }
        }
        return PostgresStore.builder().jdbcUrl(jdbcUrl).schema("snippet_" + SCHEMAS.incrementAndGet()).build();
    }

    @AfterAll
    static void stopServer() {
        if (embedded != null) {
            embedded.close();
        }
    }

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
                try (Store store = emptyPostgresStore()) {
                    DocSnippets.run(compiled, earlier, store, "PostgreSQL");
                }
            }
        }));
    }
}
