package io.plinth.cli.snippets;

import io.plinth.core.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The Java snippets of Plinth's Markdown docs, found, compiled and run, so that the docs cannot
 * drift from the code. The convention (also in docs/conventions.md, "Snippets in the docs"):
 *
 * <ul>
 *   <li>Every fenced block whose info string is {@code java} is a snippet.
 *   <li>A snippet that declares a class (after its imports, comments and annotations) is a
 *       compilation unit in the default package, compiled as it is; if it holds JUnit tests, they
 *       are run and must pass.
 *   <li>Any other snippet is statements: its {@code import} lines are hoisted and the rest becomes
 *       the body of {@link DocSnippet#run()}, which sees the givens of {@link DocSnippet}
 *       ({@code store}, {@code userId}, {@code workspace}, {@code workspaceId}, {@code project},
 *       {@code requests}, {@code log}). It runs on an in-memory store and on PostgreSQL.
 *   <li>A snippet sees the classes declared by the snippets before it in the same file, and
 *       nothing else of the docs: it names every other type it uses through its own imports.
 *   <li>{@code <!-- snippet: compile-only (why) -->} on the line before a snippet (blank lines
 *       between are allowed) has it compiled but not run, for what cannot run here (a server's
 *       URL). Any other {@code snippet:} mark is an error.
 * </ul>
 */
final class DocSnippets {
    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^\\s`]*).*$");
    private static final Pattern MARK = Pattern.compile("^\\s*<!--\\s*snippet:\\s*(\\S+)(.*?)-->\\s*$");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*(//.*)?$");
    private static final Pattern TYPE = Pattern.compile(
            "^((public|protected|private|abstract|final|static|sealed|non-sealed|strictfp)\\s+)*"
                    + "(class|interface|enum|record|@interface)\\s+(\\w+).*");

    private DocSnippets() {
    }

    /** One fenced {@code java} block of a Markdown file. */
    record Snippet(String file, int line, boolean compileOnly, List<String> code) {
        /** The Markdown line of the snippet's first code line. */
        int firstCodeLine() {
            return line + 1;
        }

        /** Where the snippet is, as {@code file:line} (the line of its opening fence). */
        String where() {
            return file + ":" + line;
        }

        /** The name of the first type the snippet declares, if it declares one. */
        Optional<String> declaredType() {
            for (String raw : code) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("//") || line.startsWith("/*") || line.startsWith("*")
                        || line.startsWith("@") || IMPORT.matcher(raw).matches()) {
                    continue;
                }
                Matcher type = TYPE.matcher(line);
                return type.matches() ? Optional.of(type.group(4)) : Optional.empty();
            }
            return Optional.empty();
        }
    }

    /** The root of the repository: the nearest directory at or above {@code from} with README.md, docs/ and mvnw. */
    static Path repositoryRoot(Path from) {
        for (Path dir = from.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))
                    && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (README.md, docs/, mvnw) at or above " + from.toAbsolutePath());
    }

    /** README.md and every Markdown file under docs/, as paths relative to {@code root}, in order. */
    static List<Path> markdownFiles(Path root) {
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            List<Path> files = new ArrayList<>();
            files.add(Path.of("README.md"));
            docs.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
                    .map(root::relativize)
                    .sorted()
                    .forEach(files::add);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The snippets of the Markdown file {@code file} (relative to {@code root}). */
    static List<Snippet> read(Path root, Path file) {
        try {
            return parse(file.toString().replace('\\', '/'), Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The snippets of a Markdown text. Fenced blocks of other languages are skipped whole.
     *
     * @throws IllegalArgumentException naming the file and line for an unclosed fence or an unknown mark
     */
    static List<Snippet> parse(String file, List<String> lines) {
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int indent = open.group(1).length();
            String fence = open.group(2);
            int close = i + 1;
            while (close < lines.size() && !isClosing(lines.get(close), fence)) {
                close++;
            }
            if (close == lines.size()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": the fence is never closed");
            }
            if (open.group(3).equals("java")) {
                List<String> code = new ArrayList<>();
                for (String line : lines.subList(i + 1, close)) {
                    code.add(dedent(line, indent));
                }
                snippets.add(new Snippet(file, i + 1, compileOnly(file, lines, i), List.copyOf(code)));
            }
            i = close;
        }
        return List.copyOf(snippets);
    }

    private static boolean isClosing(String line, String fence) {
        String stripped = line.strip();
        return line.length() - line.stripLeading().length() <= 3
                && stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fence.charAt(0));
    }

    private static String dedent(String line, int indent) {
        int spaces = 0;
        while (spaces < indent && spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return line.substring(spaces);
    }

    private static boolean compileOnly(String file, List<String> lines, int fence) {
        int before = fence - 1;
        while (before >= 0 && lines.get(before).isBlank()) {
            before--;
        }
        if (before < 0) {
            return false;
        }
        Matcher mark = MARK.matcher(lines.get(before));
        if (!mark.matches()) {
            return false;
        }
        if (!mark.group(1).equals("compile-only")) {
            throw new IllegalArgumentException(file + ":" + (before + 1) + ": unknown snippet mark '" + mark.group(1)
                    + "' (the only one is <!-- snippet: compile-only (why) -->)");
        }
        return true;
    }

    /** A compiled snippet: its classes in {@code classes}, and the class to run or to test. */
    record Compiled(Snippet snippet, Path classes, String className, boolean declaresType) {
    }

    /**
     * Compiles {@code snippet} into {@code out} against the test class path and {@code earlier}
     * (directories of classes that snippets before it declared).
     *
     * @throws AssertionError naming the file, the snippet's line and each error at its Markdown line
     */
    static Compiled compile(Snippet snippet, List<Path> earlier, Path out) {
        Optional<String> type = snippet.declaredType();
        String className = type.orElseGet(() -> "Snippet_" + snippet.file().replaceAll("\\W", "_") + "_" + snippet.line());
        List<String> source = new ArrayList<>();
        List<Integer> markdownLines = new ArrayList<>();
        if (type.isPresent()) {
            for (int i = 0; i < snippet.code().size(); i++) {
                source.add(snippet.code().get(i));
                markdownLines.add(snippet.firstCodeLine() + i);
            }
        } else {
            wrap(snippet, className, source, markdownLines);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: run the tests on a JDK");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            Path file = out.resolve(className + ".java");
            Files.write(file, source, StandardCharsets.UTF_8);
            List<String> options = List.of("--release", "17", "-proc:none", "-encoding", "UTF-8",
                    "-classpath", classPath(earlier), "-d", out.toString());
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
            if (!ok) {
                throw new AssertionError(snippet.where() + ": the snippet does not compile:\n"
                        + errors(snippet, diagnostics.getDiagnostics(), source, markdownLines));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Compiled(snippet, out, className, type.isPresent());
    }

    /** Hoists the imports; the rest becomes the body of {@code run()} in a subclass of {@link DocSnippet}. */
    private static void wrap(Snippet snippet, String className, List<String> source, List<Integer> markdownLines) {
        List<String> code = snippet.code();
        for (int i = 0; i < code.size(); i++) {
            if (IMPORT.matcher(code.get(i)).matches()) {
                source.add(code.get(i));
                markdownLines.add(snippet.firstCodeLine() + i);
            }
        }
        source.add("public final class " + className + " extends " + DocSnippet.class.getName() + " {");
        source.add("    @Override protected void run() throws Exception {");
        markdownLines.add(snippet.line());
        markdownLines.add(snippet.line());
        for (int i = 0; i < code.size(); i++) {
            if (!IMPORT.matcher(code.get(i)).matches()) {
                source.add(code.get(i));
                markdownLines.add(snippet.firstCodeLine() + i);
            }
        }
        source.add("    }");
        source.add("}");
        markdownLines.add(snippet.line() + code.size() + 1);
        markdownLines.add(snippet.line() + code.size() + 1);
    }

    private static String errors(Snippet snippet, List<Diagnostic<? extends JavaFileObject>> diagnostics,
            List<String> source, List<Integer> markdownLines) {
        return diagnostics.stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> {
                    int line = (int) d.getLineNumber();
                    boolean known = line >= 1 && line <= source.size();
                    String where = snippet.file() + ":" + (known ? markdownLines.get(line - 1) : snippet.line());
                    return "  " + where + ": " + d.getMessage(Locale.ROOT).replace("\n", "\n    ")
                            + (known ? "\n      " + source.get(line - 1).strip() : "");
                })
                .collect(Collectors.joining("\n"));
    }

    private static String classPath(List<Path> earlier) {
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.concat(earlier.stream().map(Path::toString), Stream.of(testClassPath))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /**
     * Runs a compiled statement snippet on {@code store}, with fresh givens.
     *
     * @throws AssertionError naming the snippet and the store, caused by what the snippet threw
     */
    static void run(Compiled compiled, List<Path> earlier, Store store, String storeName) {
        try (URLClassLoader loader = loader(compiled, earlier)) {
            DocSnippet snippet;
            try {
                snippet = loader.loadClass(compiled.className()).asSubclass(DocSnippet.class).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(compiled.snippet().where() + ": cannot load the compiled snippet", e);
            }
            try {
                snippet.runOn(store);
            } catch (Exception e) {
                throw new AssertionError(compiled.snippet().where() + ": the snippet threw on the " + storeName
                        + " store: " + e, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the JUnit tests of a compiled class snippet, if it has any.
     *
     * @return how many tests ran
     * @throws AssertionError naming the snippet and every failed test
     */
    static long runTests(Compiled compiled, List<Path> earlier) {
        try (URLClassLoader loader = loader(compiled, earlier)) {
            Class<?> type = loader.loadClass(compiled.className());
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(
                    LauncherDiscoveryRequestBuilder.request().selectors(selectClass(type)).build(), listener);
            TestExecutionSummary summary = listener.getSummary();
            boolean hasTests = Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(Test.class));
            if (hasTests && summary.getTestsFoundCount() == 0) {
                throw new AssertionError(compiled.snippet().where() + ": JUnit found none of the snippet's tests");
            }
            if (!summary.getFailures().isEmpty()) {
                AssertionError failed = new AssertionError(compiled.snippet().where() + ": tests of the snippet failed:\n"
                        + summary.getFailures().stream()
                                .map(f -> "  " + f.getTestIdentifier().getDisplayName() + ": " + f.getException())
                                .collect(Collectors.joining("\n")));
                summary.getFailures().forEach(f -> failed.addSuppressed(f.getException()));
                throw failed;
            }
            return summary.getTestsSucceededCount();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(compiled.snippet().where() + ": cannot load the compiled snippet", e);
        }
    }

    private static URLClassLoader loader(Compiled compiled, List<Path> earlier) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(compiled.classes().toUri().toURL());
            for (Path dir : earlier) {
                urls.add(dir.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return new URLClassLoader(urls.toArray(URL[]::new), DocSnippets.class.getClassLoader());
    }
}
