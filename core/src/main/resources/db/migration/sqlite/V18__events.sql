-- Issue 13: every addition is an event in the group's one log (protocol 1.4); a plain message leaves these null.
ALTER TABLE messages ADD COLUMN kind TEXT;
ALTER TABLE messages ADD COLUMN reply_to INTEGER;
ALTER TABLE messages ADD COLUMN target INTEGER;
ALTER TABLE messages ADD COLUMN emoji TEXT;
ALTER TABLE messages ADD COLUMN member TEXT;
-- The mentioned user ids as a JSON array.
ALTER TABLE messages ADD COLUMN mentions TEXT;
CREATE INDEX messages_target ON messages(target) WHERE target IS NOT NULL;
