package io.github.wso2cluster.config;

import io.github.wso2cluster.product.ConfigPaths;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where the files the plugin edits stand in the standard layout ({@code repository/conf}), relative to the
 * distribution's top folder. A distribution with another configuration directory uses {@link ConfigPaths}.
 */
public final class ConfigFiles {
    public static final String AXIS2 = ConfigPaths.STANDARD.axis2();
    public static final String CARBON = ConfigPaths.STANDARD.carbon();
    public static final String CATALINA = ConfigPaths.STANDARD.catalina();
    /**
     * The largest config file the plugin reads (stock ones are under 100 KB): a larger one is refused before it
     * is held in memory, so an entry that inflates to gigabytes (a zip bomb) gives one clear error.
     */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private ConfigFiles() {
    }

    /**
     * Reads a config file of at most {@link #MAX_BYTES}, whatever size its zip entry declares.
     *
     * @param declared the size the zip entry declares, or -1 when unknown
     */
    public static byte[] read(InputStream in, long declared, String name) throws IOException {
        if (declared > MAX_BYTES) {
            throw tooLarge(name, declared + " bytes");
        }
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(name, "more than " + MAX_BYTES + " bytes");
        }
        if (declared >= 0 && bytes.length != declared) {
            throw new IOException(name + ": the entry declares " + declared + " bytes but holds " + bytes.length
                    + "; the zip is corrupt or crafted: take the zip from a trusted source");
        }
        return bytes;
    }

    private static IOException tooLarge(String name, String size) {
        return new IOException(name + " is " + size + " once inflated; a WSO2 config file is at most "
                + (MAX_BYTES / 1024 / 1024) + " MB (stock ones are under 100 KB): this is not a config file (a zip bomb?)");
    }
}
