-- Plinth V13: every Plinth function finds Plinth's tables, types and functions in the schema Plinth
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
-- ${flyway:defaultSchema} is the schema these migrations are applied to. A later migration that
-- replaces one of these functions (CREATE OR REPLACE) must repeat the SET clause.
--
-- Numbered after V12, the newest migration on main when this was written (V9 to V11 are left to the
-- branches that took them), so that a database migrated from main accepts it in order.
ALTER FUNCTION plinth_ledger_account_fixed() SET search_path = "${flyway:defaultSchema}";
ALTER FUNCTION plinth_ledger_immutable() SET search_path = "${flyway:defaultSchema}";
ALTER FUNCTION plinth_ledger_fail(text, text, text, text) SET search_path = "${flyway:defaultSchema}";
ALTER FUNCTION plinth_ledger_same(ledger_transfers, plinth_transfer_request) SET search_path = "${flyway:defaultSchema}";
ALTER FUNCTION plinth_ledger_transfer(jsonb, timestamptz) SET search_path = "${flyway:defaultSchema}";
ALTER FUNCTION plinth_ledger_transfer_batch(jsonb, timestamptz) SET search_path = "${flyway:defaultSchema}";
ALTER FUNCTION plinth_ledger_resolve(uuid, uuid, text, uuid, boolean, bigint, timestamptz) SET search_path = "${flyway:defaultSchema}";
ALTER FUNCTION plinth_message_owner() SET search_path = "${flyway:defaultSchema}";
ALTER FUNCTION plinth_append_only() SET search_path = "${flyway:defaultSchema}";
ALTER FUNCTION plinth_conversation_status_forward() SET search_path = "${flyway:defaultSchema}";
