-- Issue 16, files (protocol 1.5). V21, not V20: a V20 may come for search here; versions may differ per store.
-- A file event's description (id, name, size, sha256, mediaType) as a JSON object; null for every other entry.
ALTER TABLE message ADD COLUMN file TEXT;
-- One row per upload (its file id), complete once its file event is stored; stored = bytes received so far.
CREATE TABLE file_upload (
    group_id BIGINT NOT NULL,
    file_id TEXT NOT NULL,
    uploader_id TEXT NOT NULL,
    name TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    media_type TEXT NOT NULL,
    stored BIGINT NOT NULL DEFAULT 0,
    complete BOOLEAN NOT NULL DEFAULT false,
    touched_ts BIGINT NOT NULL,
    PRIMARY KEY (group_id, file_id)
);
CREATE INDEX file_upload_sha256 ON file_upload (group_id, sha256);
CREATE INDEX file_upload_unfinished ON file_upload (group_id, uploader_id, touched_ts) WHERE NOT complete;
-- The group's content, stored once per SHA-256.
CREATE TABLE file_content (
    group_id BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    PRIMARY KEY (group_id, sha256)
);
-- owner is the file id while the upload runs, the content's sha256 once complete.
CREATE TABLE file_chunk (
    group_id BIGINT NOT NULL,
    owner TEXT NOT NULL,
    idx INTEGER NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (group_id, owner, idx)
);
-- Files are mostly compressed already (images, archives): not worth compressing again on every chunk.
ALTER TABLE file_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

-- The file event's insert completes its upload in the same transaction: its chunks become the content (or are dropped
-- when the group holds that content already).
CREATE FUNCTION file_event_completes_upload() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    content TEXT;
BEGIN
    SELECT sha256 INTO content FROM file_upload WHERE group_id = NEW.group_id AND file_id = NEW.id;
    IF content IS NULL THEN
        RETURN NULL;
    END IF;
    IF EXISTS (SELECT 1 FROM file_content WHERE group_id = NEW.group_id AND sha256 = content) THEN
        DELETE FROM file_chunk WHERE group_id = NEW.group_id AND owner = NEW.id;
    ELSE
        INSERT INTO file_content(group_id, sha256, size)
            SELECT group_id, sha256, size FROM file_upload WHERE group_id = NEW.group_id AND file_id = NEW.id;
        UPDATE file_chunk SET owner = content WHERE group_id = NEW.group_id AND owner = NEW.id;
    END IF;
    UPDATE file_upload SET complete = true, stored = size WHERE group_id = NEW.group_id AND file_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER file_event_completes_upload AFTER INSERT ON message
    FOR EACH ROW WHEN (NEW.kind = 'file') EXECUTE FUNCTION file_event_completes_upload();

-- Retention dropping a file event reclaims its bytes once no other file event of the group has that content.
CREATE FUNCTION file_event_dropped() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    content TEXT := (OLD.file::json) ->> 'sha256';
BEGIN
    DELETE FROM file_upload WHERE group_id = OLD.group_id AND file_id = OLD.id;
    IF NOT EXISTS (SELECT 1 FROM file_upload WHERE group_id = OLD.group_id AND sha256 = content AND complete) THEN
        DELETE FROM file_chunk WHERE group_id = OLD.group_id AND owner = content;
        DELETE FROM file_content WHERE group_id = OLD.group_id AND sha256 = content;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER file_event_dropped AFTER DELETE ON message
    FOR EACH ROW WHEN (OLD.kind = 'file') EXECUTE FUNCTION file_event_dropped();
