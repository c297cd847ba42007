package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.verify.facts.NodeFacts;
import java.io.IOException;
import java.util.List;

/**
 * One live check: it starts real things (Hazelcast members, JDBC connections, an nginx) against the nodes, on
 * loopback, and stops every one of them before it returns, pass, fail, timeout or interruption.
 */
public interface LiveCheck {
    /** The check's name: its JUnit case name and what {@code skipChecks} takes. */
    String name();

    /**
     * @throws LiveSetupException when the environment cannot give what the check needs (an artifact that does not
     *                            resolve): a problem the user fixes in the POM
     * @throws IOException        when the build machine cannot host the check (its work folder, a process)
     */
    LiveOutcome check(List<NodeFacts> nodes, LiveContext context)
            throws LiveSetupException, IOException, InterruptedException;
}
