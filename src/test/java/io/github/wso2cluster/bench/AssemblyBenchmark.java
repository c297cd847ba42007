package io.github.wso2cluster.bench;

import java.time.Duration;
import io.github.wso2cluster.verify.live.ExternalProcess;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.output.AtomicFiles;
import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.archive.Distribution;
import io.github.wso2cluster.archive.EntryTimes;
import io.github.wso2cluster.archive.Unpacker;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import io.github.wso2cluster.topology.input.NodeInput;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times unpack + node assembly against baselines measured in the same run, on a synthetic distribution:
 * the copy floor (one {@code unzip} plus one {@code cp} of the zip per node), synced and unsynced (see
 * {@link UserView}), the previous code with -Dbench.previous=<its classes folder>, and unpack-and-rezip (one
 * {@code unzip}, then per node a copy of the tree and a {@code zip -r}). Also times {@code unpack} against
 * {@code unzip}. Run with {@code mvn -Pbench install}; sizes with -Dbench.sizeMb, -Dbench.entries,
 * -Dbench.nodes (e.g. 1,10,30), -Dbench.rounds, -Dbench.rezipMaxNodes (skip the slow baseline above that count).
 */
public final class AssemblyBenchmark {

    public static void main(String[] args) throws Exception {
        long sizeMb = Long.getLong("bench.sizeMb", 200);
        int entries = Integer.getInteger("bench.entries", 6000);
        List<Integer> nodeCounts = Stream.of(System.getProperty("bench.nodes", "1,10,30").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int rezipMax = Integer.getInteger("bench.rezipMaxNodes", 30);
        Path work = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        Path sample = Path.of(System.getProperty("bench.sample",
                "src/example/distribution/src/main/dist/wso2as-5.2.1")).toAbsolutePath();
        AtomicFiles.deleteTree(work);
        Files.createDirectories(work);

        System.out.printf(Locale.ROOT, "Generating a %d MB distribution with %d entries...%n", sizeMb, entries);
        Path zip = SyntheticDistribution.write(work.resolve("dist/wso2as-bench.zip"), sample, sizeMb << 20, entries);
        String sha = Digests.sha256(zip); // also warms the page cache for every contender alike
        System.out.printf(Locale.ROOT, "  %s: %.1f MB, %d entries%n", zip.getFileName(), Files.size(zip) / 1048576.0,
                Distribution.open(zip).entryCount());

        // unpack vs unzip: three alternating rounds, each after a sync and on a fresh folder, medians compared
        // (a single run on this kind of machine swings by 2x with write-back of the previous round).
        List<Double> unzipRuns = new ArrayList<>();
        List<Double> unpackRuns = new ArrayList<>();
        long unpackPeak = 0;
        for (int round = 0; round < 3; round++) {
            AtomicFiles.deleteTree(work.resolve("unzip-ref"));
            AtomicFiles.deleteTree(work.resolve("unpack"));
            run(work, "sync");
            unzipRuns.add(time(() -> run(work, "unzip", "-q", "-o", zip.toString(), "-d", work.resolve("unzip-ref").toString())));
            run(work, "sync");
            resetPeaks();
            unpackRuns.add(time(() -> new Unpacker().unpack(Distribution.open(zip), sha, work.resolve("unpack"))));
            unpackPeak = Math.max(unpackPeak, peakHeap());
        }
        double unzipSeconds = median(unzipRuns);
        double unpackSeconds = median(unpackRuns);

        int rounds = Integer.getInteger("bench.rounds", 3);
        String previous = System.getProperty("bench.previous", "");
        UserView view = new UserView(work, zip, sha, previous.isBlank() ? null : Path.of(previous).toAbsolutePath());
        List<String> rows = new ArrayList<>();
        for (int nodes : nodeCounts) {
            // Heap, in this JVM (untimed): pool peaks of one assembly, then the live heap of a repetition.
            Path out = work.resolve("plugin-" + nodes);
            Cluster cluster = cluster(nodes);
            Work assemble = () -> new ClusterAssembly(Reporter.SILENT).assemble(cluster, new ClusterAssembly.Request(zip, sha, null, new OutputLayout(out, "bench"), new EntryTimes(Instant.parse("2026-01-01T00:00:00Z")), true, Runtime.getRuntime().availableProcessors(), "bench"));
            resetPeaks();
            assemble.run();
            long peak = peakHeap();
            AtomicFiles.deleteTree(out);
            long live = LiveHeap.of(assemble); // the sampler's collections slow it down
            AtomicFiles.deleteTree(out);

            Map<String, Double> synced = view.medians(nodes, rounds, true);
            Map<String, Double> unsynced = view.medians(nodes, rounds, false);
            double plugin = unsynced.get("plugin");

            double rezip = Double.NaN;
            if (nodes <= rezipMax) {
                Path rezipDir = Files.createDirectories(work.resolve("rezip-" + nodes));
                rezip = time(() -> {
                    run(work, "unzip", "-q", "-o", zip.toString(), "-d", rezipDir.resolve("tree").toString());
                    for (int i = 0; i < nodes; i++) {
                        Path node = rezipDir.resolve("node-" + i);
                        run(work, "cp", "-r", rezipDir.resolve("tree").toString(), node.toString());
                        run(node, "zip", "-q", "-r", rezipDir.resolve("node-" + i + ".zip").toString(), ".");
                        AtomicFiles.deleteTree(node);
                    }
                });
                AtomicFiles.deleteTree(rezipDir);
            }
            rows.add(String.format(Locale.ROOT, "| %d | %.2f / %.2f = **%.2f** | %.2f / %.2f = **%.2f** | %s | %s | %s | %d | %.1f |",
                    nodes, synced.get("plugin"), synced.get("floor"), synced.get("plugin") / synced.get("floor"),
                    plugin, unsynced.get("floor"), plugin / unsynced.get("floor"),
                    synced.containsKey("previous") ? String.format(Locale.ROOT, "%.2f / %.2f", synced.get("previous")
                            / synced.get("plugin"), unsynced.get("previous") / plugin) : "-",
                    Double.isNaN(rezip) ? "skipped" : String.format(Locale.ROOT, "%.2f", rezip),
                    Double.isNaN(rezip) ? "-" : String.format(Locale.ROOT, "%.1f", rezip / plugin), peak >> 20,
                    live / 1048576.0));
            System.out.println(rows.get(rows.size() - 1));
        }

        String databaseRow = sharedDatabases(work, zip, sha);
        String mavenRows = System.getProperty("bench.maven", "true").equals("true") ? mavenBuilds(work, zip) : "";

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Distribution: %.0f MB zip, %d entries; %d cores; max heap %d MB; %s %s%n%n",
                Files.size(zip) / 1048576.0, entries, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version")));
        table.append(String.format(Locale.ROOT, "Medians of %d alternating rounds; plugin = unpack + configure-cluster in a"
                + " fresh JVM (-Xmx96m), floor = unzip + one cp per node%n%n", rounds));
        table.append("| nodes | synced: plugin / floor (s) | unsynced: plugin / floor (s) | previous code / plugin"
                + " (synced / unsynced) | unpack+rezip (s) | rezip / plugin (unsynced) | pool peaks (MB)* | live heap, max (MB)** |\n");
        table.append("|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> table.append(r).append('\n'));
        table.append(String.format(Locale.ROOT, "%nunpack: %.2f s, unzip: %.2f s (medians of 3; unpack / unzip = %.2f),"
                + " unpack peak heap %d MB%n", unpackSeconds, unzipSeconds, unpackSeconds / unzipSeconds, unpackPeak >> 20));
        table.append(databaseRow);
        table.append(mavenRows);
        Files.writeString(work.resolve("results.md"), table.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(table);
        AtomicFiles.deleteTree(work.resolve("unzip-ref"));
        AtomicFiles.deleteTree(work.resolve("unpack"));
    }

    /**
     * What {@code <databases>} costs: 10 nodes without and with the shared registry, user store and a 2.5 MB JDBC
     * driver in every node, five alternating rounds (after a sync each), medians compared.
     */
    static String sharedDatabases(Path work, Path zip, String sha) throws Exception {
        Cluster plain = cluster(10);
        Cluster wired = withDatabases(10);
        List<Double> plainRuns = new ArrayList<>();
        List<Double> wiredRuns = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (Cluster cluster : List.of(plain, wired)) {
                Path out = work.resolve("databases");
                AtomicFiles.deleteTree(out);
                run(work, "sync");
                double seconds = time(() -> new ClusterAssembly(Reporter.SILENT).assemble(cluster, new ClusterAssembly.Request(zip,
                        sha, null, new OutputLayout(out, "bench"), new EntryTimes(Instant.parse("2026-01-01T00:00:00Z")), true,
                        Runtime.getRuntime().availableProcessors(), "bench")));
                (cluster == plain ? plainRuns : wiredRuns).add(seconds);
            }
        }
        AtomicFiles.deleteTree(work.resolve("databases"));
        double without = median(plainRuns);
        double with = median(wiredRuns);
        String row = String.format(Locale.ROOT, "%nShared databases, 10 nodes (medians of 5 alternating rounds): without %.2f s,"
                + " with <databases> and the driver %.2f s (with / without = %.3f; rounds without %s, with %s)%n",
                without, with, with / without, plainRuns, wiredRuns);
        System.out.print(row);
        return row;
    }

    static Cluster withDatabases(int nodes) throws Exception {
        ClusterInput input = input(nodes);
        input.databases = new DatabasesInput();
        DatabaseInput registry = new DatabaseInput("jdbc:mysql://carbondb:3306/REGISTRY_DB?autoReconnect=true", null);
        registry.setUsername("regadmin");
        DatabaseInput users = new DatabaseInput("jdbc:mysql://carbondb:3306/WSO2_USER_DB?autoReconnect=true", null);
        users.setUsername("umadmin");
        input.databases.setRegistry(registry);
        input.databases.setUserStore(users);
        input.databases.setDriver("com.mysql:mysql-connector-j:8.4.0");
        Path jar = Path.of(Class.forName("com.mysql.cj.jdbc.Driver").getProtectionDomain().getCodeSource().getLocation().toURI());
        return new TopologyValidator(CredentialSource.NONE, coordinates -> jar).validate(input);
    }

    /**
     * The real plugin in a real Maven build of a 10-node deployment project, with MAVEN_OPTS=-Xmx96m: a clean
     * build, a rebuild with nothing changed, and {@code mvn validate} as Maven's own start-up cost.
     */
    static String mavenBuilds(Path work, Path zip) throws Exception {
        String mavenHome = System.getProperty("maven.home");
        String version = System.getProperty("bench.pluginVersion");
        if (mavenHome == null || version == null) {
            return "\n(Maven builds skipped: run through mvn -Pbench install, which sets maven.home and the plugin version)\n";
        }
        int nodes = Integer.getInteger("bench.mavenNodes", 10);
        Path project = Files.createDirectories(work.resolve("project"));
        StringBuilder nodeXml = new StringBuilder();
        for (int i = 0; i < nodes; i++) {
            nodeXml.append("<node><id>").append(i == 0 ? "manager" : "worker" + i).append("</id><role>")
                    .append(i == 0 ? "manager" : "worker").append("</role><localMemberHost>10.1.0.").append(i + 1)
                    .append("</localMemberHost></node>\n");
        }
        Files.writeString(project.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>bench</groupId><artifactId>cluster</artifactId><version>1</version><packaging>pom</packaging>"
                + "<properties><project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp></properties>"
                + "<build><plugins><plugin><groupId>io.github.wso2cluster</groupId><artifactId>wso2-cluster-maven-plugin</artifactId>"
                + "<version>" + version + "</version><executions><execution><goals><goal>unpack</goal><goal>configure-cluster</goal>"
                + "</goals></execution></executions><configuration><distributionFile>" + zip + "</distributionFile>"
                + "<domain>bench</domain><nodes>" + nodeXml + "</nodes></configuration></plugin></plugins></build></project>\n");
        String mvn = Path.of(mavenHome, "bin", "mvn").toString();
        double clean = time(() -> maven(project, mvn, "package"));
        double noChange = time(() -> maven(project, mvn, "package"));
        double startup = time(() -> maven(project, mvn, "validate"));
        // verify-cluster alone on the zips just built (static checks): reads their config files and written tails
        double verify = time(() -> maven(project, mvn, "io.github.wso2cluster:wso2-cluster-maven-plugin:" + version
                + ":verify-cluster", true));
        return String.format(Locale.ROOT, "%nReal Maven builds, %d nodes, MAVEN_OPTS=-Xmx96m: clean package %.2f s;"
                + " no-change package %.2f s; mvn validate (start-up) %.2f s; no-change cost beyond start-up %.2f s;"
                + " verify-cluster %.2f s, beyond start-up %.2f s%n",
                nodes, clean, noChange, startup, noChange - startup, verify, verify - startup);
    }

    static void maven(Path dir, String mvn, String goal) throws IOException, InterruptedException {
        maven(dir, mvn, goal, false);
    }

    /** @param findingsAllowed whether the goal may fail (verify-cluster's findings on the synthetic cluster) */
    static void maven(Path dir, String mvn, String goal, boolean findingsAllowed) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(mvn, "-B", "-q", goal).directory(dir.toFile()).inheritIO();
        builder.environment().put("MAVEN_OPTS", "-Xmx96m");
        if (!ExternalProcess.start(builder).await(Duration.ofMinutes(10)).ok() && !findingsAllowed) {
            throw new IOException("mvn " + goal + " failed in " + dir + " (with MAVEN_OPTS=-Xmx96m)");
        }
    }

    static Cluster cluster(int nodes) throws Exception {
        return new TopologyValidator(CredentialSource.NONE).validate(input(nodes));
    }

    static ClusterInput input(int nodes) {
        ClusterInput input = new ClusterInput();
        input.domain = "bench.domain";
        for (int i = 0; i < nodes; i++) {
            NodeInput node = new NodeInput();
            node.setId(i == 0 ? "manager" : "worker" + i);
            node.setRole(i == 0 ? "manager" : "worker");
            node.setLocalMemberHost("10.1." + (i / 250) + "." + (i % 250 + 1));
            input.nodes.add(node);
        }
        return input;
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    static double time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    static void run(Path dir, String... command) throws IOException, InterruptedException {
        ExternalProcess process = ExternalProcess.start(new ProcessBuilder(command).directory(dir.toFile()).inheritIO());
        if (!process.await(Duration.ofMinutes(10)).ok()) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the live heap. */
    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
