-- pgbench: a batch of 100 random transfers written set-based into Plinth's own tables — transfer
-- rows, entries with running balances, balances — with its accounts locked in id order, as
-- plinth_ledger_transfer_batch writes them, but with no checks, no JSON and no rows returned.
WITH pick AS MATERIALIZED (                   -- two distinct accounts per transfer, numbered 1 to 1000
    SELECT pos, a, 1 + (a + (random() * 998)::int) % 1000 AS b
      FROM (SELECT g AS pos, 1 + (random() * 999)::int AS a FROM generate_series(1, 100) g) x
), r AS MATERIALIZED (
    SELECT p.pos, gen_random_uuid() AS id, 'bare-' || nextval('ceiling_keys') AS key, d.workspace_id,
           d.id AS debit, c.id AS credit
      FROM pick p
      JOIN ceiling_accounts d ON d.n = p.a
      JOIN ceiling_accounts c ON c.n = p.b
), moves AS (
    SELECT pos, id, debit AS account, -1 AS delta FROM r UNION ALL SELECT pos, id, credit, 1 FROM r
), locked AS MATERIALIZED (
    SELECT a.* FROM ledger_accounts a WHERE a.id IN (SELECT account FROM moves) ORDER BY a.id FOR UPDATE
), running AS (
    SELECT m.id, m.account, m.delta, l.workspace_id,
           l.balance + sum(m.delta) OVER w AS after, l.last_sequence + row_number() OVER w AS sequence
      FROM moves m JOIN locked l ON l.id = m.account
    WINDOW w AS (PARTITION BY m.account ORDER BY m.pos)
), balances AS (
    UPDATE ledger_accounts a SET balance = a.balance + s.total, last_sequence = a.last_sequence + s.moves
      FROM (SELECT account, sum(delta) AS total, count(*) AS moves FROM moves GROUP BY account) s
     WHERE a.id = s.account
), entries AS (
    INSERT INTO ledger_entries (account_id, sequence, workspace_id, transfer_id, amount, balance_after, created_at)
    SELECT account, sequence, workspace_id, id, delta, after, now() FROM running
)
INSERT INTO ledger_transfers (id, workspace_id, idempotency_key, kind, debit_account_id, credit_account_id,
                              amount, unit, type, description, created_at)
SELECT id, workspace_id, key, 'POSTED', debit, credit, 1, 'XCR', 'DEBIT', 'bare batch', now() FROM r;
