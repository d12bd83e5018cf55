-- Plinth V2: the Obelisk Pay ledger (seed 000's Transaction, seed 002's mandate of atomicity) and
-- the Klepsydra pulse profiles. Double entry: every posted transfer writes two entries, a debit and
-- a credit, in the same transaction as the balance updates. Transfers and entries are immutable.

-- Account codes and units are domains: their rules are checked when a value is written, not again
-- at each of the two balance updates a transfer makes.
CREATE DOMAIN plinth_ledger_code AS text CHECK (VALUE ~ '^[a-z][a-z0-9_.:-]*$' AND length(VALUE) <= 64);
CREATE DOMAIN plinth_ledger_unit AS text CHECK (VALUE ~ '^[A-Z][A-Z0-9]{1,9}$');

CREATE TABLE ledger_accounts (
    id              uuid               NOT NULL,
    workspace_id    uuid,                        -- NULL: a system account of the platform
    code            plinth_ledger_code NOT NULL,
    unit            plinth_ledger_unit NOT NULL,
    may_go_negative boolean            NOT NULL,
    balance         bigint             NOT NULL DEFAULT 0,
    reserved        bigint             NOT NULL DEFAULT 0,
    last_sequence   bigint             NOT NULL DEFAULT 0,
    created_at      timestamptz        NOT NULL DEFAULT now(),
    CONSTRAINT ledger_accounts_pkey PRIMARY KEY (id),
    CONSTRAINT ledger_accounts_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE RESTRICT,
    CONSTRAINT ledger_accounts_owner_code_unit_key UNIQUE NULLS NOT DISTINCT (workspace_id, code, unit),
    CONSTRAINT ledger_accounts_reserved_check CHECK (reserved >= 0),
    -- The limit rule, enforced by the database itself: no account that may not go negative ever does.
    CONSTRAINT ledger_accounts_available_check CHECK (may_go_negative OR balance >= reserved)
) WITH (fillfactor = 50);                        -- room for HOT updates of the balances

-- A transfer always involves an account of its workspace (see plinth_ledger_transfer), so the
-- RESTRICT above also keeps a workspace with ledger history from being deleted. Transfers and
-- entries refer to accounts, and accounts are never deleted nor moved: the references the ledger
-- functions check under lock cannot dangle, and need no foreign-key lookups on the hot path.
CREATE FUNCTION plinth_ledger_account_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger accounts are never deleted, and their owner, code and unit never change'
        USING ERRCODE = 'PLIM0';
END
$$;
CREATE TRIGGER ledger_accounts_fixed BEFORE DELETE OR UPDATE OF id, workspace_id, code, unit, may_go_negative
    ON ledger_accounts FOR EACH ROW EXECUTE FUNCTION plinth_ledger_account_fixed();

-- Kinds and types are enums: the database refuses any other value at no cost per row.
CREATE TYPE plinth_transfer_kind AS ENUM ('POSTED', 'PENDING', 'POST_PENDING', 'VOID_PENDING');
CREATE TYPE plinth_transfer_type AS ENUM ('CREDIT', 'DEBIT', 'TRIBUTE');

CREATE TABLE ledger_transfers (
    id                uuid                 NOT NULL,
    workspace_id      uuid                 NOT NULL,
    idempotency_key   varchar(128)         NOT NULL,
    kind              plinth_transfer_kind NOT NULL,
    debit_account_id  uuid                 NOT NULL,
    credit_account_id uuid                 NOT NULL,
    amount            bigint               NOT NULL,
    unit              text                 NOT NULL,
    type              plinth_transfer_type NOT NULL,
    description       varchar(500),
    metadata          jsonb,
    instrument_id     varchar(100),
    luck_weight       numeric(12, 6),
    outcome           varchar(50),
    boon_amount       bigint,
    judas_factor      numeric(7, 6),
    pending_id        uuid,
    expires_at        timestamptz,
    created_at        timestamptz          NOT NULL DEFAULT now(),
    CONSTRAINT ledger_transfers_pkey PRIMARY KEY (id),
    -- At most one transfer per idempotency key and workspace.
    CONSTRAINT ledger_transfers_idempotency_key_key UNIQUE (workspace_id, idempotency_key),
    -- The double-entry rule. The other rules of a request (a TRIBUTE has its details, only a pending
    -- transfer expires, ranges of the tribute's numbers) are checked by Plinth's records before any
    -- SQL runs, and the ledger functions — the only writers — set kinds and pending ids themselves:
    -- PostgreSQL prepares a table's CHECK expressions again at every insert, and a full set of them
    -- costs a third of a transfer's time.
    CONSTRAINT ledger_transfers_check CHECK (amount > 0 AND debit_account_id <> credit_account_id)
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
    CONSTRAINT ledger_entries_amount_check CHECK (amount <> 0)
);

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
    RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = state, MESSAGE = message, DETAIL = coalesce(detail, ''), HINT = coalesce(hint, '');
    RETURN false;                                -- never reached; lets queries call it
END
$$;

-- One transfer request, as PgLedgerRepository sends it (a JSON object per request, in a JSON array).
CREATE TYPE plinth_transfer_request AS (
    pos            integer,
    id             uuid,
    workspace      uuid,
    key            text,
    kind           plinth_transfer_kind,
    debit          uuid,
    credit         uuid,
    amount         bigint,
    type           plinth_transfer_type,
    description    text,
    metadata       jsonb,
    "instrumentId" text,
    "luckWeight"   numeric,
    outcome        text,
    "boonAmount"   bigint,
    "judasFactor"  numeric,
    "expiresAt"    timestamptz
);

-- Whether a stored transfer is what a request asked for (an idempotent repeat), or the key was
-- used for another request.
CREATE FUNCTION plinth_ledger_same(t ledger_transfers, r plinth_transfer_request) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    SELECT (t.kind, t.debit_account_id, t.credit_account_id, t.amount, t.type, t.description::text, t.metadata,
            t.instrument_id::text, t.luck_weight, t.outcome::text, t.boon_amount, t.judas_factor, t.expires_at)
           IS NOT DISTINCT FROM
           (r.kind, r.debit, r.credit, r.amount, r.type, r.description, r.metadata,
            r."instrumentId", r."luckWeight", r.outcome, r."boonAmount", r."judasFactor", r."expiresAt")
$$;

-- Executes a batch of transfer requests (a JSON array) atomically and in order, and returns one
-- transfer per request: the new one, or the one an earlier request with the same key made (the
-- same key with a different request is a conflict, raised here so that nothing of the batch is
-- kept even on an auto-commit connection). Accounts are locked in id order — a batch's all at
-- once — so transfers never deadlock.
CREATE FUNCTION plinth_ledger_transfer(batch jsonb, at timestamptz) RETURNS SETOF ledger_transfers
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

-- Posts (in full or in part) or voids a pending transfer, exactly once; returns the resolving
-- transfer, or the one an earlier resolution with the same key made.
CREATE FUNCTION plinth_ledger_resolve(p_id uuid, p_ws uuid, p_key text, p_pending uuid, p_post boolean,
                                      p_requested bigint, p_at timestamptz) RETURNS SETOF ledger_transfers
    LANGUAGE plpgsql AS $$
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
    IF FOUND AND t.workspace_id = p_ws AND t.idempotency_key = p_key THEN
        RETURN NEXT t;                           -- the same resolution, made meanwhile by a concurrent call
        RETURN;
    ELSIF FOUND THEN
        PERFORM plinth_ledger_fail('PLCF0', 'pending transfer ' || p.id || ' was already resolved by ' || t.kind);
    END IF;
    IF p_post AND p.expires_at IS NOT NULL AND p_at >= p.expires_at THEN
        PERFORM plinth_ledger_fail('PLCF0', 'pending transfer ' || p.id || ' expired at ' || p.expires_at);
    END IF;
    amount := coalesce(p_requested, p.amount);
    IF amount > p.amount THEN
        PERFORM plinth_ledger_fail('PLIV0', 'must not exceed the pending amount ' || p.amount, 'amount');
    END IF;
    SELECT * INTO d FROM ledger_accounts a WHERE a.id = p.debit_account_id;
    SELECT * INTO c FROM ledger_accounts a WHERE a.id = p.credit_account_id;
    IF p_post AND (c.balance > 9223372036854775807 - amount OR d.balance < amount - 9223372036854775807 - 1) THEN
        PERFORM plinth_ledger_fail('PLIV0', 'would overflow an account''s balance', 'amount');
    END IF;
    INSERT INTO ledger_transfers (id, workspace_id, idempotency_key, kind, debit_account_id, credit_account_id, amount,
                                  unit, type, description, metadata, pending_id, created_at)
    VALUES (p_id, p_ws, p_key, (CASE WHEN p_post THEN 'POST_PENDING' ELSE 'VOID_PENDING' END)::plinth_transfer_kind,
            p.debit_account_id,
            p.credit_account_id, amount, p.unit, p.type, p.description, p.metadata, p.id, p_at)
    RETURNING * INTO t;
    IF p_post THEN
        UPDATE ledger_accounts a SET balance = a.balance - amount, reserved = a.reserved - p.amount,
                                     last_sequence = a.last_sequence + 1
            WHERE a.id = d.id RETURNING a.balance, a.last_sequence INTO d.balance, d.last_sequence;
        UPDATE ledger_accounts a SET balance = a.balance + amount, last_sequence = a.last_sequence + 1
            WHERE a.id = c.id RETURNING a.balance, a.last_sequence INTO c.balance, c.last_sequence;
        INSERT INTO ledger_entries (account_id, sequence, workspace_id, transfer_id, amount, balance_after, created_at)
        VALUES (d.id, d.last_sequence, d.workspace_id, t.id, -amount, d.balance, p_at),
               (c.id, c.last_sequence, c.workspace_id, t.id, amount, c.balance, p_at);
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
