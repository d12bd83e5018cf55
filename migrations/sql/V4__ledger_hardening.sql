-- Plinth V4: ledger hardening.

-- TRUNCATE empties a table without firing its row triggers: the ledger's tables refuse it too, with
-- the SQLState of every other change they refuse (PLIM0). A superuser who must empty them (a test
-- database) sets session_replication_role = replica for that statement, which skips triggers.
CREATE TRIGGER ledger_transfers_no_truncate BEFORE TRUNCATE ON ledger_transfers
    FOR EACH STATEMENT EXECUTE FUNCTION plinth_ledger_immutable();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION plinth_ledger_immutable();
CREATE TRIGGER ledger_accounts_no_truncate BEFORE TRUNCATE ON ledger_accounts
    FOR EACH STATEMENT EXECUTE FUNCTION plinth_ledger_account_fixed();

-- Money that belongs to nobody: debiting a system account (the platform's, workspace_id NULL, which
-- may go negative) mints money. Only a request sent as the platform's may do it: Plinth's
-- platformTransfer and platformTransferAll send "platform": true; a request without the flag, as
-- every workspace-scoped call and every older caller sends, is refused (PLIV0, debitAccountId) right
-- after its accounts are found, before its key is looked up. The functions enforce it themselves, so
-- raw SQL cannot mint by accident either.
ALTER TYPE plinth_transfer_request ADD ATTRIBUTE platform boolean;

-- V2's function, with the platform rule as its third check.
CREATE OR REPLACE FUNCTION plinth_ledger_transfer(batch jsonb, at timestamptz) RETURNS SETOF ledger_transfers
    LANGUAGE plpgsql AS $$
DECLARE
    r plinth_transfer_request;
    t ledger_transfers;
    acct ledger_accounts;
    d ledger_accounts;
    c ledger_accounts;
BEGIN
    IF jsonb_array_length(batch) > 1 THEN
        PERFORM 1 FROM ledger_accounts
            WHERE id = ANY (ARRAY(SELECT (e ->> 'debit')::uuid FROM jsonb_array_elements(batch) e
                                  UNION SELECT (e ->> 'credit')::uuid FROM jsonb_array_elements(batch) e))
            ORDER BY id FOR UPDATE;
    END IF;
    FOR r IN SELECT * FROM jsonb_populate_recordset(NULL::plinth_transfer_request, batch) LOOP
        d := NULL;
        c := NULL;
        FOR acct IN SELECT * FROM ledger_accounts x WHERE x.id IN (r.debit, r.credit) ORDER BY x.id FOR UPDATE LOOP
            IF acct.id = r.debit THEN
                d := acct;
            ELSE
                c := acct;
            END IF;
        END LOOP;
        IF d.id IS NULL OR d.workspace_id <> r.workspace THEN
            PERFORM plinth_ledger_fail('PLNF0', 'account ' || r.debit || ' not found', 'account', r.debit::text);
        END IF;
        IF c.id IS NULL OR c.workspace_id <> r.workspace THEN
            PERFORM plinth_ledger_fail('PLNF0', 'account ' || r.credit || ' not found', 'account', r.credit::text);
        END IF;
        IF d.workspace_id IS NULL AND NOT coalesce(r.platform, false) THEN
            PERFORM plinth_ledger_fail('PLIV0', 'must not be a system account: debiting one mints money, '
                || 'which only a platform transfer may do', 'debitAccountId');
        END IF;
        SELECT * INTO t FROM ledger_transfers x WHERE x.workspace_id = r.workspace AND x.idempotency_key = r.key;
        IF FOUND THEN                            -- a repeat: return what the first request did
            IF NOT plinth_ledger_same(t, r) THEN
                PERFORM plinth_ledger_fail('PLCF0', 'idempotency key ' || r.key
                    || ' was already used for a different transfer ' || t.id);
            END IF;
            RETURN NEXT t;
            CONTINUE;
        END IF;
        IF d.workspace_id IS NULL AND c.workspace_id IS NULL THEN
            PERFORM plinth_ledger_fail('PLIV0', 'must own the debit or the credit account', 'workspaceId');
        END IF;
        IF d.unit <> c.unit THEN
            PERFORM plinth_ledger_fail('PLIV0', 'must hold the debit account''s unit ' || d.unit || ', not ' || c.unit,
                                       'creditAccountId');
        END IF;
        IF r.kind = 'PENDING' AND r."expiresAt" <= at THEN
            PERFORM plinth_ledger_fail('PLIV0', 'must be in the future', 'expiresAt');
        END IF;
        IF r.kind = 'PENDING' AND d.reserved > 9223372036854775807 - r.amount
                OR r.kind = 'POSTED' AND (d.balance < r.amount - 9223372036854775807 - 1
                                          OR c.balance > 9223372036854775807 - r.amount) THEN
            PERFORM plinth_ledger_fail('PLIV0', 'would overflow an account''s balance', 'amount');
        END IF;
        IF NOT d.may_go_negative AND d.balance::numeric - d.reserved < r.amount THEN
            PERFORM plinth_ledger_fail('PLIF0', 'account ' || d.id || ' has ' || (d.balance - d.reserved) || ' '
                || d.unit || ' available, not enough for this transfer');
        END IF;
        -- One statement writes the transfer, both balances (or the reservation) and both entries.
        -- Two requests with the same key at once: the second waits for the first on the unique
        -- index and fails with a unique violation, which Plinth retries (and the retry finds it).
        WITH transfer AS (
            INSERT INTO ledger_transfers (id, workspace_id, idempotency_key, kind, debit_account_id, credit_account_id,
                                          amount, unit, type, description, metadata, instrument_id, luck_weight,
                                          outcome, boon_amount, judas_factor, expires_at, created_at)
            VALUES (r.id, r.workspace, r.key, r.kind, d.id, c.id, r.amount, d.unit, r.type, r.description, r.metadata,
                    r."instrumentId", r."luckWeight", r.outcome, r."boonAmount", r."judasFactor", r."expiresAt", at)
            RETURNING *
        ), reserved AS (
            UPDATE ledger_accounts a SET reserved = a.reserved + r.amount WHERE a.id = d.id AND r.kind = 'PENDING'
        ), moved AS (
            UPDATE ledger_accounts a
               SET balance = a.balance + CASE WHEN a.id = d.id THEN -r.amount ELSE r.amount END,
                   last_sequence = a.last_sequence + 1
             WHERE a.id IN (d.id, c.id) AND r.kind = 'POSTED'
            RETURNING a.id, a.workspace_id, a.balance, a.last_sequence
        ), entries AS (
            INSERT INTO ledger_entries (account_id, sequence, workspace_id, transfer_id, amount, balance_after, created_at)
            SELECT m.id, m.last_sequence, m.workspace_id, r.id, CASE WHEN m.id = d.id THEN -r.amount ELSE r.amount END,
                   m.balance, at
              FROM moved m
        )
        SELECT * INTO t FROM transfer;
        RETURN NEXT t;
    END LOOP;
END
$$;

-- V3's function, with the platform rule in its whole-batch check (a batch that breaks it goes to the
-- function above, which reports it in the batch's order).
CREATE OR REPLACE FUNCTION plinth_ledger_transfer_batch(batch jsonb, at timestamptz) RETURNS SETOF ledger_transfers
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
                            AND (d.workspace_id IS NOT NULL OR coalesce(r.platform, false))
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
