-- Plinth V5: emails are unique ignoring the case of ASCII letters only. lower() under the "C"
-- collation folds A-Z and nothing else on every PostgreSQL version and locale, which is exactly
-- what Plinth's Java code (io.plinth.tenancy.Emails) and its in-memory store compute; lower() under
-- the database's own locale folds more, differently on each server, and disagreed with both.
-- Every pair of emails equal under the new rule was equal under the old one, so no existing row
-- can break the new index.
DROP INDEX users_email_lower_key;
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email COLLATE "C"));
