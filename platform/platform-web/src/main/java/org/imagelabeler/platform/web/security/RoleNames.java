package org.imagelabeler.platform.web.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/** Roles as typed in a form field: names separated by commas or blanks. */
final class RoleNames {

    private RoleNames() {}

    static Set<String> parse(String text) {
        if (text == null) {
            return Set.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        Arrays.stream(text.split("[,\\s]+")).filter(r -> !r.isBlank()).forEach(roles::add);
        return roles;
    }

    static String format(Set<String> roles) {
        return String.join(", ", new TreeSet<>(roles));
    }
}
