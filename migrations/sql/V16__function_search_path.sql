-- Plinth V16: every Plinth function finds Plinth's tables, types and functions in the schema Plinth
-- was installed in, whatever the search_path of the session that calls it or fires its trigger.
--
-- PL/pgSQL resolves the names in a function's body when it runs, through the caller's search_path.
-- With Plinth in a schema of its own (Migrations.apply(dataSource, "plinth")) beside an application
-- that has tables of the same names in public (its own users, projects), a writer whose
-- search_path is the default ("$user", public) — a Prisma client, psql, the application itself —
-- would otherwise fire conversation_messages' owner trigger against the application's
-- conversations, or call the ledger's functions on the application's tables. Pinned here, they
-- never leave Plinth's schema (pg_catalog, where the built-ins live, is always searched first).
--
-- Every function of the earlier migrations is pinned, whichever they are (all of Plinth's are named
-- plinth_…). A later migration that creates or replaces a function (CREATE OR REPLACE drops the
-- setting) gives it SET search_path = "${flyway:defaultSchema}" itself; AdoptExistingDatabaseTest
-- fails for one that does not. ${flyway:defaultSchema} is the schema these migrations are applied to.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
             WHERE p.pronamespace = '${flyway:defaultSchema}'::regnamespace AND p.proname LIKE 'plinth\_%'
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I', f, '${flyway:defaultSchema}');
    END LOOP;
END
$$;
