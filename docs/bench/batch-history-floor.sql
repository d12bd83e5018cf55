-- pgbench: batch-floor.sql into a table indexed as a ledger is read — each transfer found by its id,
-- by its key, and in both of its accounts' histories: four index entries per transfer instead of
-- one. Still no running balances, no sequences, no checks, no rows returned and no lock step, and it
-- flatters the ledger as batch-floor.sql does; besides, its ids are random, so (account, id) costs
-- what a history index costs but does not give the order a history needs.
SET enable_hashjoin = off;
SET enable_mergejoin = off;
WITH pick AS MATERIALIZED (                   -- two distinct accounts per transfer, numbered 1 to 1000
    SELECT a, 1 + (a + (random() * 998)::int) % 1000 AS b
      FROM (SELECT 1 + (random() * 999)::int AS a FROM generate_series(1, 100)) x
), r AS MATERIALIZED (
    SELECT gen_random_uuid() AS id, 'history-' || nextval('ceiling_keys') AS key, d.workspace_id,
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
INSERT INTO ceiling_history_transfers SELECT id, workspace_id, key, debit, credit, 1 FROM r;
