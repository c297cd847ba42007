package io.github.wso2cluster.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exact text of an XML config file and a map of where each element, attribute and comment stands in
 * it. Edits are splices of this text ({@link TextPatch}), so every byte that no edit touches survives:
 * comments, indentation, attribute order and quotes, line endings, the declaration, the encoding.
 *
 * <p>Well-formedness is checked first by JDOM2 (hardened, see {@link SafeXml}), which gives the line and
 * column of a syntax error; this scanner then only has to find positions in text it knows to be sound.
 */
public final class XmlSource {
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String fileName;
    private final String text;
    private final Charset charset;
    private final boolean bom;
    private final XmlElement root;

    private XmlSource(String fileName, String text, Charset charset, boolean bom, XmlElement root) {
        this.fileName = fileName;
        this.text = text;
        this.charset = charset;
        this.bom = bom;
        this.root = root;
    }

    /** Decodes {@code bytes} in the encoding the file declares and maps its elements. */
    public static XmlSource parse(String fileName, byte[] bytes) throws ConfigFileException {
        boolean bom = startsWith(bytes, UTF8_BOM);
        int offset = bom ? UTF8_BOM.length : 0;
        if (wideEncoding(bytes)) {
            throw new ConfigFileException(fileName + ": the file is UTF-16 or UTF-32 encoded (a byte-order mark or zero"
                    + " bytes in its first characters); WSO2 reads its config files as UTF-8 or ISO-8859-1: save it as UTF-8");
        }
        Charset charset = declaredCharset(fileName, bytes, offset);
        String text = decode(fileName, bytes, offset, charset);
        return parse(fileName, text, charset, bom);
    }

    /** UTF-16 and UTF-32, by their byte-order marks or by the zero bytes of {@code <?} or {@code <} in them. */
    private static boolean wideEncoding(byte[] bytes) {
        if (bytes.length < 2) {
            return false;
        }
        boolean bom16 = (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE);
        boolean zeros = bytes.length >= 4 && (bytes[0] == 0 || bytes[1] == 0 || bytes[2] == 0 || bytes[3] == 0);
        return bom16 || zeros;
    }

    /** Maps the elements of text already decoded (for example after a first round of edits). */
    public static XmlSource parse(String fileName, String text, Charset charset, boolean bom) throws ConfigFileException {
        SafeXml.checkWellFormed(fileName, text);
        return new XmlSource(fileName, text, charset, bom, new XmlScanner(fileName, text).scan());
    }

    /** The same file with {@code newText}, re-mapped. */
    public XmlSource withText(String newText) throws ConfigFileException {
        return parse(fileName, newText, charset, bom);
    }

    /** The text as bytes in the file's own encoding (and BOM, if it had one). */
    public byte[] encode(String newText) throws ConfigFileException {
        if (!charset.newEncoder().canEncode(newText)) {
            throw new ConfigFileException(fileName + ": a configured value has characters that the file's encoding "
                    + charset.name() + " cannot hold; use characters from that encoding");
        }
        byte[] body = newText.getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] withBom = new byte[body.length + UTF8_BOM.length];
        System.arraycopy(UTF8_BOM, 0, withBom, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, withBom, UTF8_BOM.length, body.length);
        return withBom;
    }

    public String fileName() {
        return fileName;
    }

    public String text() {
        return text;
    }

    public Charset charset() {
        return charset;
    }

    public XmlElement root() {
        return root;
    }

    /** The file's line separator: CRLF files stay CRLF. */
    public String lineSeparator() {
        int newline = text.indexOf('\n');
        return newline > 0 && text.charAt(newline - 1) == '\r' ? "\r\n" : "\n";
    }

    /** 1-based line of an offset. */
    public int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    public int lineStart(int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** Offset just after the line separator of the line holding {@code offset} (or the end of the text). */
    public int lineEnd(int offset) {
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? text.length() : newline + 1;
    }

    /** The white space that starts the line holding {@code offset}. */
    public String indentOf(int offset) {
        int from = lineStart(offset);
        int to = from;
        while (to < text.length() && (text.charAt(to) == ' ' || text.charAt(to) == '\t')) {
            to++;
        }
        return text.substring(from, to);
    }

    /** True when only white space stands between the start of its line and {@code offset}. */
    public boolean startsLine(int offset) {
        return text.substring(lineStart(offset), offset).isBlank();
    }

    /** The element's character content (entities decoded, surrounding white space removed). */
    public String textOf(XmlElement element) {
        if (element.selfClosing) {
            return "";
        }
        return XmlEscapes.unescape(text.substring(element.startTagEnd, element.endTagStart)).trim();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Charset declaredCharset(String fileName, byte[] bytes, int offset) throws ConfigFileException {
        String head = new String(bytes, offset, Math.min(200, bytes.length - offset), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(head);
        if (!declared.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            throw new ConfigFileException(fileName + ": line 1: encoding '" + declared.group(1)
                    + "' is not supported by this Java runtime");
        }
    }

    private static String decode(String fileName, byte[] bytes, int offset, Charset charset) throws ConfigFileException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            boolean declared = DECLARED_ENCODING.matcher(new String(bytes, offset, Math.min(200, bytes.length - offset),
                    StandardCharsets.ISO_8859_1)).find();
            throw new ConfigFileException(fileName + ": the bytes are not valid " + charset.name()
                    + (declared ? ", the encoding the file declares" : " (the file declares no encoding, so XML reads it"
                    + " as UTF-8)") + "; fix the file or its XML declaration");
        }
    }
}
