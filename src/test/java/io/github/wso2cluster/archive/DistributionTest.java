package io.github.wso2cluster.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.ZipBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Arrays;

class DistributionTest {
    @TempDir
    Path tmp;

    private String failure(Path zip) {
        return assertThrows(ArchiveException.class, () -> Distribution.open(zip)).getMessage();
    }

    @Test
    void theSampleIsAValidDistribution() throws Exception {
        Distribution distribution = Distribution.open(ZipBuilder.sample().write(tmp.resolve("as.zip")));
        assertEquals("wso2as-5.2.1", distribution.topFolder());
        assertTrue(distribution.read("repository/conf/carbon.xml").isPresent());
    }

    @Test
    void missingFile() {
        assertTrue(failure(tmp.resolve("nope.zip")).contains("does not exist"));
    }

    @Test
    void notAZip() throws Exception {
        Path zip = Files.writeString(tmp.resolve("as.zip"), "this is not a zip");
        assertTrue(failure(zip).contains("is not a readable zip file"), failure(zip));
    }

    @Test
    void truncatedZip() throws Exception {
        Path whole = ZipBuilder.sample().write(tmp.resolve("whole.zip"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(tmp.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        String message = failure(cut);
        assertTrue(message.contains("cut.zip") && message.contains("truncated or corrupt"), message);
    }

    @Test
    void noSingleTopFolder() throws Exception {
        Path zip = ZipBuilder.sample().file("other/readme.txt", "x").write(tmp.resolve("as.zip"));
        assertTrue(failure(zip).contains("has no single top folder"), failure(zip));
        Path flat = ZipBuilder.create().file("readme.txt", "x").write(tmp.resolve("flat.zip"));
        assertTrue(failure(flat).contains("has no single top folder"), failure(flat));
    }

    @Test
    void noAxis2Xml() throws Exception {
        Path zip = ZipBuilder.sample().remove("wso2as-5.2.1/repository/conf/axis2/axis2.xml").write(tmp.resolve("as.zip"));
        assertTrue(failure(zip).contains("has no wso2as-5.2.1/repository/conf/axis2/axis2.xml"), failure(zip));
    }

    @Test
    void unsafeEntryNamesAreRefused() throws Exception {
        for (String name : new String[] {"wso2as-5.2.1/../../evil.sh", "/etc/evil", "wso2as-5.2.1\\..\\evil", "C:/evil"}) {
            Path zip = ZipBuilder.sample().file(name, "x").write(tmp.resolve("evil.zip"));
            String message = failure(zip);
            // commons-compress reads a backslash as a separator, so that entry is reported with slashes.
            assertTrue(message.contains("unsafe entry '" + name.replace('\\', '/') + "'"), message);
        }
    }

    @Test
    void theConfigurationDirectoryIsRepositoryConfElseConfElseTheOneThePomNames() throws Exception {
        byte[] axis2 = Files.readAllBytes(ZipBuilder.sampleDistribution().resolve("repository/conf/axis2/axis2.xml"));
        Path ei = ZipBuilder.create().file("wso2ei-6.4.0/conf/axis2/axis2.xml", axis2, 0644)
                .file("wso2ei-6.4.0/wso2/business-process/conf/axis2/axis2.xml", axis2, 0644)
                .write(tmp.resolve("ei.zip"));
        assertEquals("repository/conf", Distribution.open(ZipBuilder.sample().write(tmp.resolve("as.zip"))).configPaths().conf());
        assertEquals("conf", Distribution.open(ei).configPaths().conf());
        assertEquals("wso2/business-process/conf/axis2/axis2.xml",
                Distribution.open(ei, "wso2/business-process/conf").configPaths().axis2());
        String wrong = assertThrows(ArchiveException.class, () -> Distribution.open(ei, "wso2/broker/conf")).getMessage();
        assertTrue(wrong.contains("has no wso2ei-6.4.0/wso2/broker/conf/axis2/axis2.xml; check <confDirectory>"), wrong);
        Path none = ZipBuilder.create().file("product-1.0/lib/a.txt", "a").write(tmp.resolve("none.zip"));
        String message = failure(none);
        assertTrue(message.contains("has no configuration directory: neither product-1.0/repository/conf/ nor"
                + " product-1.0/conf/"), message);
    }

    /** A second spelling of a config entry after the real one would be the file unzip keeps: refused. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "wso2as-5.2.1/repository/conf/axis2/./axis2.xml",
        "wso2as-5.2.1/repository/conf//axis2/axis2.xml",
        "wso2as-5.2.1/repository/conf/axis2/AXIS2.xml",
        "wso2as-5.2.1/./repository/conf/carbon.xml"})
    void shadowEntriesAreRefused(String shadow) throws Exception {
        Path zip = ZipBuilder.sample().file(shadow, "<axisconfig/>").write(tmp.resolve("shadow.zip"));
        String message = failure(zip);
        assertTrue(message.contains("has an unsafe entry '" + shadow + "'"), message);
        assertTrue(message.contains("can shadow another entry") || message.contains("only in case"), message);
    }

    @Test
    void symbolicLinksAndFileFolderClashesAreRefused() throws Exception {
        Path withLink = ZipBuilder.sample().symlink("wso2as-5.2.1/webapps/docs", "/etc").write(tmp.resolve("link.zip"));
        String link = failure(withLink);
        assertTrue(link.contains("'wso2as-5.2.1/webapps/docs': it is a symbolic link"), link);
        Path clash = ZipBuilder.sample().file("wso2as-5.2.1/lib", "a file where a folder is").write(tmp.resolve("clash.zip"));
        String both = failure(clash);
        assertTrue(both.contains("also a file") || both.contains("both a file and a folder"), both);
    }

    @Test
    void aConfigFileThatInflatesBeyondTheLimitIsRefusedNamingIt() throws Exception {
        int huge = io.github.wso2cluster.config.ConfigFiles.MAX_BYTES + 1;
        Path zip = ZipBuilder.sample().spaces("wso2as-5.2.1/repository/conf/carbon.xml", huge).write(tmp.resolve("bomb.zip"));
        assertTrue(Files.size(zip) < 200_000, "it compresses well, as a bomb does");
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> Distribution.open(zip).read("repository/conf/carbon.xml"));
        assertTrue(e.getMessage().contains("wso2as-5.2.1/repository/conf/carbon.xml is " + huge
                + " bytes once inflated; a WSO2 config file is at most 8 MB"), e.getMessage());
    }
}
