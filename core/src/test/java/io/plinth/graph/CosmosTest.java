package io.plinth.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.plinth.core.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class CosmosTest {
    private static final UUID A = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-7000-8000-00000000000c");
    private static final UUID M = UUID.fromString("00000000-0000-7000-8000-0000000000ff");

    private static GraphSnapshot small() {
        return GraphSnapshot.of(List.of(
                        new GraphSnapshot.Node(NodeType.Concept, A, "Rain"),
                        new GraphSnapshot.Node(NodeType.Concept, B, "Umbrella <&\"'>"),
                        new GraphSnapshot.Node(NodeType.Community, C, "Weather"),
                        new GraphSnapshot.Node(NodeType.MemoryUnit, M, "Day \u0001 one")),
                List.of(new GraphSnapshot.Edge(EdgeType.RELATED_TO, A, B, 0.5),
                        new GraphSnapshot.Edge(EdgeType.MEMBER_OF, A, C, 1),
                        new GraphSnapshot.Edge(EdgeType.MENTIONS, M, A, 0.75)));
    }

    private static GraphSnapshot larger(int n) {
        List<GraphSnapshot.Node> nodes = new ArrayList<>();
        List<GraphSnapshot.Edge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = new UUID(0x0000000000007000L, 0x8000000000000000L | i);
            nodes.add(new GraphSnapshot.Node(NodeType.Concept, id, "c" + i));
            if (i > 0) {
                edges.add(new GraphSnapshot.Edge(EdgeType.RELATED_TO, nodes.get(i / 2).id(), id, 1.0 / (1 + i % 4)));
            }
        }
        return GraphSnapshot.of(nodes, edges);
    }

    @Test
    void theSameSnapshotGivesTheSameLayout() {
        assertEquals(Cosmos.layout(larger(200)), Cosmos.layout(larger(200)));
        assertEquals(Cosmos.toJson(Cosmos.layout(small())).toString(), Cosmos.toJson(Cosmos.layout(small())).toString());
    }

    /** Pinned coordinates: a change of the algorithm, or a JVM computing otherwise, fails here. */
    @Test
    void theLayoutIsPinned() {
        Cosmos.Layout layout = Cosmos.layout(small());
        assertEquals(PINNED, layout.nodes().stream().map(s -> s.x() + "," + s.y() + "," + s.z()).toList().toString());
    }

    private static final String PINNED = "[13.1397,-100.0,-70.052, -79.1312,25.3443,-74.4959, -13.1397,100.0,70.0519, 79.1313,-25.3443,74.496]";

    @Test
    void coordinatesAreCentredScaledAndRoundedToFourDecimals() {
        Cosmos.Layout layout = Cosmos.layout(larger(50));
        double max = 0;
        for (Cosmos.Star s : layout.nodes()) {
            for (double v : new double[] {s.x(), s.y(), s.z()}) {
                assertEquals(v, Math.round(v * 10_000) / 10_000.0);
                max = Math.max(max, Math.abs(v));
            }
        }
        assertTrue(max <= 100.0001 && max > 99, "scaled into [-100, 100]: " + max);
        long distinct = layout.nodes().stream().map(s -> s.x() + "," + s.y() + "," + s.z()).distinct().count();
        assertEquals(50, distinct, "no two nodes at one point");
    }

    @Test
    void largeGraphsRunFewerRounds() {
        assertEquals(Cosmos.ITERATIONS, Cosmos.rounds(0));
        assertEquals(Cosmos.ITERATIONS, Cosmos.rounds(1800));
        assertEquals(8, Cosmos.rounds(5000));
        assertEquals(2, Cosmos.rounds(20_000));
    }

    @Test
    void anEmptyGraphHasAnEmptyCosmos() {
        Cosmos.Layout layout = Cosmos.layout(new GraphSnapshot(List.of(), List.of()));
        assertEquals(List.of(), layout.nodes());
        assertTrue(Cosmos.svg(layout).contains("<svg"));
    }

    @Test
    void theJsonHasTheDocumentedShapeAndReadsBack() {
        Cosmos.Layout layout = Cosmos.layout(small());
        Json json = Cosmos.toJson(layout);
        JsonNode tree = json.tree();
        assertEquals("force-3d", tree.get("layout").asText());
        assertEquals(4, tree.get("nodes").size());
        JsonNode node = tree.get("nodes").get(0);
        assertEquals(List.of("id", "label", "type", "x", "y", "z"), fields(node));
        assertEquals("MemoryUnit", node.get("type").asText());
        assertEquals(M.toString(), node.get("id").asText());
        JsonNode edge = tree.get("edges").get(0);
        assertEquals(List.of("from", "to", "type", "weight"), fields(edge));
        assertEquals("MENTIONS", edge.get("type").asText());
        assertEquals(layout, Cosmos.fromJson(json));
        assertEquals(layout, Cosmos.fromJson(Json.parse(json.toString())));
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    @Test
    void theSvgIsWellFormedAndItsLabelsEscaped() throws Exception {
        String svg = Cosmos.svg(Cosmos.layout(small()));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            labels.add(texts.item(i).getTextContent());
        }
        assertEquals(List.of("Day \uFFFD one", "Rain", "Umbrella <&\"'>", "Weather"), labels);
        assertEquals(4, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength());
        assertEquals(3, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line").getLength());
        assertTrue(svg.contains("Umbrella &lt;&amp;&quot;&apos;&gt;"));
    }

    @Test
    void nodesAreColouredByType() {
        String svg = Cosmos.svg(Cosmos.layout(small()));
        assertTrue(svg.contains("#f28e2b") && svg.contains("#e15759") && svg.contains("#4e79a7"));
        assertNotEquals(-1, svg.indexOf("<title>Concept</title>"));
    }
}
