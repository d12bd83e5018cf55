package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.core.Check;
import io.plinth.core.ConflictException;
import io.plinth.core.InvalidInputException;
import io.plinth.core.Json;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.Pages;
import io.plinth.memory.ArtifactType;
import io.plinth.memory.Card;
import io.plinth.memory.CardSourceType;
import io.plinth.memory.CardStatus;
import io.plinth.memory.Conversation;
import io.plinth.memory.ConversationId;
import io.plinth.memory.ConversationMessage;
import io.plinth.memory.ConversationStatus;
import io.plinth.memory.Media;
import io.plinth.memory.MediaType;
import io.plinth.memory.MessageId;
import io.plinth.memory.MessageRole;
import io.plinth.memory.NewCard;
import io.plinth.memory.NewConcept;
import io.plinth.memory.NewConversation;
import io.plinth.memory.NewConversationMessage;
import io.plinth.memory.NewDerivedArtifact;
import io.plinth.memory.NewMedia;
import io.plinth.memory.NewMemoryUnit;
import io.plinth.memory.NewProactivePrompt;
import io.plinth.tenancy.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of conversations, their messages and cards (seed 004) beyond the generic
 * {@link ModelContract}: a conversation's status only moves forward, messages are appended in one
 * total order per conversation and listed by {@code (timestamp, id)}, a message names only its
 * user's media, a card presents an entity of its user, and a conversation may be started from a card.
 */
public abstract class ConversationContract extends StoreContract {
    private static final int THREADS = 8;

    private Conversation conversation(UserId user) {
        return store.conversations().create(new NewConversation(user, "Chat", null, null, null, null));
    }

    private ConversationMessage append(Conversation conversation, MessageRole role, String content) {
        return store.messages().create(new NewConversationMessage(conversation.userId(), conversation.id(), role,
                content, null, List.of()));
    }

    private NewConversationMessage message(UserId user, ConversationId conversation, List<String> mediaIds) {
        return new NewConversationMessage(user, conversation, MessageRole.USER, "Look", null, mediaIds);
    }

    private Media media(UserId user) {
        return store.media().create(new NewMedia(user, null, MediaType.IMAGE, "s3://bucket/a.png", "a.png", "image/png",
                1024, "sha256:" + UUID.randomUUID(), null));
    }

    /** Every message of a conversation, page by page of {@code limit}. */
    private List<ConversationMessage> listAll(UserId user, ConversationId conversation, int limit) {
        return Pages.stream(request -> store.messages().listByConversation(user, conversation, request),
                PageRequest.first(limit)).toList();
    }

    // ---------------------------------------------------------------- conversations: status

    @Test
    void aNewConversationIsActiveAndNotEnded() {
        Conversation created = conversation(newUser("Ada").id());
        assertEquals(ConversationStatus.ACTIVE, created.status());
        assertNull(created.endedAt());
        assertEquals(clock.instant(), created.startTime());
    }

    @Test
    void theStatusMovesForwardStepByStepAndEndingSetsEndedAt() {
        UserId user = newUser("Ada").id();
        Conversation created = conversation(user);
        clock.advance(Duration.ofMinutes(5));
        Instant ended = clock.instant();
        Conversation moved = store.conversations().advance(user, created.id(), ConversationStatus.ENDED);
        assertEquals(ConversationStatus.ENDED, moved.status());
        assertEquals(ended, moved.endedAt());
        assertEquals(1, moved.version());
        assertEquals(moved, store.conversations().get(user, created.id()));

        clock.advance(Duration.ofMinutes(5));
        moved = store.conversations().advance(user, created.id(), ConversationStatus.PROCESSING);
        assertEquals(ConversationStatus.PROCESSING, moved.status());
        assertEquals(ended, moved.endedAt(), "later moves keep the time it ended");
        clock.advance(Duration.ofMinutes(5));
        moved = store.conversations().advance(user, created.id(), ConversationStatus.PROCESSED);
        assertEquals(ConversationStatus.PROCESSED, moved.status());
        assertEquals(ended, moved.endedAt());
        assertEquals(3, moved.version());
        assertEquals(moved, store.conversations().get(user, created.id()));
    }

    @Test
    void theStatusMaySkipForwardAndLeavingActiveSetsEndedAt() {
        UserId user = newUser("Ada").id();
        Conversation created = conversation(user);
        clock.advance(Duration.ofSeconds(30));
        Conversation moved = store.conversations().advance(user, created.id(), ConversationStatus.PROCESSING);
        assertEquals(ConversationStatus.PROCESSING, moved.status());
        assertEquals(clock.instant(), moved.endedAt());
        Conversation other = conversation(user);
        assertEquals(ConversationStatus.PROCESSED,
                store.conversations().advance(user, other.id(), ConversationStatus.PROCESSED).status());
    }

    @Test
    void aRepeatedOrBackwardMoveIsAConflict() {
        UserId user = newUser("Ada").id();
        Conversation created = conversation(user);
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.conversations().advance(user, created.id(), ConversationStatus.ACTIVE));
        store.conversations().advance(user, created.id(), ConversationStatus.PROCESSING);
        for (ConversationStatus status : List.of(ConversationStatus.ACTIVE, ConversationStatus.ENDED,
                ConversationStatus.PROCESSING)) {
            assertFailsAndWritesNothing(ConflictException.class,
                    () -> store.conversations().advance(user, created.id(), status));
        }
        assertEquals(ConversationStatus.PROCESSING, store.conversations().get(user, created.id()).status());
    }

    @Test
    void advancingAnotherUsersOrAMissingConversationIsNotFound() {
        UserId owner = newUser("Owner").id();
        UserId stranger = newUser("Stranger").id();
        Conversation created = conversation(owner);
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.conversations().advance(stranger, created.id(), ConversationStatus.ENDED));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.conversations().advance(owner, ConversationId.generate(), ConversationStatus.ENDED));
        assertEquals(created, store.conversations().get(owner, created.id()));
    }

    @Test
    void updateNeverChangesStatusNorEndedAt() {
        UserId user = newUser("Ada").id();
        Conversation created = conversation(user);
        Conversation forged = new Conversation(created.id(), user, "Renamed", created.startTime(), clock.instant(),
                ConversationStatus.PROCESSED, created.importanceScore(), created.contextSummary(), created.metadata(),
                created.sourceCardId(), created.version());
        Conversation updated = store.conversations().update(forged);
        assertEquals("Renamed", updated.title());
        assertEquals(ConversationStatus.ACTIVE, updated.status());
        assertNull(updated.endedAt());
        assertEquals(updated, store.conversations().get(user, created.id()));
    }

    @Test
    void aMoveMakesACopyReadBeforeItStale() {
        UserId user = newUser("Ada").id();
        Conversation created = conversation(user);
        store.conversations().advance(user, created.id(), ConversationStatus.ENDED);
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.conversations().update(created.withTitle("Late")));
    }

    @Test
    void ofManyThreadsClaimingOneConversationExactlyOneWins() throws Exception {
        UserId user = newUser("Ada").id();
        for (int round = 0; round < 5; round++) {
            Conversation created = conversation(user);
            store.conversations().advance(user, created.id(), ConversationStatus.ENDED);
            List<Boolean> won = inThreads(THREADS, me -> {
                try {
                    store.conversations().advance(user, created.id(), ConversationStatus.PROCESSING);
                    return true;
                } catch (ConflictException lost) {
                    return false;
                }
            });
            assertEquals(1, won.stream().filter(w -> w).count(), "exactly one thread claims the conversation");
            Conversation stored = store.conversations().get(user, created.id());
            assertEquals(ConversationStatus.PROCESSING, stored.status());
            assertEquals(2, stored.version());
        }
    }

    @Test
    void concurrentMovesTakeExactlyTheLegalTransitions() throws Exception {
        UserId user = newUser("Ada").id();
        ConversationStatus[] targets = ConversationStatus.values();
        for (int round = 0; round < 5; round++) {
            Conversation created = conversation(user);
            List<List<Conversation>> results = inThreads(THREADS, me -> {
                List<Conversation> mine = new ArrayList<>();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 4; i++) {
                    ConversationStatus target = targets[random.nextInt(targets.length)];
                    try {
                        mine.add(store.conversations().advance(user, created.id(), target));
                    } catch (ConflictException refused) {
                        // a repeated or backward move at the time it was made
                    }
                }
                return mine;
            });
            List<Conversation> moves = new ArrayList<>();
            results.forEach(moves::addAll);
            moves.sort((a, b) -> Long.compare(a.version(), b.version()));
            ConversationStatus previous = ConversationStatus.ACTIVE;
            for (int i = 0; i < moves.size(); i++) {
                Conversation move = moves.get(i);
                assertEquals(i + 1, move.version(), "every successful move is one version: " + moves);
                assertTrue(move.status().compareTo(previous) > 0, "every successful move goes forward: " + moves);
                previous = move.status();
            }
            Conversation stored = store.conversations().get(user, created.id());
            assertEquals(moves.size(), stored.version());
            assertEquals(previous, stored.status());
            assertEquals(moves.isEmpty() ? null : clock.instant(), stored.endedAt());
        }
    }

    // ---------------------------------------------------------------- messages

    @Test
    void messagesListInAppendOrderPageByPage() {
        UserId user = newUser("Ada").id();
        Conversation chat = conversation(user);
        List<ConversationMessage> appended = new ArrayList<>();
        for (int n = 0; n < 7; n++) {
            clock.advance(Duration.ofSeconds(1));
            ConversationMessage message = append(chat, n % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT, "Message " + n);
            assertEquals(clock.instant(), message.timestamp(), "a message takes the store's time");
            appended.add(message);
        }
        assertEquals(appended.get(3), store.messages().get(user, appended.get(3).id()));
        Page<ConversationMessage> first = store.messages().listByConversation(user, chat.id(), PageRequest.first(3));
        assertEquals(appended.subList(0, 3), first.items());
        assertTrue(first.hasNext());
        assertEquals(appended, listAll(user, chat.id(), 3));
        assertEquals(appended, listAll(user, chat.id(), 7));
        assertEquals(appended, listAll(user, chat.id(), 1000));
    }

    @Test
    void aConversationListsOnlyItsOwnMessages() {
        UserId user = newUser("Ada").id();
        Conversation one = conversation(user);
        Conversation two = conversation(user);
        List<ConversationMessage> ofOne = new ArrayList<>();
        List<ConversationMessage> ofTwo = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            clock.advance(Duration.ofMillis(10));
            ofOne.add(append(one, MessageRole.USER, "One " + n));
            ofTwo.add(append(two, MessageRole.ASSISTANT, "Two " + n));
        }
        assertEquals(ofOne, listAll(user, one.id(), 3));
        assertEquals(ofTwo, listAll(user, two.id(), 3));
        assertTrue(listAll(user, conversation(user).id(), 10).isEmpty());
    }

    @Test
    void timestampsStrictlyIncreaseWithinAConversationWhateverTheClockDoes() {
        UserId user = newUser("Ada").id();
        Conversation chat = conversation(user);
        Instant start = clock.instant();
        ConversationMessage first = append(chat, MessageRole.USER, "First");
        ConversationMessage second = append(chat, MessageRole.ASSISTANT, "Second, same instant");
        clock.advance(Duration.ofHours(-1));
        ConversationMessage third = append(chat, MessageRole.USER, "Third, clock moved back");
        clock.advance(Duration.ofHours(2));
        ConversationMessage fourth = append(chat, MessageRole.ASSISTANT, "Fourth, clock ahead again");
        assertEquals(start, first.timestamp());
        assertEquals(start.plus(1, ChronoUnit.MICROS), second.timestamp());
        assertEquals(start.plus(2, ChronoUnit.MICROS), third.timestamp());
        assertEquals(clock.instant(), fourth.timestamp());
        assertEquals(List.of(first, second, third, fourth), listAll(user, chat.id(), 1));
        assertEquals(List.of(first, second, third, fourth), listAll(user, chat.id(), 3));
        // Another conversation is not held back by this one's timestamps.
        clock.advance(Duration.ofHours(-5));
        assertEquals(clock.instant(), append(conversation(user), MessageRole.USER, "Elsewhere").timestamp());
    }

    @Test
    void messagesAtTheEdgesOfTimePageWithCursors() {
        UserId user = newUser("Ada").id();
        Conversation chat = conversation(user);
        clock.set(Check.MIN_INSTANT);
        ConversationMessage first = append(chat, MessageRole.USER, "At the first instant");
        ConversationMessage second = append(chat, MessageRole.ASSISTANT, "A microsecond later");
        clock.set(Check.MAX_INSTANT);
        ConversationMessage third = append(chat, MessageRole.USER, "At the last instant");
        ConversationMessage fourth = append(chat, MessageRole.ASSISTANT, "No later instant left");
        assertEquals(Check.MIN_INSTANT, first.timestamp());
        assertEquals(Check.MAX_INSTANT, fourth.timestamp());
        List<ConversationMessage> all = List.of(first, second, third, fourth);
        assertEquals(all, listAll(user, chat.id(), 1));
        assertEquals(all, listAll(user, chat.id(), 3));
        PageRequest fromTheStart = new PageRequest(PageRequest.cursorOf(Check.MIN_INSTANT, new UUID(0, 0)), 10);
        assertEquals(all, store.messages().listByConversation(user, chat.id(), fromTheStart).items());
        PageRequest pastTheEnd = new PageRequest(PageRequest.cursorOf(Check.MAX_INSTANT, new UUID(-1, -1)), 10);
        assertEquals(List.of(), store.messages().listByConversation(user, chat.id(), pastTheEnd).items());
        assertThrows(InvalidInputException.class, () -> PageRequest.cursorOf(Check.MAX_INSTANT.plusNanos(1_000), new UUID(0, 0)));
    }

    @Test
    void aMessageForAnotherUsersConversationIsRefused() {
        UserId owner = newUser("Owner").id();
        UserId stranger = newUser("Stranger").id();
        Conversation chat = conversation(owner);
        append(chat, MessageRole.USER, "Mine");
        assertInvalid("conversationId", () -> store.messages().create(message(stranger, chat.id(), List.of())));
        assertInvalid("conversationId", () -> store.messages().create(message(owner, ConversationId.generate(), List.of())));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.messages().listByConversation(stranger, chat.id(), PageRequest.first()));
        assertFailsAndWritesNothing(NotFoundException.class,
                () -> store.messages().listByConversation(owner, ConversationId.generate(), PageRequest.first()));
    }

    @Test
    void aMessageNamesOnlyItsUsersMedia() {
        UserId owner = newUser("Owner").id();
        UserId stranger = newUser("Stranger").id();
        Conversation chat = conversation(owner);
        Media mine = media(owner);
        Media theirs = media(stranger);
        ConversationMessage withMedia = store.messages().create(message(owner, chat.id(),
                List.of(mine.id().toString(), mine.id().toString())));
        assertEquals(List.of(mine.id().toString(), mine.id().toString()), withMedia.mediaIds());
        assertEquals(withMedia, store.messages().get(owner, withMedia.id()));

        assertInvalid("mediaIds", () -> store.messages().create(message(owner, chat.id(),
                List.of(mine.id().toString(), theirs.id().toString()))));
        assertInvalid("mediaIds", () -> store.messages().create(message(owner, chat.id(),
                List.of(UUID.randomUUID().toString()))));
        assertInvalid("mediaIds", () -> store.messages().create(message(owner, chat.id(), List.of("not-a-uuid"))));
        assertInvalid("mediaIds", () -> store.messages().create(message(owner, chat.id(),
                List.of(mine.id().toString().toUpperCase()))));
        assertInvalid("mediaIds", () -> store.messages().create(message(owner, chat.id(),
                Arrays.asList(mine.id().toString(), null))));
        assertInvalid("mediaIds", () -> store.messages().create(message(owner, chat.id(), null)));
    }

    @Test
    void aCursorOfAnotherListingIsRefused() {
        UserId user = newUser("Ada").id();
        Conversation chat = conversation(user);
        for (int n = 0; n < 3; n++) {
            append(chat, MessageRole.USER, "Message " + n);
        }
        Page<ConversationMessage> byId = store.messages().list(user, PageRequest.first(1));
        assertInvalid("after", () -> store.messages().listByConversation(user, chat.id(),
                new PageRequest(byId.nextCursor(), 1)));
        Page<ConversationMessage> byTime = store.messages().listByConversation(user, chat.id(), PageRequest.first(1));
        assertInvalid("after", () -> store.messages().list(user, new PageRequest(byTime.nextCursor(), 1)));
        assertInvalid("after", () -> new PageRequest("not a cursor", 10));
    }

    @Test
    void appendsFromManyThreadsLoseNothingAndKeepOneOrder() throws Exception {
        UserId user = newUser("Ada").id();
        Conversation chat = conversation(user);
        int each = 25;
        Set<MessageId> seenByTailer = ConcurrentHashMap.newKeySet();
        List<ConversationMessage> tailed = new ArrayList<>();
        AtomicBoolean appending = new AtomicBoolean(true);
        ExecutorService tailerPool = Executors.newSingleThreadExecutor();
        Future<?> tailer = tailerPool.submit(() -> {
            // Follows the conversation as a client would: always from the last message it saw.
            PageRequest request = PageRequest.first(7);
            while (true) {
                boolean last = !appending.get();
                Page<ConversationMessage> page = store.messages().listByConversation(user, chat.id(), request);
                for (ConversationMessage m : page.items()) {
                    assertTrue(seenByTailer.add(m.id()), "a message is seen once");
                    tailed.add(m);
                }
                if (!page.items().isEmpty()) {
                    ConversationMessage newest = page.items().get(page.items().size() - 1);
                    request = new PageRequest(PageRequest.cursorOf(newest.timestamp(), newest.id().value()), 7);
                } else if (last) {
                    return null;
                } else {
                    Thread.sleep(1);
                }
            }
        });
        List<List<ConversationMessage>> appended;
        try {
            appended = inThreads(THREADS, me -> {
                List<ConversationMessage> mine = new ArrayList<>();
                for (int n = 0; n < each; n++) {
                    if (me == 0 && n % 5 == 4) {
                        clock.advance(Duration.ofMillis(n % 2 == 0 ? 3 : -7));
                    }
                    mine.add(store.messages().create(new NewConversationMessage(user, chat.id(),
                            me % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT, "thread " + me + " message " + n,
                            Json.parse("{\"thread\": " + me + ", \"n\": " + n + "}"), List.of())));
                }
                return mine;
            });
        } finally {
            appending.set(false);
        }
        tailer.get(120, TimeUnit.SECONDS);
        tailerPool.shutdownNow();

        List<ConversationMessage> listed = listAll(user, chat.id(), 13);
        assertEquals(THREADS * each, listed.size(), "no append is lost");
        Set<MessageId> ids = new HashSet<>();
        listed.forEach(m -> ids.add(m.id()));
        assertEquals(listed.size(), ids.size(), "no message is listed twice");
        Set<ConversationMessage> returned = new HashSet<>();
        appended.forEach(returned::addAll);
        assertEquals(returned, new HashSet<>(listed), "the listing holds exactly what the appends returned");
        for (int i = 1; i < listed.size(); i++) {
            assertTrue(listed.get(i).timestamp().isAfter(listed.get(i - 1).timestamp()),
                    "timestamps strictly increase in listing order");
        }
        for (List<ConversationMessage> mine : appended) {
            assertEquals(mine, listed.stream().filter(mine::contains).toList(), "each thread's appends keep its order");
        }
        assertEquals(listed, tailed, "a reader following the conversation saw every message, in the listing's order");
    }

    // ---------------------------------------------------------------- cards

    private UUID entity(UserId user, CardSourceType type) {
        return switch (type) {
            case MEMORY_UNIT -> store.memoryUnits().create(new NewMemoryUnit(user, "Memory", "Something happened",
                    Instant.parse("2025-06-01T12:00:00Z"), 0.5, null, null)).id().value();
            case CONCEPT -> store.concepts().create(new NewConcept(user, "Concept " + UUID.randomUUID(), "topic", null,
                    0.25, null)).id().value();
            case DERIVED_ARTIFACT -> store.artifacts().create(new NewDerivedArtifact(user, ArtifactType.INSIGHT_SUMMARY,
                    "Insight", "It seems", null, null, null)).id().value();
            case PROACTIVE_PROMPT -> store.prompts().create(new NewProactivePrompt(user, "How was your day?", "companion",
                    null)).id().value();
        };
    }

    private Card card(UserId user) {
        return store.cards().create(new NewCard(user, "insight", entity(user, CardSourceType.MEMORY_UNIT),
                CardSourceType.MEMORY_UNIT, null));
    }

    @Test
    void aCardPresentsAnEntityOfItsUserOfEachKind() {
        UserId user = newUser("Ada").id();
        for (CardSourceType type : CardSourceType.values()) {
            UUID source = entity(user, type);
            Card created = store.cards().create(new NewCard(user, "insight", source, type, Json.parse("{\"x\": 1}")));
            assertEquals(source, created.sourceEntityId());
            assertEquals(type, created.sourceEntityType());
            assertEquals(CardStatus.ACTIVE_CANVAS, created.status());
            assertFalse(created.isFavorited());
            assertEquals(created, store.cards().get(user, created.id()));
        }
    }

    @Test
    void aCardOfAnotherUsersMissingOrOtherKindOfEntityIsRefused() {
        UserId owner = newUser("Owner").id();
        UserId stranger = newUser("Stranger").id();
        for (CardSourceType type : CardSourceType.values()) {
            UUID theirs = entity(stranger, type);
            assertInvalid("sourceEntityId", () -> store.cards().create(new NewCard(owner, "insight", theirs, type, null)));
            assertInvalid("sourceEntityId", () -> store.cards().create(new NewCard(owner, "insight", UUID.randomUUID(), type, null)));
        }
        UUID memory = entity(owner, CardSourceType.MEMORY_UNIT);
        assertInvalid("sourceEntityId", () -> store.cards().create(new NewCard(owner, "insight", memory,
                CardSourceType.CONCEPT, null)));
    }

    @Test
    void aCardChangesStatusAndIsFavourited() {
        UserId user = newUser("Ada").id();
        Card created = card(user);
        Card favourite = store.cards().update(created.withIsFavorited(true));
        assertTrue(favourite.isFavorited());
        Card archived = store.cards().update(favourite.withStatus(CardStatus.ACTIVE_ARCHIVE));
        Card completed = store.cards().update(archived.withStatus(CardStatus.COMPLETED).withIsFavorited(false));
        assertEquals(CardStatus.COMPLETED, completed.status());
        assertFalse(completed.isFavorited());
        assertEquals(3, completed.version());
        assertEquals(completed, store.cards().get(user, created.id()));
        assertEquals(CardStatus.ACTIVE_ARCHIVE, CardStatus.of("status", "active_archive"));
        assertInvalid("status", () -> CardStatus.of("status", "archived"));
        assertInvalid("sourceEntityType", () -> CardSourceType.of("sourceEntityType", "User"));
    }

    @Test
    void aConversationStartedFromACardKeepsItUntilTheCardIsDeleted() {
        UserId user = newUser("Ada").id();
        Card card = card(user);
        Conversation started = store.conversations().create(new NewConversation(user, "About the card", null, null,
                null, card.id()));
        assertEquals(card.id(), started.sourceCardId());
        assertEquals(started, store.conversations().get(user, started.id()));
        ConversationMessage said = append(started, MessageRole.USER, "Tell me more");

        store.cards().delete(user, card.id());
        Conversation kept = store.conversations().get(user, started.id());
        assertNull(kept.sourceCardId(), "deleting the card clears the conversation's sourceCardId");
        assertEquals(started.title(), kept.title());
        assertEquals(List.of(said), listAll(user, started.id(), 10), "the conversation keeps its messages");
    }

    @Test
    void aConversationCannotStartFromAnotherUsersCard() {
        UserId owner = newUser("Owner").id();
        UserId stranger = newUser("Stranger").id();
        Card theirs = card(stranger);
        assertInvalid("sourceCardId", () -> store.conversations().create(new NewConversation(owner, "Mine", null, null,
                null, theirs.id())));
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badArgumentsNameTheField() {
        UserId user = newUser("Ada").id();
        Conversation chat = conversation(user);
        assertInvalid("userId", () -> store.conversations().advance(null, chat.id(), ConversationStatus.ENDED));
        assertInvalid("conversationId", () -> store.conversations().advance(user, null, ConversationStatus.ENDED));
        assertInvalid("status", () -> store.conversations().advance(user, chat.id(), null));
        assertInvalid("status", () -> ConversationStatus.of("status", "closed"));
        assertInvalid("status", () -> ConversationStatus.of("status", "Active"));
        assertInvalid("userId", () -> store.messages().listByConversation(null, chat.id(), PageRequest.first()));
        assertInvalid("conversationId", () -> store.messages().listByConversation(user, null, PageRequest.first()));
        assertInvalid("page", () -> store.messages().listByConversation(user, chat.id(), null));
        assertEquals(ConversationStatus.ACTIVE, store.conversations().get(user, chat.id()).status());
    }

    @Test
    void badMessagesNameTheField() {
        UserId user = newUser("Ada").id();
        Conversation chat = conversation(user);
        assertInvalid("content", () -> store.messages().create(new NewConversationMessage(user, chat.id(),
                MessageRole.USER, " ", null, List.of())));
        assertInvalid("content", () -> store.messages().create(new NewConversationMessage(user, chat.id(),
                MessageRole.USER, null, null, List.of())));
        assertInvalid("content", () -> store.messages().create(new NewConversationMessage(user, chat.id(),
                MessageRole.USER, "x".repeat(100_001), null, List.of())));
        assertInvalid("content", () -> store.messages().create(new NewConversationMessage(user, chat.id(),
                MessageRole.USER, "nul\u0000", null, List.of())));
        assertInvalid("role", () -> store.messages().create(new NewConversationMessage(user, chat.id(),
                null, "Hi", null, List.of())));
        assertInvalid("role", () -> MessageRole.of("role", "system"));
        assertInvalid("conversationId", () -> store.messages().create(new NewConversationMessage(user, null,
                MessageRole.USER, "Hi", null, List.of())));
        assertInvalid("userId", () -> store.messages().create(new NewConversationMessage(null, chat.id(),
                MessageRole.USER, "Hi", null, List.of())));
        assertEquals("x".repeat(100_000), store.messages().create(new NewConversationMessage(user, chat.id(),
                MessageRole.USER, "x".repeat(100_000), null, List.of())).content());
    }

    @Test
    void badConversationsAndCardsNameTheField() {
        UserId user = newUser("Ada").id();
        assertInvalid("title", () -> store.conversations().create(new NewConversation(user, "x".repeat(501), null,
                null, null, null)));
        assertInvalid("title", () -> store.conversations().create(new NewConversation(user, "a\u0000b", null, null,
                null, null)));
        assertInvalid("importanceScore", () -> store.conversations().create(new NewConversation(user, null,
                Double.NaN, null, null, null)));
        UUID memory = entity(user, CardSourceType.MEMORY_UNIT);
        assertInvalid("cardType", () -> store.cards().create(new NewCard(user, "", memory, CardSourceType.MEMORY_UNIT, null)));
        assertInvalid("cardType", () -> store.cards().create(new NewCard(user, "x".repeat(501), memory,
                CardSourceType.MEMORY_UNIT, null)));
        assertInvalid("sourceEntityId", () -> store.cards().create(new NewCard(user, "insight", null,
                CardSourceType.MEMORY_UNIT, null)));
        assertInvalid("sourceEntityType", () -> store.cards().create(new NewCard(user, "insight", memory, null, null)));
    }

    // ---------------------------------------------------------------- threads


}
