package io.github.wso2cluster.product;

/** A value read from a config file, with where it stands (line 0: absent or unknown). */
public record Located(String value, String file, int line) {
    public static Located absent(String file) {
        return new Located(null, file, 0);
    }

    public boolean present() {
        return value != null;
    }
}
