package io.plinth.tenancy;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link UserSession}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record SessionId(UUID value) implements Id {
    public SessionId {
        Check.required("sessionId", value);
    }

    /** A new, time-ordered id. */
    public static SessionId generate() {
        return new SessionId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static SessionId parse(String text) {
        return new SessionId(Ids.parse("sessionId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
