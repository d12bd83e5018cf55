package io.plinth.vector;

import io.plinth.core.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a user's items a search considers. Every condition given must hold:
 * <ul>
 *   <li>{@code sourceTypes}: the item's {@code sourceEntityType} is one of them (empty: any type);</li>
 *   <li>{@code tags}: the item has at least one of them, compared exactly (empty: any tags);</li>
 *   <li>{@code createdFrom}, {@code createdTo}: {@code createdAt} in the half-open range
 *       {@code [createdFrom, createdTo)}, either end open when null; {@code createdFrom} after
 *       {@code createdTo} is an invalid input on {@code createdFrom};</li>
 *   <li>{@code minImportance}: {@code importanceScore >= minImportance} (null: any).</li>
 * </ul>
 * {@link #ANY} lets every item through. The filter never widens the scope beyond the searching user.
 */
public record KnowledgeFilter(Set<SourceEntityType> sourceTypes, List<String> tags, Instant createdFrom,
        Instant createdTo, Double minImportance) {

    /** No condition. */
    public static final KnowledgeFilter ANY = new KnowledgeFilter(Set.of(), List.of(), null, null, null);

    public KnowledgeFilter {
        if (sourceTypes != null && sourceTypes.stream().anyMatch(java.util.Objects::isNull)) {
            throw new io.plinth.core.InvalidInputException("sourceTypes", "must not contain null");
        }
        sourceTypes = sourceTypes == null || sourceTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sourceTypes));
        List<String> checked = new ArrayList<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            checked.add(Check.text("tags", tag, KnowledgeItem.MAX_TAG));
        }
        tags = List.copyOf(checked);
        createdFrom = Check.instant("createdFrom", createdFrom);
        createdTo = Check.instant("createdTo", createdTo);
        if (createdFrom != null && createdTo != null) {
            Check.notAfter("createdFrom", createdFrom, "createdTo", createdTo);
        }
        Check.finite("minImportance", minImportance);
    }

    /** This filter limited to items of these source types. */
    public KnowledgeFilter withSourceTypes(SourceEntityType... types) {
        return new KnowledgeFilter(types.length == 0 ? Set.of() : EnumSet.copyOf(List.of(types)), tags, createdFrom, createdTo, minImportance);
    }

    /** This filter limited to items having at least one of these tags. */
    public KnowledgeFilter withAnyTag(String... anyOf) {
        return new KnowledgeFilter(sourceTypes, List.of(anyOf), createdFrom, createdTo, minImportance);
    }

    /** This filter limited to items created in {@code [from, to)}; null leaves an end open. */
    public KnowledgeFilter withCreated(Instant from, Instant to) {
        return new KnowledgeFilter(sourceTypes, tags, from, to, minImportance);
    }

    /** This filter limited to items of at least this importance. */
    public KnowledgeFilter withMinImportance(Double min) {
        return new KnowledgeFilter(sourceTypes, tags, createdFrom, createdTo, min);
    }

    /** Whether {@code item} passes every condition (the user scope is checked by the store). */
    public boolean test(KnowledgeItem item) {
        if (!sourceTypes.isEmpty() && !sourceTypes.contains(item.sourceEntityType())) {
            return false;
        }
        if (!tags.isEmpty() && item.tags().stream().noneMatch(tags::contains)) {
            return false;
        }
        if (createdFrom != null && item.createdAt().isBefore(createdFrom)) {
            return false;
        }
        if (createdTo != null && !item.createdAt().isBefore(createdTo)) {
            return false;
        }
        return minImportance == null || item.importanceScore() >= minImportance;
    }
}
