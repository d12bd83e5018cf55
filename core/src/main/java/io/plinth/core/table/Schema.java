package io.plinth.core.table;

import io.plinth.memory.MemoryTables;
import io.plinth.tenancy.TenancyTables;
import java.util.ArrayList;
import java.util.List;

/**
 * Every declared table, context by context, parents before children. A new context adds its list
 * here; a new model adds its declaration to its context's list.
 */
public final class Schema {
    /** All declared tables. */
    public static final List<Table<?, ?>> TABLES = concat(TenancyTables.ALL, MemoryTables.ALL);

    private Schema() {
    }

    /** The declared table whose repository interface is {@code repository}. */
    public static Table<?, ?> forRepository(Class<?> repository) {
        for (Table<?, ?> table : TABLES) {
            if (table.repository() == repository) {
                return table;
            }
        }
        throw new IllegalArgumentException(repository.getName() + " is not the repository of a declared table");
    }

    /** The declared table named {@code name}, or null for a hand-written one. */
    public static Table<?, ?> named(String name) {
        for (Table<?, ?> table : TABLES) {
            if (table.name().equals(name)) {
                return table;
            }
        }
        return null;
    }

    /** The declared tables with a foreign key to {@code parent}. */
    public static List<Table<?, ?>> referencing(String parent) {
        List<Table<?, ?>> children = new ArrayList<>();
        for (Table<?, ?> table : TABLES) {
            if (table.foreignKeys().stream().anyMatch(fk -> fk.table().equals(parent))) {
                children.add(table);
            }
        }
        return children;
    }

    @SafeVarargs
    private static List<Table<?, ?>> concat(List<Table<?, ?>>... contexts) {
        List<Table<?, ?>> all = new ArrayList<>();
        for (List<Table<?, ?>> context : contexts) {
            all.addAll(context);
        }
        return List.copyOf(all);
    }
}
