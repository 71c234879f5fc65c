-- Issue 13: every addition is an event in the group's one log (protocol 1.4); a plain message leaves these null.
ALTER TABLE messages ADD COLUMN kind TEXT;
ALTER TABLE messages ADD COLUMN reply_to INTEGER;
ALTER TABLE messages ADD COLUMN target INTEGER;
ALTER TABLE messages ADD COLUMN emoji TEXT;
ALTER TABLE messages ADD COLUMN member TEXT;
-- The mentioned user ids as a JSON array.
ALTER TABLE messages ADD COLUMN mentions TEXT;
CREATE INDEX messages_target ON messages(target) WHERE target IS NOT NULL;
-- Moderation: the group's owners (user ids, from --owner keys and the key that first hosted it) and its bans.
CREATE TABLE owners(user_id TEXT PRIMARY KEY);
CREATE TABLE bans(user_id TEXT PRIMARY KEY, name TEXT, ts INTEGER NOT NULL);
-- Read markers: how far each user has read the group (MARK_READ), so copies of one identity agree.
CREATE TABLE read_markers(user_id TEXT PRIMARY KEY, read_seq INTEGER NOT NULL);
