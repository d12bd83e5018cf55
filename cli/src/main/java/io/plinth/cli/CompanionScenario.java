package io.plinth.cli;

import io.plinth.core.PageRequest;
import io.plinth.core.Pages;
import io.plinth.core.Store;
import io.plinth.core.table.Schema;
import io.plinth.core.table.Table;
import io.plinth.memory.ArtifactType;
import io.plinth.memory.Card;
import io.plinth.memory.CardSourceType;
import io.plinth.memory.Concept;
import io.plinth.memory.Conversation;
import io.plinth.memory.ConversationStatus;
import io.plinth.memory.DerivedArtifact;
import io.plinth.memory.MemoryUnit;
import io.plinth.memory.MessageRole;
import io.plinth.memory.NewCard;
import io.plinth.memory.NewConcept;
import io.plinth.memory.NewConceptRelation;
import io.plinth.memory.NewMention;
import io.plinth.memory.UserGraphProjection;
import io.plinth.graph.Cosmos;
import io.plinth.graph.Neighbour;
import io.plinth.memory.NewConversation;
import io.plinth.memory.NewConversationMessage;
import io.plinth.memory.NewDerivedArtifact;
import io.plinth.memory.NewMemoryUnit;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory companion's story (seed 004), the second part of {@code plinth demo}: a conversation
 * becomes memory units and concepts, two concepts are merged, an artifact and a card are derived,
 * concepts are related and mentioned (a neighbourhood is asked, the cosmos written), then the user is deleted and everything of theirs goes with them.
 */
final class CompanionScenario {
    private final Store store;
    private final DemoClock clock;
    private final String domain;
    private final SemanticScenario semantic;

    CompanionScenario(Store store, DemoClock clock, String domain, SemanticScenario semantic) {
        this.store = store;
        this.clock = clock;
        this.domain = domain;
        this.semantic = semantic;
    }

    /** What the story did, and what was left of the user afterwards. */
    record Outcome(User user, Conversation conversation, int messages, List<MemoryUnit> memories, List<Concept> concepts,
                   Concept merged, Concept survivor, DerivedArtifact artifact, Card card,
                   Concept start, List<Neighbour> neighbours, Cosmos.Layout cosmos,
                   SemanticScenario.Outcome search, Map<String, Integer> rowsBefore, Map<String, Integer> rowsAfter) {
    }

    Outcome run() {
        User mira = store.users().create(NewUser.of("mira@" + domain, "Mira Okafor"));
        UserId user = mira.id();

        // Unit of work 1: a conversation with its messages, ended and handed to processing.
        Conversation conversation = store.inTransaction(tx -> {
            Conversation c = tx.conversations().create(NewConversation.builder().userId(user).title("Evening reflection").build());
            tx.messages().create(new NewConversationMessage(user, c.id(), MessageRole.USER,
                    "I finally ran the coastal half-marathon, and my knee held up.", null, List.of()));
            tx.messages().create(new NewConversationMessage(user, c.id(), MessageRole.ASSISTANT,
                    "That is months of physiotherapy paying off. How did the last kilometres feel?", null, List.of()));
            tx.messages().create(new NewConversationMessage(user, c.id(), MessageRole.USER,
                    "Slow, but I kept thinking about the trail runs I want to do next spring.", null, List.of()));
            tx.conversations().advance(user, c.id(), ConversationStatus.ENDED);
            return tx.conversations().advance(user, c.id(), ConversationStatus.PROCESSING);
        });
        clock.advance(Duration.ofMinutes(5));

        // Unit of work 2: what the conversation becomes — memory units and concepts, then processed.
        Instant evening = conversation.startTime();
        List<Object> made = store.inTransaction(tx -> {
            MemoryUnit race = tx.memoryUnits().create(NewMemoryUnit.builder().userId(user)
                    .title("Ran the coastal half-marathon")
                    .content("Finished the coastal half-marathon; the knee held up after months of physiotherapy.")
                    .creationTs(evening).importanceScore(0.9).sentimentScore(0.8)
                    .sourceConversationId(conversation.id()).build());
            MemoryUnit plan = tx.memoryUnits().create(NewMemoryUnit.builder().userId(user)
                    .title("Trail runs next spring").content("Wants to try trail running next spring.")
                    .creationTs(evening).importanceScore(0.6).sentimentScore(0.7)
                    .sourceConversationId(conversation.id()).build());
            Concept running = tx.concepts().create(NewConcept.builder().userId(user)
                    .name("Running").type("activity").salience(0.9).build());
            Concept jogging = tx.concepts().create(NewConcept.builder().userId(user)
                    .name("Jogging").type("activity").salience(0.4).build());
            Concept recovery = tx.concepts().create(NewConcept.builder().userId(user)
                    .name("Knee recovery").type("health").salience(0.7).build());
            tx.conversations().advance(user, conversation.id(), ConversationStatus.PROCESSED);
            return List.of(race, plan, running, jogging, recovery);
        });
        MemoryUnit race = (MemoryUnit) made.get(0);
        Concept running = (Concept) made.get(2);
        Concept jogging = (Concept) made.get(3);

        // Unit of work 3: "Jogging" and "Running" are one idea; an insight and its card follow.
        List<Object> derived = store.inTransaction(tx -> {
            Concept merged = tx.concepts().merge(user, jogging.id(), running.id());
            DerivedArtifact insight = tx.artifacts().create(NewDerivedArtifact.builder().userId(user)
                    .artifactType(ArtifactType.INSIGHT_SUMMARY).title("Recovery turned into momentum")
                    .contentNarrative("The half-marathon closed a recovery chapter and opened a new goal.")
                    .sourceMemoryUnitId(race.id()).sourceConceptId(running.id()).build());
            Card card = tx.cards().create(NewCard.builder().userId(user).cardType("insight")
                    .sourceEntityId(insight.id().value()).sourceEntityType(CardSourceType.DERIVED_ARTIFACT).build());
            return List.of(merged, insight, card);
        });
        Concept merged = (Concept) derived.get(0);
        Concept survivor = store.concepts().resolve(user, jogging.id());

        // Unit of work 4: the knowledge graph's weighted edges; then its questions, and the cosmos.
        Concept recovery = (Concept) made.get(4);
        MemoryUnit plan = (MemoryUnit) made.get(1);
        store.inTransaction(tx -> {
            tx.conceptRelations().create(new NewConceptRelation(user, recovery.id(), running.id(), 0.8, "llm"));
            tx.conceptRelations().create(new NewConceptRelation(user, jogging.id(), recovery.id(), 0.3, "llm"));
            tx.conceptRelations().create(new NewConceptRelation(user, running.id(), jogging.id(), 0.9, "co-occurrence"));
            tx.mentions().create(new NewMention(user, race.id(), running.id(), 0.9));
            tx.mentions().create(new NewMention(user, race.id(), recovery.id(), 0.7));
            return tx.mentions().create(new NewMention(user, plan.id(), running.id(), 0.6));
        });
        List<Neighbour> neighbours = store.graph().neighbourhood(user, recovery.id(), 2, 10);
        UserGraphProjection cosmos = Cosmos.project(store, user);

        Map<String, Integer> before = rows(user);
        List<MemoryUnit> memories = store.memoryUnits().list(user, PageRequest.first()).items();
        List<Concept> concepts = store.concepts().list(user, PageRequest.first()).items();
        int messages = store.messages().listByConversation(user, conversation.id(), PageRequest.first()).items().size();

        // The story fed into a vector index through the outbox, and a question answered from it.
        SemanticScenario.Outcome search = semantic.run(user);

        // The user leaves: deleting them deletes everything of theirs, in one statement's cascade.
        store.users().delete(user);
        Map<String, Integer> after = rows(user);
        return new Outcome(mira, conversation, messages, memories, concepts, merged, survivor,
                (DerivedArtifact) derived.get(1), (Card) derived.get(2), recovery, neighbours,
                Cosmos.fromJson(cosmos.projectionData()), search, before, after);
    }

    /** How many rows of the user each declared user-scoped table holds. */
    @SuppressWarnings("unchecked")
    private Map<String, Integer> rows(UserId user) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Table<?, ?> table : Schema.TABLES) {
            if (!"users".equals(table.tenantTable())) {
                continue;
            }
            var repository = (io.plinth.core.AppendRepository<UserId, ?, ?, ?>) store.repository(table.repository());
            long count = Pages.stream(request -> repository.list(user, request), PageRequest.first(PageRequest.MAX_LIMIT))
                    .count();
            counts.put(table.name(), (int) count);
        }
        return counts;
    }
}
