package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;


/**
 * Writes node zips straight from the distribution zip. An entry no setting touches is copied raw, its
 * bytes as they are (never inflated and deflated again): as byte ranges the kernel copies
 * ({@link CopyingNodeWriter}), else through commons-compress ({@link StreamingNodeWriter}); only edited and
 * added files are compressed. Nodes are written in parallel, each with its own reader, to temporary files
 * that are moved into place only when every node succeeded: a failed build leaves no node zip half-written or new.
 */
public final class NodeAssembler {
    private final int threads;
    private final boolean copyRanges;
    private volatile String streamingReason;

    public NodeAssembler(int threads) {
        this(threads, true);
    }

    /** @param copyRanges false to stream every zip through commons-compress (the fallback, for tests) */
    NodeAssembler(int threads, boolean copyRanges) {
        this.threads = Math.max(1, threads);
        this.copyRanges = copyRanges;
    }

    public List<AssembledNode> assemble(Distribution distribution, List<NodeArchive> nodes, EntryTimes times)
            throws ArchiveException, IOException {
        List<Path> temporaries = new ArrayList<>();
        for (NodeArchive node : nodes) {
            // Unique per writer: a second build of the same project at once must never write into this file.
            temporaries.add(AtomicFiles.temporaryBeside(node.output()));
        }
        boolean success = false;
        try {
            CopyingNodeWriter copying = copying(distribution, nodes, times);
            List<Callable<AssembledNode>> tasks = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                NodeArchive node = nodes.get(i);
                Path temporary = temporaries.get(i);
                tasks.add(() -> write(distribution, copying, node, temporary, times));
            }
            List<AssembledNode> written = Workers.run("wso2-cluster-assembler", threads, tasks);
            for (int i = 0; i < nodes.size(); i++) {
                AtomicFiles.publish(temporaries.get(i), nodes.get(i).output());
            }
            success = true;
            return written;
        } finally {
            if (!success) {
                for (Path temporary : temporaries) {
                    Files.deleteIfExists(temporary);
                }
            }
        }
    }

    private AssembledNode write(Distribution distribution, CopyingNodeWriter copying, NodeArchive node,
                                Path temporary, EntryTimes times) throws ArchiveException, IOException {
        if (copying != null && copying.fits(node)) {
            try {
                return copying.write(node, temporary);
            } catch (IOException e) {
                throw new IOException("Writing the zip of node '" + node.nodeId() + "' (" + node.output()
                        + ") failed: " + e.getMessage(), e);
            }
        }
        return StreamingNodeWriter.write(distribution, node, temporary, times);
    }

    /** The writer that copies byte ranges, or null (with the reason kept) when this distribution needs streaming. */
    private CopyingNodeWriter copying(Distribution distribution, List<NodeArchive> nodes, EntryTimes times)
            throws ArchiveException, IOException {
        if (!copyRanges || nodes.isEmpty()) {
            streamingReason = copyRanges ? null : "copying ranges is off";
            return null;
        }
        Set<String> names = new HashSet<>();
        String prefix = distribution.topFolder() + "/";
        for (NodeArchive node : nodes) {
            for (Set<String> paths : List.of(node.configuration().replaced().keySet(),
                    node.configuration().added().keySet(), node.overlay().files().keySet())) {
                paths.forEach(path -> names.add(prefix + path));
            }
        }
        CentralDirectory.Outcome outcome = CentralDirectory.read(distribution, names);
        streamingReason = outcome.unusable();
        return outcome.directory() == null ? null : new CopyingNodeWriter(outcome.directory(), distribution, times);
    }

    /** Why the last assembly streamed its zips instead of copying ranges, or null. */
    String streamingReason() {
        return streamingReason;
    }
}
