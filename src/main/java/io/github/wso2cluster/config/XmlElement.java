package io.github.wso2cluster.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An element of an {@link XmlSource}, with the offsets of its tags. Comments are kept apart from child
 * elements, so a commented-out look-alike ({@code <!--HostName>...</HostName-->}) is never taken for the
 * real thing.
 */
public final class XmlElement {
    final String name;
    final XmlElement parent;
    final int start;
    int startTagEnd;
    boolean selfClosing;
    int endTagStart;
    int end;
    final List<XmlAttribute> attributes = new ArrayList<>();
    final List<XmlElement> children = new ArrayList<>();
    final List<XmlComment> comments = new ArrayList<>();

    XmlElement(String name, XmlElement parent, int start) {
        this.name = name;
        this.parent = parent;
        this.start = start;
    }

    /** The name without its prefix. */
    public String localName() {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    public XmlElement parent() {
        return parent;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int startTagEnd() {
        return startTagEnd;
    }

    public int endTagStart() {
        return endTagStart;
    }

    public boolean selfClosing() {
        return selfClosing;
    }

    public List<XmlAttribute> attributes() {
        return Collections.unmodifiableList(attributes);
    }

    public List<XmlElement> children() {
        return Collections.unmodifiableList(children);
    }

    public List<XmlComment> comments() {
        return Collections.unmodifiableList(comments);
    }

    public Optional<XmlAttribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    public String attributeValue(String attributeName) {
        return attribute(attributeName).map(XmlAttribute::value).orElse(null);
    }

    public Optional<XmlElement> child(String localName) {
        return children.stream().filter(c -> c.localName().equals(localName)).findFirst();
    }

    public List<XmlElement> children(String localName) {
        return children.stream().filter(c -> c.localName().equals(localName)).toList();
    }

    /** The first child {@code <localName attr="value">}. */
    public Optional<XmlElement> child(String localName, String attr, String value) {
        return children.stream()
                .filter(c -> c.localName().equals(localName) && value.equals(c.attributeValue(attr)))
                .findFirst();
    }

    public List<XmlElement> children(String localName, String attr, String value) {
        return children.stream()
                .filter(c -> c.localName().equals(localName) && value.equals(c.attributeValue(attr)))
                .toList();
    }

    @Override
    public String toString() {
        return "<" + name + "> at offset " + start;
    }
}
