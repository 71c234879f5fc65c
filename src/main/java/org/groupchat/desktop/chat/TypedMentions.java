package org.groupchat.desktop.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groupchat.protocol.Member;

/**
 * The members a draft calls by name: each "@" followed by a member's name (any case, the longest name that fits, then a
 * word's end) means that member, whether it was picked from the completion or typed out, as in Slack. A name picked
 * from the completion means exactly the member picked, even when two members share it.
 */
final class TypedMentions {
    private TypedMentions() {}

    /** The ids mentioned in {@code text}, in order of first appearance, without {@code myId}, at most {@code most}. */
    static List<String> in(String text, List<Member> members, Map<String, String> picked, String myId, int most) {
        List<Member> candidates = new ArrayList<>(members);
        // one picked a moment ago may have left the roster since: the pick still counts
        picked.forEach((name, id) -> {
            if (members.stream().noneMatch(m -> m.id().equals(id))) {
                candidates.add(new Member(id, name, false));
            }
        });
        List<Member> longestFirst = candidates.stream()
                .filter(m -> !m.id().equals(myId) && !m.name().isBlank())
                .sorted(Comparator.comparingInt((Member m) -> m.name().length()).reversed())
                .toList();
        Set<String> ids = new LinkedHashSet<>();
        for (int at = text.indexOf('@'); at >= 0 && ids.size() < most; at = text.indexOf('@', at + 1)) {
            ids.addAll(calledAt(text, at + 1, longestFirst, picked));
        }
        return ids.stream().limit(most).toList();
    }

    private static List<String> calledAt(String text, int from, List<Member> longestFirst, Map<String, String> picked) {
        List<String> ids = new ArrayList<>();
        String name = null;
        for (Member member : longestFirst) {
            if (name != null && member.name().length() < name.length()) {
                break;
            }
            if (namedAt(text, from, member.name())) {
                name = member.name();
                ids.add(member.id());
            }
        }
        String pick = name == null ? null : picked.get(name);
        return pick != null && ids.contains(pick) ? List.of(pick) : ids;
    }

    private static boolean namedAt(String text, int from, String name) {
        int end = from + name.length();
        if (end > text.length() || !text.regionMatches(true, from, name, 0, name.length())) {
            return false;
        }
        return end == text.length() || !Character.isLetterOrDigit(text.codePointAt(end));
    }
}
