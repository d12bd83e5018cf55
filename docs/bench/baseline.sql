-- pgbench: the bench's baseline transfer (BaselineTransfers), between two distinct of 1,000 accounts.
\set a random(1, 1000)
\set d random(1, 999)
\set b (:a + :d - 1) % 1000 + 1
BEGIN;
SELECT id FROM plinth_bench_accounts WHERE id IN (:a, :b) ORDER BY id FOR UPDATE;
UPDATE plinth_bench_accounts SET balance = balance - 1 WHERE id = :a;
UPDATE plinth_bench_accounts SET balance = balance + 1 WHERE id = :b;
INSERT INTO plinth_bench_entries (account_id, amount) VALUES (:a, -1), (:b, 1);
COMMIT;
