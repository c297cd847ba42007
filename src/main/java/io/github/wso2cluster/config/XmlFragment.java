package io.github.wso2cluster.config;

/**
 * A block of new elements, written the way the file around it is: its line separator, its indentation and
 * one indentation step per level. The first line carries no indentation (the editor puts it where the block
 * goes); every further line carries the block's indentation plus its depth.
 */
final class XmlFragment {
    private final String separator;
    private final String indent;
    private final String step;
    private final StringBuilder text = new StringBuilder();
    private int depth;

    XmlFragment(String separator, String indent, String step) {
        this.separator = separator;
        this.indent = indent;
        this.step = step;
    }

    /** For a block that stands in {@code editor}'s file at the indentation of {@code sibling}. */
    static XmlFragment like(XmlEditor editor, XmlElement sibling, XmlElement parent) {
        XmlSource source = editor.source();
        return new XmlFragment(source.lineSeparator(), source.indentOf(sibling.start()), editor.indentStep(parent));
    }

    /** {@code <name attributes>}; {@code attributes} is written as given (names and escaped values). */
    XmlFragment open(String name, String attributes) {
        line("<" + name + (attributes.isEmpty() ? "" : " " + attributes) + ">");
        depth++;
        return this;
    }

    XmlFragment open(String name) {
        return open(name, "");
    }

    XmlFragment leaf(String name, String value) {
        line("<" + name + ">" + XmlEscapes.text(value) + "</" + name + ">");
        return this;
    }

    XmlFragment close(String name) {
        depth--;
        line("</" + name + ">");
        return this;
    }

    private void line(String content) {
        if (!text.isEmpty()) {
            text.append(separator).append(indent).append(step.repeat(depth));
        }
        text.append(content);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
