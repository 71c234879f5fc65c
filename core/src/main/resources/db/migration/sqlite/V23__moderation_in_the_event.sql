-- A kick, ban or unban takes effect in its event's own transaction, so no crash can leave the event without its effect.
-- One trigger for the three kinds: every message's insert checks its WHEN clause, so SEND pays for one check, not three.
CREATE TRIGGER moderation_takes_effect AFTER INSERT ON messages WHEN NEW.kind IN ('kick', 'ban', 'unban')
BEGIN
    INSERT OR IGNORE INTO bans(user_id, name, ts)
        SELECT NEW.member, (SELECT name FROM members WHERE id = NEW.member), NEW.ts WHERE NEW.kind = 'ban';
    DELETE FROM members WHERE id = NEW.member AND NEW.kind <> 'unban';
    DELETE FROM bans WHERE user_id = NEW.member AND NEW.kind = 'unban';
END;
