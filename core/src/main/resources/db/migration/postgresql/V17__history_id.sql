-- Issue 17: an id for each group's history, replaced when the history is (a restore), so clients know to resync.
ALTER TABLE chat_group ADD COLUMN history_id TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');
