package io.github.wso2cluster.config;

import java.io.IOException;
import java.io.StringReader;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;

/**
 * JDOM2 parsing with the doors shut: no DOCTYPE at all (so no external entities and no entity expansion),
 * no network or file access. WSO2's config files never need a DOCTYPE.
 */
public final class SafeXml {
    private SafeXml() {
    }

    /** Fails with the file, line and column of the first syntax error. */
    public static void checkWellFormed(String fileName, String text) throws ConfigFileException {
        parse(fileName, text);
    }

    public static Document parse(String fileName, String text) throws ConfigFileException {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setExpandEntities(false);
        try {
            return builder.build(new StringReader(text));
        } catch (JDOMParseException e) {
            String message = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getMessage();
            if (message != null && message.contains("DOCTYPE")) {
                message = "a DOCTYPE is not accepted in a config file (it could pull in external entities); remove it";
            }
            throw new ConfigFileException(fileName + ": line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": not well-formed XML: " + message);
        } catch (JDOMException | IOException e) {
            throw new ConfigFileException(fileName + ": not well-formed XML: " + e.getMessage());
        }
    }

    /**
     * Moves every element of the root's default namespace into no namespace, so that an XPath written with
     * unprefixed names ({@code /Server/Ports/Offset}) matches carbon.xml the way a user expects.
     */
    public static Document withoutDefaultNamespace(Document document) {
        Namespace defaultNs = document.getRootElement().getNamespace();
        if (defaultNs.getPrefix().isEmpty() && !defaultNs.getURI().isEmpty()) {
            strip(document.getRootElement(), defaultNs);
        }
        return document;
    }

    private static void strip(Element element, Namespace ns) {
        if (element.getNamespace().equals(ns)) {
            element.setNamespace(Namespace.NO_NAMESPACE);
        }
        for (Element child : element.getChildren()) {
            strip(child, ns);
        }
    }
}
