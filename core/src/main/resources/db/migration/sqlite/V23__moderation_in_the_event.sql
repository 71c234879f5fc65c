-- A kick, ban or unban takes effect in its event's own transaction, so no crash can leave the event without its effect.
-- One trigger for every kind of event, the file event's completion (as V22) included: each message's insert sets up
-- every AFTER INSERT trigger that applies, about 1-2 us each here, and a plain message (kind NULL) now sets up none.
DROP TRIGGER file_event_completes_upload;
CREATE TRIGGER event_takes_effect AFTER INSERT ON messages WHEN NEW.kind IS NOT NULL
BEGIN
    DELETE FROM file_chunks WHERE NEW.kind = 'file' AND owner = NEW.id AND EXISTS (SELECT 1 FROM file_content c
        JOIN file_uploads u ON c.sha256 = u.sha256 WHERE u.file_id = NEW.id);
    INSERT INTO file_content(sha256, size, owner) SELECT sha256, size, file_id FROM file_uploads u
        WHERE NEW.kind = 'file' AND u.file_id = NEW.id
        AND NOT EXISTS (SELECT 1 FROM file_content c WHERE c.sha256 = u.sha256);
    UPDATE file_uploads SET complete = 1, stored = size WHERE NEW.kind = 'file' AND file_id = NEW.id;

    INSERT OR IGNORE INTO bans(user_id, name, ts)
        SELECT NEW.member, (SELECT name FROM members WHERE id = NEW.member), NEW.ts WHERE NEW.kind = 'ban';
    DELETE FROM members WHERE NEW.kind IN ('kick', 'ban') AND id = NEW.member;
    DELETE FROM bans WHERE NEW.kind = 'unban' AND user_id = NEW.member;
END;
