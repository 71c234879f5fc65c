package org.groupchat.group;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Request;

/**
 * What a SEARCH asks for: messages holding every word (the last also as a prefix), with seq below {@code beforeSeq},
 * at most {@code limit}. Words are runs of letters and digits, so no user text ever reaches a store as query syntax.
 */
public record SearchQuery(List<String> words, long beforeSeq, int limit) {
    public static final int MAX_QUERY_CHARS = 200;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    // Letters with their marks, and digits: what both stores' tokenizers keep; everything else separates words.
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    public SearchQuery {
        words = List.copyOf(words);
    }

    /** The query of a SEARCH request, its fields checked. */
    static SearchQuery of(Request.Search search) throws ProtocolException {
        if (search.query() == null) {
            throw bad("\"query\" is required: the words to search for");
        }
        String query = search.query().strip();
        int chars = query.codePointCount(0, query.length());
        if (chars == 0 || chars > MAX_QUERY_CHARS) {
            throw bad("\"query\" must hold 1 to " + MAX_QUERY_CHARS + " characters (it has " + chars + ")");
        }
        int limit = search.limit() == null ? DEFAULT_LIMIT : search.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw bad("\"limit\" must be between 1 and " + MAX_LIMIT);
        }
        long beforeSeq = search.beforeSeq() == null ? Long.MAX_VALUE : search.beforeSeq();
        if (beforeSeq < 0) {
            throw bad("\"beforeSeq\" must not be negative");
        }
        return new SearchQuery(wordsOf(query), beforeSeq, limit);
    }

    /** The words of {@code text}: runs of letters, marks and digits that hold a letter or a digit. */
    public static List<String> wordsOf(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            if (word.codePoints().anyMatch(c -> Character.isLetterOrDigit(c))) {
                words.add(word);
            }
        }
        return words;
    }

    /** SQLite FTS5: each word a quoted string, so none is read as an operator; the last one a prefix too. */
    String fts5() {
        StringBuilder match = new StringBuilder();
        for (String word : words) {
            match.append(match.isEmpty() ? "" : " ")
                    .append('"')
                    .append(word.replace("\"", "\"\""))
                    .append('"');
        }
        return match.append('*').toString();
    }

    /** PostgreSQL to_tsquery: each word a quoted lexeme, all of them required; the last one a prefix too. */
    String tsquery() {
        StringBuilder query = new StringBuilder();
        for (String word : words) {
            query.append(query.isEmpty() ? "" : " & ")
                    .append('\'')
                    .append(word.replace("\\", "\\\\").replace("'", "''"))
                    .append('\'');
        }
        return query.append(":*").toString();
    }

    private static ProtocolException bad(String message) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, message);
    }
}
