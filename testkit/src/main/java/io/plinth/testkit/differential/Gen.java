package io.plinth.testkit.differential;

import io.plinth.core.Id;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * What a {@link Generators.Generator} draws from: the sequence's random source, the values the
 * reference store has shown so far (to refer to real rows: "the 2nd account seen"), and the
 * registry, to generate the parts of a value.
 */
public final class Gen {
    private final Random random;
    private final Canonical seen;
    private final Generators generators;

    Gen(Random random, Canonical seen, Generators generators) {
        this.random = random;
        this.seen = seen;
        this.generators = generators;
    }

    public Random random() {
        return random;
    }

    /** What the reference store has returned so far (ids, distinct rows, cursors). */
    public Canonical seen() {
        return seen;
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** One of the values, uniformly. */
    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** One element of a non-empty list, uniformly. */
    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** An index below {@code size} (> 0), biased towards the most recent (the end). */
    public int recentIndex(int size) {
        return chance(0.5) ? Math.max(0, size - 1 - random.nextInt(Math.min(size, 3))) : random.nextInt(size);
    }

    /** How much of the hostile mix to generate (see {@link Generators#hostile(double)}): 0 none, 1 all. */
    public double hostile() {
        return generators.hostile();
    }

    /** A value for a parameter or component named {@code name} of type {@code type}. */
    public Arg generate(String name, Type type) {
        return generators.generate(this, name, type);
    }

    /**
     * An id of the type: mostly one seen before, sometimes a fresh one (not found) or null; while
     * none has been seen, null half of the time (an optional reference left out lets rows that
     * reference a kind not made yet be created).
     */
    public Arg id(Class<? extends Id> type) {
        int size = seen.ids(type).size();
        double r = random.nextDouble();
        if (r < 0.03 * hostile() || size == 0 && chance(0.5)) {
            return new Arg.Literal(null);
        }
        if (size == 0 || r < 0.03 * hostile() + 0.06) {
            return new Arg.FreshId(type, new UUID(random.nextLong(), random.nextLong()));
        }
        return new Arg.IdRef(type, recentIndex(size));
    }

    /** Coherent arguments for a call ({@code accessor.method}) when a generator is registered for it, else null. */
    public List<Arg> call(String call) {
        return generators.call(this, call);
    }

    /** A string for a parameter or component named {@code name}: mostly a plausible value, sometimes a hostile one. */
    public Arg string(String name) {
        return generators.string(this, name);
    }

    /**
     * A record: mostly a row of that type already seen (as is, or with one component replaced, the
     * way {@code with…} methods make updates), else a new one built from generated components.
     */
    public Arg record(Class<?> type) {
        List<Object> rows = seen.rows(type);
        if (!rows.isEmpty() && chance(0.8)) {
            int index = recentIndex(rows.size());
            if (chance(0.4)) {
                return new Arg.Seen(type, index, null, null);
            }
            RecordComponent part = pick(type.getRecordComponents());
            return new Arg.Seen(type, index, part.getName(), generate(part.getName(), part.getGenericType()));
        }
        return build(type, Map.of());
    }

    /** A new record through its canonical constructor: the given components, the others generated. */
    public Arg build(Class<?> type, Map<String, Arg> given) {
        List<Arg> parts = new ArrayList<>();
        for (RecordComponent part : type.getRecordComponents()) {
            Arg value = given.get(part.getName());
            parts.add(value != null ? value : generate(part.getName(), part.getGenericType()));
        }
        return new Arg.New(type, parts);
    }
}
