package io.github.wso2cluster.testkit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A hand edit of one of a node's files (ISO-8859-1 keeps every byte), failing when it changes nothing. */
public final class TextEdits {
    private TextEdits() {
    }

    public static void edit(Map<String, byte[]> files, String file, UnaryOperator<String> change, String where) {
        String before = new String(files.get(file), StandardCharsets.ISO_8859_1);
        String after = change.apply(before);
        assertNotEquals(before, after, "the edit of " + where + " " + file + " changed nothing");
        files.put(file, after.getBytes(StandardCharsets.ISO_8859_1));
    }
}
