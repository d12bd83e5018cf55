package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link ProactivePrompt} rows. */
public interface ProactivePromptRepository extends CrudRepository<UserId, ProactivePromptId, NewProactivePrompt, ProactivePrompt> {
}
