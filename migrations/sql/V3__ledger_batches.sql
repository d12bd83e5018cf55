-- Plinth V3: batches of posted transfers are written set-based, a few statements for the whole
-- batch instead of a few per transfer. V2's plinth_ledger_transfer, which executes requests one by
-- one, still does single transfers, batches with pending transfers, and every batch that breaks a
-- rule or repeats a key, so each error is still the first one in the batch's order, with the same
-- message as before.

-- Executes a batch of transfer requests (a JSON array) atomically and in order, and returns one
-- transfer per request, as plinth_ledger_transfer does. A batch of posted transfers is checked as a
-- whole once its accounts are locked (in id order): positive amounts between two accounts found and
-- of the request's workspace, units equal, keys new and distinct, and, transfer by transfer in the
-- batch's order, no balance below its reservation (unless the account may go negative) nor beyond
-- bigint. If all holds, one statement writes every transfer, balance and entry; if not, nothing has
-- been written and plinth_ledger_transfer does the batch and reports what is wrong.
CREATE FUNCTION plinth_ledger_transfer_batch(batch jsonb, at timestamptz) RETURNS SETOF ledger_transfers
    LANGUAGE plpgsql AS $$
DECLARE
    reqs plinth_transfer_request[];
    locked ledger_accounts[];                    -- the batch's accounts, as locked
    whole boolean;
BEGIN
    reqs := ARRAY(SELECT r FROM jsonb_populate_recordset(NULL::plinth_transfer_request, batch) r);
    IF EXISTS (SELECT 1 FROM unnest(reqs) r WHERE r.kind <> 'POSTED') THEN
        RETURN QUERY SELECT * FROM plinth_ledger_transfer(batch, at);
        RETURN;
    END IF;
    -- Locked through a join, not "id = ANY (…)": a row another transaction changed while this one
    -- waited is re-checked alone, not by scanning the whole list again.
    locked := ARRAY(SELECT a FROM (SELECT r.debit AS id FROM unnest(reqs) r UNION SELECT r.credit FROM unnest(reqs) r) u
                      JOIN ledger_accounts a ON a.id = u.id ORDER BY a.id FOR UPDATE OF a);
    WITH r AS (
        SELECT * FROM unnest(reqs)
    ), moves AS (
        SELECT r.pos, r.debit AS account, -r.amount AS delta FROM r
        UNION ALL
        SELECT r.pos, r.credit, r.amount FROM r
    ), running AS (                              -- each account's balance after each of its moves
        SELECT a.may_go_negative, a.reserved,
               a.balance::numeric + sum(m.delta) OVER (PARTITION BY m.account ORDER BY m.pos) AS after
          FROM moves m JOIN unnest(locked) a ON a.id = m.account
    )
    SELECT (SELECT bool_and(r.amount > 0 AND r.debit <> r.credit AND d.id IS NOT NULL AND c.id IS NOT NULL
                            AND coalesce(d.workspace_id = r.workspace, true)
                            AND coalesce(c.workspace_id = r.workspace, true)
                            AND (d.workspace_id IS NOT NULL OR c.workspace_id IS NOT NULL)
                            AND d.unit = c.unit
                            AND NOT EXISTS (SELECT 1 FROM ledger_transfers x
                                             WHERE x.workspace_id = r.workspace AND x.idempotency_key = r.key))
              FROM r LEFT JOIN unnest(locked) d ON d.id = r.debit LEFT JOIN unnest(locked) c ON c.id = r.credit)
       AND (SELECT count(DISTINCT (r.workspace, r.key)) = count(*) FROM r)
       AND (SELECT bool_and((may_go_negative OR after >= reserved)
                            AND after BETWEEN -9223372036854775808 AND 9223372036854775807) FROM running)
      INTO whole;
    IF whole IS NOT TRUE THEN
        RETURN QUERY SELECT * FROM plinth_ledger_transfer(batch, at);
        RETURN;
    END IF;
    RETURN QUERY
    WITH r AS (
        SELECT * FROM unnest(reqs)
    ), moves AS (
        SELECT r.pos, r.id, r.debit AS account, -r.amount AS delta FROM r
        UNION ALL
        SELECT r.pos, r.id, r.credit, r.amount FROM r
    ), running AS (
        SELECT m.id, m.account, m.delta, a.workspace_id,
               a.balance + sum(m.delta) OVER w AS after, a.last_sequence + row_number() OVER w AS sequence
          FROM moves m JOIN unnest(locked) a ON a.id = m.account
        WINDOW w AS (PARTITION BY m.account ORDER BY m.pos)
    ), balances AS (
        UPDATE ledger_accounts a SET balance = a.balance + s.total, last_sequence = a.last_sequence + s.moves
          FROM (SELECT account, sum(delta) AS total, count(*) AS moves FROM moves GROUP BY account) s
         WHERE a.id = s.account
    ), entries AS (
        INSERT INTO ledger_entries (account_id, sequence, workspace_id, transfer_id, amount, balance_after, created_at)
        SELECT x.account, x.sequence, x.workspace_id, x.id, x.delta, x.after, at FROM running x
    ), transfers AS (
        INSERT INTO ledger_transfers (id, workspace_id, idempotency_key, kind, debit_account_id, credit_account_id,
                                      amount, unit, type, description, metadata, instrument_id, luck_weight,
                                      outcome, boon_amount, judas_factor, expires_at, created_at)
        SELECT r.id, r.workspace, r.key, r.kind, r.debit, r.credit, r.amount, d.unit, r.type, r.description, r.metadata,
               r."instrumentId", r."luckWeight", r.outcome, r."boonAmount", r."judasFactor", r."expiresAt", at
          FROM r JOIN unnest(locked) d ON d.id = r.debit
        RETURNING *
    )
    SELECT t.* FROM transfers t JOIN r ON r.id = t.id ORDER BY r.pos;
END
$$;
