package io.github.wso2cluster.settings;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.config.XmlElement;
import io.github.wso2cluster.config.XmlSource;
import java.util.Optional;
import java.util.function.Function;

/** Values of one XML config file with the file and line they stand at; every value is absent when the file is. */
public final class XmlValues {
    private final String path;
    private final XmlSource source;

    /** @param source the parsed file, or null when it is missing or malformed */
    public XmlValues(String path, XmlSource source) {
        this.path = path;
        this.source = source;
    }

    public String path() {
        return path;
    }

    public Optional<XmlSource> source() {
        return Optional.ofNullable(source);
    }

    /** The element's text, at its line. */
    public Located text(Optional<XmlElement> element) {
        return at(element, e -> source.textOf(e));
    }

    /** A value of the element, at its line. */
    public Located at(Optional<XmlElement> element, Function<XmlElement, String> value) {
        return element.map(e -> new Located(value.apply(e), path, source.lineOf(e.start()))).orElse(Located.absent(path));
    }

    /** No value, at the line of {@code offset}. */
    public Located absentAt(int offset) {
        return new Located(null, path, source.lineOf(offset));
    }
}
