-- Independent batches (LedgerRepository.transferEach, and the group commit of concurrent single
-- transfers): each request of the batch runs as a lone plinth_ledger_transfer call would, in a
-- subtransaction of its own (a PL/pgSQL block with an EXCEPTION clause), so one request's failure
-- rolls back that request only and is returned, in full, as its outcome: the client rebuilds from it
-- the exception the lone call would have raised. The whole batch is one statement: one round trip,
-- one commit. Every account the batch names is locked first, in id order, as a lone transfer locks its
-- two: batches running side by side (group commit keeps more than one in flight) never deadlock.
CREATE FUNCTION plinth_ledger_transfer_each(batch jsonb, at timestamptz)
    RETURNS TABLE (pos integer, outcome ledger_transfers, err_state text, err_message text, err_detail text,
                   err_hint text, err_constraint text, err_table text, err_column text)
    LANGUAGE plpgsql AS $$
DECLARE
    item jsonb;
    n integer;
BEGIN
    PERFORM 1 FROM ledger_accounts
        WHERE id = ANY (ARRAY(SELECT (e ->> 'debit')::uuid FROM jsonb_array_elements(batch) e
                              UNION SELECT (e ->> 'credit')::uuid FROM jsonb_array_elements(batch) e))
        ORDER BY id FOR UPDATE;
    FOR item, n IN SELECT e.value, e.ordinality::integer - 1 FROM jsonb_array_elements(batch) WITH ORDINALITY e
                   ORDER BY e.ordinality LOOP
        pos := n;
        outcome := NULL;
        err_state := NULL;
        err_message := NULL;
        err_detail := NULL;
        err_hint := NULL;
        err_constraint := NULL;
        err_table := NULL;
        err_column := NULL;
        BEGIN
            -- As a lone call: a batch of one, at position 0.
            SELECT * INTO outcome FROM plinth_ledger_transfer(jsonb_build_array(jsonb_set(item, '{pos}', '0')), at);
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS err_state = RETURNED_SQLSTATE, err_message = MESSAGE_TEXT,
                err_detail = PG_EXCEPTION_DETAIL, err_hint = PG_EXCEPTION_HINT, err_constraint = CONSTRAINT_NAME,
                err_table = TABLE_NAME, err_column = COLUMN_NAME;
            outcome := NULL;
        END;
        RETURN NEXT;
    END LOOP;
END
$$;
