-- Issue 16: completing an upload no longer renames its chunks (a new row version of every 128 KiB chunk on the group's
-- thread). The content's chunks stay under the file id that brought them, named by file_content.owner; content stored
-- before this version keeps its chunks under its sha256.
ALTER TABLE file_content ADD COLUMN owner TEXT;
UPDATE file_content SET owner = sha256;

CREATE OR REPLACE FUNCTION file_event_completes_upload() RETURNS TRIGGER LANGUAGE plpgsql AS $$
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
        INSERT INTO file_content(group_id, sha256, size, owner)
            SELECT group_id, sha256, size, file_id FROM file_upload WHERE group_id = NEW.group_id AND file_id = NEW.id;
    END IF;
    UPDATE file_upload SET complete = true, stored = size WHERE group_id = NEW.group_id AND file_id = NEW.id;
    RETURN NULL;
END $$;

-- Retention dropping a file event: content another file event still has moves under that event's id (so the dropped
-- id, free again, owns nothing); content no other file event has is reclaimed.
CREATE OR REPLACE FUNCTION file_event_dropped() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    content TEXT := (OLD.file::json) ->> 'sha256';
    heir TEXT;
BEGIN
    DELETE FROM file_upload WHERE group_id = OLD.group_id AND file_id = OLD.id;
    SELECT min(file_id) INTO heir FROM file_upload WHERE group_id = OLD.group_id AND sha256 = content AND complete;
    IF heir IS NOT NULL THEN
        UPDATE file_chunk SET owner = heir WHERE group_id = OLD.group_id AND owner = OLD.id;
        UPDATE file_content SET owner = heir WHERE group_id = OLD.group_id AND sha256 = content AND owner = OLD.id;
    ELSE
        DELETE FROM file_chunk WHERE group_id = OLD.group_id
            AND owner = (SELECT owner FROM file_content WHERE group_id = OLD.group_id AND sha256 = content);
        DELETE FROM file_content WHERE group_id = OLD.group_id AND sha256 = content;
    END IF;
    RETURN NULL;
END $$;
