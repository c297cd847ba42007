package io.github.wso2cluster.topology;

import java.util.ArrayList;
import java.util.List;

/** Every problem of a cluster description, in the order found, each naming its element. */
final class Problems {
    final List<String> list = new ArrayList<>();

    void add(String problem) {
        list.add(problem);
    }

    int size() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }
}
