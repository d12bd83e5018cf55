package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/** A user's {@link ProactivePrompt} rows; a new prompt is {@value #PENDING}, its status otherwise free text. */
public interface ProactivePromptRepository extends CrudRepository<UserId, ProactivePromptId, NewProactivePrompt, ProactivePrompt> {
    /** The status of a new prompt (the seed's default). */
    String PENDING = "pending";
}
