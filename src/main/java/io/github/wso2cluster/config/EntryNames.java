package io.github.wso2cluster.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks zip entry names before anything is read or written: none may leave the folder it is unpacked into,
 * and none may stand for the same file as another under a different spelling.
 */
public final class EntryNames {
    private EntryNames() {
    }

    /** @return why the name is unsafe, or null when it is fine */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "has an empty name";
        }
        if (name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':')) {
            return "is an absolute path or uses backslashes or a drive letter";
        }
        if (List.of(name.split("/")).contains("..")) {
            return "climbs out of its folder with '..'";
        }
        return null;
    }

    /** The name without {@code .} segments, empty segments ({@code //}) or a trailing slash. */
    public static String normal(String name) {
        StringBuilder normal = new StringBuilder();
        for (String segment : name.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                normal.append(normal.length() == 0 ? "" : "/").append(segment);
            }
        }
        return normal.toString();
    }

    /**
     * Checks every entry of one zip, in order. Exact repeats are allowed (the first one wins everywhere), but
     * not a second spelling of a name: {@code conf/axis2/./axis2.xml} or {@code conf//axis2/axis2.xml} after the
     * real one is a second file to the plugin and the same file to {@code unzip}, which keeps the last, so a
     * stock copy would silently undo the configuration. Case-only twins collide on case-insensitive file
     * systems the same way; a path that is both a file and a folder cannot be extracted.
     */
    public static final class Guard {
        private final Map<String, String> byFoldedName = new HashMap<>();
        private final Set<String> files = new HashSet<>();
        private final Set<String> folders = new HashSet<>();

        /** @return why this entry is refused, or null */
        public String check(String name, boolean directory, boolean symbolicLink) {
            String problem = problem(name);
            if (problem != null) {
                return problem;
            }
            if (symbolicLink) {
                return "is a symbolic link; WSO2 distributions ship none, and a link unpacked on a server makes it"
                        + " serve whatever the link points to (such as /etc)";
            }
            String path = normal(name);
            if (path.isEmpty() || !(directory ? path + "/" : path).equals(name)) {
                return "is not a plain path ('.' or '//' in it), so it can shadow another entry: refusing the zip";
            }
            String earlier = byFoldedName.putIfAbsent(path.toLowerCase(Locale.ROOT), path);
            if (earlier != null && !earlier.equals(path)) {
                return "differs from the entry '" + earlier + "' only in case; on a case-insensitive file system one"
                        + " overwrites the other";
            }
            int slash = path.indexOf('/');
            while (slash > 0) {
                String parent = path.substring(0, slash);
                if (files.contains(parent)) {
                    return "lies under '" + parent + "', which is also a file";
                }
                folders.add(parent);
                slash = path.indexOf('/', slash + 1);
            }
            if (directory ? files.contains(path) : folders.contains(path)) {
                return "is both a file and a folder";
            }
            (directory ? folders : files).add(path);
            return null;
        }
    }
}
