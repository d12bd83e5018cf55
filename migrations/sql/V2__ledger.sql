-- Plinth V2: the Obelisk Pay ledger (seed 000's Transaction, seed 002's mandate of atomicity) and
-- the Klepsydra pulse profiles. Double entry: every posted transfer writes two entries, a debit and
-- a credit, in the same transaction as the balance updates. Transfers and entries are immutable.

CREATE TABLE ledger_accounts (
    id              uuid        NOT NULL,
    workspace_id    uuid,                        -- NULL: a system account of the platform
    code            text        NOT NULL,
    unit            text        NOT NULL,
    may_go_negative boolean     NOT NULL,
    balance         bigint      NOT NULL DEFAULT 0,
    reserved        bigint      NOT NULL DEFAULT 0,
    last_sequence   bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ledger_accounts_pkey PRIMARY KEY (id),
    CONSTRAINT ledger_accounts_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE RESTRICT,
    CONSTRAINT ledger_accounts_owner_code_unit_key UNIQUE NULLS NOT DISTINCT (workspace_id, code, unit),
    CONSTRAINT ledger_accounts_code_check CHECK (code ~ '^[a-z][a-z0-9_.:-]*$' AND length(code) <= 64),
    CONSTRAINT ledger_accounts_unit_check CHECK (unit ~ '^[A-Z][A-Z0-9]{1,9}$'),
    CONSTRAINT ledger_accounts_reserved_check CHECK (reserved >= 0),
    -- The limit rule, enforced by the database itself: no account that may not go negative ever does.
    CONSTRAINT ledger_accounts_available_check CHECK (may_go_negative OR balance >= reserved)
);

CREATE TABLE ledger_transfers (
    id                uuid        NOT NULL,
    workspace_id      uuid        NOT NULL,
    idempotency_key   text        NOT NULL,
    kind              text        NOT NULL,
    debit_account_id  uuid        NOT NULL,
    credit_account_id uuid        NOT NULL,
    amount            bigint      NOT NULL,
    unit              text        NOT NULL,
    type              text        NOT NULL,
    description       text,
    metadata          jsonb,
    instrument_id     text,
    luck_weight       numeric(12, 6),
    outcome           text,
    boon_amount       bigint,
    judas_factor      numeric(7, 6),
    pending_id        uuid,
    expires_at        timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ledger_transfers_pkey PRIMARY KEY (id),
    CONSTRAINT ledger_transfers_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE RESTRICT,
    CONSTRAINT ledger_transfers_debit_account_id_fkey FOREIGN KEY (debit_account_id) REFERENCES ledger_accounts (id),
    CONSTRAINT ledger_transfers_credit_account_id_fkey FOREIGN KEY (credit_account_id) REFERENCES ledger_accounts (id),
    CONSTRAINT ledger_transfers_pending_id_fkey FOREIGN KEY (pending_id) REFERENCES ledger_transfers (id),
    -- At most one transfer per idempotency key and workspace.
    CONSTRAINT ledger_transfers_idempotency_key_key UNIQUE (workspace_id, idempotency_key),
    CONSTRAINT ledger_transfers_idempotency_key_check CHECK (idempotency_key ~ '^[!-~]{1,128}$'),
    CONSTRAINT ledger_transfers_kind_check CHECK (kind IN ('POSTED', 'PENDING', 'POST_PENDING', 'VOID_PENDING')),
    CONSTRAINT ledger_transfers_type_check CHECK (type IN ('CREDIT', 'DEBIT', 'TRIBUTE')),
    CONSTRAINT ledger_transfers_amount_check CHECK (amount > 0),
    CONSTRAINT ledger_transfers_accounts_check CHECK (debit_account_id <> credit_account_id),
    CONSTRAINT ledger_transfers_description_check CHECK (length(description) <= 500),
    CONSTRAINT ledger_transfers_tribute_check CHECK ((type = 'TRIBUTE') = (instrument_id IS NOT NULL)
        AND (instrument_id IS NULL OR (luck_weight >= 0 AND outcome IS NOT NULL AND boon_amount >= 0))),
    CONSTRAINT ledger_transfers_judas_factor_check CHECK (judas_factor BETWEEN 0 AND 1),
    CONSTRAINT ledger_transfers_pending_check CHECK ((pending_id IS NOT NULL) = (kind IN ('POST_PENDING', 'VOID_PENDING'))),
    CONSTRAINT ledger_transfers_expires_at_check CHECK (expires_at IS NULL OR kind = 'PENDING')
);
-- A pending transfer resolves (post or void) at most once.
CREATE UNIQUE INDEX ledger_transfers_resolves_once ON ledger_transfers (pending_id) WHERE pending_id IS NOT NULL;
-- Sweeping expired pending transfers.
CREATE INDEX ledger_transfers_pending_expiry_idx ON ledger_transfers (expires_at) WHERE kind = 'PENDING';

CREATE TABLE ledger_entries (
    account_id    uuid        NOT NULL,
    sequence      bigint      NOT NULL,
    workspace_id  uuid,                          -- the account's workspace (tenant column); NULL for system accounts
    transfer_id   uuid        NOT NULL,
    amount        bigint      NOT NULL,
    balance_after bigint      NOT NULL,
    created_at    timestamptz NOT NULL,
    CONSTRAINT ledger_entries_pkey PRIMARY KEY (account_id, sequence),
    CONSTRAINT ledger_entries_account_id_fkey FOREIGN KEY (account_id) REFERENCES ledger_accounts (id),
    CONSTRAINT ledger_entries_transfer_id_fkey FOREIGN KEY (transfer_id) REFERENCES ledger_transfers (id),
    CONSTRAINT ledger_entries_amount_check CHECK (amount <> 0)
);
CREATE INDEX ledger_entries_transfer_id_idx ON ledger_entries (transfer_id);
CREATE INDEX ledger_entries_workspace_id_idx ON ledger_entries (workspace_id);

-- Transfers and entries are immutable: the database rejects UPDATE and DELETE. A correction is a
-- reversing transfer.
CREATE FUNCTION plinth_ledger_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is immutable: % is not allowed; correct a transfer with a reversing transfer',
        TG_TABLE_NAME, TG_OP USING ERRCODE = 'PLIM0';
END
$$;
CREATE TRIGGER ledger_transfers_immutable BEFORE UPDATE OR DELETE ON ledger_transfers
    FOR EACH ROW EXECUTE FUNCTION plinth_ledger_immutable();
CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION plinth_ledger_immutable();

-- Raises Plinth's errors with their own SQLStates: PLNF0 not found (detail: entity, hint: id),
-- PLIV0 invalid input (detail: field), PLIF0 insufficient funds, PLCF0 conflict.
CREATE FUNCTION plinth_ledger_fail(state text, message text, detail text DEFAULT NULL, hint text DEFAULT NULL)
    RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = state, MESSAGE = message, DETAIL = coalesce(detail, ''), HINT = coalesce(hint, '');
END
$$;

-- Moves money between two locked accounts: updates both balances and writes the two entries.
CREATE FUNCTION plinth_ledger_move(d ledger_accounts, c ledger_accounts, amount bigint, release bigint,
                                   transfer uuid, at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF d.balance::numeric - amount < -9223372036854775808 OR c.balance::numeric + amount > 9223372036854775807 THEN
        PERFORM plinth_ledger_fail('PLIV0', 'would overflow an account''s balance', 'amount');
    END IF;
    UPDATE ledger_accounts SET balance = balance - amount, reserved = reserved - release, last_sequence = last_sequence + 1
        WHERE id = d.id RETURNING * INTO d;
    UPDATE ledger_accounts SET balance = balance + amount, last_sequence = last_sequence + 1
        WHERE id = c.id RETURNING * INTO c;
    INSERT INTO ledger_entries (account_id, sequence, workspace_id, transfer_id, amount, balance_after, created_at)
    VALUES (d.id, d.last_sequence, d.workspace_id, transfer, -amount, d.balance, at),
           (c.id, c.last_sequence, c.workspace_id, transfer, amount, c.balance, at);
END
$$;

-- Executes a batch of transfer requests (a JSON array) atomically, in order, and returns one
-- transfer per request: the new one, or the one an earlier request with the same key made.
-- Locks every account of the batch in id order first, so concurrent batches never deadlock.
CREATE FUNCTION plinth_ledger_transfer(batch jsonb, at timestamptz) RETURNS SETOF ledger_transfers
    LANGUAGE plpgsql AS $$
DECLARE
    r  jsonb;
    t  ledger_transfers;
    d  ledger_accounts;
    c  ledger_accounts;
    ws uuid;
    amount bigint;
BEGIN
    PERFORM 1 FROM ledger_accounts
        WHERE id IN (SELECT (e ->> 'debit')::uuid FROM jsonb_array_elements(batch) e
                     UNION SELECT (e ->> 'credit')::uuid FROM jsonb_array_elements(batch) e)
        ORDER BY id FOR UPDATE;
    FOR r IN SELECT e FROM jsonb_array_elements(batch) e LOOP
        ws := (r ->> 'workspace')::uuid;
        SELECT * INTO t FROM ledger_transfers WHERE workspace_id = ws AND idempotency_key = r ->> 'key';
        IF FOUND THEN
            RETURN NEXT t;
            CONTINUE;
        END IF;
        PERFORM 1 FROM workspaces WHERE id = ws;
        IF NOT FOUND THEN
            PERFORM plinth_ledger_fail('PLNF0', 'workspace ' || ws || ' not found', 'workspace', ws::text);
        END IF;
        SELECT * INTO d FROM ledger_accounts WHERE id = (r ->> 'debit')::uuid AND (workspace_id IS NULL OR workspace_id = ws);
        IF NOT FOUND THEN
            PERFORM plinth_ledger_fail('PLNF0', 'account ' || (r ->> 'debit') || ' not found', 'account', r ->> 'debit');
        END IF;
        SELECT * INTO c FROM ledger_accounts WHERE id = (r ->> 'credit')::uuid AND (workspace_id IS NULL OR workspace_id = ws);
        IF NOT FOUND THEN
            PERFORM plinth_ledger_fail('PLNF0', 'account ' || (r ->> 'credit') || ' not found', 'account', r ->> 'credit');
        END IF;
        IF d.unit <> c.unit THEN
            PERFORM plinth_ledger_fail('PLIV0', 'must hold the debit account''s unit ' || d.unit || ', not ' || c.unit,
                                       'creditAccountId');
        END IF;
        amount := (r ->> 'amount')::bigint;
        IF r ->> 'kind' = 'PENDING' THEN
            IF (r ->> 'expiresAt')::timestamptz <= at THEN
                PERFORM plinth_ledger_fail('PLIV0', 'must be in the future', 'expiresAt');
            END IF;
            IF d.reserved::numeric + amount > 9223372036854775807 THEN
                PERFORM plinth_ledger_fail('PLIV0', 'would overflow an account''s balance', 'amount');
            END IF;
            IF NOT d.may_go_negative AND d.balance::numeric - d.reserved - amount < 0 THEN
                PERFORM plinth_ledger_fail('PLIF0', 'account ' || d.id || ' has ' || (d.balance - d.reserved) || ' '
                    || d.unit || ' available, not enough for this transfer');
            END IF;
            UPDATE ledger_accounts SET reserved = reserved + amount WHERE id = d.id;
        ELSIF NOT d.may_go_negative AND d.balance::numeric - d.reserved - amount < 0 THEN
            PERFORM plinth_ledger_fail('PLIF0', 'account ' || d.id || ' has ' || (d.balance - d.reserved) || ' '
                || d.unit || ' available, not enough for this transfer');
        END IF;
        INSERT INTO ledger_transfers (id, workspace_id, idempotency_key, kind, debit_account_id, credit_account_id,
                                      amount, unit, type, description, metadata, instrument_id, luck_weight, outcome,
                                      boon_amount, judas_factor, expires_at, created_at)
        VALUES ((r ->> 'id')::uuid, ws, r ->> 'key', r ->> 'kind', d.id, c.id, amount, d.unit, r ->> 'type',
                r ->> 'description', r -> 'metadata', r ->> 'instrumentId', (r ->> 'luckWeight')::numeric,
                r ->> 'outcome', (r ->> 'boonAmount')::bigint, (r ->> 'judasFactor')::numeric,
                (r ->> 'expiresAt')::timestamptz, at)
        RETURNING * INTO t;
        IF r ->> 'kind' = 'POSTED' THEN
            PERFORM plinth_ledger_move(d, c, amount, 0, t.id, at);
        END IF;
        RETURN NEXT t;
    END LOOP;
END
$$;

-- Posts (in full or in part) or voids a pending transfer, exactly once; returns the resolving
-- transfer, or the one an earlier resolution with the same key made.
CREATE FUNCTION plinth_ledger_resolve(p_id uuid, p_ws uuid, p_key text, p_pending uuid, p_post boolean,
                                      p_requested bigint, p_at timestamptz) RETURNS SETOF ledger_transfers LANGUAGE plpgsql AS $$
DECLARE
    p ledger_transfers;
    t ledger_transfers;
    d ledger_accounts;
    c ledger_accounts;
    amount bigint;
BEGIN
    SELECT * INTO t FROM ledger_transfers x WHERE x.workspace_id = p_ws AND x.idempotency_key = p_key;
    IF FOUND THEN
        RETURN NEXT t;
        RETURN;
    END IF;
    SELECT * INTO p FROM ledger_transfers x WHERE x.id = p_pending AND x.workspace_id = p_ws;
    IF NOT FOUND THEN
        PERFORM plinth_ledger_fail('PLNF0', 'transfer ' || p_pending || ' not found', 'transfer', p_pending::text);
    END IF;
    PERFORM 1 FROM ledger_accounts a WHERE a.id IN (p.debit_account_id, p.credit_account_id) ORDER BY a.id FOR UPDATE;
    IF p.kind <> 'PENDING' THEN
        PERFORM plinth_ledger_fail('PLIV0', 'must name a pending transfer, not a ' || p.kind || ' one', 'pendingId');
    END IF;
    SELECT * INTO t FROM ledger_transfers x WHERE x.pending_id = p.id;
    IF FOUND THEN
        PERFORM plinth_ledger_fail('PLCF0', 'pending transfer ' || p.id || ' was already resolved by ' || t.kind);
    END IF;
    IF p_post AND p.expires_at IS NOT NULL AND p_at >= p.expires_at THEN
        PERFORM plinth_ledger_fail('PLCF0', 'pending transfer ' || p.id || ' expired at ' || p.expires_at);
    END IF;
    amount := coalesce(p_requested, p.amount);
    IF amount > p.amount THEN
        PERFORM plinth_ledger_fail('PLIV0', 'must not exceed the pending amount ' || p.amount, 'amount');
    END IF;
    INSERT INTO ledger_transfers (id, workspace_id, idempotency_key, kind, debit_account_id, credit_account_id, amount,
                                  unit, type, description, metadata, pending_id, created_at)
    VALUES (p_id, p_ws, p_key, CASE WHEN p_post THEN 'POST_PENDING' ELSE 'VOID_PENDING' END, p.debit_account_id,
            p.credit_account_id, amount, p.unit, p.type, p.description, p.metadata, p.id, p_at)
    RETURNING * INTO t;
    SELECT * INTO d FROM ledger_accounts a WHERE a.id = p.debit_account_id;
    IF p_post THEN
        SELECT * INTO c FROM ledger_accounts a WHERE a.id = p.credit_account_id;
        PERFORM plinth_ledger_move(d, c, amount, p.amount, t.id, p_at);
    ELSE
        UPDATE ledger_accounts a SET reserved = a.reserved - p.amount WHERE a.id = d.id;
    END IF;
    RETURN NEXT t;
END
$$;

CREATE TABLE pulse_profiles (
    user_id              uuid             NOT NULL,
    consecutive_losses   integer          NOT NULL DEFAULT 0,
    last_event_timestamp timestamptz,
    frustration          double precision NOT NULL DEFAULT 0.5,
    flow_state           double precision NOT NULL DEFAULT 0.5,
    risk_aversion        double precision NOT NULL DEFAULT 0.5,
    updated_at           timestamptz      NOT NULL DEFAULT now(),
    version              bigint           NOT NULL DEFAULT 0,
    CONSTRAINT pulse_profiles_pkey PRIMARY KEY (user_id),
    CONSTRAINT pulse_profiles_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT pulse_profiles_consecutive_losses_check CHECK (consecutive_losses >= 0),
    -- NaN sorts above every number in PostgreSQL, so BETWEEN also rejects it.
    CONSTRAINT pulse_profiles_frustration_check CHECK (frustration BETWEEN 0 AND 1),
    CONSTRAINT pulse_profiles_flow_state_check CHECK (flow_state BETWEEN 0 AND 1),
    CONSTRAINT pulse_profiles_risk_aversion_check CHECK (risk_aversion BETWEEN 0 AND 1)
);
