package io.github.wso2cluster.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff (longest common subsequence), keeping line terminators, so a test can say exactly which lines
 * an edit removed and added, and that every other line kept its bytes.
 */
public record LineDiff(List<String> removed, List<String> added) {

    public static LineDiff of(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                removed.add(a.get(i++));
            } else {
                added.add(b.get(j++));
            }
        }
        removed.addAll(a.subList(i, a.size()));
        added.addAll(b.subList(j, b.size()));
        return new LineDiff(removed, added);
    }

    /** Lines with their terminators, so a CRLF turned LF counts as a change. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    public String removedText() {
        return String.join("", removed);
    }

    public String addedText() {
        return String.join("", added);
    }
}
