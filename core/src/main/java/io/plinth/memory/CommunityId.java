package io.plinth.memory;

import io.plinth.core.Check;
import io.plinth.core.Id;
import io.plinth.core.Ids;
import java.util.UUID;

/** Identifies a {@link Community}. Made with {@link #generate()} (time-ordered) or {@link #parse(String)}. */
public record CommunityId(UUID value) implements Id {
    public CommunityId {
        Check.required("communityId", value);
    }

    /** A new, time-ordered id. */
    public static CommunityId generate() {
        return new CommunityId(Ids.next());
    }

    /** Parses the canonical text form; a malformed text gives an {@link io.plinth.core.InvalidInputException}. */
    public static CommunityId parse(String text) {
        return new CommunityId(Ids.parse("communityId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
