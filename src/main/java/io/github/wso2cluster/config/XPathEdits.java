package io.github.wso2cluster.config;

import io.github.wso2cluster.topology.XmlEdit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.filter.Filters;
import org.jdom2.xpath.XPathExpression;
import org.jdom2.xpath.XPathFactory;

/**
 * The {@code xmlEdits} escape hatch. JDOM2 evaluates the XPath (with the default namespace removed, so
 * unprefixed names match carbon.xml); each match is then found in the {@link XmlSource} by its position
 * among its siblings, and edited there, surgically.
 */
public final class XPathEdits {

    public void apply(XmlEditor editor, List<XmlEdit> edits) throws ConfigFileException {
        if (edits.isEmpty()) {
            return;
        }
        XmlSource source = editor.source();
        Document document = SafeXml.withoutDefaultNamespace(SafeXml.parse(source.fileName(), source.text()));
        for (XmlEdit edit : edits) {
            List<Object> matches;
            try {
                XPathExpression<Object> xpath = XPathFactory.instance().compile(edit.xpath(), Filters.fpassthrough());
                matches = xpath.evaluate(document);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ConfigFileException(source.fileName() + ": xmlEdit xpath '" + edit.xpath()
                        + "' is not a valid XPath: " + rootMessage(e));
            }
            if (matches.isEmpty()) {
                throw new ConfigFileException(source.fileName() + ": xmlEdit xpath '" + edit.xpath()
                        + "' matches nothing; check the element names against the file");
            }
            for (Object match : matches) {
                if (match instanceof Element element) {
                    XmlElement target = locate(source, element);
                    if (edit.attribute() != null) {
                        editor.setAttribute(target, edit.attribute(), edit.value());
                    } else {
                        editor.setText(target, edit.value());
                    }
                } else if (match instanceof Attribute attribute) {
                    editor.setAttribute(locate(source, attribute.getParent()), attribute.getQualifiedName(), edit.value());
                } else {
                    throw new ConfigFileException(source.fileName() + ": xmlEdit xpath '" + edit.xpath()
                            + "' selects something other than an element or attribute");
                }
            }
        }
    }

    /**
     * The elements an XPath selects in the file (unprefixed names match its default namespace), found in the
     * source so they can be edited surgically; used by {@code <secrets>} on Carbon 4.x products.
     */
    public static List<XmlElement> elements(XmlSource source, String xpath) throws ConfigFileException {
        Document document = SafeXml.withoutDefaultNamespace(SafeXml.parse(source.fileName(), source.text()));
        List<Object> matches;
        try {
            matches = XPathFactory.instance().compile(xpath, Filters.fpassthrough()).evaluate(document);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigFileException(source.fileName() + ": xpath '" + xpath + "' is not a valid XPath: " + rootMessage(e));
        }
        List<XmlElement> elements = new ArrayList<>();
        for (Object match : matches) {
            if (!(match instanceof Element element)) {
                throw new ConfigFileException(source.fileName() + ": xpath '" + xpath + "' selects something other than"
                        + " an element");
            }
            elements.add(locate(source, element));
        }
        return elements;
    }

    private static XmlElement locate(XmlSource source, Element element) {
        List<Integer> path = new ArrayList<>();
        for (Element e = element; e.getParentElement() != null; e = e.getParentElement()) {
            path.add(e.getParentElement().getChildren().indexOf(e));
        }
        Collections.reverse(path);
        XmlElement target = source.root();
        for (int index : path) {
            target = target.children().get(index);
        }
        return target;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
