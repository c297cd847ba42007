package io.github.wso2cluster.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Splices collected against one text and applied together, so offsets stay those of the original. */
public final class TextPatch {
    private record Splice(int start, int end, String replacement, int order) {
    }

    private final List<Splice> splices = new ArrayList<>();

    public void replace(int start, int end, String replacement) {
        splices.add(new Splice(start, end, replacement, splices.size()));
    }

    public void insert(int at, String text) {
        replace(at, at, text);
    }

    public boolean isEmpty() {
        return splices.isEmpty();
    }

    public String apply(String text) {
        List<Splice> sorted = new ArrayList<>(splices);
        sorted.sort(Comparator.comparingInt(Splice::start).thenComparingInt(Splice::order));
        StringBuilder out = new StringBuilder(text.length() + 256);
        int copied = 0;
        for (Splice splice : sorted) {
            if (splice.start < copied) {
                throw new IllegalStateException("overlapping edits at offset " + splice.start);
            }
            out.append(text, copied, splice.start).append(splice.replacement);
            copied = splice.end;
        }
        return out.append(text, copied, text.length()).toString();
    }
}
