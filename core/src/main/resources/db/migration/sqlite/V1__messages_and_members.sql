-- The schema before migrations existed; files made then are baselined at this version instead of running it.
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS messages(
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ts INTEGER NOT NULL,
    sender_id TEXT NOT NULL, sender_name TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS messages_ts ON messages(ts, seq);
CREATE TABLE IF NOT EXISTS members(id TEXT PRIMARY KEY, name TEXT NOT NULL, joined_ts INTEGER NOT NULL);
INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '1');
