package io.plinth.cli;

import io.plinth.migrations.MigrationResult;
import io.plinth.migrations.Migrations;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plinth migrate}: brings an existing database's schema up to date. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Applies Plinth's migrations to an existing PostgreSQL database (15 to 18).")
final class MigrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "The database, e.g. jdbc:postgresql://127.0.0.1:5432/app?user=postgres")
    String jdbcUrl;

    @Mixin
    Connection connection;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        String schema = connection.schema();
        MigrationResult result = Migrations.apply(connection.dataSource(jdbcUrl), schema);
        long millis = (System.nanoTime() - started) / 1_000_000;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: schema version %s in %s, %d migration%s applied (%d ms)%n",
                Connection.redact(jdbcUrl), result.schemaVersion(), schema, result.applied(),
                result.applied() == 1 ? "" : "s", millis);
        out.flush();
        return 0;
    }
}
