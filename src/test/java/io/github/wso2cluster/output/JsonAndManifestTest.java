package io.github.wso2cluster.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.util.Arrays;

/** cluster.json is written and read with one escape-correct codec: any name survives the round trip. */
class JsonAndManifestTest {
    @TempDir
    Path tmp;

    private static final List<String> HOSTILE = List.of("plain", "quote\"in", "back\\slash", "C:\\dist\\as.zip",
            "line\nbreak", "tab\tand\rreturn", "ctl\u0001\u001f\u007f", "unicode é 中文 \uD83D\uDE00", "lone\uD800surrogate",
            "\\u0041 not an escape", "}]\",:", "");

    @Test
    void everyStringSurvivesTheRoundTrip() throws Exception {
        for (String value : HOSTILE) {
            Object back = Json.parse(Json.string(value));
            assertEquals(value, back, "round trip of " + value);
        }
    }

    @Test
    void readsObjectsArraysNumbersAndLiterals() throws Exception {
        Object value = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": {}, \"c\": \"\\u00e9\\/\"} ");
        assertEquals(Map.of("a", Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false, null),
                "b", Map.of(), "c", "é/"), value);
    }

    @Test
    void malformedJsonSaysWhere() {
        for (String bad : List.of("{\"a\": 1,}", "{\"a\" 1}", "[1 2]", "\"open", "{\"a\":1}{", "01", "{\"a\":1,\"a\":2}",
                "\"ctl\u0001\"")) {
            Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("line 1, column "), e.getMessage());
        }
    }

    @Test
    void theManifestReadsBackEveryNodeWhateverItsFileName() throws Exception {
        StringBuilder json = new StringBuilder("{\"domain\": \"d\", \"nodes\": [");
        for (int i = 0; i < HOSTILE.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\": ").append(Json.string("n" + i)).append(", \"zip\": ")
                    .append(Json.string("as-" + HOSTILE.get(i) + ".zip")).append(", \"size\": ").append(100 + i)
                    .append(", \"writtenFrom\": ").append(i).append(", \"writtenSha256\": \"ab").append(i).append("\"}");
        }
        Path manifest = Files.writeString(tmp.resolve("cluster.json"), json.append("]}").toString(), StandardCharsets.UTF_8);
        List<ClusterManifest.NodeZip> zips = ClusterManifest.read(manifest);
        assertEquals(HOSTILE.size(), zips.size());
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertEquals("as-" + HOSTILE.get(i) + ".zip", zips.get(i).file());
            assertEquals(new ZipIntegrity(100 + i, i, "ab" + i), zips.get(i).integrity());
        }
        Files.writeString(manifest, "{\"nodes\": [{\"id\": \"x\"}]}");
        IOException e = assertThrows(IOException.class, () -> ClusterManifest.read(manifest));
        assertTrue(e.getMessage().contains("a node without id, zip, size, writtenFrom and writtenSha256"), e.getMessage());
        // A cluster.json of an older plugin (a whole-file sha256, nothing else) is not taken for a record.
        Files.writeString(manifest, "{\"nodes\": [{\"id\": \"x\", \"zip\": \"x.zip\", \"sha256\": \"ab\"}]}");
        e = assertThrows(IOException.class, () -> ClusterManifest.read(manifest));
        assertTrue(e.getMessage().contains("run configure-cluster again"), e.getMessage());
        Files.writeString(manifest, "{\"nodes\": [");
        e = assertThrows(IOException.class, () -> ClusterManifest.read(manifest));
        assertTrue(e.getMessage().contains("line 1, column 12"), e.getMessage());
    }
}
