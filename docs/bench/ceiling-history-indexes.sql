-- Indexes ceiling_transfers as a ledger is read — each transfer found by its id, by its key, and
-- under both of its accounts: four index entries per transfer instead of one. batch-floor.sql run
-- after this measures that floor. Its ids are random, so (account, id) costs what a history index
-- costs without giving the order a history needs; the floor flatters the ledger all the more.
ALTER TABLE ceiling_transfers ADD PRIMARY KEY (id);
CREATE INDEX ON ceiling_transfers (debit, id);
CREATE INDEX ON ceiling_transfers (credit, id);
