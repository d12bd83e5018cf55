-- pgbench: the floor under any ledger's batch of 100 random transfers — each stored as one row with
-- one unique index entry for its idempotency key, and one balance update per account — with no
-- entries, no history, no checks, no rows returned, and no lock step: the update itself locks the
-- accounts, in id order (a nested loop over the sorted sums, hence the two settings), so batches
-- never deadlock. It flatters the ledger: the update, a CTE nothing reads, runs after the insert,
-- so accounts are locked only for the update and the commit; and the keys are near-sequential.
-- Run ceiling-setup.sql again before each measurement: the tables grow with every run.
SET enable_hashjoin = off;
SET enable_mergejoin = off;
WITH pick AS MATERIALIZED (                   -- two distinct accounts per transfer, numbered 1 to 1000
    SELECT a, 1 + (a + (random() * 998)::int) % 1000 AS b
      FROM (SELECT 1 + (random() * 999)::int AS a FROM generate_series(1, 100)) x
), r AS MATERIALIZED (
    SELECT gen_random_uuid() AS id, 'floor-' || nextval('ceiling_keys') AS key, d.workspace_id,
           d.id AS debit, c.id AS credit
      FROM pick p
      JOIN ceiling_accounts d ON d.n = p.a
      JOIN ceiling_accounts c ON c.n = p.b
), moves AS (
    SELECT debit AS account, -1 AS delta FROM r UNION ALL SELECT credit, 1 FROM r
), balances AS (
    UPDATE ledger_accounts a SET balance = a.balance + s.total
      FROM (SELECT account, sum(delta) AS total FROM moves GROUP BY account ORDER BY account) s
     WHERE a.id = s.account
)
INSERT INTO ceiling_transfers SELECT id, workspace_id, key, debit, credit, 1 FROM r;
