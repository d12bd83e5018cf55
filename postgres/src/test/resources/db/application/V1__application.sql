-- An application's own schema, migrated by its own Flyway (history in public.flyway_schema_history),
-- with tables that carry Plinth's names but other columns: the database Plinth adopts in
-- AdoptExistingDatabaseTest and in the contract suite's "own schema" run (TestDatabase).
CREATE TABLE users (
    id         bigserial PRIMARY KEY,
    login      text NOT NULL UNIQUE,
    created_on date NOT NULL DEFAULT current_date
);
CREATE TABLE projects (
    id       bigserial PRIMARY KEY,
    owner_id bigint NOT NULL REFERENCES users (id),
    title    text NOT NULL
);
CREATE TABLE conversations (
    id      uuid PRIMARY KEY,
    user_id uuid NOT NULL,
    subject text
);
INSERT INTO users (login, created_on) VALUES ('ada', '2020-01-01'), ('grace', '2021-02-03');
INSERT INTO projects (owner_id, title) SELECT id, login || '''s project' FROM users;
INSERT INTO conversations (id, user_id, subject)
    VALUES ('00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-0000000000aa', 'the app''s own');
