/**
 * Declarations of tables, one per model, shared by every store: the columns and the record
 * components they hold, the primary key, the tenant column, the version column, unique keys and
 * foreign keys with their on-delete rule. The PostgreSQL store derives its SQL from a declaration,
 * the in-memory store enforces the same keys and cascades from it, and a test holds each declaration
 * against PostgreSQL's catalog. Plinth's plumbing for model authors, not an application API.
 */
package io.plinth.core.table;
