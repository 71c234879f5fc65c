package org.groupchat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.groupchat.protocol.Member;
import org.junit.jupiter.api.Test;

/** Issue 20, item 4: names cannot reorder what follows them, nor pass for another member's. */
class DisplayNamesTest {
    private static final Member ALICE = new Member("a11ce000-0000-4000-8000-000000000001", "Alice", true);

    @Test
    void directionOverridesAndInvisibleCharactersAreNotShown() {
        assertThat(DisplayNames.shown("\u202Eecila\u202C")).isEqualTo("ecila");
        assertThat(DisplayNames.shown("Al\u200Bi\u2066ce\u2069\u00AD")).isEqualTo("Alice");
        assertThat(DisplayNames.shown("\u200B\u200D")).isEqualTo("(no name)");
        assertThat(DisplayNames.shown("שלום Bob")).isEqualTo("שלום Bob");
    }

    @Test
    void aNameThatLooksLikeAnotherIsToldApartByItsIdAndDifferentNamesAreNot() {
        Member invisible = new Member("e5e00000-0000-4000-8000-000000000002", "Ali\u200Bce", true);
        Member fullWidth = new Member("e5e00000-0000-4000-8000-000000000003", "ＡＬＩＣＥ", true);
        Member bob = new Member("b0b00000-0000-4000-8000-000000000004", "Bob", true);
        List<Member> members = List.of(ALICE, invisible, fullWidth, bob);

        assertThat(DisplayNames.looksLikeAnother(ALICE, members)).isTrue();
        assertThat(DisplayNames.looksLikeAnother(invisible, members)).isTrue();
        assertThat(DisplayNames.looksLikeAnother(fullWidth, members)).isTrue();
        assertThat(DisplayNames.looksLikeAnother(bob, members)).isFalse();
        assertThat(DisplayNames.shortId(invisible.id())).isEqualTo("#e5e000");
    }
}
