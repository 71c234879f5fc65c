-- Issue 13: every addition is an event in the group's one log (protocol 1.4); a plain message leaves these null.
ALTER TABLE message ADD COLUMN kind TEXT;
ALTER TABLE message ADD COLUMN reply_to BIGINT;
ALTER TABLE message ADD COLUMN target BIGINT;
ALTER TABLE message ADD COLUMN emoji TEXT;
ALTER TABLE message ADD COLUMN member TEXT;
-- The mentioned user ids as a JSON array.
ALTER TABLE message ADD COLUMN mentions TEXT;
CREATE INDEX message_target ON message (group_id, target) WHERE target IS NOT NULL;
-- Moderation: the group's owners (user ids, from --owner keys and the key that first hosted it) and its bans.
-- No foreign key to chat_group, as for message: the store takes group_id from chat_group itself.
CREATE TABLE group_owner (
    group_id BIGINT NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE TABLE group_ban (
    group_id BIGINT NOT NULL,
    user_id TEXT NOT NULL,
    name TEXT,
    ts BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
-- Read markers: how far each user has read the group (MARK_READ), so copies of one identity agree.
CREATE TABLE read_marker (
    group_id BIGINT NOT NULL,
    user_id TEXT NOT NULL,
    read_seq BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
