package io.plinth.vector;

import io.plinth.core.Check;
import io.plinth.core.InvalidInputException;
import io.plinth.tenancy.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Seed 004's {@code UserKnowledgeItem}: the searchable text of one source entity (a memory unit,
 * concept, derived artifact, conversation message or card), owned by a user, with its embedding.
 *
 * <p>The {@link #externalId()} is derived from the source ({@link #externalIdOf}), so indexing the
 * same source twice replaces the item, never duplicates it. Build items with {@link #of}; the
 * canonical constructor checks that a given {@code externalId} is the derived one.
 *
 * <p>Rules, each an {@link InvalidInputException} naming the field: {@code textContent} required, not
 * blank, at most {@value #MAX_TEXT} characters; {@code title} optional, at most {@value #MAX_TITLE};
 * {@code embeddingModelVersion} required, not blank, at most {@value #MAX_MODEL_VERSION}; every text
 * without NUL characters or unpaired surrogates; {@code createdAt} required, stored to the microsecond;
 * {@code importanceScore} a finite number, 0 when absent; {@code tags} at most {@value #MAX_TAGS},
 * each not blank and at most {@value #MAX_TAG} characters, duplicates dropped (first kept);
 * {@code vector} 1 to {@value #MAX_DIMENSIONS} finite components, not all zero (cosine similarity
 * needs a length). The vector is copied in and out: an item never changes.
 */
public record KnowledgeItem(
        UUID externalId,
        UserId userId,
        SourceEntityType sourceEntityType,
        UUID sourceEntityId,
        String textContent,
        String title,
        String embeddingModelVersion,
        Instant createdAt,
        double importanceScore,
        List<String> tags,
        float[] vector) {

    public static final int MAX_TEXT = 100_000;
    public static final int MAX_TITLE = 1_000;
    public static final int MAX_MODEL_VERSION = 200;
    public static final int MAX_TAGS = 100;
    public static final int MAX_TAG = 100;
    /** The most dimensions a vector may have (Neo4j's vector index takes up to 4096). */
    public static final int MAX_DIMENSIONS = 4096;

    /** The namespace of the name-based (version 5) UUIDs of {@link #externalIdOf}. */
    public static final UUID NAMESPACE = UUID.fromString("5b0c6a52-8f1e-4c36-9a43-7d2e1f0b6c11");

    public KnowledgeItem {
        Check.required("userId", userId);
        Check.required("sourceEntityType", sourceEntityType);
        Check.required("sourceEntityId", sourceEntityId);
        UUID derived = externalIdOf(sourceEntityType, sourceEntityId);
        if (externalId != null && !externalId.equals(derived)) {
            throw new InvalidInputException("externalId", "must be derived from sourceEntityType and sourceEntityId (" + derived + ")");
        }
        externalId = derived;
        textContent = Check.text("textContent", textContent, MAX_TEXT);
        title = Check.optionalText("title", title, MAX_TITLE);
        embeddingModelVersion = Check.text("embeddingModelVersion", embeddingModelVersion, MAX_MODEL_VERSION);
        createdAt = Check.instant("createdAt", Check.required("createdAt", createdAt));
        if (Double.isNaN(importanceScore) || Double.isInfinite(importanceScore)) {
            throw new InvalidInputException("importanceScore", "must be a finite number");
        }
        tags = tags(tags);
        vector = vector("vector", vector);
    }

    /** An item whose {@code externalId} is derived from its source. */
    public static KnowledgeItem of(UserId userId, SourceEntityType sourceEntityType, UUID sourceEntityId,
            String textContent, String title, String embeddingModelVersion, Instant createdAt,
            double importanceScore, List<String> tags, float[] vector) {
        return new KnowledgeItem(null, userId, sourceEntityType, sourceEntityId, textContent, title,
                embeddingModelVersion, createdAt, importanceScore, tags, vector);
    }

    /**
     * The item id of a source: the name-based UUID (version 5, SHA-1, RFC 9562) in {@link #NAMESPACE}
     * of the text {@code "<sourceEntityType spelling>:<sourceEntityId>"}, e.g. {@code "Concept:0190…"}.
     * The same on every store and in every process.
     */
    public static UUID externalIdOf(SourceEntityType sourceEntityType, UUID sourceEntityId) {
        Check.required("sourceEntityType", sourceEntityType);
        Check.required("sourceEntityId", sourceEntityId);
        byte[] name = (sourceEntityType.spelling() + ":" + sourceEntityId).getBytes(StandardCharsets.UTF_8);
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
        sha1.update(toBytes(NAMESPACE));
        byte[] hash = sha1.digest(name);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    /** The vector's number of dimensions. */
    public int dimensions() {
        return vector.length;
    }

    /** A copy of the vector. */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** The vector itself, not a copy: for {@link Ranking} only, which never changes it. */
    float[] vectorShared() {
        return vector;
    }

    /** This item with another text and vector (a re-indexed source), everything else kept. */
    public KnowledgeItem withContent(String textContent, String title, String embeddingModelVersion, float[] vector) {
        return new KnowledgeItem(externalId, userId, sourceEntityType, sourceEntityId, textContent, title,
                embeddingModelVersion, createdAt, importanceScore, tags, vector);
    }

    /**
     * A query or item vector checked: 1 to {@value #MAX_DIMENSIONS} finite components, not all zero;
     * returned as a copy.
     */
    public static float[] vector(String field, float[] vector) {
        Check.required(field, vector);
        if (vector.length == 0) {
            throw new InvalidInputException(field, "must have at least one dimension");
        }
        if (vector.length > MAX_DIMENSIONS) {
            throw new InvalidInputException(field, "must have at most " + MAX_DIMENSIONS + " dimensions");
        }
        boolean zero = true;
        for (int i = 0; i < vector.length; i++) {
            if (Float.isNaN(vector[i]) || Float.isInfinite(vector[i])) {
                throw new InvalidInputException(field, "component " + i + " must be a finite number");
            }
            zero &= vector[i] == 0f;
        }
        if (zero) {
            throw new InvalidInputException(field, "must not be all zeros");
        }
        return vector.clone();
    }

    private static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "must have at most " + MAX_TAGS + " tags");
        }
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (String tag : new ArrayList<>(tags)) {
            kept.add(Check.text("tags", tag, MAX_TAG));
        }
        return List.copyOf(kept);
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] out = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (msb >>> (56 - 8 * i));
            out[i + 8] = (byte) (lsb >>> (56 - 8 * i));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KnowledgeItem other
                && externalId.equals(other.externalId)
                && userId.equals(other.userId)
                && sourceEntityType == other.sourceEntityType
                && sourceEntityId.equals(other.sourceEntityId)
                && textContent.equals(other.textContent)
                && Objects.equals(title, other.title)
                && embeddingModelVersion.equals(other.embeddingModelVersion)
                && createdAt.equals(other.createdAt)
                && Double.compare(importanceScore, other.importanceScore) == 0
                && tags.equals(other.tags)
                && Arrays.equals(vector, other.vector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(externalId, userId, textContent, embeddingModelVersion, createdAt, tags) * 31
                + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "KnowledgeItem[externalId=" + externalId + ", userId=" + userId + ", source="
                + sourceEntityType.spelling() + ":" + sourceEntityId + ", title=" + title
                + ", embeddingModelVersion=" + embeddingModelVersion + ", createdAt=" + createdAt
                + ", importanceScore=" + importanceScore + ", tags=" + tags + ", dimensions=" + vector.length + "]";
    }
}
