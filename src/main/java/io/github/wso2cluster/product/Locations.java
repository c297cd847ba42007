package io.github.wso2cluster.product;

import java.util.Optional;

/** Where one config format keeps each {@link Setting}, in the words a user of that file knows. */
public interface Locations {
    /** The setting as its file names it: {@code localMemberHost} in axis2.xml, {@code [clustering] local_member_host}. */
    String name(Setting setting);

    /** What to write to give the setting {@code value}, in the file's own form. */
    String assignment(Setting setting, String value);

    /** How the setting's present state reads, for "X is disabled (state)": absent or its value. */
    default String state(Setting setting, Located value) {
        return value.present() ? name(setting) + " is '" + value.value() + "'" : "no " + name(setting);
    }

    /** Why the format has no place for a setting (a check of it then does not apply), or empty when it has one. */
    Optional<String> absence(Setting setting);
}
