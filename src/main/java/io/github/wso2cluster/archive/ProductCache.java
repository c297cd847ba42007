package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.AtomicFiles;
import io.github.wso2cluster.product.ConfigFormat;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ProductLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The product a distribution is, remembered with the file's path, size and modification time (as {@link DigestCache}
 * remembers its digest): validation needs the product before anything else, and a no-change build must not read a
 * 6,000-entry central directory for it every time.
 */
public final class ProductCache {
    private final Path cacheFile;

    public ProductCache(Path cacheFile) {
        this.cacheFile = cacheFile;
    }

    /** The distribution's product, or empty when it is not a readable WSO2 zip (said when the nodes are built). */
    public Optional<Product> recognise(Path file, String confDirectory) {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String key = file.toAbsolutePath().normalize() + "\t" + Files.size(file) + "\t"
                    + Files.getLastModifiedTime(file).toMillis() + "\t" + (confDirectory == null ? "" : confDirectory) + "\t";
            Optional<Product> cached = read(key);
            if (cached.isPresent()) {
                return cached;
            }
            Optional<Product> product = Distribution.recognise(file, confDirectory);
            if (product.isPresent()) {
                Product p = product.get();
                AtomicFiles.write(cacheFile, (key + p.line().id() + "\t" + p.version() + "\t" + p.format().name() + "\t"
                        + p.paths().conf() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return product;
        } catch (IOException e) {
            return Distribution.recognise(file, confDirectory); // an unwritable cache only costs the time it saves
        }
    }

    private Optional<Product> read(String key) throws IOException {
        if (!Files.isRegularFile(cacheFile)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(cacheFile, StandardCharsets.UTF_8)) {
            if (!line.startsWith(key)) {
                continue;
            }
            String[] fields = line.substring(key.length()).split("\t", -1);
            Optional<ProductLine> productLine = fields.length == 4 ? ProductLine.byId(fields[0]) : Optional.empty();
            if (productLine.isPresent() && (fields[2].equals("XML") || fields[2].equals("TOML"))) {
                return Optional.of(new Product(productLine.get(), fields[1], ConfigFormat.valueOf(fields[2]),
                        new ConfigPaths(fields[3])));
            }
        }
        return Optional.empty();
    }
}
