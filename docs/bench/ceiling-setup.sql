-- Setup for the pgbench scripts beside this file, which measure what this machine's PostgreSQL can
-- do at most (see docs/ledger.md, "What 10x would need"). Run it in the bench database after a run of
-- `plinth bench ledger --accounts 1000`: it numbers the newest run's 1,000 accounts, and makes a
-- key sequence and the floor's transfer table. Nothing here is part of Plinth's schema.
DROP TABLE IF EXISTS ceiling_accounts, ceiling_transfers;
DROP SEQUENCE IF EXISTS ceiling_keys;
CREATE TABLE ceiling_accounts AS
    SELECT row_number() OVER (ORDER BY a.id)::int AS n, a.id, a.workspace_id
      FROM ledger_accounts a
     WHERE a.workspace_id = (SELECT workspace_id FROM ledger_accounts
                              WHERE workspace_id IS NOT NULL ORDER BY created_at DESC LIMIT 1);
ALTER TABLE ceiling_accounts ADD PRIMARY KEY (n);
CREATE SEQUENCE ceiling_keys;
-- The least a transfer can be stored as: one row, and one unique index entry for its idempotency key.
CREATE TABLE ceiling_transfers (
    id uuid NOT NULL, workspace_id uuid NOT NULL, idempotency_key text NOT NULL,
    debit uuid NOT NULL, credit uuid NOT NULL, amount bigint NOT NULL,
    UNIQUE (workspace_id, idempotency_key)
);
