package io.github.wso2cluster.verify;

/**
 * Hazelcast 3.2.x builds its strings by writing into {@code String}'s {@code char[]} through Unsafe, unless the
 * system property {@code hazelcast.nio.faststring} is false when its {@code UTFEncoderDecoder} class initialises.
 * Since Java 9 strings hold a {@code byte[]}, so 3.2 members on Java 17 exchange garbled names and never join.
 * The class is initialised here, in the isolated loader, with the property false for that moment only: the
 * JVM-wide value is restored at once and no other class loader sees a change.
 */
final class HazelcastStrings {
    static final String FASTSTRING = "hazelcast.nio.faststring";
    private static final String ENCODER = "com.hazelcast.nio.UTFEncoderDecoder";
    /** Serialises the brief property change between concurrent live checks (Maven's parallel builds). */
    private static final Object LOCK = new Object();

    private HazelcastStrings() {
    }

    /** @return whether this Hazelcast has the encoder (3.2 to 3.5); false for lines without it */
    static boolean useSafeStrings(ClassLoader hazelcast) {
        synchronized (LOCK) {
            String previous = System.getProperty(FASTSTRING);
            System.setProperty(FASTSTRING, "false");
            try {
                Class.forName(ENCODER, true, hazelcast);
                return true;
            } catch (ClassNotFoundException | LinkageError absentOrBroken) {
                return false; // another line (3.0, 3.6+), or a start failure the member start reports itself
            } finally {
                if (previous == null) {
                    System.clearProperty(FASTSTRING);
                } else {
                    System.setProperty(FASTSTRING, previous);
                }
            }
        }
    }
}
