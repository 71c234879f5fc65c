-- Issue 16, files (protocol 1.5). V21, not V20: a V20 may come for search on PostgreSQL; versions may differ per store.
-- A file event's description (id, name, size, sha256, mediaType) as a JSON object; null for every other entry.
ALTER TABLE messages ADD COLUMN file TEXT;
-- One row per upload (its file id), complete once its file event is stored; stored = bytes received so far.
CREATE TABLE file_uploads(
    file_id TEXT PRIMARY KEY,
    uploader_id TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    media_type TEXT NOT NULL,
    stored INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0,
    touched_ts INTEGER NOT NULL
);
CREATE INDEX file_uploads_sha256 ON file_uploads(sha256);
CREATE INDEX file_uploads_unfinished ON file_uploads(uploader_id, touched_ts) WHERE complete = 0;
-- The group's content, stored once per SHA-256.
CREATE TABLE file_content(sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL);
-- Chunks in the group's own database, so one backup (VACUUM INTO) holds log and bytes consistently. owner is the
-- file id while the upload runs, the content's sha256 once complete.
CREATE TABLE file_chunks(owner TEXT NOT NULL, idx INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY(owner, idx));

-- The file event's insert completes its upload in the same transaction: its chunks become the content (or are dropped
-- when the group holds that content already).
CREATE TRIGGER file_event_completes_upload AFTER INSERT ON messages WHEN NEW.kind = 'file'
BEGIN
    DELETE FROM file_chunks WHERE owner = NEW.id AND EXISTS (SELECT 1 FROM file_content c
        JOIN file_uploads u ON c.sha256 = u.sha256 WHERE u.file_id = NEW.id);
    INSERT INTO file_content(sha256, size) SELECT sha256, size FROM file_uploads u WHERE u.file_id = NEW.id
        AND NOT EXISTS (SELECT 1 FROM file_content c WHERE c.sha256 = u.sha256);
    UPDATE file_chunks SET owner = (SELECT sha256 FROM file_uploads WHERE file_id = NEW.id) WHERE owner = NEW.id;
    UPDATE file_uploads SET complete = 1, stored = size WHERE file_id = NEW.id;
END;

-- Retention dropping a file event reclaims its bytes once no other file event of the group has that content.
CREATE TRIGGER file_event_dropped AFTER DELETE ON messages WHEN OLD.kind = 'file'
BEGIN
    DELETE FROM file_uploads WHERE file_id = OLD.id;
    DELETE FROM file_chunks WHERE owner = json_extract(OLD.file, '$.sha256') AND NOT EXISTS (SELECT 1 FROM file_uploads
        WHERE sha256 = json_extract(OLD.file, '$.sha256') AND complete = 1);
    DELETE FROM file_content WHERE sha256 = json_extract(OLD.file, '$.sha256') AND NOT EXISTS (SELECT 1 FROM file_uploads
        WHERE sha256 = json_extract(OLD.file, '$.sha256') AND complete = 1);
END;
