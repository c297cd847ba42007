package io.github.wso2cluster.config;

/** The few XML escapes the editor needs; values are written escaped, read unescaped. */
public final class XmlEscapes {
    private XmlEscapes() {
    }

    public static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String attribute(String value, char quote) {
        String escaped = text(value);
        return quote == '\'' ? escaped.replace("'", "&apos;") : escaped.replace("\"", "&quot;");
    }

    public static String unescape(String raw) {
        if (raw.indexOf('&') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            int semi = c == '&' ? raw.indexOf(';', i) : -1;
            if (semi < 0) {
                out.append(c);
                i++;
                continue;
            }
            String entity = raw.substring(i + 1, semi);
            String decoded = switch (entity) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> decodeNumeric(entity);
            };
            if (decoded == null) {
                out.append(c);
                i++;
            } else {
                out.append(decoded);
                i = semi + 1;
            }
        }
        return out.toString();
    }

    private static String decodeNumeric(String entity) {
        try {
            if (entity.startsWith("#x")) {
                return Character.toString(Integer.parseInt(entity.substring(2), 16));
            }
            if (entity.startsWith("#")) {
                return Character.toString(Integer.parseInt(entity.substring(1)));
            }
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
        return null;
    }
}
