package io.github.wso2cluster.config;

/**
 * An attribute of a start tag, with the offsets of its text in the file.
 *
 * @param start      offset of the attribute name
 * @param valueStart offset of the first character inside the quotes
 * @param valueEnd   offset of the closing quote
 */
public record XmlAttribute(String name, String rawValue, char quote, int start, int valueStart, int valueEnd) {

    public String value() {
        return XmlEscapes.unescape(rawValue);
    }

    /** Offset just after the closing quote. */
    public int end() {
        return valueEnd + 1;
    }
}
