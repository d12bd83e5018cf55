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
