-- A kick, ban or unban takes effect in its event's own transaction, so no crash can leave the event without its effect.
CREATE FUNCTION moderation_takes_effect() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.kind = 'unban' THEN
        DELETE FROM group_ban WHERE group_id = NEW.group_id AND user_id = NEW.member;
        RETURN NULL;
    END IF;
    IF NEW.kind = 'ban' THEN
        INSERT INTO group_ban(group_id, user_id, name, ts)
            VALUES (NEW.group_id, NEW.member,
                    (SELECT name FROM member WHERE group_id = NEW.group_id AND id = NEW.member), NEW.ts)
            ON CONFLICT DO NOTHING;
    END IF;
    DELETE FROM member WHERE group_id = NEW.group_id AND id = NEW.member;
    RETURN NULL;
END $$;
CREATE TRIGGER moderation_takes_effect AFTER INSERT ON message
    FOR EACH ROW WHEN (NEW.kind IN ('kick', 'ban', 'unban')) EXECUTE FUNCTION moderation_takes_effect();
