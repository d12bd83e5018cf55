package io.plinth.memory;

import io.plinth.core.AppendRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link GrowthEvent} rows, append-only. */
public interface GrowthEventRepository extends AppendRepository<UserId, GrowthEventId, NewGrowthEvent, GrowthEvent> {
}
