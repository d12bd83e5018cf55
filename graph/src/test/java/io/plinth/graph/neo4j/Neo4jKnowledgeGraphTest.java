package io.plinth.graph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plinth.core.InvalidInputException;
import io.plinth.core.NotFoundException;
import io.plinth.graph.ArtifactSources;
import io.plinth.graph.ConceptPath;
import io.plinth.graph.EdgeType;
import io.plinth.graph.GraphSnapshot;
import io.plinth.graph.KnowledgeGraph;
import io.plinth.graph.Mentioned;
import io.plinth.graph.Neighbour;
import io.plinth.graph.NodeType;
import io.plinth.memory.ArtifactType;
import io.plinth.memory.Community;
import io.plinth.memory.Concept;
import io.plinth.memory.ConceptId;
import io.plinth.memory.DerivedArtifact;
import io.plinth.memory.MemoryUnit;
import io.plinth.memory.NewCommunity;
import io.plinth.memory.NewConcept;
import io.plinth.memory.NewConceptRelation;
import io.plinth.memory.NewDerivedArtifact;
import io.plinth.memory.NewMemoryUnit;
import io.plinth.memory.NewMention;
import io.plinth.postgres.PostgresStore;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The knowledge graph's answers from Neo4j, on data written through a PostgresStore and projected, held
 * against the semantics of {@link KnowledgeGraph}'s Javadoc.
 *
 * <pre>
 *   a —0.5→ b ←0.5— c      a —0.2→ c —0.9→ d      a —0.8→ e —0.6→ d      f (alone)
 * </pre>
 */
class Neo4jKnowledgeGraphTest {
    private static PostgresStore pg;
    private static KnowledgeGraph graph;
    private static UserId user;
    private static UserId other;
    private static ConceptId a, b, c, d, e, f, othersConcept;
    private static Community community;
    private static MemoryUnit unit;
    private static DerivedArtifact artifact;

    @BeforeAll
    static void project() {
        TestGraph.reset();
        pg = TestGraph.postgres();
        user = pg.users().create(NewUser.of("ada@example.com", "Ada")).id();
        other = ProjectorTest.sample(pg, "bob");
        othersConcept = ProjectorTest.concept(pg, other, "sea").id();
        community = pg.communities().create(new NewCommunity(user, "Letters", null));
        a = concept("a", community);
        b = concept("b", null);
        c = concept("c", community);
        d = concept("d", null);
        e = concept("e", community);
        f = concept("f", null);
        relate(a, b, 0.5);
        relate(c, b, 0.5);
        relate(a, c, 0.2);
        relate(c, d, 0.9);
        relate(a, e, 0.8);
        relate(e, d, 0.6);
        unit = pg.memoryUnits().create(new NewMemoryUnit(user, "Alphabet", "abc", Instant.parse("2026-02-01T00:00:00Z"), null, null, null));
        pg.mentions().create(new NewMention(user, unit.id(), b, 0.3));
        pg.mentions().create(new NewMention(user, unit.id(), a, 0.3));
        pg.mentions().create(new NewMention(user, unit.id(), d, 0.7));
        artifact = pg.artifacts().create(new NewDerivedArtifact(user, ArtifactType.TROPHY, "Reader", null, null, unit.id(), null));
        TestGraph.graph().projector(pg.outbox()).runUntilCaughtUp();
        graph = TestGraph.graph().knowledgeGraph();
    }

    @Test
    void theNeighbourhoodRanksByTheBestPathProductThenDistanceThenId() {
        assertEquals(List.of(new Neighbour(e, 0.8, 1), new Neighbour(b, 0.5, 1), new Neighbour(c, 0.2, 1)),
                graph.neighbourhood(user, a, 1, 10));
        // c: 0.2 directly, 0.5 × 0.5 through b (either direction); d: 0.8 × 0.6 through e beats 0.2 × 0.9
        assertEquals(List.of(new Neighbour(e, 0.8, 1), new Neighbour(b, 0.5, 1), new Neighbour(d, 1.0 * 0.8 * 0.6, 2),
                new Neighbour(c, 1.0 * 0.5 * 0.5, 1)), graph.neighbourhood(user, a, 2, 10));
        assertEquals(List.of(new Neighbour(e, 0.8, 1), new Neighbour(b, 0.5, 1)), graph.neighbourhood(user, a, 3, 2));
        assertEquals(List.of(), graph.neighbourhood(user, f, 3, 10));
    }

    @Test
    void tiesInTheNeighbourhoodGoByIdText() {
        // from b: a and c both at 0.5, distance 1
        List<Neighbour> found = graph.neighbourhood(user, b, 1, 10);
        List<ConceptId> expected = new ArrayList<>(List.of(a, c));
        expected.sort(Comparator.comparing(ConceptId::toString));
        assertEquals(expected, found.stream().map(Neighbour::conceptId).toList());
    }

    @Test
    void theShortestPathIsTheFewestEdgesThenTheFirstIdList() {
        // a–c–d and a–e–d both have two edges: the one whose id list is first wins
        List<ConceptId> viaC = List.of(a, c, d);
        List<ConceptId> viaE = List.of(a, e, d);
        boolean cFirst = c.toString().compareTo(e.toString()) < 0;
        ConceptPath expected = cFirst ? new ConceptPath(viaC, 1.0 * 0.2 * 0.9) : new ConceptPath(viaE, 1.0 * 0.8 * 0.6);
        assertEquals(Optional.of(expected), graph.shortestPath(user, a, d));
        // followed against the edges' direction, multiplied from the start
        assertEquals(Optional.of(new ConceptPath(List.of(b, a), 0.5)), graph.shortestPath(user, b, a));
        assertEquals(Optional.of(new ConceptPath(List.of(f), 1.0)), graph.shortestPath(user, f, f));
        assertEquals(Optional.empty(), graph.shortestPath(user, a, f));
    }

    @Test
    void communitiesMentionsArtifactsAndMerges() {
        List<ConceptId> members = new ArrayList<>(List.of(a, c, e));
        members.sort(Comparator.comparing(ConceptId::toString));
        assertEquals(members, graph.communityMembers(user, community.id()));
        List<Mentioned> tied = new ArrayList<>(List.of(new Mentioned(a, 0.3), new Mentioned(b, 0.3)));
        tied.sort(Comparator.comparing(m -> m.conceptId().toString()));
        tied.add(0, new Mentioned(d, 0.7));
        assertEquals(tied, graph.mentionedConcepts(user, unit.id()));
        assertEquals(new ArtifactSources(Optional.of(unit.id()), Optional.empty()), graph.derivedFrom(user, artifact.id()));
        assertEquals(a, graph.resolve(user, a));
    }

    @Test
    void aMergeChainResolvesToItsLiveEnd() {
        UserId u = pg.users().create(NewUser.of("merge@example.com", "M")).id();
        Concept x = pg.concepts().create(new NewConcept(u, "x", "t", null, null, null));
        Concept y = pg.concepts().create(new NewConcept(u, "y", "t", null, null, null));
        Concept z = pg.concepts().create(new NewConcept(u, "z", "t", null, null, null));
        pg.concepts().merge(u, x.id(), y.id());
        pg.concepts().merge(u, y.id(), z.id());
        TestGraph.graph().projector(pg.outbox()).runUntilCaughtUp();
        assertEquals(z.id(), graph.resolve(u, x.id()));
        assertEquals(z.id(), graph.resolve(u, y.id()));
        assertEquals(z.id(), graph.resolve(u, z.id()));
    }

    @Test
    void theSubgraphListsNodesByTypeThenIdAndEdgesByTypeFromTo() {
        GraphSnapshot snapshot = graph.subgraph(user);
        List<GraphSnapshot.Node> nodes = snapshot.nodes();
        assertEquals(new GraphSnapshot.Node(NodeType.MemoryUnit, unit.id().value(), "Alphabet"), nodes.get(0));
        assertEquals(List.of(NodeType.MemoryUnit, NodeType.Concept, NodeType.DerivedArtifact, NodeType.Community),
                nodes.stream().map(GraphSnapshot.Node::type).distinct().toList());
        assertEquals(1 + 6 + 1 + 1, nodes.size());
        List<String> conceptIds = nodes.stream().filter(n -> n.type() == NodeType.Concept).map(n -> n.id().toString()).toList();
        assertEquals(conceptIds.stream().sorted().toList(), conceptIds);
        List<GraphSnapshot.Edge> edges = snapshot.edges();
        assertEquals(edges.stream().sorted(Comparator.comparing(GraphSnapshot.Edge::type)
                .thenComparing(x -> x.from().toString()).thenComparing(x -> x.to().toString())).toList(), edges);
        assertEquals("MENTIONS=3, RELATED_TO=6, MEMBER_OF=3, DERIVED_FROM=1", List.of(EdgeType.values()).stream()
                .map(t -> t + "=" + edges.stream().filter(x -> x.type() == t).count()).filter(s -> !s.endsWith("=0"))
                .collect(Collectors.joining(", ")));
        assertEquals(new GraphSnapshot(List.of(), List.of()), graph.subgraph(new UserId(java.util.UUID.randomUUID())));
    }

    @Test
    void anotherUsersNodeIsNotFound() {
        assertEquals("concept", assertThrows(NotFoundException.class, () -> graph.neighbourhood(user, othersConcept, 1, 10)).entity());
        assertThrows(NotFoundException.class, () -> graph.shortestPath(user, a, othersConcept));
        assertThrows(NotFoundException.class, () -> graph.resolve(other, a));
        assertThrows(NotFoundException.class, () -> graph.communityMembers(other, community.id()));
        assertThrows(NotFoundException.class, () -> graph.mentionedConcepts(other, unit.id()));
        assertThrows(NotFoundException.class, () -> graph.derivedFrom(other, artifact.id()));
    }

    @Test
    void outOfRangeArgumentsAreRefusedNamingTheField() {
        assertEquals("depth", assertThrows(InvalidInputException.class, () -> graph.neighbourhood(user, a, 4, 10)).field());
        assertEquals("depth", assertThrows(InvalidInputException.class, () -> graph.neighbourhood(user, a, 0, 10)).field());
        assertEquals("limit", assertThrows(InvalidInputException.class, () -> graph.neighbourhood(user, a, 1, 1001)).field());
    }

    private static ConceptId concept(String name, Community in) {
        return pg.concepts().create(new NewConcept(user, name, "letter", null, null, in == null ? null : in.id())).id();
    }

    private static void relate(ConceptId from, ConceptId to, double weight) {
        pg.conceptRelations().create(new NewConceptRelation(user, from, to, weight, "test"));
    }
}
