package io.plinth.testkit.differential;

import com.fasterxml.jackson.databind.JsonNode;
import io.plinth.core.Id;
import io.plinth.core.InvalidInputException;
import io.plinth.core.Json;
import io.plinth.core.NotFoundException;
import io.plinth.core.Page;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The canonical form of values of one store: results are rendered as text in which every typed id
 * is replaced by its index among the ids of its type this store has shown ({@code UserId#3}),
 * cursors by what they point at, JSON by its tree with sorted keys, and exceptions by their class
 * (plus {@code field()} or {@code entity()}). Two stores that behave the same give the same text.
 *
 * <p>Rendering harvests: each id, each distinct record and each cursor met is remembered, in the
 * order of the traversal, so that later operations can refer to "the 3rd {@code UserId} seen".
 */
public final class Canonical {
    private final Map<Class<?>, List<Id>> ids = new HashMap<>();
    private final Map<UUID, String> labels = new HashMap<>();
    private final Map<Class<?>, List<Object>> rows = new HashMap<>();
    private final Map<Class<?>, Set<String>> rowKeys = new HashMap<>();
    private final List<String> cursors = new ArrayList<>();
    private final Map<String, List<String>> strings = new HashMap<>();
    private final Set<String> stringKeys = new HashSet<>();

    /** The ids of {@code type} seen so far, in the order they were first seen. */
    public List<Id> ids(Class<?> type) {
        return ids.getOrDefault(type, List.of());
    }

    /** The distinct rows of a record type seen so far, in the order they were first seen. */
    public List<Object> rows(Class<?> type) {
        return rows.getOrDefault(type, List.of());
    }

    /** The {@code index}-th distinct row of {@code type} seen. */
    public Object row(Class<?> type, int index) {
        List<Object> seen = rows(type);
        if (index >= seen.size()) {
            throw new Arg.Unresolvable("no " + type.getSimpleName() + " #" + index + " seen");
        }
        return seen.get(index);
    }

    /** The distinct strings seen so far in record components named {@code name}, in the order first seen. */
    public List<String> strings(String name) {
        return strings.getOrDefault(name, List.of());
    }

    /** The cursors seen so far. */
    public List<String> cursors() {
        return cursors;
    }

    /** The canonical text of a value (harvesting what it contains). */
    public String of(Object value) {
        StringBuilder out = new StringBuilder();
        walk(value, out);
        return out.toString();
    }

    /** The canonical text of an exception: its class, and the field or entity it names. */
    public static String error(Throwable e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof InvalidInputException invalid) {
            return "throws " + name + "(field=" + invalid.field() + ")";
        }
        if (e instanceof NotFoundException notFound) {
            return "throws " + name + "(entity=" + notFound.entity() + ")";
        }
        return "throws " + name;
    }

    private String label(Id id) {
        String label = labels.get(id.value());
        if (label == null) {
            List<Id> pool = ids.computeIfAbsent(id.getClass(), k -> new ArrayList<>());
            label = id.getClass().getSimpleName() + "#" + pool.size();
            pool.add(id);
            labels.put(id.value(), label);
        }
        return label;
    }

    private void walk(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Id id) {
            out.append(label(id));
        } else if (value instanceof Optional<?> optional) {
            if (optional.isPresent()) {
                out.append("Optional[");
                walk(optional.get(), out);
                out.append(']');
            } else {
                out.append("Optional.empty");
            }
        } else if (value instanceof Page<?> page) {
            out.append("Page[");
            walk(page.items(), out);
            out.append(", next=").append(cursor(page.nextCursor())).append(']');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            Iterator<?> it = list.iterator();
            while (it.hasNext()) {
                walk(it.next(), out);
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append(']');
        } else if (value instanceof Json json) {
            out.append("Json(");
            json(json.tree(), out);
            out.append(')');
        } else if (value instanceof Throwable e) {
            out.append(error(e));
        } else if (value instanceof UUID uuid && labels.containsKey(uuid)) {
            out.append("uuid(").append(labels.get(uuid)).append(')');          // an id held as a plain uuid
        } else if (value instanceof String text && text.length() >= 36 && !withLabels(text).equals(text)) {
            out.append("text(").append(literal(withLabels(text))).append(')');  // ids held in text ("expire <id>")
        } else if (value.getClass().isRecord()) {
            record(value, out);
        } else {
            out.append(literal(value));
        }
    }

    private void record(Object value, StringBuilder out) {
        int start = out.length();
        out.append(value.getClass().getSimpleName()).append('{');
        RecordComponent[] parts = value.getClass().getRecordComponents();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(parts[i].getName()).append('=');
            Object part = component(value, parts[i]);
            if (part instanceof String text && stringKeys.add(parts[i].getName() + "\u0000" + text)) {
                strings.computeIfAbsent(parts[i].getName(), k -> new ArrayList<>()).add(text);
            }
            walk(part, out);
        }
        out.append('}');
        String key = out.substring(start);
        if (rowKeys.computeIfAbsent(value.getClass(), k -> new HashSet<>()).add(key)) {
            rows.computeIfAbsent(value.getClass(), k -> new ArrayList<>()).add(value);
        }
    }

    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** {@code text} with every id seen, spelled as a canonical uuid, replaced by its label. */
    private String withLabels(String text) {
        java.util.regex.Matcher m = UUID_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String label = labels.get(UUID.fromString(m.group()));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(label != null ? "<" + label + ">" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String cursor(String cursor) {
        if (cursor == null) {
            return "null";
        }
        cursors.add(cursor);
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            return "cursor(" + literal(cursor) + ")";
        }
        if (bytes.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            UUID key = new UUID(buffer.getLong(), buffer.getLong());
            String label = labels.get(key);
            return "cursor(after " + (label != null ? label : "an unseen id") + ")";
        }
        if (bytes.length == 8) {
            return "cursor(after sequence " + ByteBuffer.wrap(bytes).getLong() + ")";
        }
        if (bytes.length == 24) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long micros = buffer.getLong();
            UUID key = new UUID(buffer.getLong(), buffer.getLong());
            String label = labels.get(key);
            return "cursor(after " + micros + "µs, " + (label != null ? label : "an unseen id") + ")";
        }
        return "cursor(" + literal(cursor) + ")";
    }

    private static void json(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                out.append(first ? "" : ",").append(literal(e.getKey())).append(':');
                json(e.getValue(), out);
                first = false;
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                json(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            out.append(literal(node.textValue()));
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toString());
        } else {
            out.append(node.toString());
        }
    }

    /** A record component's value. */
    private static final ClassValue<java.lang.reflect.Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected java.lang.reflect.Method[] computeValue(Class<?> type) {
            RecordComponent[] parts = type.getRecordComponents();
            java.lang.reflect.Method[] accessors = new java.lang.reflect.Method[parts.length];
            for (int i = 0; i < parts.length; i++) {
                accessors[i] = parts[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    static Object component(Object record, RecordComponent part) {
        try {
            java.lang.reflect.Method accessor = null;
            for (java.lang.reflect.Method m : ACCESSORS.get(record.getClass())) {
                if (m.getName().equals(part.getName())) {
                    accessor = m;
                }
            }
            return accessor.invoke(record);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java-like source text of a plain value; non-ASCII and control characters escaped. */
    static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            if (s.length() > 60 && s.chars().allMatch(c -> c == s.charAt(0))) {
                return "\"" + s.charAt(0) + "\".repeat(" + s.length() + ")";
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c >= 0x20 && c < 0x7f) {
                    out.append(c);
                } else {
                    out.append(String.format("\\u%04X", (int) c));
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Long l) {
            return l == Long.MAX_VALUE ? "Long.MAX_VALUE" : l == Long.MIN_VALUE ? "Long.MIN_VALUE" : l + "L";
        }
        if (value instanceof Integer i) {
            return i == Integer.MAX_VALUE ? "Integer.MAX_VALUE" : i == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : i.toString();
        }
        if (value instanceof Double d) {
            return d.isNaN() ? "Double.NaN" : d.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.getDeclaringClass().getSimpleName() + "." + e.name();
        }
        if (value instanceof Instant instant) {
            return "Instant.parse(\"" + instant + "\")";
        }
        if (value instanceof BigDecimal decimal) {
            return "new BigDecimal(\"" + decimal + "\")";
        }
        return String.valueOf(value);
    }

    static String join(List<Arg> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(args.get(i).render());
        }
        return out.toString();
    }
}
