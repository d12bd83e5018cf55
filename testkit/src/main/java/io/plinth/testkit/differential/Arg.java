package io.plinth.testkit.differential;

import io.plinth.core.Id;
import io.plinth.core.Json;
import io.plinth.core.PageRequest;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An abstract argument of an operation: a value that is resolved separately against each store,
 * so that "the 3rd {@code UserId} seen" means the corresponding user in both stores, although
 * their ids differ. Resolution may throw: an {@link io.plinth.core.InvalidInputException} from a
 * record's constructor (both stores share that code, so the operation is dropped), or {@link
 * Unresolvable} when it refers to something the store has not shown yet.
 */
public interface Arg {
    /** The concrete value for one store. */
    Object resolve(StoreUnderTest store);

    /** Java-like source text of the value, with ids as {@code UserId#3}. */
    String render();

    /** A referenced value could not be found in a store: the operation is skipped on both. */
    final class Unresolvable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unresolvable(String message) {
            super(message, null, false, false);
        }
    }

    /** A plain value, the same for both stores. */
    record Literal(Object value) implements Arg {
        @Override
        public Object resolve(StoreUnderTest store) {
            return value;
        }

        @Override
        public String render() {
            return Canonical.literal(value);
        }
    }

    /** The {@code index}-th id of this type seen in the store's results (from 0), or a not-found id past the end. */
    record IdRef(Class<? extends Id> type, int index) implements Arg {
        @Override
        public Object resolve(StoreUnderTest store) {
            List<Id> pool = store.canonical().ids(type);
            if (index < pool.size()) {
                return pool.get(index);
            }
            return Generators.makeId(type, new UUID(0x00000000_0000_7000L, 0x8000_0000_0000_0000L | index));
        }

        @Override
        public String render() {
            return type.getSimpleName() + "#" + index;
        }
    }

    /** A random id no store has: not found. */
    record FreshId(Class<? extends Id> type, UUID value) implements Arg {
        @Override
        public Object resolve(StoreUnderTest store) {
            return Generators.makeId(type, value);
        }

        @Override
        public String render() {
            return type.getSimpleName() + ".generate()";
        }
    }

    /** An instant relative to the store's clock. */
    record Relative(Duration offset) implements Arg {
        @Override
        public Object resolve(StoreUnderTest store) {
            return store.clock().instant().plus(offset);
        }

        @Override
        public String render() {
            return offset.isZero() ? "now" : "now" + (offset.isNegative() ? "-" + offset.negated() : "+" + offset);
        }
    }

    /** JSON from text, or (with {@code nan}) {@code Json.of(Map.of("x", NaN))}. */
    record JsonArg(String text, boolean nan) implements Arg {
        @Override
        public Object resolve(StoreUnderTest store) {
            return nan ? Json.of(Map.of("x", Double.NaN)) : Json.parse(text);
        }

        @Override
        public String render() {
            return nan ? "Json.of(Map.of(\"x\", Double.NaN))" : "Json.parse(" + Canonical.literal(text) + ")";
        }
    }

    /** A record built through its canonical constructor from resolved components. */
    record New(Class<?> type, List<Arg> components) implements Arg {
        @Override
        public Object resolve(StoreUnderTest store) {
            Object[] values = new Object[components.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = components.get(i).resolve(store);
            }
            return construct(type, values);
        }

        @Override
        public String render() {
            return "new " + type.getSimpleName() + "(" + Canonical.join(components) + ")";
        }
    }

    /**
     * The {@code index}-th distinct row of a record type seen in the store (from 0), optionally with
     * one component replaced: how updates are made ({@code user.withName(…)}).
     */
    record Seen(Class<?> type, int index, String component, Arg replacement) implements Arg {
        @Override
        public Object resolve(StoreUnderTest store) {
            Object row = store.canonical().row(type, index);
            if (component == null) {
                return row;
            }
            RecordComponent[] parts = type.getRecordComponents();
            Object[] values = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = parts[i].getName().equals(component) ? replacement.resolve(store) : Canonical.component(row, parts[i]);
            }
            return construct(type, values);
        }

        @Override
        public String render() {
            String base = "seen(" + type.getSimpleName() + "#" + index + ")";
            return component == null ? base : base + ".with(" + component + " = " + replacement.render() + ")";
        }
    }

    /** One component of the {@code index}-th distinct row of a record type seen (for example an account's id). */
    record SeenComponent(Class<?> type, int index, String component) implements Arg {
        @Override
        public Object resolve(StoreUnderTest store) {
            Object row = store.canonical().row(type, index);
            for (RecordComponent part : type.getRecordComponents()) {
                if (part.getName().equals(component)) {
                    return Canonical.component(row, part);
                }
            }
            throw new IllegalArgumentException(type + " has no component " + component);
        }

        @Override
        public String render() {
            return "seen(" + type.getSimpleName() + "#" + index + ")." + component + "()";
        }
    }

    /**
     * The UUID of a resolved typed id ({@code id.value()}), or its canonical text
     * ({@code id.toString()}): for columns that hold an id as a plain uuid or text (a card's
     * source entity, a message's media ids).
     */
    record IdValue(Arg id, boolean text) implements Arg {
        @Override
        public Object resolve(StoreUnderTest store) {
            Object value = id.resolve(store);
            if (value instanceof Id typed) {
                return text ? typed.value().toString() : typed.value();
            }
            return value;
        }

        @Override
        public String render() {
            return id.render() + (text ? ".toString()" : ".value()");
        }
    }

    /** A list of values. */
    record ListOf(List<Arg> elements) implements Arg {
        @Override
        public Object resolve(StoreUnderTest store) {
            List<Object> values = new ArrayList<>();
            for (Arg element : elements) {
                values.add(element.resolve(store));
            }
            return values;
        }

        @Override
        public String render() {
            return "List.of(" + Canonical.join(elements) + ")";
        }
    }

    /** The {@code index}-th page cursor the store has returned (from 0). */
    record Cursor(int index) implements Arg {
        @Override
        public Object resolve(StoreUnderTest store) {
            List<String> cursors = store.canonical().cursors();
            if (index >= cursors.size()) {
                throw new Unresolvable("no cursor #" + index);
            }
            return cursors.get(index);
        }

        @Override
        public String render() {
            return "cursor#" + index;
        }
    }

    /** {@code new PageRequest(after, limit)}. */
    record Page(Arg after, int limit) implements Arg {
        @Override
        public Object resolve(StoreUnderTest store) {
            return new PageRequest((String) after.resolve(store), limit);
        }

        @Override
        public String render() {
            return after instanceof Literal l && l.value() == null ? "PageRequest.first(" + limit + ")"
                    : "new PageRequest(" + after.render() + ", " + limit + ")";
        }
    }

    /** Instant literal helper. */
    static Arg instant(Instant value) {
        return new Literal(value);
    }

    /** Calls the canonical constructor of a record, unwrapping what it throws. */
    static Object construct(Class<?> type, Object[] values) {
        RecordComponent[] parts = type.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalArgumentException e) {
            // a null for a primitive component
            throw new Unresolvable("cannot build " + type.getSimpleName() + ": " + e.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }
}
