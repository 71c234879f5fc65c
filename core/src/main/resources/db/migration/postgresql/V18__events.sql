-- Issue 13: every addition is an event in the group's one log (protocol 1.4); a plain message leaves these null.
ALTER TABLE message ADD COLUMN kind TEXT;
ALTER TABLE message ADD COLUMN reply_to BIGINT;
ALTER TABLE message ADD COLUMN target BIGINT;
ALTER TABLE message ADD COLUMN emoji TEXT;
ALTER TABLE message ADD COLUMN member TEXT;
-- The mentioned user ids as a JSON array.
ALTER TABLE message ADD COLUMN mentions TEXT;
CREATE INDEX message_target ON message (group_id, target) WHERE target IS NOT NULL;
