package io.github.wso2cluster.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Finds elements, attributes and comments in text that JDOM has already found well-formed. */
final class XmlScanner {
    private final String fileName;
    private final String text;
    private int pos;

    XmlScanner(String fileName, String text) {
        this.fileName = fileName;
        this.text = text;
    }

    XmlElement scan() throws ConfigFileException {
        Deque<XmlElement> open = new ArrayDeque<>();
        List<XmlComment> outside = new ArrayList<>();
        XmlElement root = null;
        while (true) {
            int lt = text.indexOf('<', pos);
            if (lt < 0) {
                break;
            }
            pos = lt;
            if (text.startsWith("<!--", pos)) {
                int close = require("-->", pos + 4);
                XmlComment comment = new XmlComment(text.substring(pos + 4, close), pos, close + 3);
                if (open.isEmpty()) {
                    outside.add(comment);
                } else {
                    open.peek().comments.add(comment);
                }
                pos = close + 3;
            } else if (text.startsWith("<![CDATA[", pos)) {
                pos = require("]]>", pos + 9) + 3;
            } else if (text.startsWith("<?", pos)) {
                pos = require("?>", pos + 2) + 2;
            } else if (text.startsWith("<!", pos)) {
                throw error("a DOCTYPE or other declaration is not accepted in a config file", pos);
            } else if (text.startsWith("</", pos)) {
                int close = require(">", pos);
                XmlElement element = open.pop();
                element.endTagStart = pos;
                element.end = close + 1;
                pos = close + 1;
            } else {
                XmlElement element = startTag(open.peek());
                if (open.isEmpty()) {
                    root = element;
                } else {
                    open.peek().children.add(element);
                }
                if (!element.selfClosing) {
                    open.push(element);
                }
            }
        }
        if (root == null || !open.isEmpty()) {
            throw error("the document is incomplete", text.length());
        }
        // Comments before and after the root element (licence headers) are kept with the root.
        root.comments.addAll(0, outside);
        return root;
    }

    private XmlElement startTag(XmlElement parent) throws ConfigFileException {
        int nameStart = pos + 1;
        int nameEnd = nameStart;
        while (nameEnd < text.length() && !isSpace(text.charAt(nameEnd))
                && text.charAt(nameEnd) != '>' && text.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        XmlElement element = new XmlElement(text.substring(nameStart, nameEnd), parent, pos);
        int i = nameEnd;
        while (true) {
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                throw error("unterminated start tag <" + element.name + ">", pos);
            }
            char c = text.charAt(i);
            if (c == '>') {
                element.startTagEnd = i + 1;
                break;
            }
            if (c == '/' && text.startsWith("/>", i)) {
                element.selfClosing = true;
                element.startTagEnd = i + 2;
                element.endTagStart = i;
                element.end = i + 2;
                break;
            }
            int attrStart = i;
            int eq = text.indexOf('=', i);
            String name = text.substring(attrStart, eq).trim();
            int q = eq + 1;
            while (isSpace(text.charAt(q))) {
                q++;
            }
            char quote = text.charAt(q);
            int close = text.indexOf(quote, q + 1);
            element.attributes.add(new XmlAttribute(name, text.substring(q + 1, close), quote, attrStart, q + 1, close));
            i = close + 1;
        }
        pos = element.startTagEnd;
        return element;
    }

    private int require(String token, int from) throws ConfigFileException {
        int at = text.indexOf(token, from);
        if (at < 0) {
            throw error("'" + token + "' is missing", from);
        }
        return at;
    }

    private ConfigFileException error(String what, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new ConfigFileException(fileName + ": line " + line + ", column " + column + ": " + what);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
