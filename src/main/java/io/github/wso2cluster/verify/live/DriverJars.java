package io.github.wso2cluster.verify.live;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Where the live database check loads a datasource's JDBC driver from. Never from a node's whole library folder:
 * a class named like the driver in another jar of it (the node may come from anywhere) would run its static
 * initializer inside the build's JVM and be the one tested. So either the jar Maven resolved for
 * {@code databases/driver}, or else the ONE jar of the node that holds the driver class; each in its own class
 * loader whose parent is the platform loader, so it sees neither the build's classes nor the node's other jars.
 */
final class DriverJars implements AutoCloseable {
    /** A driver's class loader and where it comes from, as the case's text says it. */
    record Source(ClassLoader loader, String from) {
    }

    private final Path maven;
    private final List<Path> nodeJars;
    private final String folder;
    private final ClassLoader given;
    private final Map<Path, URLClassLoader> loaders = new LinkedHashMap<>();

    private DriverJars(Path maven, List<Path> nodeJars, String folder, ClassLoader given) {
        this.maven = maven;
        this.nodeJars = List.copyOf(nodeJars);
        this.folder = folder;
        this.given = given;
    }

    /** The jar of {@code databases/driver}, resolved by Maven: the only one used. */
    static DriverJars maven(Path jar) {
        return new DriverJars(jar, List.of(), null, null);
    }

    /** A node's library jars (copied out of it), of which only the one holding the driver class is loaded. */
    static DriverJars node(List<Path> jars, String folder) {
        return new DriverJars(null, jars, folder, null);
    }

    /** A class loader the caller made (tests, callers that bring their own driver). */
    static DriverJars given(ClassLoader loader) {
        return new DriverJars(null, List.of(), null, loader);
    }

    /**
     * @throws IllegalStateException saying what to do, when no jar or more than one jar of the node holds the class
     */
    Source forClass(String className) throws IOException {
        if (given != null) {
            return new Source(given, "the given class loader");
        }
        if (maven != null) {
            return new Source(loader(maven), "databases/driver (" + maven.getFileName() + ")");
        }
        String entry = className.replace('.', '/') + ".class";
        List<Path> holding = new ArrayList<>();
        for (Path jar : nodeJars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                if (zip.getEntry(entry) != null) {
                    holding.add(jar);
                }
            } catch (IOException notAZip) {
                // not a jar: it holds no driver
            }
        }
        if (holding.isEmpty()) {
            throw new IllegalStateException("the driver class " + className + " is in no jar of the node's " + folder
                    + "; name the driver's artifact in <databases><driver>");
        }
        if (holding.size() > 1) {
            throw new IllegalStateException("the driver class " + className + " is in " + holding.size() + " jars of the"
                    + " node's " + folder + " (" + String.join(", ", holding.stream().map(p -> p.getFileName().toString())
                    .toList()) + "), so which one is the driver is not clear and none was loaded; name the driver's"
                    + " artifact in <databases><driver>");
        }
        return new Source(loader(holding.get(0)), folder + "/" + holding.get(0).getFileName());
    }

    private ClassLoader loader(Path jar) throws MalformedURLException {
        URLClassLoader loader = loaders.get(jar);
        if (loader == null) {
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            loaders.put(jar, loader);
        }
        return loader;
    }

    @Override
    public void close() throws IOException {
        for (URLClassLoader loader : loaders.values()) {
            loader.close();
        }
        loaders.clear();
    }
}
