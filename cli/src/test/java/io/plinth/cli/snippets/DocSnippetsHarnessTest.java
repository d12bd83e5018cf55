package io.plinth.cli.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.Store;
import io.plinth.testkit.InMemoryStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DocSnippets} itself: what it takes for a snippet, and that a broken snippet fails saying where and why. */
class DocSnippetsHarnessTest {
    @TempDir
    Path out;

    @Test
    void findsJavaBlocksOnlyDedentsThemAndReadsTheCompileOnlyMark() {
        List<DocSnippets.Snippet> snippets = DocSnippets.parse("doc.md", List.of(
                "# Title",                                         // 1
                "````md",                                          // 2
                "```java",                                         // 3
                "not a snippet: inside another fence",             // 4
                "```",                                             // 5
                "````",                                            // 6
                "- a list item:",                                  // 7
                "  ```java",                                       // 8
                "  int a = 1;",                                    // 9
                "  ```",                                           // 10
                "<!-- snippet: compile-only (needs a server) -->", // 11
                "",                                                // 12
                "```java",                                         // 13
                "int b = 2;",                                      // 14
                "```",                                             // 15
                "```sh",                                           // 16
                "echo",                                            // 17
                "```"));                                           // 18

        assertEquals(2, snippets.size());
        assertEquals(8, snippets.get(0).line());
        assertEquals(List.of("int a = 1;"), snippets.get(0).code());
        assertFalse(snippets.get(0).compileOnly());
        assertEquals(13, snippets.get(1).line());
        assertTrue(snippets.get(1).compileOnly());
    }

    @Test
    void anUnknownMarkAndAnUnclosedFenceAreRefusedNamingTheLine() {
        IllegalArgumentException mark = assertThrows(IllegalArgumentException.class, () -> DocSnippets.parse("doc.md",
                List.of("<!-- snippet: skip -->", "```java", "int a = 1;", "```")));
        assertTrue(mark.getMessage().startsWith("doc.md:1: unknown snippet mark 'skip'"), mark.getMessage());

        IllegalArgumentException fence = assertThrows(IllegalArgumentException.class, () -> DocSnippets.parse("doc.md",
                List.of("text", "```java", "int a = 1;")));
        assertTrue(fence.getMessage().startsWith("doc.md:2: the fence is never closed"), fence.getMessage());
    }

    @Test
    void aSnippetThatDoesNotCompileFailsNamingTheFileItsLineAndTheCompilersError() {
        DocSnippets.Snippet snippet = DocSnippets.parse("docs/doc.md", List.of(
                "Some text.",            // 1
                "",                      // 2
                "```java",               // 3
                "import java.util.List;",// 4
                "",                      // 5
                "int count = \"three\";",// 6
                "```")).get(0);

        AssertionError error = assertThrows(AssertionError.class, () -> DocSnippets.compile(snippet, List.of(), out));

        assertTrue(error.getMessage().startsWith("docs/doc.md:3: the snippet does not compile:"), error.getMessage());
        assertTrue(error.getMessage().contains("docs/doc.md:6: incompatible types: java.lang.String cannot be converted to int"),
                error.getMessage());
        assertTrue(error.getMessage().contains("int count = \"three\";"), error.getMessage());
    }

    @Test
    void aStatementSnippetSeesTheGivensAndTheClassesDeclaredBeforeItInItsFile() throws Exception {
        List<DocSnippets.Snippet> snippets = DocSnippets.parse("doc.md", List.of(
                "```java",
                "import io.plinth.tenancy.Workspace;",
                "",
                "/** A service. */",
                "public final class Names {",
                "    public static String of(Workspace workspace) { return workspace.name(); }",
                "}",
                "```",
                "```java",
                "import io.plinth.tenancy.Project;",
                "",
                "Project read = store.projects().get(workspaceId, project.id());",
                "if (!Names.of(workspace).equals(\"Obsidian Forge\") || !read.equals(project) || requests.size() != 2) {",
                "    throw new IllegalStateException(\"wrong givens\");",
                "}",
                "log.info(\"{} of {}\", read.name(), userId);",
                "```"));
        DocSnippets.Compiled names = DocSnippets.compile(snippets.get(0), List.of(), out.resolve("names"));
        assertTrue(names.declaresType());
        DocSnippets.Compiled statements = DocSnippets.compile(snippets.get(1), List.of(names.classes()), out.resolve("statements"));
        assertFalse(statements.declaresType());

        try (Store store = InMemoryStore.create()) {
            DocSnippets.run(statements, List.of(names.classes()), store, "in-memory");
        }
    }

    @Test
    void aSnippetThatThrowsFailsNamingTheFileTheLineAndTheStore() throws Exception {
        DocSnippets.Snippet snippet = DocSnippets.parse("doc.md", List.of(
                "```java",
                "store.users().get(io.plinth.tenancy.UserId.generate());",
                "```")).get(0);
        DocSnippets.Compiled compiled = DocSnippets.compile(snippet, List.of(), out);

        try (Store store = InMemoryStore.create()) {
            AssertionError error = assertThrows(AssertionError.class, () -> DocSnippets.run(compiled, List.of(), store, "in-memory"));
            assertTrue(error.getMessage().startsWith("doc.md:1: the snippet threw on the in-memory store: "
                    + "io.plinth.core.NotFoundException"), error.getMessage());
        }
    }

    @Test
    void theTestsOfAClassSnippetRunAndAFailingOneFailsTheSnippet() {
        DocSnippets.Snippet snippet = DocSnippets.parse("doc.md", List.of(
                "```java",
                "import static org.junit.jupiter.api.Assertions.assertEquals;",
                "",
                "import io.plinth.core.Store;",
                "import io.plinth.testkit.PlinthExtension;",
                "import org.junit.jupiter.api.Test;",
                "import org.junit.jupiter.api.extension.ExtendWith;",
                "",
                "@ExtendWith(PlinthExtension.class)",
                "class StoreTest {",
                "    @Test",
                "    void anEmptyStoreHasNoWorkspaces(Store store) {",
                "        assertEquals(0, store.workspaces().list(io.plinth.core.PageRequest.first()).items().size());",
                "    }",
                "",
                "    @Test",
                "    void aWrongClaim(Store store) {",
                "        assertEquals(1, store.workspaces().list(io.plinth.core.PageRequest.first()).items().size());",
                "    }",
                "}",
                "```")).get(0);
        DocSnippets.Compiled compiled = DocSnippets.compile(snippet, List.of(), out);

        AssertionError error = assertThrows(AssertionError.class, () -> DocSnippets.runTests(compiled, List.of()));

        assertTrue(error.getMessage().startsWith("doc.md:1: tests of the snippet failed:"), error.getMessage());
        assertTrue(error.getMessage().contains("aWrongClaim"), error.getMessage());
        assertFalse(error.getMessage().contains("anEmptyStoreHasNoWorkspaces"), error.getMessage());
    }
}
