package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link UserChallenge}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record UserChallengeId(UUID value) implements Id {
    public UserChallengeId {
        Check.required("userChallengeId", value);
    }

    /** A new, time-ordered id. */
    public static UserChallengeId generate() {
        return new UserChallengeId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static UserChallengeId parse(String text) {
        return new UserChallengeId(Ids.parse("userChallengeId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
