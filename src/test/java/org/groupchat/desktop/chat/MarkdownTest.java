package org.groupchat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void boldItalicCodeAndLinksLoseTheirMarksButKeepTheirStyle() {
        List<Markdown.Span> spans = Markdown.spans("**big** and *small*, `x = 1`, see https://example.org/a");

        assertThat(Markdown.plain("**big** and *small*, `x = 1`, see https://example.org/a"))
                .isEqualTo("big and small, x = 1, see https://example.org/a");
        assertThat(spans)
                .filteredOn(s -> s.styles().equals(Set.of(Markdown.Style.BOLD)))
                .extracting(Markdown.Span::text)
                .containsExactly("big");
        assertThat(spans)
                .filteredOn(s -> s.styles().contains(Markdown.Style.CODE))
                .extracting(Markdown.Span::text)
                .containsExactly("x = 1");
        assertThat(spans)
                .filteredOn(s -> s.link() != null)
                .extracting(Markdown.Span::link)
                .containsExactly("https://example.org/a");
    }

    @Test
    void chatTextStaysAsTypedLineBreaksListsAndHashes() {
        assertThat(Markdown.plain("#1 on the list\n- milk\n- eggs\n> not a quote"))
                .isEqualTo("#1 on the list\n- milk\n- eggs\n> not a quote");
    }

    @Test
    void fencedCodeKeepsItsTextVerbatim() {
        List<Markdown.Span> spans = Markdown.spans("look:\n```\nif (a *b* c) {}\n```");

        assertThat(spans)
                .filteredOn(s -> s.styles().contains(Markdown.Style.CODE_BLOCK))
                .extracting(Markdown.Span::text)
                .containsExactly("if (a *b* c) {}");
    }

    @Test
    void onlyWebAndMailLinksOpen() {
        assertThat(Markdown.spans("[click](javascript:alert(1)) [ok](https://x.org)"))
                .filteredOn(s -> s.link() != null)
                .extracting(Markdown.Span::link)
                .containsExactly("https://x.org");
    }
}
