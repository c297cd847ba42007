package io.github.wso2cluster.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ProductLine;
import io.github.wso2cluster.testkit.ZipBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A no-change build recognises the distribution from the cache, without reading its central directory again. */
class ProductCacheTest {
    @TempDir
    Path tmp;

    @Test
    void anUnchangedDistributionIsRecognisedFromTheCacheAndAChangedOneAgain() throws Exception {
        Path zip = ZipBuilder.sample().write(tmp.resolve("as.zip"));
        ProductCache cache = new ProductCache(tmp.resolve("target/wso2-cluster/distribution.product"));
        Optional<Product> first = cache.recognise(zip, null);
        assertEquals(ProductLine.CARBON, first.orElseThrow().line());
        assertEquals("5.2.1", first.get().version());

        // The same size and time, other bytes (not a zip at all): the cache answers, so the zip was not read.
        FileTime time = Files.getLastModifiedTime(zip);
        long size = Files.size(zip);
        Files.write(zip, new byte[(int) size]);
        Files.setLastModifiedTime(zip, time);
        assertEquals(first, cache.recognise(zip, null));
        assertEquals(Optional.empty(), new ProductCache(tmp.resolve("other.product")).recognise(zip, null),
                "without the cache the zeros are no WSO2 zip");

        // A touched file is read again, and so is another configuration directory.
        Files.setLastModifiedTime(zip, FileTime.fromMillis(time.toMillis() + 2000));
        assertEquals(Optional.empty(), cache.recognise(zip, null));
        ZipBuilder.sample().write(zip);
        assertTrue(cache.recognise(zip, "repository/conf").isPresent());
    }
}
