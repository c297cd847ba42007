package io.github.wso2cluster.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Surgical edits of one {@link XmlSource}: each operation splices the least text it can, so a line that no
 * setting touches keeps its bytes. New elements and attributes copy the indentation of their neighbours
 * and the file's line separator. Every change is described in {@link #changes()} for the debug log.
 */
public final class XmlEditor {
    private final XmlSource source;
    private final String text;
    private final TextPatch patch = new TextPatch();
    private final List<String> changes = new ArrayList<>();

    public XmlEditor(XmlSource source) {
        this.source = source;
        this.text = source.text();
    }

    public XmlSource source() {
        return source;
    }

    /** Sets the text of a leaf element; a value already there (ignoring surrounding space) is left as is. */
    public void setText(XmlElement element, String value) throws ConfigFileException {
        setText(element, value, false);
    }

    /** As {@link #setText(XmlElement, String)}; a secret value is never written into {@link #changes()}. */
    public void setText(XmlElement element, String value, boolean secret) throws ConfigFileException {
        if (!element.children().isEmpty()) {
            throw new ConfigFileException(source.fileName() + ": line " + source.lineOf(element.start()) + ": <"
                    + element.name + "> has child elements; only the text of a leaf element can be set");
        }
        if (source.textOf(element).equals(value)) {
            return;
        }
        String escaped = XmlEscapes.text(value);
        if (element.selfClosing()) {
            patch.replace(element.endTagStart(), element.end(), ">" + escaped + "</" + element.name + ">");
        } else {
            patch.replace(element.startTagEnd(), element.endTagStart(), escaped);
        }
        changes.add(describe(element) + " = " + (secret ? "******" : value));
    }

    /**
     * Sets an attribute. A new attribute goes on a line of its own right after the first attribute when the
     * tag has one attribute per line (catalina-server.xml's connectors), so every existing line survives;
     * otherwise it goes inline after the last attribute.
     */
    public void setAttribute(XmlElement element, String name, String value) {
        XmlAttribute existing = element.attribute(name).orElse(null);
        if (existing != null) {
            if (!existing.value().equals(value)) {
                patch.replace(existing.valueStart(), existing.valueEnd(), XmlEscapes.attribute(value, existing.quote()));
                changes.add(describe(element) + " @" + name + " = " + value);
            }
            return;
        }
        List<XmlAttribute> attributes = element.attributes();
        char quote = attributes.isEmpty() ? '"' : attributes.get(attributes.size() - 1).quote();
        String attribute = name + "=" + quote + XmlEscapes.attribute(value, quote) + quote;
        XmlAttribute nextOnOwnLine = attributes.size() >= 2 && source.startsLine(attributes.get(1).start())
                ? attributes.get(1) : null;
        if (nextOnOwnLine != null) {
            int lineStart = source.lineStart(nextOnOwnLine.start());
            patch.insert(lineStart, source.indentOf(nextOnOwnLine.start()) + attribute + source.lineSeparator());
        } else {
            int after = attributes.isEmpty() ? element.start() + 1 + element.name.length()
                    : attributes.get(attributes.size() - 1).end();
            patch.insert(after, " " + attribute);
        }
        changes.add(describe(element) + " @" + name + " = " + value + " (added)");
    }

    /** Adds {@code fragment} as the last child of {@code parent}, on a line of its own. */
    public void appendChild(XmlElement parent, String fragment, String what) {
        String sep = source.lineSeparator();
        String indent = childIndent(parent);
        if (parent.selfClosing()) {
            patch.replace(parent.endTagStart(), parent.end(), ">" + sep + indent + fragment + sep
                    + source.indentOf(parent.start()) + "</" + parent.name + ">");
        } else if (source.startsLine(parent.endTagStart())) {
            patch.insert(source.lineStart(parent.endTagStart()), indent + fragment + sep);
        } else {
            patch.insert(parent.endTagStart(), sep + indent + fragment + sep + source.indentOf(parent.start()));
        }
        changes.add(what + " (added)");
    }

    /** Adds {@code fragment} on a new line just before {@code anchor}, with the anchor's indentation. */
    public void insertBefore(XmlElement anchor, String fragment, String what) {
        if (source.startsLine(anchor.start())) {
            patch.insert(source.lineStart(anchor.start()),
                    source.indentOf(anchor.start()) + fragment + source.lineSeparator());
        } else {
            patch.insert(anchor.start(), fragment + " ");
        }
        changes.add(what + " (added)");
    }

    /** Adds {@code fragment} on a new line after the line that ends at {@code offset} (a comment, typically). */
    public void insertLineAfter(int offset, String indent, String fragment, String what) {
        int lineEnd = source.lineEnd(offset);
        String sep = source.lineSeparator();
        if (lineEnd == text.length() && !text.endsWith("\n")) {
            patch.insert(lineEnd, sep + indent + fragment);
        } else {
            patch.insert(lineEnd, indent + fragment + sep);
        }
        changes.add(what + " (added)");
    }

    /** Replaces a whole element, tags included, with {@code replacement}. */
    public void replace(XmlElement element, String replacement, String what) {
        if (!text.substring(element.start(), element.end()).equals(replacement)) {
            patch.replace(element.start(), element.end(), replacement);
            changes.add(what);
        }
    }

    /** Removes an element, and its line when it stands alone on it. */
    public void remove(XmlElement element, String what) {
        int lineEnd = source.lineEnd(element.end());
        boolean ownLines = source.startsLine(element.start())
                && text.substring(element.end(), lineEnd).isBlank();
        if (ownLines) {
            patch.replace(source.lineStart(element.start()), lineEnd, "");
        } else {
            patch.replace(element.start(), element.end(), "");
        }
        changes.add(what + " (removed)");
    }

    /** The indentation a new child of {@code parent} gets: its siblings', or the parent's plus one step. */
    public String childIndent(XmlElement parent) {
        for (XmlElement child : parent.children()) {
            if (source.startsLine(child.start())) {
                return source.indentOf(child.start());
            }
        }
        String parentIndent = source.indentOf(parent.start());
        return parentIndent + (parentIndent.contains("\t") ? "\t" : "    ");
    }

    /** One indentation step as this file writes it (the difference between a child and its parent). */
    public String indentStep(XmlElement parent) {
        String parentIndent = source.indentOf(parent.start());
        String child = childIndent(parent);
        return child.startsWith(parentIndent) && child.length() > parentIndent.length()
                ? child.substring(parentIndent.length()) : "    ";
    }

    public boolean changed() {
        return !patch.isEmpty();
    }

    /** What was changed, for the build log; a JDBC URL's password is masked (the log may be -X's). */
    public List<String> changes() {
        return changes.stream().map(io.github.wso2cluster.topology.database.JdbcUrlSafety::maskedText).toList();
    }

    public String result() {
        return patch.apply(text);
    }

    private String describe(XmlElement element) {
        StringBuilder path = new StringBuilder();
        for (XmlElement e = element; e != null; e = e.parent()) {
            String name = e.attributeValue("name");
            path.insert(0, "/" + e.localName() + (name == null ? "" : "[@name='" + name + "']"));
        }
        return source.fileName() + ":" + source.lineOf(element.start()) + " " + path;
    }
}
