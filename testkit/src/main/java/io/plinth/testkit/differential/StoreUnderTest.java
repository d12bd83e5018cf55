package io.plinth.testkit.differential;

import io.plinth.core.Id;
import io.plinth.core.Page;
import io.plinth.core.PageRequest;
import io.plinth.core.RetryPolicy;
import io.plinth.core.Store;
import io.plinth.testkit.TestClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One side of a differential run: a store, its own clock, and the canonical form of everything it
 * has returned (the pools that abstract arguments are resolved against).
 */
public final class StoreUnderTest implements AutoCloseable {
    /** What one step gave on one store: canonical text, and a detail for the report (messages). */
    public record Outcome(String text, boolean skipped, String detail) {
    }

    private final Store store;
    private final TestClock clock;
    private final Catalog catalog;
    private final Canonical canonical = new Canonical();

    public StoreUnderTest(Store store, TestClock clock, Catalog catalog) {
        this.store = store;
        this.clock = clock;
        this.catalog = catalog;
    }

    public Store store() {
        return store;
    }

    public TestClock clock() {
        return clock;
    }

    public Canonical canonical() {
        return canonical;
    }

    @Override
    public void close() {
        store.close();
    }

    /** Runs one step. */
    public Outcome execute(Op op) {
        if (op instanceof Op.AdvanceClock advance) {
            clock.advance(advance.by());
            return new Outcome("ok", false, "");
        }
        if (op instanceof Op.Call call) {
            Object[] values;
            try {
                values = resolve(call);
            } catch (RuntimeException e) {
                return new Outcome("skipped: arguments " + Canonical.error(e), true, String.valueOf(e.getMessage()));
            }
            try {
                Object result = call.method().invoke(call.accessor().invoke(store), values);
                return new Outcome(call.method().getReturnType() == void.class ? "ok" : canonical.of(result), false, "");
            } catch (InvocationTargetException e) {
                return failed(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return inTransaction((Op.InTransaction) op);
    }

    private static final class RollBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RollBack() {
            super("roll back", null, false, false);
        }
    }

    private static final Object SKIPPED = new Object();

    private Outcome inTransaction(Op.InTransaction op) {
        List<Object[]> arguments = new ArrayList<>();
        for (Op.Call call : op.calls()) {
            try {
                arguments.add(resolve(call));
            } catch (RuntimeException e) {
                arguments.add(null);
            }
        }
        List<Object> results = new ArrayList<>();
        String end;
        String detail = "";
        try {
            store.inTransaction(RetryPolicy.NONE, tx -> {
                results.clear();
                for (int i = 0; i < op.calls().size(); i++) {
                    Op.Call call = op.calls().get(i);
                    if (arguments.get(i) == null) {
                        results.add(SKIPPED);
                        continue;
                    }
                    try {
                        Object result = call.method().invoke(call.accessor().invoke(tx), arguments.get(i));
                        results.add(call.method().getReturnType() == void.class ? "ok" : Optional.ofNullable(result));
                    } catch (InvocationTargetException e) {
                        results.add(e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
                if (op.rollBack()) {
                    throw new RollBack();
                }
                return null;
            });
            end = "committed";
        } catch (RollBack e) {
            end = "rolled back";
        } catch (RuntimeException e) {
            end = Canonical.error(e);
            detail = describe(e);
        }
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < results.size(); i++) {
            Object result = results.get(i);
            text.append(i == 0 ? "" : "; ");
            if (result == SKIPPED) {
                text.append("skipped");
            } else if (result instanceof Throwable e) {
                text.append(Canonical.error(e));
                detail += (detail.isEmpty() ? "" : "; ") + "call " + (i + 1) + ": " + describe(e);
            } else if (result instanceof Optional<?> value) {
                text.append(canonical.of(value.orElse(null)));
            } else {
                text.append(result);
            }
        }
        return new Outcome(text.append("] then ").append(end).toString(), false, detail);
    }

    private Outcome failed(Throwable e) {
        return new Outcome(Canonical.error(e), false, describe(e));
    }

    /** The exception's message and where it was thrown, for the report. */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(e.toString());
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("io.plinth.") && !frame.getClassName().startsWith("io.plinth.testkit.differential")) {
                out.append(" at ").append(frame);
                break;
            }
        }
        if (e.getCause() != null && e.getCause() != e) {
            out.append(" (caused by ").append(e.getCause()).append(')');
        }
        return out.toString();
    }

    private Object[] resolve(Op.Call call) {
        Object[] values = new Object[call.args().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = call.args().get(i).resolve(this);
        }
        return values;
    }

    /**
     * Every row readable through the public API, one canonical line per row. It calls every
     * repository method that returns a {@link Page} and takes only typed ids (the tenant scope)
     * before its {@code PageRequest}, for every scope found in rows read so far (and, for one id,
     * for null: the system scope), until no new scope turns up; for a repository without such a
     * method, every {@code find…(id)} for every id of that type seen.
     */
    public List<String> snapshot() {
        List<String> lines = new ArrayList<>();
        List<Map<Class<?>, List<Object>>> found = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (int pass = 0; pass < 5; pass++) {
            boolean progress = false;
            for (Catalog.Repository repository : catalog.repositories()) {
                for (Method reader : repository.pageReaders()) {
                    Class<?>[] params = repository.parameterTypes(reader);
                    List<Class<?>> scope = List.of(params).subList(0, params.length - 1);
                    for (List<Object> tuple : tuples(scope, found)) {
                        if (done.add(reader.getName() + reader.getDeclaringClass().getName() + tuple)) {
                            progress = true;
                            readAll(repository, reader, tuple, found, lines);
                        }
                    }
                }
            }
            if (!progress) {
                break;
            }
        }
        for (Catalog.Repository repository : catalog.repositories()) {
            if (!repository.pageReaders().isEmpty()) {
                continue;
            }
            for (Method finder : repository.methods()) {
                if (!finder.getName().startsWith("find") || finder.getParameterCount() != 1
                        || !Id.class.isAssignableFrom(repository.parameterTypes(finder)[0])) {
                    continue;
                }
                for (Id id : List.copyOf(canonical.ids(repository.parameterTypes(finder)[0]))) {
                    String head = repository.accessor().getName() + "." + finder.getName() + "(" + canonical.of(id) + ")";
                    try {
                        Object result = finder.invoke(repository.accessor().invoke(store), id);
                        lines.add(head + " " + canonical.of(result));
                    } catch (InvocationTargetException e) {
                        lines.add(head + " " + Canonical.error(e.getCause()));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return lines;
    }

    private static List<List<Object>> tuples(List<Class<?>> scope, List<Map<Class<?>, List<Object>>> found) {
        List<List<Object>> tuples = new ArrayList<>();
        if (scope.isEmpty()) {
            tuples.add(List.of());
            return tuples;
        }
        Set<List<Object>> seen = new HashSet<>();
        if (scope.size() == 1) {
            List<Object> none = new ArrayList<>();
            none.add(null);
            tuples.add(none);
        }
        for (Map<Class<?>, List<Object>> byType : found) {
            List<Object> tuple = new ArrayList<>();
            for (Class<?> type : scope) {
                List<Object> values = byType.getOrDefault(type, List.of());
                if (values.size() != 1 || values.get(0) == null) {
                    tuple = null;
                    break;
                }
                tuple.add(values.get(0));
            }
            if (tuple != null && seen.add(tuple)) {
                tuples.add(tuple);
            }
        }
        return tuples;
    }

    /** A row's component values by type (for finding scopes in it). */
    private static Map<Class<?>, List<Object>> parts(Object row) {
        Map<Class<?>, List<Object>> byType = new LinkedHashMap<>();
        if (row != null && row.getClass().isRecord()) {
            for (RecordComponent part : row.getClass().getRecordComponents()) {
                if (Id.class.isAssignableFrom(part.getType())) {
                    byType.computeIfAbsent(part.getType(), k -> new ArrayList<>()).add(Canonical.component(row, part));
                }
            }
        }
        return byType;
    }

    private void readAll(Catalog.Repository repository, Method reader, List<Object> tuple, List<Map<Class<?>, List<Object>>> found,
                         List<String> lines) {
        StringBuilder head = new StringBuilder(repository.accessor().getName()).append('.').append(reader.getName()).append('(');
        for (Object id : tuple) {
            head.append(canonical.of(id)).append(", ");
        }
        head.append("all)");
        Object[] args = new Object[tuple.size() + 1];
        for (int i = 0; i < tuple.size(); i++) {
            args[i] = tuple.get(i);
        }
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        int count = 0;
        try {
            for (int pages = 0; pages < 100; pages++) {
                args[tuple.size()] = request;
                Page<?> page = (Page<?>) reader.invoke(repository.accessor().invoke(store), args);
                for (Object item : page.items()) {
                    lines.add(head + " " + canonical.of(item));
                    found.add(parts(item));
                    count++;
                }
                if (!page.hasNext()) {
                    break;
                }
                request = new PageRequest(page.nextCursor(), request.limit());
            }
            lines.add(head + " count " + count);
        } catch (InvocationTargetException e) {
            lines.add(head + " " + Canonical.error(e.getCause()));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
