package io.plinth.migrations;

/**
 * The outcome of {@link Migrations#apply}: the schema version the database is at afterwards, and
 * how many migrations this call applied (0 when the database was already current).
 *
 * @param schemaVersion the version of the newest applied migration, for example {@code "1"}
 * @param applied       the number of migrations applied by this call
 */
public record MigrationResult(String schemaVersion, int applied) {
}
