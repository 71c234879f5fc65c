package org.groupchat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.groupchat.protocol.Member;
import org.junit.jupiter.api.Test;

class TypedMentionsTest {
    private static final Member ME = new Member("me", "Ada", true);
    private static final Member BOB = new Member("bob", "Bob", true);
    private static final Member BOBBY = new Member("bobby", "Bobby", true);
    private static final Member GRACE = new Member("grace", "Grace Hopper", true);
    private static final Member GRACE_K = new Member("grace-k", "Grace", true);
    private static final List<Member> ROSTER = List.of(ME, BOB, BOBBY, GRACE, GRACE_K);

    @Test
    void aNameTypedOutInAnyCaseIsAMention() {
        assertThat(mentions("thanks @bob, that works")).containsExactly("bob");
        assertThat(mentions("@BOB")).containsExactly("bob");
    }

    @Test
    void onlyAWholeNameCountsAndTheLongestThatFitsWins() {
        assertThat(mentions("@Bobby and @Bob")).containsExactly("bobby", "bob");
        assertThat(mentions("@Bobcat is not a member")).isEmpty();
        assertThat(mentions("ask @Grace Hopper")).containsExactly("grace");
        assertThat(mentions("ask @Grace about it")).containsExactly("grace-k");
    }

    @Test
    void noAtNoMeAndNoRepeats() {
        assertThat(mentions("Bob, mail bob@example.org")).isEmpty();
        assertThat(mentions("@Ada @Bob @bob")).containsExactly("bob");
    }

    @Test
    void aPickedNameMeansThePickedMemberEvenWhenTwoShareIt() {
        Member otherBob = new Member("bob-2", "Bob", true);
        List<Member> twoBobs = List.of(ME, BOB, otherBob);

        assertThat(TypedMentions.in("@Bob hi", twoBobs, Map.of(), "me", 50)).containsExactly("bob", "bob-2");
        assertThat(TypedMentions.in("@Bob hi", twoBobs, Map.of("Bob", "bob-2"), "me", 50))
                .containsExactly("bob-2");
    }

    @Test
    void aMemberPickedWhoLeftTheRosterSinceIsStillMentioned() {
        assertThat(TypedMentions.in("@Carol see this", ROSTER, Map.of("Carol", "carol"), "me", 50))
                .containsExactly("carol");
    }

    @Test
    void atMostTheGivenNumber() {
        assertThat(TypedMentions.in("@Bob @Bobby @Grace", ROSTER, Map.of(), "me", 2))
                .containsExactly("bob", "bobby");
    }

    private static List<String> mentions(String text) {
        return TypedMentions.in(text, ROSTER, Map.of(), "me", 50);
    }
}
