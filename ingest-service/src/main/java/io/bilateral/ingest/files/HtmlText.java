package io.bilateral.ingest.files;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The visible text of an element with its paragraph structure: block elements become paragraphs separated by a blank
 * line, {@code <br>} a line break, runs of whitespace inside a paragraph one space. jsoup's own {@code text()} would put
 * the whole page on one line, and sentence splitting downstream needs the paragraph breaks.
 */
public final class HtmlText {

    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0\\u2007\\u202F]+");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" *\n *");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private HtmlText() {}

    /** The text of {@code root}, paragraphs separated by a blank line. */
    public static String of(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode textNode) {
                            // Source line breaks inside a paragraph are layout, not content.
                            out.append(
                                    textNode.getWholeText().replace('\n', ' ').replace('\r', ' '));
                        } else if (node instanceof Element element) {
                            if (element.normalName().equals("br")) {
                                out.append('\n');
                            } else if (element.isBlock()) {
                                out.append("\n\n");
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element element
                                && element.isBlock()
                                && !element.normalName().equals("br")) {
                            out.append("\n\n");
                        }
                    }
                },
                root);
        String text = SPACES.matcher(out).replaceAll(" ");
        text = SPACE_AROUND_NEWLINE.matcher(text).replaceAll("\n");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }
}
