-- Every group of every server that names this database; each table is keyed by the group first.
CREATE TABLE chat_group (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- text holds the message unless it contains U+0000, which PostgreSQL's text cannot: then text_utf8 holds its bytes.
-- No foreign key to chat_group: its check locks the group's row once per inserted message, which made an append of
-- 27 messages 7x slower (3.9 against 0.58 ms); the store takes group_id from chat_group itself.
CREATE TABLE message (
    group_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    ts BIGINT NOT NULL,
    sender_id TEXT NOT NULL,
    sender_name TEXT NOT NULL,
    text TEXT,
    text_utf8 BYTEA,
    PRIMARY KEY (group_id, seq),
    CONSTRAINT message_id_once UNIQUE (group_id, id),
    CONSTRAINT message_text_once CHECK ((text IS NULL) <> (text_utf8 IS NULL))
);
CREATE INDEX message_ts ON message (group_id, ts, seq);

CREATE TABLE member (
    group_id BIGINT NOT NULL REFERENCES chat_group(id),
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    joined_ts BIGINT NOT NULL,
    PRIMARY KEY (group_id, id)
);

-- A message as PROTOCOL.md writes it, field for field, so row_to_json builds a FETCH's JSON in the database.
CREATE TYPE chat_sender AS (id TEXT, name TEXT);
CREATE TYPE chat_message AS (seq BIGINT, id TEXT, ts BIGINT, sender chat_sender, text TEXT);
