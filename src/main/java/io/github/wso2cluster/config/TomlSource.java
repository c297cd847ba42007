package io.github.wso2cluster.config;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/**
 * A deployment.toml as text and as parsed by tomlj: every key with its position, so values can be found and
 * spliced in place (no TOML library writes a file back byte for byte: they all re-serialise and drop comments).
 */
public final class TomlSource {
    private final String fileName;
    private final String text;
    private final TomlParseResult parsed;
    private final int[] lineStarts;
    /** Whether the file starts with a UTF-8 byte-order mark, which an edited file keeps (byte for byte). */
    private boolean byteOrderMark;

    private TomlSource(String fileName, String text, TomlParseResult parsed) {
        this.fileName = fileName;
        this.text = text;
        this.parsed = parsed;
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Parses UTF-8 bytes (TOML is UTF-8 by definition); a syntax error names file, line and column. */
    public static TomlSource parse(String fileName, byte[] bytes) throws ConfigFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigFileException(fileName + ": is not UTF-8, as TOML must be; save it as UTF-8");
        }
        boolean bom = text.startsWith("\uFEFF");
        TomlSource source = parse(fileName, bom ? text.substring(1) : text);
        source.byteOrderMark = bom;
        return source;
    }

    /** The bytes of an edited text of this file: UTF-8, with the byte-order mark when the file had one. */
    public byte[] encode(String edited) {
        return ((byteOrderMark ? "\uFEFF" : "") + edited).getBytes(StandardCharsets.UTF_8);
    }

    public static TomlSource parse(String fileName, String text) throws ConfigFileException {
        TomlParseResult parsed = Toml.parse(text);
        if (parsed.hasErrors()) {
            TomlParseError error = parsed.errors().get(0);
            throw new ConfigFileException(fileName + ":" + error.position().line() + ":" + error.position().column()
                    + ": not valid TOML: " + error.getMessage().replaceAll(" \\(line \\d+, column \\d+\\)$", "")
                    + (parsed.errors().size() > 1 ? " (and " + (parsed.errors().size() - 1) + " more)" : ""));
        }
        return new TomlSource(fileName, text, parsed);
    }

    public String fileName() {
        return fileName;
    }

    public String text() {
        return text;
    }

    public TomlParseResult parsed() {
        return parsed;
    }

    /** The file's line separator: CRLF files stay CRLF. */
    public String lineSeparator() {
        int newline = text.indexOf('\n');
        return newline > 0 && text.charAt(newline - 1) == '\r' ? "\r\n" : "\n";
    }

    /** The value at a dotted key, or empty. */
    public Optional<Object> value(String dottedKey) {
        return parsed.contains(dottedKey) ? Optional.ofNullable(parsed.get(dottedKey)) : Optional.empty();
    }

    /** The offset of a key's first character (tomlj's position), or -1. */
    public int keyOffset(String dottedKey) {
        TomlPosition position = parsed.inputPositionOf(dottedKey);
        return position == null ? -1 : offset(position.line(), position.column());
    }

    /** The 1-based line of a key, or 0. */
    public int lineOf(String dottedKey) {
        TomlPosition position = parsed.inputPositionOf(dottedKey);
        return position == null ? 0 : (int) position.line();
    }

    /** Whether {@code dottedKey} is a table opened by its own header, {@code [dottedKey]}. */
    public boolean hasHeader(String dottedKey) {
        int at = keyOffset(dottedKey);
        if (at < 0 || !parsed.isTable(dottedKey) || !text.startsWith("[", at) || text.startsWith("[[", at)) {
            return false;
        }
        // An implicit super-table ([database] of [database.shared_db]) has its sub-table's position: compare names.
        int close = text.indexOf(']', at);
        return close > at && text.substring(at + 1, close).replaceAll("\\s*\\.\\s*", ".").trim().equals(dottedKey);
    }

    /** [start, end) of the value of the key starting at {@code keyOffset}. */
    public int[] valueSpan(int keyOffset) {
        int at = keyOffset;
        while (at < text.length() && text.charAt(at) != '=') {
            char c = text.charAt(at);
            at = c == '"' || c == '\'' ? skipString(at) : at + 1;
        }
        at++;
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return new int[] {at, skipValue(at)};
    }

    private int skipValue(int at) {
        if (at >= text.length()) {
            return at;
        }
        char c = text.charAt(at);
        if (c == '"' || c == '\'') {
            return skipString(at);
        }
        if (c == '[' || c == '{') {
            char close = c == '[' ? ']' : '}';
            int i = at + 1;
            while (i < text.length() && text.charAt(i) != close) {
                char d = text.charAt(i);
                if (d == '"' || d == '\'') {
                    i = skipString(i);
                } else if (d == '[' || d == '{') {
                    i = skipValue(i);
                } else if (d == '#') {
                    i = lineEnd(i);
                } else {
                    i++;
                }
            }
            return Math.min(text.length(), i + 1);
        }
        int i = at;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '#' && text.charAt(i) != ',') {
            i++;
        }
        return i;
    }

    private int skipString(int at) {
        char quote = text.charAt(at);
        String triple = String.valueOf(quote).repeat(3);
        if (text.startsWith(triple, at)) {
            int close = text.indexOf(triple, at + 3);
            int end = close < 0 ? text.length() : close + 3;
            while (end < text.length() && text.charAt(end) == quote) {
                end++; // up to two quotes may end the content
            }
            return end;
        }
        int i = at + 1;
        while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
            i += quote == '"' && text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(text.length(), i + 1);
    }

    /**
     * The offset of the first table header ({@code [a.b]} or {@code [[a.b]]}) after {@code offset}, or the end of the
     * text; a line inside a multi-line value is never a header.
     */
    int nextHeader(int offset) {
        for (int at = lineEnd(offset); at < text.length(); at = lineEnd(at)) {
            int first = at;
            while (first < text.length() && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
                first++;
            }
            if (first < text.length() && text.charAt(first) == '[' && !insideValue(first)) {
                return at;
            }
        }
        return text.length();
    }

    private boolean insideValue(int offset) {
        for (String key : parsed.dottedKeySet(false)) {
            int at = keyOffset(key);
            if (at >= 0 && at < offset) {
                int[] span = valueSpan(at);
                if (span[0] < offset && offset < span[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    public int offset(long line, long column) {
        return lineStarts[(int) line - 1] + (int) column - 1;
    }

    int lineStart(int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** Offset just after the line separator of the line holding {@code offset} (or the end of the text). */
    public int lineEnd(int offset) {
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? text.length() : newline + 1;
    }

    public int lineOfOffset(int offset) {
        int line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) {
            line++;
        }
        return line + 1;
    }
}
