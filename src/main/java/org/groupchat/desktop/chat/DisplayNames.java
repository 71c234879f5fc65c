package org.groupchat.desktop.chat;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import org.groupchat.protocol.Member;

/**
 * Names as other members chose them, made safe to show: no invisible or direction-changing characters (a U+202E in a
 * name would reorder what follows it on the line), and a way to tell apart two members whose names look alike.
 */
public final class DisplayNames {
    private static final int SHORT_ID = 6;

    private DisplayNames() {}

    /** The name without format characters (bidi controls, zero-width joiners and spaces, soft hyphens). */
    public static String shown(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(safe::appendCodePoint);
        String result = safe.toString().strip();
        return result.isEmpty() ? "(no name)" : result;
    }

    /** What a name looks like to a reader: compatibility forms folded, case and spaces ignored. */
    static String skeleton(String name) {
        return Normalizer.normalize(shown(name), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", "");
    }

    /** True when another member has a name that looks like this member's. */
    static boolean looksLikeAnother(Member member, Collection<Member> members) {
        String look = skeleton(member.name());
        return members.stream()
                .anyMatch(other -> !other.id().equals(member.id())
                        && skeleton(other.name()).equals(look));
    }

    /** The start of a user id, to tell lookalikes apart. */
    static String shortId(String userId) {
        String id = userId.replace("-", "");
        return "#" + id.substring(0, Math.min(SHORT_ID, id.length()));
    }
}
