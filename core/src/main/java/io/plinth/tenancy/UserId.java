package io.plinth.tenancy;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link User}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record UserId(UUID value) implements Id {
    public UserId {
        Check.required("userId", value);
    }

    /** A new, time-ordered id. */
    public static UserId generate() {
        return new UserId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static UserId parse(String text) {
        return new UserId(Ids.parse("userId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
