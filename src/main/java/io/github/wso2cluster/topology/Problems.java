package io.github.wso2cluster.topology;

import io.github.wso2cluster.topology.database.JdbcUrlSafety;
import java.util.ArrayList;
import java.util.List;

/** Every problem of a cluster description, in the order found, each naming its element. */
public final class Problems {
    final List<String> list = new ArrayList<>();

    /** A JDBC URL quoted in a problem has its password masked: the message reaches the build log. */
    public void add(String problem) {
        list.add(JdbcUrlSafety.maskedText(problem));
    }

    public int size() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }
}
