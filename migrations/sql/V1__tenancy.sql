-- Plinth V1: tenancy. Users and sessions follow seed 004's Prisma schema (table and column names,
-- nullability, defaults, cascades); workspaces and memberships follow seed 000; projects seed 003.
-- Stricter types (uuid, timestamptz, jsonb) and CHECKs mirror the validation in Plinth's Java records.
-- Plinth always passes timestamps as parameters; the column defaults serve other writers (Prisma).

CREATE TABLE users (
    user_id                           uuid        NOT NULL DEFAULT gen_random_uuid(),
    email                             text        NOT NULL,
    hashed_password                   text,
    name                              text,
    region                            text        NOT NULL DEFAULT 'us',
    timezone                          text                 DEFAULT 'UTC',
    language_preference               text                 DEFAULT 'en',
    profile_picture_url               text,
    account_status                    text        NOT NULL DEFAULT 'active',
    created_at                        timestamptz NOT NULL DEFAULT now(),
    last_active_at                    timestamptz,
    memory_profile                    jsonb,
    knowledge_graph_schema            jsonb,
    next_conversation_context_package jsonb,
    last_cycle_started_at             timestamptz,
    concepts_created_in_cycle         integer     NOT NULL DEFAULT 0,
    preferences                       jsonb,
    updated_at                        timestamptz NOT NULL DEFAULT now(),
    version                           bigint      NOT NULL DEFAULT 0,
    CONSTRAINT users_pkey PRIMARY KEY (user_id),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_email_check CHECK (length(email) BETWEEN 3 AND 254 AND position('@' IN email) > 1),
    CONSTRAINT users_hashed_password_check CHECK (length(hashed_password) BETWEEN 1 AND 255),
    CONSTRAINT users_name_check CHECK (length(name) <= 200 AND btrim(name) <> ''),
    CONSTRAINT users_account_status_check CHECK (account_status IN ('active', 'suspended', 'deactivated')),
    CONSTRAINT users_concepts_created_in_cycle_check CHECK (concepts_created_in_cycle >= 0),
    CONSTRAINT users_version_check CHECK (version >= 0)
);
-- Emails are unique ignoring case; findByEmail uses this index.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

CREATE TABLE workspaces (
    id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    name       text        NOT NULL,
    owner_id   uuid        NOT NULL,
    plan_tier  text        NOT NULL DEFAULT 'Apprentice',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0,
    CONSTRAINT workspaces_pkey PRIMARY KEY (id),
    CONSTRAINT workspaces_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES users (user_id) ON DELETE RESTRICT,
    CONSTRAINT workspaces_name_check CHECK (length(name) <= 200 AND btrim(name) <> ''),
    CONSTRAINT workspaces_plan_tier_check CHECK (plan_tier IN ('Apprentice', 'Artisan', 'Priesthood')),
    CONSTRAINT workspaces_version_check CHECK (version >= 0)
);
CREATE INDEX workspaces_owner_id_idx ON workspaces (owner_id);

CREATE TABLE workspace_members (
    workspace_id uuid        NOT NULL,
    user_id      uuid        NOT NULL,
    role         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint      NOT NULL DEFAULT 0,
    CONSTRAINT workspace_members_pkey PRIMARY KEY (workspace_id, user_id),
    CONSTRAINT workspace_members_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT workspace_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT workspace_members_role_check CHECK (role IN ('ADMIN', 'MANAGER', 'OPERATOR', 'AUDITOR')),
    CONSTRAINT workspace_members_version_check CHECK (version >= 0)
);
-- "Which workspaces is this user in?" (listForUser) and the cascade from users.
CREATE INDEX workspace_members_user_id_workspace_id_idx ON workspace_members (user_id, workspace_id);

CREATE TABLE projects (
    id           uuid        NOT NULL DEFAULT gen_random_uuid(),
    workspace_id uuid        NOT NULL,
    name         text        NOT NULL,
    key_name     text        NOT NULL,
    description  text,
    created_by   uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint      NOT NULL DEFAULT 0,
    CONSTRAINT projects_pkey PRIMARY KEY (id),
    CONSTRAINT projects_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT projects_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (user_id) ON DELETE SET NULL,
    -- also serves as the tenant index: every scoped query leads with workspace_id
    CONSTRAINT projects_workspace_id_key_name_key UNIQUE (workspace_id, key_name),
    CONSTRAINT projects_name_check CHECK (length(name) <= 255 AND btrim(name) <> ''),
    CONSTRAINT projects_key_name_check CHECK (length(key_name) <= 50 AND key_name ~ '^[A-Z][A-Z0-9_]*$'),
    CONSTRAINT projects_description_check CHECK (length(description) <= 10000),
    CONSTRAINT projects_version_check CHECK (version >= 0)
);
CREATE INDEX projects_workspace_id_id_idx ON projects (workspace_id, id);
CREATE INDEX projects_created_by_idx ON projects (created_by);

CREATE TABLE user_sessions (
    session_id     uuid        NOT NULL DEFAULT gen_random_uuid(),
    user_id        uuid        NOT NULL,
    device_info    jsonb,
    ip_address     text,
    user_agent     text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    last_active_at timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT user_sessions_pkey PRIMARY KEY (session_id),
    CONSTRAINT user_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT user_sessions_ip_address_check CHECK (length(ip_address) <= 45),
    CONSTRAINT user_sessions_user_agent_check CHECK (length(user_agent) <= 1000),
    CONSTRAINT user_sessions_version_check CHECK (version >= 0)
);
-- Scoped lookups and listings (user_id, then id), and the live-session listing.
CREATE INDEX user_sessions_user_id_session_id_idx ON user_sessions (user_id, session_id);
CREATE INDEX user_sessions_user_id_expires_at_idx ON user_sessions (user_id, expires_at);
