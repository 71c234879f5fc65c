-- A kick, ban or unban takes effect in its event's own transaction, so no crash can leave the event without its effect.
CREATE TRIGGER moderation_ban AFTER INSERT ON messages WHEN NEW.kind = 'ban'
BEGIN
    INSERT OR IGNORE INTO bans(user_id, name, ts)
        VALUES (NEW.member, (SELECT name FROM members WHERE id = NEW.member), NEW.ts);
    DELETE FROM members WHERE id = NEW.member;
END;

CREATE TRIGGER moderation_kick AFTER INSERT ON messages WHEN NEW.kind = 'kick'
BEGIN
    DELETE FROM members WHERE id = NEW.member;
END;

CREATE TRIGGER moderation_unban AFTER INSERT ON messages WHEN NEW.kind = 'unban'
BEGIN
    DELETE FROM bans WHERE user_id = NEW.member;
END;
