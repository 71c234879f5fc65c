-- Issue 13, search: each message's current text as words (a tsvector) under the message's own seq, so a search
-- reads hits newest first from one group's rows. An edit replaces its target's words, a deletion or removal drops them,
-- and deletes of messages (retention, a dropped group) drop theirs; other events are never indexed. Triggers per
-- statement, so a batch of SENDs costs one insert here. Text kept in text_utf8 (it holds U+0000) is not indexed.
CREATE TABLE message_search (
    group_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    words TSVECTOR NOT NULL,
    PRIMARY KEY (group_id, seq)
);
CREATE INDEX message_search_words ON message_search USING gin (words);

-- Lower case without diacritics, for the text and for the query alike (no extension needed, unlike unaccent).
CREATE FUNCTION search_fold(value TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT translate(lower(value), 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳøØđĐłŁıħĦŧŦ', 'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyooddllihhtt')
$$;
-- Punctuation separates words, as in SQLite's unicode61 (the default parser would keep 'example.com' whole).
CREATE FUNCTION search_words(value TEXT) RETURNS TSVECTOR LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple', translate(search_fold(coalesce(value, '')), '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~“”‘’«»—–…·¿¡', '                                            '))
$$;

CREATE FUNCTION message_search_added() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO message_search(group_id, seq, words)
        SELECT group_id, seq, search_words(text) FROM added WHERE kind IS NULL OR kind = 'message';
    UPDATE message_search s SET words = search_words(e.text)
        FROM (SELECT DISTINCT ON (group_id, target) group_id, target, text FROM added WHERE kind = 'edit'
              ORDER BY group_id, target, seq DESC) e
        WHERE s.group_id = e.group_id AND s.seq = e.target;
    DELETE FROM message_search s USING added d
        WHERE d.kind IN ('delete', 'remove') AND s.group_id = d.group_id AND s.seq = d.target;
    RETURN NULL;
END
$$;
CREATE FUNCTION message_search_dropped() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM message_search s USING dropped d WHERE s.group_id = d.group_id AND s.seq = d.seq;
    RETURN NULL;
END
$$;
CREATE TRIGGER message_search_added AFTER INSERT ON message REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION message_search_added();
CREATE TRIGGER message_search_dropped AFTER DELETE ON message REFERENCING OLD TABLE AS dropped
    FOR EACH STATEMENT EXECUTE FUNCTION message_search_dropped();

-- The history so far, each message with its latest edit's words; deleted and removed messages left out.
INSERT INTO message_search(group_id, seq, words)
SELECT m.group_id, m.seq, search_words(coalesce(
        (SELECT e.text FROM message e WHERE e.group_id = m.group_id AND e.target = m.seq AND e.kind = 'edit'
         ORDER BY e.seq DESC LIMIT 1), m.text))
FROM message m
WHERE (m.kind IS NULL OR m.kind = 'message')
  AND NOT EXISTS (SELECT 1 FROM message d WHERE d.group_id = m.group_id AND d.target = m.seq
                  AND d.kind IN ('delete', 'remove'));
