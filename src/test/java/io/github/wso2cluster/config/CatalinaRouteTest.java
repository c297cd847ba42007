package io.github.wso2cluster.config;

import static io.github.wso2cluster.config.ConfigTestSupport.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.LineDiff;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tomcat's jvmRoute on the real catalina-server.xml of every vendored product: one attribute, one line. */
class CatalinaRouteTest {

    @Test
    void everyProductsEngineGetsTheNodeIdAsJvmRouteOnItsOwnLineOnly() throws Exception {
        List<Path> sets = Fixtures.referenceSets(ConfigFiles.CATALINA);
        assertTrue(sets.size() >= 5, sets.toString());
        for (Path set : sets) {
            String where = set.getFileName().toString();
            byte[] original = Files.readAllBytes(set.resolve(ConfigFiles.CATALINA));
            XmlSource source = XmlSource.parse(ConfigFiles.CATALINA, original);
            XmlEditor editor = new XmlEditor(source);
            new CatalinaServer(source).configureRoute(editor, "worker-2");
            byte[] edited = source.encode(editor.result());
            assertEquals("worker-2", attribute(edited, "/Server/Service/Engine", "jvmRoute"), where);
            LineDiff diff = LineDiff.of(new String(original, StandardCharsets.ISO_8859_1), new String(edited, StandardCharsets.ISO_8859_1));
            assertEquals(1, diff.removed().size(), where + diff);
            assertTrue(diff.removed().get(0).contains("<Engine name=\"Catalina\""), where + diff);
            assertEquals(diff.removed().get(0).replace("defaultHost=\"localhost\"", "defaultHost=\"localhost\" jvmRoute=\"worker-2\""),
                    diff.added().get(0), where);
            XmlEditor again = new XmlEditor(XmlSource.parse(ConfigFiles.CATALINA, edited));
            new CatalinaServer(again.source()).configureRoute(again, "worker-2");
            assertFalse(again.changed(), where);
        }
    }

    @Test
    void aFileWithoutEngineSaysWhatToDo() throws Exception {
        XmlSource source = XmlSource.parse(ConfigFiles.CATALINA, "<Server><Service name=\"x\"/></Server>".getBytes(StandardCharsets.UTF_8));
        ConfigFileException e = assertThrows(ConfigFileException.class,
                () -> new CatalinaServer(source).configureRoute(new XmlEditor(source), "manager"));
        assertTrue(e.getMessage().contains("has no <Engine> under <Server>/<Service> to set jvmRoute on; restore the stock"
                + " <Engine name=\"Catalina\">, or set loadBalancer/sessionAffinity to hash or none"), e.getMessage());
    }
}
