package io.github.wso2cluster.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The key pairs WSO2 ships in its products' default keystores (their private keys are public), by the SHA-256 of
 * the public key: {@code stock-keys.txt} lists every one found in every version of the stock keystores of
 * wso2/carbon-kernel and wso2/product-is, with where it was read.
 */
public final class StockKeys {
    private static final Set<String> KEYS = load();

    private StockKeys() {
    }

    public static boolean isStock(String publicKeySha256) {
        return KEYS.contains(publicKeySha256);
    }

    public static int count() {
        return KEYS.size();
    }

    private static Set<String> load() {
        try (InputStream in = StockKeys.class.getResourceAsStream("stock-keys.txt")) {
            if (in == null) {
                throw new IllegalStateException("stock-keys.txt is missing from the plugin");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+")[0]).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
