-- Issue 17: an id for the group's history, replaced when the history is (a restore), so clients know to resync.
INSERT OR IGNORE INTO meta(key, value) VALUES ('history_id', lower(hex(randomblob(16))));
