package org.imagelabeler.platform.database;

import org.imagelabeler.platform.extension.ExtensionPriority;

/**
 * A module's database schema, contributed as a bean: Flyway migrations under
 * {@code classpath:db/migration/{module}/{vendor}/}, with their own history table, so that a
 * plugin jar brings its tables along. Modules migrate in priority order (the platform first).
 */
public record SchemaMigration(String module, int priority) implements ExtensionPriority {

    public SchemaMigration {
        if (!module.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("module id must be lower-case letters, digits or '_': " + module);
        }
    }

    public String location(DatabaseKind kind) {
        return "classpath:db/migration/" + module + "/" + kind.vendor();
    }

    public String historyTable() {
        return "schema_history_" + module;
    }

    @Override
    public int getPriority() {
        return priority;
    }
}
