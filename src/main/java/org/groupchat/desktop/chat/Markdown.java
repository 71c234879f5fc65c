package org.groupchat.desktop.chat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * A message's text as the chat formats it: a CommonMark subset (links, `code`, fenced code blocks, *italic*,
 * **bold**) parsed by commonmark-java. Headings, lists, quotes and indented code stay plain text, as people type
 * them in a chat; a line break is a line break. The result is a list of styled spans whose texts, joined, are the
 * text a user selects and copies.
 */
public final class Markdown {
    /** How a span is drawn. */
    enum Style {
        BOLD,
        ITALIC,
        CODE,
        CODE_BLOCK,
        LINK
    }

    /** A piece of the shown text; {@code link} is the address a LINK opens. */
    record Span(String text, Set<Style> styles, String link) {}

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(FencedCodeBlock.class))
            .extensions(List.of(AutolinkExtension.create()))
            .build();

    private Markdown() {}

    static List<Span> spans(String source) {
        List<Span> spans = new ArrayList<>();
        PARSER.parse(source).accept(new SpanWriter(spans));
        return spans;
    }

    /** The shown text, without the formatting marks: what "Copy text" copies. */
    public static String plain(String source) {
        StringBuilder text = new StringBuilder();
        spans(source).forEach(span -> text.append(span.text()));
        return text.toString();
    }

    /** Only web and mail addresses open when clicked; anything else (file:, javascript:) stays text. */
    static boolean opens(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:");
    }

    private static final class SpanWriter extends AbstractVisitor {
        private final List<Span> spans;
        private final EnumSet<Style> styles = EnumSet.noneOf(Style.class);
        private String link;
        private boolean blockBefore;

        SpanWriter(List<Span> spans) {
            this.spans = spans;
        }

        private void add(String text) {
            if (!text.isEmpty()) {
                spans.add(
                        new Span(text, EnumSet.copyOf(styles.isEmpty() ? EnumSet.noneOf(Style.class) : styles), link));
            }
        }

        private void startBlock() {
            if (blockBefore) {
                add("\n\n");
            }
            blockBefore = true;
        }

        @Override
        public void visit(Paragraph paragraph) {
            startBlock();
            visitChildren(paragraph);
        }

        @Override
        public void visit(FencedCodeBlock block) {
            startBlock();
            styles.add(Style.CODE_BLOCK);
            String code = block.getLiteral();
            add(code.endsWith("\n") ? code.substring(0, code.length() - 1) : code);
            styles.remove(Style.CODE_BLOCK);
        }

        @Override
        public void visit(HtmlBlock block) {
            startBlock();
            add(block.getLiteral().stripTrailing());
        }

        @Override
        public void visit(Text text) {
            add(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            styled(Style.CODE, () -> add(code.getLiteral()));
        }

        @Override
        public void visit(Emphasis emphasis) {
            styled(Style.ITALIC, () -> visitChildren(emphasis));
        }

        @Override
        public void visit(StrongEmphasis strong) {
            styled(Style.BOLD, () -> visitChildren(strong));
        }

        @Override
        public void visit(HtmlInline html) {
            add(html.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            add("\n");
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            add("\n");
        }

        @Override
        public void visit(Link target) {
            if (!opens(target.getDestination())) {
                visitChildren(target);
                return;
            }
            link = target.getDestination();
            styled(Style.LINK, () -> visitChildren(target));
            link = null;
        }

        private void styled(Style style, Runnable inside) {
            boolean had = styles.contains(style);
            styles.add(style);
            inside.run();
            if (!had) {
                styles.remove(style);
            }
        }

        @Override
        protected void visitChildren(Node parent) {
            super.visitChildren(parent);
        }
    }
}
