package io.plinth.graph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/** The schema is seed 004 Part 2's, names included, plus Plinth's own indexes, and applying it again changes nothing. */
class Neo4jSchemaTest {
    private static final Pattern STATEMENT = Pattern.compile(
            "CREATE (CONSTRAINT|INDEX) (\\w+) IF NOT EXISTS FOR (?:\\(n:(\\w+)\\)|\\(\\)-\\[r:(\\w+)\\]-\\(\\)) "
                    + "(?:REQUIRE n\\.(\\w+) IS UNIQUE|ON \\([nr]\\.(\\w+)\\));");

    @Test
    void theSeedStatementsAreSeed004sOwn() throws IOException {
        Path seeds = Path.of("..", "..", "shared", "seeds");
        Assumptions.assumeTrue(Files.isDirectory(seeds), "shared/seeds/ is not beside the repository");
        Path seed;
        try (Stream<Path> files = Files.list(seeds)) {
            seed = files.filter(p -> p.getFileName().toString().startsWith("004_")).findFirst().orElseThrow();
        }
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        int start = text.indexOf("```cypher\n");
        String block = text.substring(start, text.indexOf("```", start + 3));
        List<String> statements = block.lines().filter(l -> l.startsWith("CREATE ")).toList();
        assertEquals(statements, Neo4jSchema.SEED);
    }

    @Test
    void neo4jHoldsEveryConstraintAndIndexUnderItsName() {
        Neo4jGraphStore store = TestGraph.graph();
        Neo4jSchema.apply(store.driver()); // a second time: nothing changes, nothing fails
        Map<String, String> expected = new TreeMap<>();
        for (String statement : Stream.concat(Neo4jSchema.SEED.stream(), Neo4jSchema.PLINTH.stream()).toList()) {
            Matcher m = STATEMENT.matcher(statement);
            assertTrue(m.matches(), statement);
            String entity = m.group(3) != null ? m.group(3) : m.group(4);
            String property = m.group(5) != null ? m.group(5) : m.group(6);
            expected.put(m.group(2), (m.group(1).equals("CONSTRAINT") ? "UNIQUENESS " : "RANGE ") + entity + "." + property);
        }
        Map<String, String> actual = new TreeMap<>();
        try (Session session = store.driver().session()) {
            session.run("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties").forEachRemaining(r -> actual.put(
                    r.get("name").asString(), (r.get("type").asString().contains("UNIQUENESS") ? "UNIQUENESS " : r.get("type").asString() + " ")
                            + r.get("labelsOrTypes").get(0).asString() + "." + r.get("properties").get(0).asString()));
            session.run("SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint, state "
                            + "WHERE owningConstraint IS NULL AND labelsOrTypes IS NOT NULL")
                    .forEachRemaining(r -> {
                        assertEquals("ONLINE", r.get("state").asString(), r.get("name").asString());
                        actual.put(r.get("name").asString(), r.get("type").asString() + " "
                                + r.get("labelsOrTypes").get(0).asString() + "." + r.get("properties").get(0).asString());
                    });
        }
        assertEquals(expected, actual);
    }
}
