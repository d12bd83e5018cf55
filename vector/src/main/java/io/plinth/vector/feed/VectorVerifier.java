package io.plinth.vector.feed;

import io.plinth.core.Check;
import io.plinth.graph.MirroredRow;
import io.plinth.graph.Outbox;
import io.plinth.tenancy.UserId;
import io.plinth.vector.KnowledgeItem;
import io.plinth.vector.SemanticIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares a {@link SemanticIndex} with what PostgreSQL holds and lists every difference: an item missing
 * (a row gives one, the index has none), stale (its text, title, model version, user, creation time,
 * importance or tags differ from what the row gives now, {@link SourceItem#differences}) or orphaned (no
 * row gives it). Run it when nothing is being written, or after the projector caught up: it reads
 * PostgreSQL and the index one after the other, not in one snapshot. It holds every row's text in memory
 * while it scans the index.
 */
public final class VectorVerifier {
    private static final int PAGE = 1_000;
    private static final Comparator<VectorDifference> ORDER = Comparator.comparing(VectorDifference::kind)
            .thenComparing(d -> d.type().spelling()).thenComparing(d -> d.sourceId().toString());

    private final Outbox outbox;
    private final SemanticIndex index;
    private final String modelVersion;

    /**
     * A verifier of {@code index} against the PostgreSQL behind {@code outbox}, expecting items embedded by
     * the model {@code modelVersion} (an item of another version is stale).
     */
    public VectorVerifier(Outbox outbox, SemanticIndex index, String modelVersion) {
        this.outbox = Check.required("outbox", outbox);
        this.index = Check.required("index", index);
        this.modelVersion = Check.text("modelVersion", modelVersion, KnowledgeItem.MAX_MODEL_VERSION);
    }

    /** Every difference over all users, missing ones first, then stale, then orphaned; empty when the index equals PostgreSQL. */
    public List<VectorDifference> verify() {
        Map<UUID, SourceItem> expected = new HashMap<>();
        for (UserId user : outbox.users()) {
            for (MirroredRow row : outbox.rows(user)) {
                SourceItem.of(row).ifPresent(item -> expected.put(KnowledgeItem.externalIdOf(item.type(), item.sourceId()), item));
            }
        }
        List<VectorDifference> differences = new ArrayList<>();
        UUID after = null;
        for (List<KnowledgeItem> page = index.scan(null, PAGE); !page.isEmpty(); page = index.scan(after, PAGE)) {
            for (KnowledgeItem item : page) {
                SourceItem source = expected.remove(item.externalId());
                if (source == null) {
                    differences.add(new VectorDifference(VectorDifference.Kind.ORPHANED, item.sourceEntityType(),
                            item.sourceEntityId(), item.userId(), "in the index, no row in PostgreSQL gives it"));
                } else {
                    List<String> fields = source.differences(item, modelVersion);
                    if (!fields.isEmpty()) {
                        differences.add(new VectorDifference(VectorDifference.Kind.STALE, source.type(), source.sourceId(),
                                source.userId(), String.join(", ", fields) + " differ from the row"));
                    }
                }
            }
            after = page.get(page.size() - 1).externalId();
        }
        expected.values().forEach(source -> differences.add(new VectorDifference(VectorDifference.Kind.MISSING,
                source.type(), source.sourceId(), source.userId(), "in PostgreSQL, not in the index")));
        differences.sort(ORDER);
        return List.copyOf(differences);
    }
}
