package io.github.wso2cluster.archive;

import java.util.List;

/** Checks zip entry names before anything is written: none may leave the folder it is unpacked into. */
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
}
