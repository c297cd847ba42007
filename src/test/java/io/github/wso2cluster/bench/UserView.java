package io.github.wso2cluster.bench;

import io.github.wso2cluster.output.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The contenders of one node count in alternating rounds: the plugin ({@code unpack} + {@code configure-cluster}
 * in a fresh JVM with {@code -Xmx96m}, see {@link UserViewRound}), the copy floor ({@code unzip} plus one
 * {@code cp} per node) and, with {@code -Dbench.previous=<classes folder>}, the previous code. Synced: a
 * {@code sync} (untimed) before each contender, so none pays for the write-back of another's output. Unsynced:
 * no sync at all, what a user waits for; the page cache then holds what the disk has not written yet.
 */
final class UserView {
    private final Path work;
    private final Path zip;
    private final String sha;
    private final Path previous;

    UserView(Path work, Path zip, String sha, Path previous) {
        this.work = work;
        this.zip = zip;
        this.sha = sha;
        this.previous = previous;
    }

    /** Median seconds by contender ("plugin", "floor", "previous"). */
    Map<String, Double> medians(int nodes, int rounds, boolean synced) throws Exception {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        List<String> contenders = new ArrayList<>(List.of("plugin", "floor"));
        if (previous != null) {
            contenders.add("previous");
        }
        for (int round = 0; round < rounds; round++) {
            for (String contender : contenders) {
                Path out = work.resolve("round-" + contender);
                AtomicFiles.deleteTree(out);
                Files.createDirectories(out);
                if (synced) {
                    AssemblyBenchmark.run(work, "sync");
                }
                times.computeIfAbsent(contender, c -> new ArrayList<>()).add(switch (contender) {
                    case "floor" -> AssemblyBenchmark.time(() -> {
                        AssemblyBenchmark.run(work, "unzip", "-q", "-o", zip.toString(), "-d", out.resolve("tree").toString());
                        for (int i = 0; i < nodes; i++) {
                            AssemblyBenchmark.run(work, "cp", zip.toString(), out.resolve("node-" + i + ".zip").toString());
                        }
                    });
                    case "plugin" -> round(classpath(null), nodes, out);
                    default -> round(classpath(previous), nodes, out);
                });
                AtomicFiles.deleteTree(out);
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        times.forEach((contender, values) -> medians.put(contender, AssemblyBenchmark.median(values)));
        System.out.println((synced ? "synced " : "unsynced ") + nodes + " nodes: " + times);
        return medians;
    }

    private double round(String classpath, int nodes, Path out) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-cp", classpath, UserViewRound.class.getName(), zip.toString(), sha,
                String.valueOf(nodes), out.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IOException("a benchmark round failed:\n" + output);
        }
        return Double.parseDouble(output.substring(output.lastIndexOf('\n') + 1).trim());
    }

    /** This JVM's class path, with the plugin's classes replaced by {@code classes} when given. */
    private static String classpath(Path classes) {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        if (classes != null) {
            entries.replaceAll(entry -> Path.of(entry).endsWith(Path.of("target", "classes")) ? classes.toString() : entry);
            entries.add(0, classes.toString()); // first, whatever the build folder is called
        }
        return String.join(File.pathSeparator, Stream.of(entries.toArray(String[]::new)).distinct().toList());
    }
}
